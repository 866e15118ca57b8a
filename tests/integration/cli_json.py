#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Validate the scmi CLI's JSON output against the schema of docs/json/ (docs/json.md).

Usage: cli_json.py SCHEMA_DIR MANIFEST

Each line of MANIFEST is "NAME<TAB>REF<TAB>FILE": FILE holds what one command printed on
stdout, one JSON document per line (a watch prints one per sample), and every document must
be valid against REF, a schema file of SCHEMA_DIR and a JSON pointer into it
("clock.schema.json#/$defs/list"). An empty FILE is an error: under --json a command always
prints a document, its output or its error.

The validator is Debian's python3-jsonschema (Draft 2020-12); no check here is hand-written.
Prints "ok   NAME" or "FAIL NAME" and the reasons for each line, then exits 1 if any failed.
"""
import json
import os
import sys
import warnings

try:
    import jsonschema
except ImportError:
    print("FAIL python3-jsonschema is missing (make deps installs it)")
    sys.exit(1)


def store_of(schema_dir):
    """Every schema file by its file:// URI, so that relative $refs resolve without I/O."""
    store = {}
    for name in sorted(os.listdir(schema_dir)):
        if name.endswith(".schema.json"):
            path = os.path.abspath(os.path.join(schema_dir, name))
            with open(path, encoding="utf-8") as f:
                schema = json.load(f)
            jsonschema.Draft202012Validator.check_schema(schema)
            store["file://" + path] = schema
    return store


def validator_for(schema_dir, store, ref):
    base = "file://" + os.path.abspath(schema_dir) + "/"
    with warnings.catch_warnings():
        # RefResolver is what Debian 12's jsonschema (4.10) has; newer ones warn about it.
        warnings.simplefilter("ignore", DeprecationWarning)
        resolver = jsonschema.RefResolver(base, {}, store=store)
    return jsonschema.Draft202012Validator({"$ref": base + ref}, resolver=resolver)


def check(validator, path):
    """The reasons the documents of @path are not valid (empty: all valid)."""
    with open(path, encoding="utf-8", errors="strict") as f:
        lines = [line for line in f.read().split("\n") if line.strip()]
    if not lines:
        return ["no JSON document on stdout"]
    errors = []
    for n, line in enumerate(lines, 1):
        try:
            doc = json.loads(line)
        except ValueError as e:
            errors.append("line %d: not JSON (%s): %.200s" % (n, e, line))
            continue
        for e in validator.iter_errors(doc):
            where = "/".join(str(p) for p in e.absolute_path) or "(top)"
            errors.append("line %d: %s: %s" % (n, where, e.message[:300]))
    return errors


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().split("\n\n")[1])
        return 2
    schema_dir, manifest = sys.argv[1], sys.argv[2]
    store = store_of(schema_dir)
    failed = 0
    with open(manifest, encoding="utf-8") as f:
        entries = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    for name, ref, path in entries:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            errors = check(validator_for(schema_dir, store, ref), path)
        if errors:
            failed += 1
            print("FAIL %s (against %s)" % (name, ref))
            for e in errors[:10]:
                print("  " + e)
        else:
            print("ok   %s" % name)
    print("validated %d outputs, %d failed" % (len(entries), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

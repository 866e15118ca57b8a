#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Mutation testing for scmi-optee: how many single-change bugs do the tests catch?

Debian packages no mutation tool for C, so this is a small one. It enumerates the mutants of
six operators over the C files named (a comparison flipped, && for || and back, an integer
constant off by one, a returned value replaced, a call statement deleted, a `!` dropped),
samples them reproducibly with a seed, and for each one: writes it into a private copy of the
tree, rebuilds incrementally only the test programs that cover the file (tools/mutation/
coverage), runs those tests, and restores the file. A mutant is killed when a test fails or
times out, survives when every test passes, and is not built when it does not compile
(warnings are errors, so some mutants die there: they are reported apart, not counted as
killed).

Mutants judged equivalent (no test could tell them from the original) are listed, with the
reason, in tools/mutation/equivalent: `path | original line | mutated line | reason`, the
lines stripped of surrounding blanks. They are reported but not counted.

Usage: mutate.py [--seed N] [--sample N] [--jobs N] [--work DIR] [--list] [--json FILE]
                 [--timeout S] PATH_OR_DIR...
       mutate.py --check-equivalent    (every listed equivalent still names a mutant)
"""
import argparse
import fnmatch
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(TOP, "tools", "mutation")

# Operators. Each yields (start, end, replacement) spans of a code line (comments and string
# literals blanked out beforehand, so that spans never land inside them).
REL_FLIP = {"<": ">=", ">=": "<", ">": "<=", "<=": ">", "==": "!=", "!=": "=="}
REL_RE = re.compile(r"(?<![<>=!&|+\-*/%^])(<=|>=|==|!=|<|>)(?![<>=])")
LOGIC_RE = re.compile(r"&&|\|\|")
INT_RE = re.compile(r"(?<![\w.])(0[xX][0-9a-fA-F]+|\d+)([uUlL]*)(?![\w.])")
RETURN_RE = re.compile(r"\breturn\s+([^;]+);")
CALL_RE = re.compile(r"^(\s*)([A-Za-z_]\w*(?:->\w+|\.\w+)*)\s*\(.*\)\s*;\s*$")
NOT_RE = re.compile(r"!(?!=)")
# Calls whose deletion only changes what is printed or unlocks a lock nobody contends for in
# the tests; deleting them is not a bug a unit test can see, so they are not generated.
CALL_SKIP = re.compile(r"^(printf|fprintf|snprintf|scmi_set_err|set_err|sim_log|perror|"
                       r"pthread_mutex_(un)?lock|sim_r?(un)?lock|assert|memset|free|close|"
                       r"va_\w+)$")


def blank_comments_and_strings(text):
    """The text with comments and string/char literals replaced by spaces (same offsets)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(c + " " * (j - i - 2) + (c if j - i >= 2 else ""))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def line_mutants(code, raw, stmt_start=True):
    """(operator, start, end, replacement) for one line: @code blanked, @raw as written;
    @stmt_start: the line begins a statement (not the continuation of one)."""
    muts = []
    stripped = code.strip()
    if not stripped or stripped.startswith("#"):
        return muts
    for m in REL_RE.finditer(code):
        op = m.group(1)
        # `<` and `>` also open and close includes and casts of function pointers; skip
        # shifts and arrows, which the lookarounds exclude, and template-like `->`.
        if op in ("<", ">") and (code[max(0, m.start() - 1)] == "-"):
            continue
        muts.append(("rel", m.start(1), m.end(1), REL_FLIP[op]))
    for m in LOGIC_RE.finditer(code):
        muts.append(("logic", m.start(), m.end(), "||" if m.group() == "&&" else "&&"))
    for m in INT_RE.finditer(code):
        lit, suffix = m.group(1), m.group(2)
        # Array sizes and bit positions in declarations break the build more than they test;
        # skip literals that index a declaration (`x[16];` at top of a line with a type).
        val = int(lit, 16) if lit.lower().startswith("0x") else int(lit, 8 if lit != "0" and
                                                                      lit.startswith("0") else 10)
        new = val + 1
        rep = (hex(new) if lit.lower().startswith("0x") else str(new)) + suffix
        muts.append(("const", m.start(), m.end(), rep))
    m = RETURN_RE.search(code)
    if m:
        expr = m.group(1).strip()
        if expr in ("0", "false", "NULL"):
            rep = {"0": "1", "false": "true", "NULL": "NULL"}[expr]
        elif expr in ("1", "true"):
            rep = "0" if expr == "1" else "false"
        elif re.fullmatch(r"[A-Z][A-Z0-9_]*", expr):
            # A named constant may be 0 itself (SCMI_SUCCESS): move it instead.
            rep = f"({expr}) + 1"
        else:
            rep = "0"
        if rep != expr:
            muts.append(("return", m.start(1), m.end(1), rep))
    m = CALL_RE.match(code) if stmt_start else None
    if m and not code.rstrip().endswith(") ;") and "=" not in code:
        name = m.group(2).split("->")[-1].split(".")[-1]
        if name not in ("return", "if", "while", "for", "switch", "sizeof") and \
                not CALL_SKIP.match(name):
            muts.append(("call", len(m.group(1)), len(code.rstrip()), ";"))
    for m in NOT_RE.finditer(code):
        muts.append(("not", m.start(), m.end(), ""))
    return muts


def enumerate_file(path):
    # The mutants are applied to HEAD's copy (prepare()): enumerate them from HEAD too, or a
    # file someone is editing puts each mutant on the wrong line of the copy.
    r = subprocess.run(["git", "show", "HEAD:" + path], cwd=TOP, stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, text=True)
    if r.returncode == 0:
        text = r.stdout
    else:
        with open(os.path.join(TOP, path)) as f:
            text = f.read()
    code = blank_comments_and_strings(text)
    raw_lines = text.split("\n")
    code_lines = code.split("\n")
    muts = []
    depth = 0  # brace depth: mutants only inside function bodies, not data or struct types
    in_func = False
    prev_end = ";"  # last character of the previous non-blank code line
    head = ""  # what stands at file scope since the last declaration ended
    for no, (c, r) in enumerate(zip(code_lines, raw_lines), 1):
        inside = depth > 0 and in_func
        for ch in c:
            if depth == 0:
                if ch == "{":
                    h = head.strip()
                    in_func = h.endswith(")") and "=" not in h
                    head = ""
                elif ch == ";":
                    head = ""
                else:
                    head += ch
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
        if c.strip().startswith("#"):
            head = ""
        stmt_start = prev_end in ";{}:)" or prev_end == "else"
        if c.strip():
            prev_end = "else" if c.rstrip().endswith("else") else c.rstrip()[-1]
        if not inside:
            continue
        # Skip initialisers of tables (designated initialisers), static data and asserts.
        cs = c.strip()
        if cs.startswith(".") or cs.startswith("static ") or cs.startswith("case "):
            continue
        for op, s, e, rep in line_mutants(c, r, stmt_start):
            mutated = r[:s] + rep + r[e:]
            if mutated != r:
                muts.append({"file": path, "line": no, "op": op, "orig": r.strip(),
                             "mutated": mutated.strip(), "col": s, "end": e, "rep": rep})
    return muts


def load_coverage():
    """[(glob, test regex)] from tools/mutation/coverage."""
    rules = []
    with open(os.path.join(HERE, "coverage")) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                glob, regex = line.split(None, 1)
                rules.append((glob, regex.strip()))
    return rules


def tests_for(path, rules):
    regs = [r for g, r in rules if fnmatch.fnmatch(path, g)]
    return "|".join(regs)


def load_equivalents():
    eq = {}
    p = os.path.join(HERE, "equivalent")
    with open(p) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            parts = [x.strip() for x in line.rstrip("\n").split(" | ")]
            if len(parts) != 4:
                sys.exit(f"{p}: a line needs path | original | mutated | reason: {line!r}")
            # path:LINE when the same change has other, not equivalent, places in the file.
            path, _, at = parts[0].partition(":")
            lines = eq.setdefault((path, parts[1], parts[2]), set())
            lines.add(int(at) if at else None)
    return eq


def check_equivalents(eq):
    """Entries of tools/mutation/equivalent that name no mutant the operators make now (the
    line moved, or the code changed): a stale entry silently stops excusing its mutant, or
    one day excuses another. Returns the messages, empty when every entry is current."""
    stale = []
    cache = {}
    for (path, orig, mutated), lines in sorted(eq.items(), key=str):
        if not os.path.isfile(os.path.join(TOP, path)):
            stale.append(f"{path}: no such file (| {orig} | {mutated})")
            continue
        if path not in cache:
            cache[path] = enumerate_file(path)
        found = {m["line"] for m in cache[path] if m["orig"] == orig and m["mutated"] == mutated}
        for at in sorted(lines, key=lambda x: -1 if x is None else x):
            if (at is None and not found) or (at is not None and at not in found):
                where = path if at is None else f"{path}:{at}"
                stale.append(f"{where}: no such mutant (| {orig} | {mutated})"
                             + (f"; it is at line {', '.join(map(str, sorted(found)))}"
                                if found else ""))
    return stale


def is_equivalent(eq, m):
    lines = eq.get((m["file"], m["orig"], m["mutated"]))
    return bool(lines) and (None in lines or m["line"] in lines)


def run(cmd, cwd, timeout=None):
    return subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=timeout)


def prepare(work, jobs):
    """A private checkout of HEAD (a git worktree: only what changed since the last run is
    rewritten, so the build stays incremental) and a build of it. What is mutated is the
    committed tree, never the working tree someone is editing."""
    src = os.path.join(work, "src")
    build = os.path.join(work, "build")
    os.makedirs(work, exist_ok=True)
    head = run(["git", "rev-parse", "HEAD"], TOP).stdout.strip()
    if not os.path.exists(os.path.join(src, ".git")):
        shutil.rmtree(src, ignore_errors=True)
        run(["git", "worktree", "prune"], TOP)
        r = run(["git", "worktree", "add", "--detach", "-q", src, head], TOP)
        if r.returncode:
            sys.exit(r.stdout)
    else:
        r = run(["git", "checkout", "--detach", "-q", "--force", head], src)
        if r.returncode:
            sys.exit(r.stdout)
    if not os.path.exists(os.path.join(build, "build.ninja")):
        r = run(["cmake", "-S", src, "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Debug",
                 "-DSCMI_SANITIZE=ON"], TOP)
        if r.returncode:
            sys.exit(r.stdout)
    r = run(["cmake", "--build", build, "-j", str(jobs)], TOP)
    if r.returncode:
        sys.exit("the unmutated tree does not build:\n" + r.stdout[-3000:])
    return src, build


def test_targets(build, regex):
    """Ninja targets of the test programs ctest runs for @regex (so only they are rebuilt)."""
    r = run(["ctest", "--show-only=json-v1", "-R", regex], build)
    tests = json.loads(r.stdout)["tests"]
    names = set()
    for t in tests:
        cmd = t.get("command") or []
        for part in cmd:
            if part.startswith(build) and os.access(part, os.X_OK) and os.path.isfile(part):
                names.add(os.path.basename(part))
    return sorted(names), len(tests)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", help="C files or directories (relative to the top)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample", type=int, default=0, help="mutants to try (0: all)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=120, help="seconds per mutant's tests")
    ap.add_argument("--work", default=os.path.join(TOP, "build-mutation"))
    ap.add_argument("--list", action="store_true", help="print the mutants and stop")
    ap.add_argument("--check-equivalent", action="store_true",
                    help="check that every entry of tools/mutation/equivalent names a mutant "
                         "the operators make today, and stop (no build; exit 1 if not)")
    ap.add_argument("--json", help="write the results here")
    ap.add_argument("--min-score", type=float, default=0.0,
                    help="exit 1 when the kill ratio is below this (0..1)")
    a = ap.parse_args()
    a.work = os.path.abspath(a.work)
    if a.check_equivalent:
        stale = check_equivalents(load_equivalents())
        for msg in stale:
            print(f"tools/mutation/equivalent: {msg}", file=sys.stderr)
        return 1 if stale else 0
    if not a.paths:
        ap.error("name the C files or directories to mutate")

    files = []
    for p in a.paths:
        full = os.path.join(TOP, p)
        if os.path.isdir(full):
            for root, _, names in os.walk(full):
                files += [os.path.relpath(os.path.join(root, n), TOP) for n in sorted(names)
                          if n.endswith(".c")]
        elif os.path.isfile(full):
            files.append(p)
        else:
            sys.exit(f"mutate: no such file or directory: {p}")
    files = sorted(set(files))
    rules = load_coverage()
    eq = load_equivalents()
    uncovered = [f for f in files if not tests_for(f, rules)]
    if uncovered:
        sys.exit("mutate: no tests named for " + ", ".join(uncovered) +
                 " (tools/mutation/coverage)")

    muts = []
    for f in files:
        muts += enumerate_file(f)
    total = len(muts)
    rng = random.Random(a.seed)
    if a.sample and a.sample < total:
        muts = rng.sample(muts, a.sample)
    muts.sort(key=lambda m: (m["file"], m["line"], m["col"]))
    print(f"mutate: {total} mutants over {len(files)} files; trying {len(muts)} "
          f"(seed {a.seed})", flush=True)
    if a.list:
        for m in muts:
            print(f"{m['file']}:{m['line']}: [{m['op']}] {m['orig']}  ->  {m['mutated']}")
        return 0

    src, build = prepare(a.work, a.jobs)
    per_file = {}
    survivors = []
    t0 = time.time()
    for i, m in enumerate(muts, 1):
        stats = per_file.setdefault(m["file"], {"killed": 0, "survived": 0, "not_built": 0,
                                                "equivalent": 0})
        if is_equivalent(eq, m):
            stats["equivalent"] += 1
            m["result"] = "equivalent"
            print(f"[{i}/{len(muts)}] equivalent {m['file']}:{m['line']}", flush=True)
            continue
        path = os.path.join(src, m["file"])
        with open(path) as f:
            original = f.read()
        lines = original.split("\n")
        line = lines[m["line"] - 1]
        lines[m["line"] - 1] = line[:m["col"]] + m["rep"] + line[m["end"]:]
        regex = tests_for(m["file"], rules)
        targets, ntests = test_targets(build, regex)
        if not targets:
            sys.exit(f"mutate: no test programs found for {m['file']} ({regex}) in {build}")
        try:
            with open(path, "w") as f:
                f.write("\n".join(lines))
            r = run(["cmake", "--build", build, "-j", str(a.jobs), "--target"] + targets, TOP)
            if r.returncode:
                result = "not_built"
                errs = [l for l in r.stdout.splitlines() if "error" in l]
                m["why"] = errs[0][-200:] if errs else r.stdout.strip()[-200:]
            else:
                try:
                    r = run(["ctest", "-R", regex, "-j", str(a.jobs), "--stop-on-failure",
                             "--timeout", str(a.timeout)], build, timeout=a.timeout * 3)
                    result = "survived" if r.returncode == 0 else "killed"
                except subprocess.TimeoutExpired:
                    result = "killed"
        finally:
            with open(path, "w") as f:
                f.write(original)
        stats[result] += 1
        m["result"] = result
        if result == "survived":
            survivors.append(m)
        print(f"[{i}/{len(muts)}] {result:9} {m['file']}:{m['line']} [{m['op']}] "
              f"{m['orig']}  ->  {m['mutated']}", flush=True)
        if result == "not_built":
            print(f"          ({m['why']})", flush=True)
    # Leave the copy as the tree is, so that the next run rebuilds only what changed.
    run(["cmake", "--build", build, "-j", str(a.jobs)], TOP)

    print(f"\nmutate: {len(muts)} mutants in {time.time() - t0:.0f} s (seed {a.seed})")
    print(f"{'file':48} {'killed':>6} {'surv.':>6} {'equiv.':>6} {'no-bld':>6} {'score':>6}")
    tk = ts = 0
    for f, s in sorted(per_file.items()):
        k, sv = s["killed"], s["survived"]
        tk, ts = tk + k, ts + sv
        score = f"{100 * k / (k + sv):.0f} %" if k + sv else "-"
        print(f"{f:48} {k:6} {sv:6} {s['equivalent']:6} {s['not_built']:6} {score:>6}")
    score = tk / (tk + ts) if tk + ts else 1.0
    print(f"{'all':48} {tk:6} {ts:6} {'':6} {'':6} {100 * score:5.0f} %")
    if survivors:
        print("\nsurvivors (path | original | mutated, as tools/mutation/equivalent takes them):")
        for m in survivors:
            print(f"  {m['file']}:{m['line']} [{m['op']}]\n    {m['orig']}\n    {m['mutated']}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"seed": a.seed, "total": total, "tried": len(muts),
                       "per_file": per_file, "mutants": muts, "score": score}, f, indent=1)
    return 1 if score < a.min_score else 0


if __name__ == "__main__":
    sys.exit(main())

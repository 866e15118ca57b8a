/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The JSON writer (json.c): values go where the structure says (a key first
 * inside an object, none in an array); commas are placed by the writer. Misuse
 * (a value without a key in an object, closing the wrong thing, too deep) is
 * recorded and reported by cli_json_end(). A document is built in memory and
 * written only when complete and well formed, so a command that fails half-way
 * prints no half document. One document at a time.
 *
 * What each command writes is specified by the JSON Schema files of docs/json/
 * (docs/json.md): numbers for ids, one unit per quantity with the unit in the
 * key, "name" and "extended_name" apart, arrays for lists, the same keys in
 * every element (null where a value does not apply).
 */
#ifndef SCMI_TOOLS_JSON_H
#define SCMI_TOOLS_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define CLI_JSON_MAX_DEPTH 16

/**
 * struct cli_json - writer state; zero it with cli_json_init().
 * @f:       where values are written now (the document in memory)
 * @out:     where the finished document goes
 * @depth:   open containers
 * @is_obj:  per level, object (true) or array
 * @count:   per level, members written so far
 * @has_key: a key was written and waits for its value
 * @done:    the top-level value is complete
 * @err:     first misuse, or 0
 */
struct cli_json {
	FILE *f;
	FILE *out;
	int depth;
	bool is_obj[CLI_JSON_MAX_DEPTH];
	uint32_t count[CLI_JSON_MAX_DEPTH];
	bool has_key;
	bool done;
	int err;
};

/** cli_json_init() - start one JSON document for @f (a previous unfinished one is dropped). */
void cli_json_init(struct cli_json *j, FILE *f);
/** cli_json_begin_object() - '{' as the next value. */
void cli_json_begin_object(struct cli_json *j);
/** cli_json_end_object() - '}'. */
void cli_json_end_object(struct cli_json *j);
/** cli_json_begin_array() - '[' as the next value. */
void cli_json_begin_array(struct cli_json *j);
/** cli_json_end_array() - ']'. */
void cli_json_end_array(struct cli_json *j);
/** cli_json_key() - the key of the next member of the current object. */
void cli_json_key(struct cli_json *j, const char *key);
/** cli_json_str() - a string value (any bytes: escaped, invalid UTF-8 as U+FFFD). */
void cli_json_str(struct cli_json *j, const char *s);
/** cli_json_u64() - an unsigned integer value. */
void cli_json_u64(struct cli_json *j, uint64_t v);
/** cli_json_i64() - a signed integer value. */
void cli_json_i64(struct cli_json *j, int64_t v);
/** cli_json_bool() - true or false. */
void cli_json_bool(struct cli_json *j, bool v);
/** cli_json_null() - null. */
void cli_json_null(struct cli_json *j);

/* Key and value in one call, inside an object. */
void cli_json_kv_str(struct cli_json *j, const char *key, const char *s);
void cli_json_kv_u64(struct cli_json *j, const char *key, uint64_t v);
void cli_json_kv_i64(struct cli_json *j, const char *key, int64_t v);
void cli_json_kv_bool(struct cli_json *j, const char *key, bool v);
void cli_json_kv_null(struct cli_json *j, const char *key);
void cli_json_kv_object(struct cli_json *j, const char *key); /* key then '{' */
/* Key and value, or null when the value does not apply (@present false, @s NULL or ""). */
void cli_json_kv_u64_or_null(struct cli_json *j, const char *key, bool present, uint64_t v);
void cli_json_kv_i64_or_null(struct cli_json *j, const char *key, bool present, int64_t v);
void cli_json_kv_str_or_null(struct cli_json *j, const char *key, const char *s);

/**
 * cli_json_kv_names() - a resource's "name" (its short name) and "extended_name"
 * (@ext, or null when NULL or ""), as every resource object carries them.
 */
void cli_json_kv_names(struct cli_json *j, const char *name, const char *ext);
void cli_json_kv_array(struct cli_json *j, const char *key); /* key then '[' */

/**
 * cli_json_end() - finish the document: write it and a newline to the output.
 * Returns 0, -EINVAL if the writer was misused or the document is incomplete
 * (then nothing is written), or -EIO if writing failed.
 */
int cli_json_end(struct cli_json *j);

/**
 * cli_json_exit() - cli_json_end() as a command's exit code: CLI_EXIT_OK, or
 * CLI_EXIT_SCMI (error reported) when the document could not be written whole.
 */
int cli_json_exit(struct cli_json *j);

/** cli_json_discard() - drop a document left unfinished (a command that failed). */
void cli_json_discard(void);

/**
 * cli_json_begin_item() - start a document on stdout that describes resource
 * @id: '{' and its "id" member, the way every `get`-like verb begins.
 */
void cli_json_begin_item(struct cli_json *j, uint64_t id);

/** cli_json_end_item() - '}' and cli_json_exit(): the end of cli_json_begin_item(). */
int cli_json_end_item(struct cli_json *j);

#endif /* SCMI_TOOLS_JSON_H */

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The JSON writer (json.c): values go where the structure says (a key first
 * inside an object, none in an array); commas are placed by the writer. Misuse
 * (a value without a key in an object, closing the wrong thing, too deep) is
 * recorded and reported by cli_json_end(); the output is then not to be trusted.
 */
#ifndef SCMI_TOOLS_JSON_H
#define SCMI_TOOLS_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define CLI_JSON_MAX_DEPTH 16

/**
 * struct cli_json - writer state; zero it with cli_json_init().
 * @f:       output
 * @depth:   open containers
 * @is_obj:  per level, object (true) or array
 * @count:   per level, members written so far
 * @has_key: a key was written and waits for its value
 * @done:    the top-level value is complete
 * @err:     first misuse, or 0
 */
struct cli_json {
	FILE *f;
	int depth;
	bool is_obj[CLI_JSON_MAX_DEPTH];
	uint32_t count[CLI_JSON_MAX_DEPTH];
	bool has_key;
	bool done;
	int err;
};

/** cli_json_init() - start one JSON document on @f. */
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
void cli_json_kv_array(struct cli_json *j, const char *key);  /* key then '[' */

/**
 * cli_json_end() - finish the document with a newline. Returns 0, or -EINVAL if
 * the writer was misused or the document is incomplete.
 */
int cli_json_end(struct cli_json *j);

/**
 * cli_json_exit() - cli_json_end() as a command's exit code: CLI_EXIT_OK, or
 * CLI_EXIT_SCMI when the document is not to be trusted.
 */
int cli_json_exit(struct cli_json *j);

/**
 * cli_json_begin_item() - start a document on stdout that describes resource
 * @id: '{' and its "id" member, the way every `get`-like verb begins.
 */
void cli_json_begin_item(struct cli_json *j, uint64_t id);

/** cli_json_end_item() - '}' and cli_json_exit(): the end of cli_json_begin_item(). */
int cli_json_end_item(struct cli_json *j);

#endif /* SCMI_TOOLS_JSON_H */

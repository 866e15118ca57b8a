// SPDX-License-Identifier: BSD-3-Clause
/*
 * A JSON writer. It tracks only what it needs to place commas and to catch
 * misuse: per open container, object or array and how many members it has,
 * and whether an object key waits for its value.
 *
 * A document is built in memory and written out whole by cli_json_end(), so
 * that a command failing half-way leaves no half document on stdout: under
 * --json its error is then one JSON object of its own (output.h).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "json.h"
#include "output.h"

/*
 * The document being built. One at a time (a command writes one, a watch one
 * per sample), kept here rather than in the caller's struct so that a document
 * a failing command left unfinished can still be freed (cli_json_discard()).
 */
static struct {
	FILE *mem;
	char *buf;
	size_t len;
} doc;

void cli_json_discard(void)
{
	if (doc.mem)
		(void)fclose(doc.mem);
	free(doc.buf);
	doc.mem = NULL;
	doc.buf = NULL;
	doc.len = 0;
}

void cli_json_init(struct cli_json *j, FILE *f)
{
	cli_json_discard();
	*j = (struct cli_json){.f = f, .out = f};
	/* Out of memory: write straight through, as a plain stream would. */
	doc.mem = open_memstream(&doc.buf, &doc.len);
	if (doc.mem)
		j->f = doc.mem;
}

static void misuse(struct cli_json *j)
{
	if (!j->err)
		j->err = -EINVAL;
}

/* Before any value: a comma if needed; false (and recorded) if no value may go here. */
static bool value_start(struct cli_json *j)
{
	int d = j->depth - 1;

	if (j->done) {
		misuse(j);
		return false;
	}
	if (d < 0)
		return true;
	if (j->is_obj[d]) {
		if (!j->has_key) {
			misuse(j);
			return false;
		}
		j->has_key = false;
		return true;
	}
	if (j->count[d]++)
		fputc(',', j->f);
	return true;
}

/* After a scalar or a closed container: the document is done at depth 0. */
static void value_end(struct cli_json *j)
{
	if (j->depth == 0)
		j->done = true;
}

static void begin(struct cli_json *j, bool obj)
{
	if (!value_start(j))
		return;
	if (j->depth >= CLI_JSON_MAX_DEPTH) {
		misuse(j);
		return;
	}
	fputc(obj ? '{' : '[', j->f);
	j->is_obj[j->depth] = obj;
	j->count[j->depth] = 0;
	j->depth++;
}

static void end(struct cli_json *j, bool obj)
{
	if (j->depth == 0 || j->is_obj[j->depth - 1] != obj || j->has_key) {
		misuse(j);
		return;
	}
	fputc(obj ? '}' : ']', j->f);
	j->depth--;
	value_end(j);
}

void cli_json_begin_object(struct cli_json *j)
{
	begin(j, true);
}

void cli_json_end_object(struct cli_json *j)
{
	end(j, true);
}

void cli_json_begin_array(struct cli_json *j)
{
	begin(j, false);
}

void cli_json_end_array(struct cli_json *j)
{
	end(j, false);
}

void cli_json_key(struct cli_json *j, const char *key)
{
	int d = j->depth - 1;

	if (d < 0 || !j->is_obj[d] || j->has_key || !key) {
		misuse(j);
		return;
	}
	if (j->count[d]++)
		fputc(',', j->f);
	cli_json_string(j->f, key);
	fputc(':', j->f);
	j->has_key = true;
}

void cli_json_str(struct cli_json *j, const char *s)
{
	if (!value_start(j))
		return;
	if (s)
		cli_json_string(j->f, s);
	else
		fputs("null", j->f);
	value_end(j);
}

void cli_json_u64(struct cli_json *j, uint64_t v)
{
	if (!value_start(j))
		return;
	fprintf(j->f, "%" PRIu64, v);
	value_end(j);
}

void cli_json_i64(struct cli_json *j, int64_t v)
{
	if (!value_start(j))
		return;
	fprintf(j->f, "%" PRId64, v);
	value_end(j);
}

void cli_json_bool(struct cli_json *j, bool v)
{
	if (!value_start(j))
		return;
	fputs(v ? "true" : "false", j->f);
	value_end(j);
}

void cli_json_null(struct cli_json *j)
{
	if (!value_start(j))
		return;
	fputs("null", j->f);
	value_end(j);
}

void cli_json_kv_str(struct cli_json *j, const char *key, const char *s)
{
	cli_json_key(j, key);
	cli_json_str(j, s);
}

void cli_json_kv_u64(struct cli_json *j, const char *key, uint64_t v)
{
	cli_json_key(j, key);
	cli_json_u64(j, v);
}

void cli_json_kv_i64(struct cli_json *j, const char *key, int64_t v)
{
	cli_json_key(j, key);
	cli_json_i64(j, v);
}

void cli_json_kv_bool(struct cli_json *j, const char *key, bool v)
{
	cli_json_key(j, key);
	cli_json_bool(j, v);
}

void cli_json_kv_null(struct cli_json *j, const char *key)
{
	cli_json_key(j, key);
	cli_json_null(j);
}

void cli_json_kv_u64_or_null(struct cli_json *j, const char *key, bool present, uint64_t v)
{
	cli_json_key(j, key);
	if (present)
		cli_json_u64(j, v);
	else
		cli_json_null(j);
}

void cli_json_kv_i64_or_null(struct cli_json *j, const char *key, bool present, int64_t v)
{
	cli_json_key(j, key);
	if (present)
		cli_json_i64(j, v);
	else
		cli_json_null(j);
}

void cli_json_kv_str_or_null(struct cli_json *j, const char *key, const char *s)
{
	cli_json_key(j, key);
	if (s && *s)
		cli_json_str(j, s);
	else
		cli_json_null(j);
}

void cli_json_kv_names(struct cli_json *j, const char *name, const char *ext)
{
	cli_json_kv_str(j, "name", name);
	cli_json_kv_str_or_null(j, "extended_name", ext);
}

void cli_json_kv_object(struct cli_json *j, const char *key)
{
	cli_json_key(j, key);
	cli_json_begin_object(j);
}

void cli_json_kv_array(struct cli_json *j, const char *key)
{
	cli_json_key(j, key);
	cli_json_begin_array(j);
}

int cli_json_end(struct cli_json *j)
{
	if (!j->err && !j->done)
		j->err = -EINVAL;
	if (!doc.mem || j->f != doc.mem) {
		fputc('\n', j->f);
		return j->err;
	}
	if (fclose(doc.mem) && !j->err)
		j->err = -ENOMEM;
	doc.mem = NULL;
	j->f = j->out;
	/* A document the writer could not vouch for is not printed at all. */
	if (!j->err &&
	    (fwrite(doc.buf, 1, doc.len, j->out) != doc.len || fputc('\n', j->out) == EOF))
		j->err = -EIO;
	cli_json_discard();
	return j->err;
}

int cli_json_exit(struct cli_json *j)
{
	int ret = cli_json_end(j);

	if (ret == -EIO) {
		cli_error("writing the output failed");
		return CLI_EXIT_SCMI;
	}
	if (ret) {
		cli_error("the JSON document came out malformed (a bug of scmi)");
		return CLI_EXIT_SCMI;
	}
	return CLI_EXIT_OK;
}

void cli_json_begin_item(struct cli_json *j, uint64_t id)
{
	cli_json_init(j, stdout);
	cli_json_begin_object(j);
	cli_json_kv_u64(j, "id", id);
}

int cli_json_end_item(struct cli_json *j)
{
	cli_json_end_object(j);
	return cli_json_exit(j);
}

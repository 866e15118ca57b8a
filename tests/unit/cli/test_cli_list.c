// SPDX-License-Identifier: BSD-3-Clause
/* The `list` scaffold (cli_list_run) and the one-resource JSON printers: exact output, errors. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "cli.h"
#include "command.h"
#include "json.h"
#include "list.h"
#include "table.h"

/* What the fake rows see: which id fails, and how many rows were asked for. */
struct rows {
	uint32_t fail_at;
	uint32_t calls;
};

static int row(void *ctx, uint32_t id, struct cli_json *j, struct cli_table *t)
{
	struct rows *r = ctx;

	r->calls++;
	if (id == r->fail_at)
		return cli_fail(-EIO, "thing %u", id);
	if (j) {
		cli_json_begin_object(j);
		cli_json_kv_u64(j, "id", id);
		cli_json_kv_str(j, "name", id ? "b" : "a");
		cli_json_end_object(j);
		return CLI_EXIT_OK;
	}
	cli_table_add(t, "%u", id);
	cli_table_add_name(t, id ? "b" : "a");
	return CLI_EXIT_OK;
}

static const struct cli_column cols[] = {{"ID", CLI_RIGHT}, {"NAME", CLI_LEFT}};

/* Run @fn with stdout and stderr in files; their text in @out and @err. */
static int captured(int (*fn)(void *), void *arg, char *out, size_t out_len, char *err,
		    size_t err_len)
{
	FILE *fo = tmpfile(), *fe = tmpfile();
	int so, se, ret;
	size_t n;

	assert_non_null(fo);
	assert_non_null(fe);
	assert_int_equal(fflush(stdout), 0);
	assert_int_equal(fflush(stderr), 0);
	so = dup(STDOUT_FILENO);
	se = dup(STDERR_FILENO);
	dup2(fileno(fo), STDOUT_FILENO);
	dup2(fileno(fe), STDERR_FILENO);
	ret = fn(arg);
	assert_int_equal(fflush(stdout), 0);
	assert_int_equal(fflush(stderr), 0);
	dup2(so, STDOUT_FILENO);
	dup2(se, STDERR_FILENO);
	close(so);
	close(se);
	rewind(fo);
	n = fread(out, 1, out_len - 1, fo);
	out[n] = '\0';
	rewind(fe);
	n = fread(err, 1, err_len - 1, fe);
	err[n] = '\0';
	assert_int_equal(fclose(fo), 0);
	assert_int_equal(fclose(fe), 0);
	return ret;
}

struct list_call {
	struct cli_opts o;
	struct cli_list l;
};

static int run_list(void *arg)
{
	struct list_call *c = arg;

	return cli_list_run(&c->o, &c->l);
}

static void test_list_table(void **state)
{
	struct rows r = {UINT32_MAX, 0};
	struct list_call c = {.l = {"thing", cols, 2, 2, row, &r}};
	char out[256], err[256];

	(void)state;
	assert_int_equal(captured(run_list, &c, out, sizeof(out), err, sizeof(err)), CLI_EXIT_OK);
	assert_int_equal(r.calls, 2);
	assert_non_null(strstr(out, "ID"));
	assert_non_null(strstr(out, "NAME"));
	assert_non_null(strstr(out, "0  a"));
	assert_non_null(strstr(out, "1  b"));
	assert_string_equal(err, "");
}

static void test_list_json(void **state)
{
	struct rows r = {UINT32_MAX, 0};
	struct list_call c = {.o = {.json = true}, .l = {"thing", cols, 2, 2, row, &r}};
	char out[256], err[256];

	(void)state;
	assert_int_equal(captured(run_list, &c, out, sizeof(out), err, sizeof(err)), CLI_EXIT_OK);
	assert_string_equal(out, "[{\"id\":0,\"name\":\"a\"},{\"id\":1,\"name\":\"b\"}]\n");
}

static void test_list_empty_json(void **state)
{
	struct rows r = {UINT32_MAX, 0};
	struct list_call c = {.o = {.json = true}, .l = {"thing", cols, 2, 0, row, &r}};
	char out[64], err[64];

	(void)state;
	assert_int_equal(captured(run_list, &c, out, sizeof(out), err, sizeof(err)), CLI_EXIT_OK);
	assert_int_equal(r.calls, 0);
	assert_string_equal(out, "[]\n");
}

/* A failing row ends the list with its exit code; the rows after it are not read. */
static void test_list_row_fails(void **state)
{
	struct rows r = {1, 0};
	struct list_call c = {.l = {"thing", cols, 2, 5, row, &r}};
	char out[256], err[256];

	(void)state;
	assert_int_not_equal(captured(run_list, &c, out, sizeof(out), err, sizeof(err)),
			     CLI_EXIT_OK);
	assert_int_equal(r.calls, 2);
	assert_non_null(strstr(err, "thing 1"));
	assert_string_equal(out, "");
}

/* Under --json a failing row leaves no half array on stdout: the document is dropped. */
static void test_list_row_fails_json(void **state)
{
	struct rows r = {1, 0};
	struct list_call c = {.o = {.json = true}, .l = {"thing", cols, 2, 5, row, &r}};
	char out[256], err[256];

	(void)state;
	assert_int_not_equal(captured(run_list, &c, out, sizeof(out), err, sizeof(err)),
			     CLI_EXIT_OK);
	assert_int_equal(r.calls, 2);
	assert_non_null(strstr(err, "thing 1"));
	assert_string_equal(out, "");
	cli_json_discard();
}

static int run_item(void *arg)
{
	struct cli_json j;

	cli_json_begin_item(&j, *(uint32_t *)arg);
	cli_json_kv_bool(&j, "on", true);
	return cli_json_end_item(&j);
}

static void test_item(void **state)
{
	uint32_t id = 7;
	char out[64], err[64];

	(void)state;
	assert_int_equal(captured(run_item, &id, out, sizeof(out), err, sizeof(err)), CLI_EXIT_OK);
	assert_string_equal(out, "{\"id\":7,\"on\":true}\n");
}

/* An unfinished document is not to be trusted: CLI_EXIT_SCMI. */
static int run_unfinished(void *arg)
{
	struct cli_json j;

	(void)arg;
	cli_json_begin_item(&j, 1);
	return cli_json_exit(&j);
}

static void test_exit_unfinished(void **state)
{
	char out[64], err[64];

	(void)state;
	assert_int_equal(captured(run_unfinished, NULL, out, sizeof(out), err, sizeof(err)),
			 CLI_EXIT_SCMI);
	assert_string_equal(out, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_list_table),		cmocka_unit_test(test_list_json),
	    cmocka_unit_test(test_list_empty_json),	cmocka_unit_test(test_list_row_fails),
	    cmocka_unit_test(test_list_row_fails_json), cmocka_unit_test(test_item),
	    cmocka_unit_test(test_exit_unfinished),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

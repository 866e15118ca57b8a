// SPDX-License-Identifier: BSD-3-Clause
/* Text tables: alignment by UTF-8 width, right-aligned numbers, escaping, short rows. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "table.h"
#include "units.h"

/* The printed table, read back from a temporary file; free() it. */
static char *print(struct cli_table *t)
{
	FILE *f = tmpfile();
	char *buf;
	long len;

	assert_non_null(f);
	assert_int_equal(cli_table_print(t, f), 0);
	len = ftell(f);
	assert_true(len >= 0);
	buf = calloc(1, (size_t)len + 1);
	assert_non_null(buf);
	rewind(f);
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void test_alignment(void **state)
{
	static const struct cli_column cols[] = {
	    {"ID", CLI_RIGHT}, {"NAME", CLI_LEFT}, {"TEMP", CLI_RIGHT}, {"STATE", CLI_LEFT}};
	struct cli_table *t = cli_table_new(cols, 4);
	char b[CLI_FMT_MAX];
	char *s;

	(void)state;
	assert_non_null(t);
	cli_table_add(t, "%u", 0);
	cli_table_add_name(t, "cpu");
	cli_table_add(t, "%s", cli_fmt_temp(b, sizeof(b), 45200));
	cli_table_add(t, "on");
	cli_table_add(t, "%u", 12);
	cli_table_add_name(t, "gpu-thermal");
	cli_table_add(t, "%s", cli_fmt_temp(b, sizeof(b), -5250));
	cli_table_add(t, "off");
	s = print(t);
	/* The degree sign is one column: both temperatures end in the same column. */
	assert_string_equal(s, "ID  NAME             TEMP  STATE\n"
			       " 0  cpu           45.2 °C  on\n"
			       "12  gpu-thermal  -5.25 °C  off\n");
	free(s);
	cli_table_free(t);
}

static void test_header_wider_and_short_row(void **state)
{
	static const struct cli_column cols[] = {{"IDENTIFIER", CLI_RIGHT}, {"RATE", CLI_RIGHT}};
	struct cli_table *t = cli_table_new(cols, 2);
	char *s;

	(void)state;
	cli_table_add(t, "%d", 3);
	cli_table_add(t, "800 MHz");
	cli_table_add(t, "%d", 4); /* a short last row: padded with an empty cell */
	s = print(t);
	assert_string_equal(s, "IDENTIFIER     RATE\n"
			       "         3  800 MHz\n"
			       "         4\n");
	free(s);
	cli_table_free(t);
}

static void test_empty_and_escaping(void **state)
{
	static const struct cli_column cols[] = {{"ID", CLI_RIGHT}, {"NAME", CLI_LEFT}};
	struct cli_table *t = cli_table_new(cols, 2);
	char *s;

	(void)state;
	s = print(t);
	assert_string_equal(s, "ID  NAME\n");
	free(s);
	/* A hostile platform name cannot move the cursor or break the columns. */
	cli_table_add(t, "1");
	cli_table_add_name(t, "a\x1b[2Jb\\\n\xc3\xa9");
	cli_table_add(t, "2");
	cli_table_add_name(t, NULL);
	s = print(t);
	assert_string_equal(s, "ID  NAME\n"
			       " 1  a\\x1b[2Jb\\\\\\x0a\\xc3\\xa9\n"
			       " 2\n");
	free(s);
	cli_table_free(t);
}

static void test_bad_use(void **state)
{
	static const struct cli_column cols[] = {{"A", CLI_LEFT}};

	(void)state;
	assert_null(cli_table_new(cols, 0));
	assert_null(cli_table_new(NULL, 1));
	cli_table_add(NULL, "x");
	cli_table_add_name(NULL, "x");
	assert_int_equal(cli_table_print(NULL, stdout), -ENOMEM);
	cli_table_free(NULL);
}

static void test_many_rows(void **state)
{
	static const struct cli_column cols[] = {{"N", CLI_RIGHT}, {"SQUARE", CLI_RIGHT}};
	struct cli_table *t = cli_table_new(cols, 2);
	char *s, *last;

	(void)state;
	for (int i = 0; i < 1000; i++) {
		cli_table_add(t, "%d", i);
		cli_table_add(t, "%d", i * i);
	}
	s = print(t);
	last = strrchr(s, '\n');
	*last = '\0';
	last = strrchr(s, '\n') + 1;
	assert_string_equal(last, "999  998001");
	assert_non_null(strstr(s, "\n  0       0\n"));
	free(s);
	cli_table_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_alignment),
	    cmocka_unit_test(test_header_wider_and_short_row),
	    cmocka_unit_test(test_empty_and_escaping),
	    cmocka_unit_test(test_bad_use),
	    cmocka_unit_test(test_many_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

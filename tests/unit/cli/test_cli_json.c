// SPDX-License-Identifier: BSD-3-Clause
/* The JSON writer: exact output, validity of nested documents (checked by a strict parser), misuse.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "json.h"

/* A strict RFC 8259 recogniser: returns the end of one value at @p, or NULL. */
static const char *value(const char *p, int depth);

static const char *ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static const char *string(const char *p)
{
	if (*p++ != '"')
		return NULL;
	while (*p != '"') {
		if ((unsigned char)*p < 0x20)
			return NULL;
		if (*p == '\\') {
			p++;
			if (*p == 'u') {
				for (int i = 1; i <= 4; i++) {
					if (!strchr("0123456789abcdefABCDEF", p[i]) || !p[i])
						return NULL;
				}
				p += 4;
			} else if (!*p || !strchr("\"\\/bfnrt", *p)) {
				return NULL;
			}
		}
		p++;
	}
	return p + 1;
}

static const char *number(const char *p)
{
	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return NULL;
	return p;
}

/* The checker recurses by design; @depth bounds it (NOLINT: misc-no-recursion). */
// NOLINTNEXTLINE(misc-no-recursion)
static const char *container(const char *p, int depth, char close)
{
	bool obj = close == '}';

	p = ws(p + 1);
	if (*p == close)
		return p + 1;
	for (;;) {
		if (obj) {
			p = string(p);
			if (!p)
				return NULL;
			p = ws(p);
			if (*p++ != ':')
				return NULL;
		}
		p = value(p, depth + 1);
		if (!p)
			return NULL;
		p = ws(p);
		if (*p == close)
			return p + 1;
		if (*p++ != ',')
			return NULL;
	}
}

// NOLINTNEXTLINE(misc-no-recursion): bounded by @depth, see container()
static const char *value(const char *p, int depth)
{
	if (depth > 64)
		return NULL;
	p = ws(p);
	switch (*p) {
	case '{':
		return container(p, depth, '}');
	case '[':
		return container(p, depth, ']');
	case '"':
		return string(p);
	case 't':
		return strncmp(p, "true", 4) ? NULL : p + 4;
	case 'f':
		return strncmp(p, "false", 5) ? NULL : p + 5;
	case 'n':
		return strncmp(p, "null", 4) ? NULL : p + 4;
	default:
		return number(p);
	}
}

static bool valid_json(const char *s)
{
	const char *end = value(s, 0);

	return end && *ws(end) == '\0';
}

struct doc {
	struct cli_json j;
	FILE *f;
	char *buf;
	size_t len;
};

static void doc_open(struct doc *d)
{
	d->buf = NULL;
	d->f = open_memstream(&d->buf, &d->len);
	assert_non_null(d->f);
	cli_json_init(&d->j, d->f);
}

static char *doc_close(struct doc *d, int want)
{
	assert_int_equal(cli_json_end(&d->j), want);
	assert_int_equal(fclose(d->f), 0);
	return d->buf;
}

static void test_validator_rejects(void **state)
{
	(void)state;
	/* The checker itself must be able to fail. */
	assert_true(valid_json("{\"a\":[1,-2,true,false,null,\"x\\n\"],\"b\":{}}\n"));
	assert_false(valid_json("{\"a\":1,}"));
	assert_false(valid_json("[1,]"));
	assert_false(valid_json("{\"a\"1}"));
	assert_false(valid_json("[1 2]"));
	assert_false(valid_json("{\"a\":1}{}"));
	assert_false(valid_json("\"\x01\""));
	assert_false(valid_json("[01]"));
	assert_false(valid_json("{a:1}"));
	assert_false(valid_json("["));
}

static void test_nested(void **state)
{
	struct doc d;
	char *s;

	(void)state;
	doc_open(&d);
	cli_json_begin_object(&d.j);
	cli_json_kv_str(&d.j, "name", "cpu\"0\"\n");
	cli_json_kv_u64(&d.j, "rate_hz", UINT64_MAX);
	cli_json_kv_i64(&d.j, "temp_mc", INT64_MIN);
	cli_json_kv_bool(&d.j, "enabled", true);
	cli_json_kv_null(&d.j, "parent");
	cli_json_kv_array(&d.j, "rates");
	cli_json_u64(&d.j, 1);
	cli_json_begin_object(&d.j);
	cli_json_kv_array(&d.j, "empty");
	cli_json_end_array(&d.j);
	cli_json_kv_object(&d.j, "o");
	cli_json_end_object(&d.j);
	cli_json_end_object(&d.j);
	cli_json_begin_array(&d.j);
	cli_json_begin_array(&d.j);
	cli_json_end_array(&d.j);
	cli_json_bool(&d.j, false);
	cli_json_end_array(&d.j);
	cli_json_str(&d.j, NULL);
	cli_json_i64(&d.j, -1);
	cli_json_end_array(&d.j);
	cli_json_key(&d.j, "bad\xff");
	cli_json_str(&d.j, "\xc3\xa9\x01");
	cli_json_end_object(&d.j);
	s = doc_close(&d, 0);
	assert_string_equal(s, "{\"name\":\"cpu\\\"0\\\"\\n\",\"rate_hz\":18446744073709551615,"
			       "\"temp_mc\":-9223372036854775808,\"enabled\":true,\"parent\":null,"
			       "\"rates\":[1,{\"empty\":[],\"o\":{}},[[],false],null,-1],"
			       "\"bad\\ufffd\":\"\xc3\xa9\\u0001\"}\n");
	assert_true(valid_json(s));
	free(s);
}

static void test_top_level_scalars_and_arrays(void **state)
{
	struct doc d;
	char *s;

	(void)state;
	doc_open(&d);
	cli_json_begin_array(&d.j);
	for (int i = 0; i < 3; i++) {
		cli_json_begin_object(&d.j);
		cli_json_kv_u64(&d.j, "id", (uint64_t)i);
		cli_json_end_object(&d.j);
	}
	cli_json_end_array(&d.j);
	s = doc_close(&d, 0);
	assert_string_equal(s, "[{\"id\":0},{\"id\":1},{\"id\":2}]\n");
	assert_true(valid_json(s));
	free(s);

	doc_open(&d);
	cli_json_u64(&d.j, 5);
	s = doc_close(&d, 0);
	assert_string_equal(s, "5\n");
	free(s);
}

static void test_deep(void **state)
{
	struct doc d;
	char *s;

	(void)state;
	doc_open(&d);
	for (int i = 0; i < CLI_JSON_MAX_DEPTH; i++)
		cli_json_begin_array(&d.j);
	for (int i = 0; i < CLI_JSON_MAX_DEPTH; i++)
		cli_json_end_array(&d.j);
	s = doc_close(&d, 0);
	assert_true(valid_json(s));
	free(s);

	doc_open(&d);
	for (int i = 0; i <= CLI_JSON_MAX_DEPTH; i++)
		cli_json_begin_array(&d.j);
	s = doc_close(&d, -EINVAL);
	free(s);
}

/* Each misuse is caught and reported by cli_json_end(). */
static void test_misuse(void **state)
{
	struct doc d;

	(void)state;
	/* Value without a key in an object. */
	doc_open(&d);
	cli_json_begin_object(&d.j);
	cli_json_u64(&d.j, 1);
	cli_json_end_object(&d.j);
	free(doc_close(&d, -EINVAL));
	/* Key in an array. */
	doc_open(&d);
	cli_json_begin_array(&d.j);
	cli_json_key(&d.j, "a");
	cli_json_end_array(&d.j);
	free(doc_close(&d, -EINVAL));
	/* Key without value. */
	doc_open(&d);
	cli_json_begin_object(&d.j);
	cli_json_key(&d.j, "a");
	cli_json_end_object(&d.j);
	free(doc_close(&d, -EINVAL));
	/* Two keys in a row. */
	doc_open(&d);
	cli_json_begin_object(&d.j);
	cli_json_key(&d.j, "a");
	cli_json_key(&d.j, "b");
	free(doc_close(&d, -EINVAL));
	/* Wrong closer, closing nothing, unclosed, two top-level values, nothing at all. */
	doc_open(&d);
	cli_json_begin_object(&d.j);
	cli_json_end_array(&d.j);
	free(doc_close(&d, -EINVAL));
	doc_open(&d);
	cli_json_end_object(&d.j);
	free(doc_close(&d, -EINVAL));
	doc_open(&d);
	cli_json_begin_array(&d.j);
	free(doc_close(&d, -EINVAL));
	doc_open(&d);
	cli_json_null(&d.j);
	cli_json_null(&d.j);
	free(doc_close(&d, -EINVAL));
	doc_open(&d);
	free(doc_close(&d, -EINVAL));
	/* A NULL key. */
	doc_open(&d);
	cli_json_begin_object(&d.j);
	cli_json_kv_u64(&d.j, NULL, 1);
	cli_json_end_object(&d.j);
	free(doc_close(&d, -EINVAL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_validator_rejects),
	    cmocka_unit_test(test_nested),
	    cmocka_unit_test(test_top_level_scalars_and_arrays),
	    cmocka_unit_test(test_deep),
	    cmocka_unit_test(test_misuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

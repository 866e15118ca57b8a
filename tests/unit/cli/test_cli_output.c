// SPDX-License-Identifier: BSD-3-Clause
/* The CLI's output: JSON escaping, raw and info in text and JSON, error names, exit codes. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli.h"
#include "help.h"
#include "output.h"

/* Output captured in memory; free() the result. */
struct capture {
	FILE *f;
	char *buf;
	size_t len;
};

static void cap_open(struct capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->f = open_memstream(&c->buf, &c->len);
	assert_non_null(c->f);
}

static char *cap_close(struct capture *c)
{
	assert_int_equal(fclose(c->f), 0);
	return c->buf;
}

static char *json_of(const char *s)
{
	struct capture c;

	cap_open(&c);
	cli_json_string(c.f, s);
	return cap_close(&c);
}

static void expect_json(const char *in, const char *want)
{
	char *got = json_of(in);

	assert_string_equal(got, want);
	free(got);
}

static void test_json_escaping(void **state)
{
	(void)state;
	expect_json("", "\"\"");
	expect_json("scmi-optee", "\"scmi-optee\"");
	expect_json(NULL, "\"\"");
	expect_json("a\"b\\c/d", "\"a\\\"b\\\\c/d\"");
	expect_json("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"");
	expect_json("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
	expect_json("\x1b[31mred", "\"\\u001b[31mred\"");
	/* Valid UTF-8 passes (2, 3 and 4 bytes). */
	expect_json("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
		    "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
	/* Invalid: lone continuation, bad lead bytes, overlong, surrogate, > U+10FFFF, cut short.
	 */
	expect_json("\x80", "\"\\ufffd\"");
	expect_json("\xff\xfe", "\"\\ufffd\\ufffd\"");
	expect_json("\xc0\x80", "\"\\ufffd\\ufffd\"");
	expect_json("\xe0\x80\x80", "\"\\ufffd\\ufffd\\ufffd\"");
	expect_json("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"");
	expect_json("\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
	expect_json("a\xe2\x82", "\"a\\ufffd\\ufffd\"");
	expect_json("\xc3", "\"\\ufffd\"");
}

static void test_hex_and_version(void **state)
{
	static const uint8_t b[] = {0x00, 0x0a, 0xff};
	struct capture c;
	char ver[24];
	char *s;

	(void)state;
	cap_open(&c);
	cli_hex_string(c.f, b, sizeof(b));
	cli_hex_string(c.f, b, 0);
	s = cap_close(&c);
	assert_string_equal(s, "000aff");
	free(s);
	cli_version_string(0x00020001, ver, sizeof(ver));
	assert_string_equal(ver, "2.1");
	cli_version_string(0xffffffff, ver, sizeof(ver));
	assert_string_equal(ver, "65535.65535");
	cli_version_string(0x00030000, ver, 3);
	assert_string_equal(ver, "3.");
}

static char *raw_out(const struct cli_raw_result *r, bool json)
{
	struct capture c;

	cap_open(&c);
	assert_int_equal(cli_print_raw(c.f, r, NULL, json), 0);
	return cap_close(&c);
}

static void test_raw_json(void **state)
{
	static const uint8_t v[] = {0x01, 0x00, 0x02, 0x00};
	static const uint8_t odd[] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06};
	struct cli_raw_result r = {
	    .protocol = 0x10, .message = 0, .status = 0, .data = v, .len = 4};
	char *s;

	(void)state;
	s = raw_out(&r, true);
	assert_string_equal(s, "{\"protocol\":16,\"message\":0,\"status\":\"SUCCESS\","
			       "\"status_code\":0,\"response\":\"01000200\",\"words\":[131073],"
			       "\"delayed\":null}\n");
	free(s);

	r.protocol = 0x7f;
	r.message = 0x10;
	r.status = SCMI_NOT_SUPPORTED;
	r.len = 0;
	s = raw_out(&r, true);
	assert_string_equal(s,
			    "{\"protocol\":127,\"message\":16,\"status\":"
			    "\"NOT_SUPPORTED\",\"status_code\":-1,\"response\":\"\",\"words\":[],"
			    "\"delayed\":null}\n");
	free(s);

	/* Only whole words are words; an unknown status is UNKNOWN with its code. */
	r.status = 5;
	r.data = odd;
	r.len = sizeof(odd);
	s = raw_out(&r, true);
	assert_non_null(strstr(s, "\"status\":\"UNKNOWN\",\"status_code\":5,"));
	assert_non_null(strstr(s, "\"response\":\"010203040506\",\"words\":[67305985],"));
	free(s);
}

/* With --async: one document, the delayed response nested in it; as text, one after the other. */
static void test_raw_delayed(void **state)
{
	static const uint8_t v[] = {0x00, 0x00, 0x00, 0x00};
	static const uint8_t dv[] = {0x00, 0x00, 0x00, 0x00, 0xa8, 0x61, 0x00, 0x00};
	const struct cli_raw_result r = {.protocol = 0x15, .message = 6, .data = v, .len = 4};
	const struct cli_raw_result d = {.protocol = 0x15, .message = 6, .data = dv, .len = 8};
	struct capture c;
	char *s;

	(void)state;
	cap_open(&c);
	assert_int_equal(cli_print_raw(c.f, &r, &d, true), 0);
	s = cap_close(&c);
	assert_string_equal(s, "{\"protocol\":21,\"message\":6,\"status\":\"SUCCESS\","
			       "\"status_code\":0,\"response\":\"00000000\",\"words\":[0],"
			       "\"delayed\":{\"status\":\"SUCCESS\",\"status_code\":0,"
			       "\"response\":\"00000000a8610000\",\"words\":[0,25000]}}\n");
	free(s);
	cap_open(&c);
	assert_int_equal(cli_print_raw(c.f, &r, &d, false), 0);
	s = cap_close(&c);
	assert_non_null(strstr(s, "response  4 bytes\n"));
	assert_non_null(strstr(s, "-- delayed response\nprotocol  0x15 (sensor), message 0x06\n"));
	assert_non_null(strstr(s, "words     0x00000000 0x000061a8\n"));
	free(s);
}

static void test_raw_text(void **state)
{
	uint8_t data[20];
	struct cli_raw_result r = {
	    .protocol = 0x10, .message = 6, .status = 0, .data = data, .len = sizeof(data)};
	char *s;

	(void)state;
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)i;
	memcpy(data + 16, (const uint8_t[]){'a', '|', 0x7f, '~'}, 4);
	s = raw_out(&r, false);
	assert_non_null(strstr(s, "protocol  0x10 (base), message 0x06\n"));
	assert_non_null(strstr(s, "status    SUCCESS (0)\n"));
	assert_non_null(strstr(s, "response  20 bytes\n"));
	assert_non_null(strstr(
	    s, "  0000: 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f  |................|\n"
	       "  0010: 61 7c 7f 7e                                      |a|.~|\n"));
	assert_non_null(strstr(s, "words     0x03020100 0x07060504 0x0b0a0908 0x0f0e0d0c\n"
				  "          0x7e7f7c61\n"));
	assert_null(strstr(s, "trailing"));
	free(s);

	r.status = SCMI_DENIED;
	r.len = 5;
	s = raw_out(&r, false);
	assert_non_null(strstr(s, "status    DENIED (-3)\n"));
	assert_non_null(strstr(s, "  0000: 00 01 02 03 04 "));
	assert_non_null(strstr(s, "(1 trailing byte not a whole word)"));
	free(s);

	r.len = 0;
	s = raw_out(&r, false);
	assert_non_null(strstr(s, "response  0 bytes\n"));
	assert_null(strstr(s, "0000:"));
	assert_null(strstr(s, "words"));
	free(s);
}

static struct cli_info *sample_info(void)
{
	struct cli_info *info = calloc(1, sizeof(*info));

	assert_non_null(info);
	strcpy(info->vendor, "scmi-optee");
	strcpy(info->sub_vendor, "sim-soc");
	info->has_sub_vendor = true;
	info->impl_version = 0x00010000;
	info->base_version = 0x00020001;
	info->num_protocols = 2;
	info->num_agents = 1;
	info->mode = SCMI_MODE_SMT;
	info->channel = 3;
	info->protocols[0] = (struct cli_proto_entry){.id = 0x10, .version = 0x00020001};
	info->protocols[1] = (struct cli_proto_entry){.id = 0x14, .version = 0x00030000};
	info->protocols[2] = (struct cli_proto_entry){.id = 0x80, .err = -EOPNOTSUPP};
	info->nprotocols = 3;
	info->agents[0] = (struct cli_agent_entry){.id = 0, .name = "platform"};
	info->agents[1] = (struct cli_agent_entry){.id = 1, .name = "li\"nux"};
	info->agents[2] = (struct cli_agent_entry){.id = 2, .err = -ENOENT};
	info->agents[3] = (struct cli_agent_entry){.id = 3, .err = -EPERM};
	info->agents[4] = (struct cli_agent_entry){.id = 4, .err = -ENOMEM};
	info->nagents = 5;
	return info;
}

static char *info_out(const struct cli_info *info, bool json)
{
	struct capture c;

	cap_open(&c);
	assert_int_equal(cli_print_info(c.f, info, json), 0);
	return cap_close(&c);
}

static void test_info_json(void **state)
{
	struct cli_info *info = sample_info();
	char *s;

	(void)state;
	s = info_out(info, true);
	assert_string_equal(s, "{\"vendor\":\"scmi-optee\",\"sub_vendor\":\"sim-soc\","
			       "\"impl_version\":65536,\"protocol_version\":\"2.1\","
			       "\"mode\":\"smt\",\"channel\":3,"
			       "\"num_protocols\":2,\"num_agents\":1,\"protocols\":["
			       "{\"id\":16,\"name\":\"base\",\"version\":\"2.1\",\"error\":null},"
			       "{\"id\":20,\"name\":\"clock\",\"version\":\"3.0\",\"error\":null},"
			       "{\"id\":128,\"name\":\"vendor\",\"version\":null,"
			       "\"error\":\"NOT_SUPPORTED\"}],\"agents\":["
			       "{\"id\":0,\"name\":\"platform\",\"error\":null},"
			       "{\"id\":1,\"name\":\"li\\\"nux\",\"error\":null},"
			       "{\"id\":2,\"name\":null,\"error\":\"NOT_FOUND\"},"
			       "{\"id\":3,\"name\":null,\"error\":\"IN_USE\"},"
			       "{\"id\":4,\"name\":null,\"error\":\"Cannot allocate memory\"}]}\n");
	free(s);

	info->has_sub_vendor = false;
	info->nprotocols = 0;
	info->nagents = 0;
	s = info_out(info, true);
	assert_non_null(strstr(s, "\"sub_vendor\":null,"));
	assert_non_null(strstr(s, "\"protocols\":[],\"agents\":[]}\n"));
	free(s);
	free(info);
}

static void test_info_text(void **state)
{
	struct cli_info *info = sample_info();
	char *s;

	(void)state;
	s = info_out(info, false);
	assert_non_null(strstr(s, "Platform\n"
				  "  vendor           scmi-optee\n"
				  "  sub-vendor       sim-soc\n"
				  "  implementation   0x00010000\n"
				  "  base protocol    2.1 (0x00020001)\n"
				  "  transport        smt, channel 3\n"));
	assert_non_null(strstr(s, "\nProtocols\n  ID     NAME       VERSION\n"
				  "  0x10   base       2.1\n"
				  "  0x14   clock      3.0\n"
				  "  0x80   vendor     error: NOT_SUPPORTED\n"));
	assert_non_null(strstr(s, "\nAgents\n  ID     NAME\n"
				  "  0      platform\n"
				  "  1      li\"nux\n"
				  "  2      error: NOT_FOUND\n"
				  "  3      error: IN_USE\n"
				  "  4      error: Cannot allocate memory\n"));
	free(s);

	/* A hostile platform's strings cannot drive the terminal. */
	strcpy(info->vendor, "\x1b]0;pwn\x07\\");
	info->has_sub_vendor = false;
	s = info_out(info, false);
	assert_non_null(strstr(s, "  vendor           \\x1b]0;pwn\\x07\\\\\n"));
	assert_non_null(strstr(s, "  sub-vendor       -\n"));
	assert_null(strchr(s, 0x1b));
	free(s);
	free(info);
}

static void test_safe(void **state)
{
	char b[CLI_SAFE_MAX];
	char small[8];

	(void)state;
	assert_string_equal(cli_safe(b, sizeof(b), "pll_gpu"), "pll_gpu");
	assert_string_equal(cli_safe(b, sizeof(b), "pll\x1b[31mgpu\n"), "pll\\x1b[31mgpu\\x0a");
	assert_string_equal(cli_safe(b, sizeof(b), "a\\b"), "a\\\\b");
	assert_string_equal(cli_safe(b, sizeof(b), "\xc2\x9b"), "\\xc2\\x9b");
	assert_string_equal(cli_safe(b, sizeof(b), NULL), "");
	/* Cut at a whole escape, never inside one. */
	assert_string_equal(cli_safe(small, sizeof(small),
				     "ab\x1b"
				     "cd"),
			    "ab\\x1bc");
	assert_string_equal(cli_safe(small, sizeof(small), "abcd\x1b"), "abcd");
}

static void test_exit_codes(void **state)
{
	(void)state;
	assert_int_equal(cli_errno_exit(0), CLI_EXIT_OK);
	assert_int_equal(cli_errno_exit(-EAGAIN), CLI_EXIT_TRANSPORT);
	assert_int_equal(cli_errno_exit(-ETIMEDOUT), CLI_EXIT_TRANSPORT);
	assert_int_equal(cli_errno_exit(-ECONNRESET), CLI_EXIT_TRANSPORT);
	assert_int_equal(cli_errno_exit(-ENOTCONN), CLI_EXIT_TRANSPORT);
	assert_int_equal(cli_errno_exit(-EOPNOTSUPP), CLI_EXIT_SCMI);
	assert_int_equal(cli_errno_exit(-EACCES), CLI_EXIT_SCMI);
	assert_int_equal(cli_errno_exit(-EINVAL), CLI_EXIT_SCMI);
	assert_int_equal(cli_errno_exit(-EPROTO), CLI_EXIT_SCMI);
}

static void test_err_text(void **state)
{
	(void)state;
	assert_string_equal(cli_err_text(-EOPNOTSUPP), "NOT_SUPPORTED");
	assert_string_equal(cli_err_text(-EINVAL), "INVALID_PARAMETERS");
	assert_string_equal(cli_err_text(-EACCES), "DENIED");
	assert_string_equal(cli_err_text(-ENOENT), "NOT_FOUND");
	assert_string_equal(cli_err_text(-ERANGE), "OUT_OF_RANGE");
	assert_string_equal(cli_err_text(-EBUSY), "BUSY");
	assert_string_equal(cli_err_text(-ECOMM), "COMMS_ERROR");
	assert_string_equal(cli_err_text(-EIO), "GENERIC_ERROR");
	assert_string_equal(cli_err_text(-EREMOTEIO), "HARDWARE_ERROR");
	assert_string_equal(cli_err_text(-EPROTO), "PROTOCOL_ERROR");
	assert_string_equal(cli_err_text(-EPERM), "IN_USE");
	assert_string_equal(cli_err_text(-ETIMEDOUT), strerror(ETIMEDOUT));
	assert_string_equal(cli_err_text(5), "unknown error");
}

/* Under --json the first error line is kept and printed as one JSON document. */
static void test_error_json(void **state)
{
	struct capture c;
	char *s;

	(void)state;
	cli_error_forget();
	cap_open(&c);
	assert_int_equal(cli_print_error_json(c.f, 3), 0);
	s = cap_close(&c);
	assert_string_equal(s, "{\"error\":{\"exit_code\":3,\"status\":null,"
			       "\"message\":\"exit status 3\"}}\n");
	free(s);

	cli_error_status("NOT_FOUND", "clock %u: %s", 20, "NOT_FOUND");
	cli_error("later context, not kept");
	cap_open(&c);
	assert_int_equal(cli_print_error_json(c.f, 1), 0);
	s = cap_close(&c);
	assert_string_equal(s, "{\"error\":{\"exit_code\":1,\"status\":\"NOT_FOUND\","
			       "\"message\":\"clock 20: NOT_FOUND\"}}\n");
	free(s);

	/* Any byte of an argument comes out as valid JSON. */
	cli_error_forget();
	cli_error("name '%s'", "a\"b\x01\xff");
	cap_open(&c);
	assert_int_equal(cli_print_error_json(c.f, 2), 0);
	s = cap_close(&c);
	assert_string_equal(s, "{\"error\":{\"exit_code\":2,\"status\":null,"
			       "\"message\":\"name 'a\\\"b\\u0001\\ufffd'\"}}\n");
	free(s);

	/* A document that carries the failure itself (raw's status) gets no error document. */
	cli_error_in_output();
	cap_open(&c);
	assert_int_equal(cli_print_error_json(c.f, 1), 0);
	s = cap_close(&c);
	assert_string_equal(s, "");
	free(s);
	cli_error_forget();
}

static const struct cli_command fake_info = {.name = "info", .summary = "what the platform is"};
static const struct cli_command fake_raw = {
    .name = "raw", .summary = "any message", .usage = cli_usage_raw};
static const struct cli_command *const table[] = {&fake_info, &fake_raw, NULL};

static void test_usage(void **state)
{
	struct capture c;
	char *s;

	(void)state;
	cap_open(&c);
	cli_usage(c.f, table);
	s = cap_close(&c);
	for (const char *const *w =
		 (const char *const[]){"--socket", "--dt", "--mode", "--timeout", "--json",
				       "--help", "--version", "  info       what the platform is\n",
				       "  raw        any message\n", "scmi help COMMAND", NULL};
	     *w; w++)
		if (!strstr(s, *w))
			fail_msg("usage lacks '%s':\n%s", *w, s);
	free(s);
	cap_open(&c);
	cli_command_help(c.f, &fake_raw);
	s = cap_close(&c);
	assert_non_null(strstr(s, "usage: scmi [global options] raw PROTO MSG"));
	assert_non_null(strstr(s, "Run `scmi --help` for the global options.\n"));
	assert_null(strstr(s, "  info  "));
	free(s);
	cap_open(&c);
	cli_usage_info(c.f);
	s = cap_close(&c);
	assert_non_null(strstr(s, "usage: scmi [global options] info\n"));
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_json_escaping), cmocka_unit_test(test_hex_and_version),
	    cmocka_unit_test(test_raw_json),	  cmocka_unit_test(test_raw_text),
	    cmocka_unit_test(test_raw_delayed),	  cmocka_unit_test(test_error_json),
	    cmocka_unit_test(test_info_json),	  cmocka_unit_test(test_info_text),
	    cmocka_unit_test(test_safe),	  cmocka_unit_test(test_exit_codes),
	    cmocka_unit_test(test_err_text),	  cmocka_unit_test(test_usage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

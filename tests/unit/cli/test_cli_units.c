// SPDX-License-Identifier: BSD-3-Clause
/* Values with units: parsing (forms, junk, sign, overflow, precision) and exact formatting. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "units.h"

static void freq_ok(const char *s, uint64_t want)
{
	uint64_t v = 0;
	int ret = cli_parse_freq(s, &v);

	if (ret || v != want)
		fail_msg("'%s': ret %d value %llu, wanted %llu", s ? s : "(null)", ret,
			 (unsigned long long)v, (unsigned long long)want);
}

static void freq_bad(const char *s, int want)
{
	uint64_t v = 42;
	int ret = cli_parse_freq(s, &v);

	if (ret != want)
		fail_msg("'%s': ret %d, wanted %d", s ? s : "(null)", ret, want);
	assert_int_equal(v, 42); /* untouched on error */
}

static void test_parse_freq(void **state)
{
	(void)state;
	freq_ok("32768", 32768);
	freq_ok("0", 0);
	freq_ok("800MHz", 800000000);
	freq_ok("1.2GHz", 1200000000);
	freq_ok("1.2 GHz", 1200000000);
	freq_ok("100kHz", 100000);
	freq_ok("32.768kHz", 32768);
	freq_ok("12Hz", 12);
	freq_ok("12 Hz", 12);
	freq_ok("1.50GHz", 1500000000);
	freq_ok("1.000000000GHz", 1000000000);
	freq_ok("1.000000001GHz", 1000000001);
	freq_ok("2.0000Hz", 2);
	freq_ok("800mhz", 800000000); /* units are case-insensitive */
	freq_ok("1.2ghz", 1200000000);
	freq_ok("100KHZ", 100000);
	freq_ok("18446744073709551615", UINT64_MAX);
	freq_ok("18446744073.709551615GHz", UINT64_MAX);

	freq_bad("", -EINVAL);
	freq_bad(NULL, -EINVAL);
	freq_bad("MHz", -EINVAL);
	freq_bad("800MHzz", -EINVAL);
	freq_bad("800 MHz ", -EINVAL);
	freq_bad("800  MHz", -EINVAL);
	freq_bad("800 ", -EINVAL);
	freq_bad(" 800", -EINVAL);
	freq_bad("800Mhz!", -EINVAL);
	freq_bad("800V", -EINVAL);
	freq_bad("1.2.3GHz", -EINVAL);
	freq_bad("1.GHz", -EINVAL);
	freq_bad(".5GHz", -EINVAL);
	freq_bad("-800MHz", -EINVAL);
	freq_bad("+800MHz", -EINVAL);
	freq_bad("0x100", -EINVAL);
	freq_bad("1e9", -EINVAL);
	freq_bad("1,2GHz", -EINVAL);
	freq_bad("18446744073709551616", -ERANGE);
	freq_bad("99999999999999999999999", -ERANGE);
	freq_bad("18446744074GHz", -ERANGE);
	freq_bad("18446744073.709551616GHz", -ERANGE);
	freq_bad("1.5Hz", -EDOM);
	freq_bad("1.0000000001GHz", -EDOM);
	/* As cpupower and clock tools write rates. */
	freq_ok("1500M", 1500000000);
	freq_ok("1.5G", 1500000000);
	freq_ok("100k", 100000);
	freq_ok("24 M", 24000000);
	freq_bad("1500MM", -EINVAL);
	freq_bad("1500T", -EINVAL);
}

static void temp_ok(const char *s, int32_t want)
{
	int32_t v = 0;
	int ret = cli_parse_temp(s, &v);

	if (ret || v != want)
		fail_msg("'%s': ret %d value %d, wanted %d", s, ret, v, want);
}

static void temp_bad(const char *s, int want)
{
	int32_t v = 42;
	int ret = cli_parse_temp(s, &v);

	if (ret != want)
		fail_msg("'%s': ret %d, wanted %d", s, ret, want);
	assert_int_equal(v, 42);
}

static void test_parse_temp(void **state)
{
	(void)state;
	temp_ok("80C", 80000);
	temp_ok("80°C", 80000);
	temp_ok("80 c", 80000);
	temp_ok("-5.5C", -5500);
	temp_ok("40000", 40000); /* a bare number stays millidegrees */
	temp_ok("40000mC", 40000);
	temp_ok("40000m°C", 40000);
	temp_ok("2147483647", INT32_MAX);
	temp_ok("-2147483.648C", INT32_MIN);
	temp_bad("4294967295", -ERANGE); /* once sent as -1 m°C */
	temp_bad("2147483648", -ERANGE);
	temp_bad("-2147483649", -ERANGE);
	temp_bad("80F", -EINVAL);
	temp_bad("warm", -EINVAL);
	temp_bad("0.0001C", -EDOM);
}

static void test_parse_voltage(void **state)
{
	int32_t uv = 0;

	(void)state;
	assert_int_equal(cli_parse_voltage("900mV", &uv), 0);
	assert_int_equal(uv, 900000);
	assert_int_equal(cli_parse_voltage("0.9V", &uv), 0);
	assert_int_equal(uv, 900000);
	assert_int_equal(cli_parse_voltage("900000uV", &uv), 0);
	assert_int_equal(uv, 900000);
	assert_int_equal(cli_parse_voltage("900000µV", &uv), 0);
	assert_int_equal(uv, 900000);
	assert_int_equal(cli_parse_voltage("1.05 V", &uv), 0);
	assert_int_equal(uv, 1050000);
	assert_int_equal(cli_parse_voltage("900000", &uv), 0);
	assert_int_equal(uv, 900000);
	assert_int_equal(cli_parse_voltage("-50mV", &uv), 0);
	assert_int_equal(uv, -50000);
	assert_int_equal(cli_parse_voltage("-2147483648", &uv), 0);
	assert_int_equal(uv, INT32_MIN);
	assert_int_equal(cli_parse_voltage("2147483647uV", &uv), 0);
	assert_int_equal(uv, INT32_MAX);
	assert_int_equal(cli_parse_voltage("2147.483647V", &uv), 0);
	assert_int_equal(uv, INT32_MAX);

	uv = 7;
	assert_int_equal(cli_parse_voltage("2147483648", &uv), -ERANGE);
	assert_int_equal(cli_parse_voltage("-2147483649uV", &uv), -ERANGE);
	assert_int_equal(cli_parse_voltage("2148V", &uv), -ERANGE);
	assert_int_equal(cli_parse_voltage("0.9v1", &uv), -EINVAL);
	assert_int_equal(cli_parse_voltage("900mA", &uv), -EINVAL);
	assert_int_equal(cli_parse_voltage("--5mV", &uv), -EINVAL);
	assert_int_equal(cli_parse_voltage("-", &uv), -EINVAL);
	assert_int_equal(cli_parse_voltage("0.0000001V", &uv), -EDOM);
	assert_int_equal(uv, 7);
}

static void test_parse_power(void **state)
{
	uint64_t v = 0;

	(void)state;
	assert_int_equal(cli_parse_power("1500mW", &v), 0);
	assert_int_equal(v, 1500000);
	assert_int_equal(cli_parse_power("2W", &v), 0);
	assert_int_equal(v, 2000000);
	assert_int_equal(cli_parse_power("500uW", &v), 0);
	assert_int_equal(v, 500);
	assert_int_equal(cli_parse_power("500 µW", &v), 0);
	assert_int_equal(v, 500);
	assert_int_equal(cli_parse_power("1000", &v), 0);
	assert_int_equal(v, 1000);
	assert_int_equal(cli_parse_power("-1W", &v), -EINVAL);
	assert_int_equal(cli_parse_power("2Wh", &v), -EINVAL);
	assert_int_equal(cli_parse_power("20000000000000W", &v), -ERANGE);

	assert_int_equal(cli_parse_power_mw("1500mW", &v), 0);
	assert_int_equal(v, 1500);
	assert_int_equal(cli_parse_power_mw("1.5W", &v), 0);
	assert_int_equal(v, 1500);
	assert_int_equal(cli_parse_power_mw("2000uW", &v), 0);
	assert_int_equal(v, 2);
	v = 9;
	assert_int_equal(cli_parse_power_mw("500uW", &v), -EDOM);
	assert_int_equal(cli_parse_power_mw("1.0005W", &v), -EDOM);
	assert_int_equal(cli_parse_power_mw("x", &v), -EINVAL);
	assert_int_equal(v, 9);
}

static void test_parse_duration(void **state)
{
	uint64_t v = 0;

	(void)state;
	assert_int_equal(cli_parse_duration("10ms", &v), 0);
	assert_int_equal(v, 10000);
	assert_int_equal(cli_parse_duration("1s", &v), 0);
	assert_int_equal(v, 1000000);
	assert_int_equal(cli_parse_duration("250us", &v), 0);
	assert_int_equal(v, 250);
	assert_int_equal(cli_parse_duration("250µs", &v), 0);
	assert_int_equal(v, 250);
	assert_int_equal(cli_parse_duration("1.5s", &v), 0);
	assert_int_equal(v, 1500000);
	assert_int_equal(cli_parse_duration("250", &v), 0);
	assert_int_equal(v, 250);
	assert_int_equal(cli_parse_duration("-1s", &v), -EINVAL);
	assert_int_equal(cli_parse_duration("1m", &v), -EINVAL);
	assert_int_equal(cli_parse_duration("10 msec", &v), -EINVAL);
	assert_int_equal(cli_parse_duration("1ns", &v), -EINVAL);
	assert_int_equal(cli_parse_duration("0.5us", &v), -EDOM);
	assert_int_equal(cli_parse_duration("18446744073710s", &v), -ERANGE);
}

#define EXPECT_FMT(fn, val, want)                                                                  \
	do {                                                                                       \
		char b_[CLI_FMT_MAX];                                                              \
		assert_string_equal(fn(b_, sizeof(b_), val), want);                                \
	} while (0)

static void test_fmt_freq(void **state)
{
	(void)state;
	EXPECT_FMT(cli_fmt_freq, 1200000000, "1.2 GHz");
	EXPECT_FMT(cli_fmt_freq, 800000000, "800 MHz");
	EXPECT_FMT(cli_fmt_freq, 32768, "32.768 kHz");
	EXPECT_FMT(cli_fmt_freq, 12, "12 Hz");
	EXPECT_FMT(cli_fmt_freq, 0, "0 Hz");
	EXPECT_FMT(cli_fmt_freq, 999, "999 Hz");
	EXPECT_FMT(cli_fmt_freq, 1000, "1 kHz");
	EXPECT_FMT(cli_fmt_freq, 1001, "1.001 kHz");
	EXPECT_FMT(cli_fmt_freq, 1234567, "1.234567 MHz");
	EXPECT_FMT(cli_fmt_freq, 1000000001, "1000.000001 MHz"); /* 9 decimals: one unit down */
	EXPECT_FMT(cli_fmt_freq, 1999999999, "1999.999999 MHz");
	EXPECT_FMT(cli_fmt_freq, 1000001000, "1.000001 GHz");
	EXPECT_FMT(cli_fmt_freq, UINT64_MAX, "18446744073709.551615 MHz");
	EXPECT_FMT(cli_fmt_freq, 18446744073000000000ull, "18446744073 GHz");
}

static void test_fmt_others(void **state)
{
	(void)state;
	EXPECT_FMT(cli_fmt_voltage, 900000, "900 mV");
	EXPECT_FMT(cli_fmt_voltage, 1050000, "1.05 V");
	EXPECT_FMT(cli_fmt_voltage, 7, "7 µV");
	EXPECT_FMT(cli_fmt_voltage, 0, "0 µV");
	EXPECT_FMT(cli_fmt_voltage, -50000, "-50 mV");
	EXPECT_FMT(cli_fmt_voltage, -1, "-1 µV");
	EXPECT_FMT(cli_fmt_voltage, INT64_MIN, "-9223372036854.775808 V");
	EXPECT_FMT(cli_fmt_temp, 45200, "45.2 °C");
	EXPECT_FMT(cli_fmt_temp, 45000, "45 °C");
	EXPECT_FMT(cli_fmt_temp, 1, "0.001 °C");
	EXPECT_FMT(cli_fmt_temp, 0, "0 °C");
	EXPECT_FMT(cli_fmt_temp, -5500, "-5.5 °C");
	EXPECT_FMT(cli_fmt_temp, -450, "-0.45 °C");
	EXPECT_FMT(cli_fmt_temp, INT64_MIN, "-9223372036854775.808 °C");
	EXPECT_FMT(cli_fmt_power_mw, 1500, "1.5 W");
	EXPECT_FMT(cli_fmt_power_mw, 999, "999 mW");
	EXPECT_FMT(cli_fmt_power_mw, 2000, "2 W");
	EXPECT_FMT(cli_fmt_power_mw, 0, "0 mW");
	EXPECT_FMT(cli_fmt_power_uw, 500, "500 µW");
	EXPECT_FMT(cli_fmt_power_uw, 1500, "1.5 mW");
	EXPECT_FMT(cli_fmt_power_uw, 2000000, "2 W");
	EXPECT_FMT(cli_fmt_duration, 250, "250 µs");
	EXPECT_FMT(cli_fmt_duration, 10000, "10 ms");
	EXPECT_FMT(cli_fmt_duration, 1500000, "1.5 s");
	EXPECT_FMT(cli_fmt_duration, 1000001, "1.000001 s");
}

/* Whatever is printed parses back to the very same value. */
static void test_round_trip(void **state)
{
	static const uint64_t vals[] = {
	    0,	       1,	   999,	       1000,	   1001,       32768,	       1234567,
	    999999999, 1000000001, 1200000000, UINT32_MAX, 1ull << 40, UINT64_MAX / 7, UINT64_MAX};

	(void)state;
	for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		char b[CLI_FMT_MAX];
		uint64_t v;
		int32_t uv;

		assert_int_equal(cli_parse_freq(cli_fmt_freq(b, sizeof(b), vals[i]), &v), 0);
		assert_true(v == vals[i]);
		assert_int_equal(cli_parse_power(cli_fmt_power_uw(b, sizeof(b), vals[i]), &v), 0);
		assert_true(v == vals[i]);
		assert_int_equal(cli_parse_duration(cli_fmt_duration(b, sizeof(b), vals[i]), &v),
				 0);
		assert_true(v == vals[i]);
		if (vals[i] <= INT32_MAX) {
			assert_int_equal(cli_parse_voltage(
					     cli_fmt_voltage(b, sizeof(b), -(int64_t)vals[i]), &uv),
					 0);
			assert_true(uv == -(int64_t)vals[i]);
		}
	}
}

static void test_small_buffer_and_width(void **state)
{
	char b[6];

	(void)state;
	/* Truncated, never overrun, always terminated. */
	assert_string_equal(cli_fmt_freq(b, sizeof(b), 1200000000), "1.2 G");
	assert_int_equal(cli_text_width("45.2 °C"), 7);
	assert_int_equal(cli_text_width("250 µs"), 6);
	assert_int_equal(cli_text_width(""), 0);
	assert_int_equal(cli_text_width("abc"), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_freq),
	    cmocka_unit_test(test_parse_temp),
	    cmocka_unit_test(test_parse_voltage),
	    cmocka_unit_test(test_parse_power),
	    cmocka_unit_test(test_parse_duration),
	    cmocka_unit_test(test_fmt_freq),
	    cmocka_unit_test(test_fmt_others),
	    cmocka_unit_test(test_round_trip),
	    cmocka_unit_test(test_small_buffer_and_width),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Values with units, both ways (units.c), so that every command reads values
 * and prints them the same way.
 *
 * Values with units: a command line value is a decimal number with an optional
 * fraction and an optional unit, with or without one space ("800MHz", "1.2 GHz",
 * "32768"). A bare number is in the base unit (Hz, uV, uW, us). The value must be
 * a whole number of base units ("1.5Hz" is refused, "1.50GHz" is fine). Units are
 * case-insensitive (no millihertz or megavolts here to confuse them with) and "u"
 * may be written "µ". Everything the formatters print parses back to the same
 * value.
 *
 * Formatting is exact: the largest unit the value reaches, with as many decimals
 * as needed and never rounded; if that would take more than 6 decimals the next
 * smaller unit is used ("1.2 GHz", "32.768 kHz", "1000.000001 MHz").
 *
 * JSON carries raw integers in base units instead: hz, uv, mw or uw, mc
 * (millidegrees Celsius), us; key names say the unit ("rate_hz").
 */
#ifndef SCMI_TOOLS_UNITS_H
#define SCMI_TOOLS_UNITS_H

#include <stddef.h>
#include <stdint.h>

/* Room for any formatted value, e.g. "-9223372036854775.808 °C". */
#define CLI_FMT_MAX 40

/* Parsers: 0, or -EINVAL (syntax, unit, sign), -ERANGE (too large), -EDOM (not whole). */

/** cli_parse_freq() - "800MHz", "1.2GHz", "1500M", "100kHz", "32768" (Hz) into @hz. */
int cli_parse_freq(const char *s, uint64_t *hz);

/**
 * cli_parse_temp() - "80C", "80°C", "-5.5 C", "40000mC", "40000" (m°C) into @mc
 * (signed, in int32 millidegrees Celsius).
 */
int cli_parse_temp(const char *s, int32_t *mc);

/** cli_parse_voltage() - "900mV", "0.9V", "900000uV", "-50mV" (signed, in int32) into @uv. */
int cli_parse_voltage(const char *s, int32_t *uv);

/** cli_parse_power() - "1500mW", "2W", "500uW", "1000" (uW) into @uw. */
int cli_parse_power(const char *s, uint64_t *uw);

/** cli_parse_power_mw() - cli_parse_power() in whole mW ("500uW" is -EDOM). */
int cli_parse_power_mw(const char *s, uint64_t *mw);

/** cli_parse_duration() - "10ms", "1s", "250us", "100" (us) into @us. */
int cli_parse_duration(const char *s, uint64_t *us);

/* Formatters: write into @buf (CLI_FMT_MAX is always enough) and return @buf. */

/** cli_fmt_freq() - "1.2 GHz", "800 MHz", "32.768 kHz", "12 Hz". */
char *cli_fmt_freq(char *buf, size_t len, uint64_t hz);

/** cli_fmt_voltage() - "900 mV", "1.05 V", "-50 mV", "7 µV". */
char *cli_fmt_voltage(char *buf, size_t len, int64_t uv);

/** cli_fmt_power_mw() - "999 mW", "1.5 W". */
char *cli_fmt_power_mw(char *buf, size_t len, uint64_t mw);

/** cli_fmt_power_uw() - "500 µW", "1.5 mW", "2 W". */
char *cli_fmt_power_uw(char *buf, size_t len, uint64_t uw);

/** cli_fmt_temp() - millidegrees Celsius: "45.2 °C", "-5 °C", "0.001 °C". */
char *cli_fmt_temp(char *buf, size_t len, int64_t mc);

/** cli_fmt_duration() - "250 µs", "10 ms", "1.5 s". */
char *cli_fmt_duration(char *buf, size_t len, uint64_t us);

/** cli_text_width() - columns @s takes on a terminal: UTF-8 code points, not bytes. */
size_t cli_text_width(const char *s);

#endif /* SCMI_TOOLS_UNITS_H */

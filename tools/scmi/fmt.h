/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Shared parsers and printers of the scmi subcommands, so that every command
 * reads values and prints them the same way.
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
#ifndef SCMI_TOOLS_FMT_H
#define SCMI_TOOLS_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Room for any formatted value, e.g. "-9223372036854775.808 °C". */
#define CLI_FMT_MAX 40

/* Parsers: 0, or -EINVAL (syntax, unit, sign), -ERANGE (too large), -EDOM (not whole). */

/** cli_parse_freq() - "800MHz", "1.2GHz", "100kHz", "32768" (Hz) into @hz. */
int cli_parse_freq(const char *s, uint64_t *hz);

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

/*
 * Tables for people: a header line, then rows; columns are two spaces apart,
 * numbers right-aligned, and no trailing blanks.
 */

/** enum cli_align - how a column is aligned. */
enum cli_align {
	CLI_LEFT = 0,
	CLI_RIGHT,
};

/**
 * struct cli_column - one column.
 * @header: its title ("ID", "NAME", "RATE")
 * @align:  CLI_RIGHT for numbers
 */
struct cli_column {
	const char *header;
	enum cli_align align;
};

struct cli_table;

/** cli_table_new() - a table of @ncols columns (copied); NULL when out of memory. */
struct cli_table *cli_table_new(const struct cli_column *cols, size_t ncols);

/**
 * cli_table_add() - append one cell (printf-style, trusted text such as numbers
 * and units); the row ends by itself after the last column.
 */
void cli_table_add(struct cli_table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/**
 * cli_table_add_name() - append a cell holding a string from the platform
 * (resource names): anything but printable ASCII is shown as \xNN.
 */
void cli_table_add_name(struct cli_table *t, const char *name);

/**
 * cli_table_print() - print the table to @f; a short last row is padded with
 * empty cells. Returns 0, or -ENOMEM if a cell could not be stored earlier.
 */
int cli_table_print(struct cli_table *t, FILE *f);

/** cli_table_free() - free @t (NULL is fine). */
void cli_table_free(struct cli_table *t);

/*
 * JSON writer: values go where the structure says (a key first inside an
 * object, none in an array); commas are placed by the writer. Misuse (a value
 * without a key in an object, closing the wrong thing, too deep) is recorded and
 * reported by cli_json_end(); the output is then not to be trusted.
 */

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

#endif /* SCMI_TOOLS_FMT_H */

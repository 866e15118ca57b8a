// SPDX-License-Identifier: BSD-3-Clause
/*
 * Command line parsing: global options anywhere, the command word, its
 * positional arguments; numbers, modes, protocol names and hex payloads.
 * Nothing here talks to a platform, so all of it is unit tested.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "args.h"

static const struct {
	const char *name;
	uint8_t id;
} proto_names[] = {
    {"base", SCMI_PROTOCOL_BASE},	  {"power", SCMI_PROTOCOL_POWER},
    {"system", SCMI_PROTOCOL_SYSTEM},	  {"perf", SCMI_PROTOCOL_PERF},
    {"clock", SCMI_PROTOCOL_CLOCK},	  {"sensor", SCMI_PROTOCOL_SENSOR},
    {"reset", SCMI_PROTOCOL_RESET},	  {"voltage", SCMI_PROTOCOL_VOLTAGE},
    {"powercap", SCMI_PROTOCOL_POWERCAP}, {"pinctrl", SCMI_PROTOCOL_PINCTRL},
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int cli_parse_u32(const char *s, uint32_t *val)
{
	uint64_t v = 0;
	unsigned int base = 10;

	if (!s || !*s)
		return -EINVAL;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		if (!*s)
			return -EINVAL;
	}
	for (; *s; s++) {
		int d = hex_digit(*s);

		if (d < 0 || (unsigned int)d >= base)
			return -EINVAL;
		v = v * base + (unsigned int)d;
		/* Check each step: a long string must not wrap the accumulator. */
		if (v > UINT32_MAX)
			return -ERANGE;
	}
	*val = (uint32_t)v;
	return 0;
}

/* Our own table rather than scmi_mode_parse(): keeps scmi_cli free of libscmi. */
static const struct {
	const char *name;
	enum scmi_mode mode;
} modes[] = {
    {"auto", SCMI_MODE_AUTO},
    {"smt", SCMI_MODE_SMT},
    {"smt-memref", SCMI_MODE_SMT_MEMREF},
    {"msg", SCMI_MODE_MSG},
};

const char *cli_mode_name(enum scmi_mode mode)
{
	for (size_t i = 0; i < ARRAY_SIZE(modes); i++) {
		if (modes[i].mode == mode)
			return modes[i].name;
	}
	return "unknown";
}

int cli_parse_mode(const char *s, enum scmi_mode *mode)
{
	if (!s)
		return -EINVAL;
	for (size_t i = 0; i < ARRAY_SIZE(modes); i++) {
		if (!strcmp(s, modes[i].name)) {
			*mode = modes[i].mode;
			return 0;
		}
	}
	return -EINVAL;
}

int cli_parse_transport(const char *s, enum scmi_transport_kind *kind, const char **dir)
{
	static const char raw[] = "linux-raw";

	if (!s)
		return -EINVAL;
	*dir = NULL;
	if (!strcmp(s, "auto")) {
		*kind = SCMI_TRANSPORT_AUTO;
		return 0;
	}
	if (!strcmp(s, "optee")) {
		*kind = SCMI_TRANSPORT_OPTEE;
		return 0;
	}
	if (strncmp(s, raw, sizeof(raw) - 1) != 0)
		return -EINVAL;
	s += sizeof(raw) - 1;
	if (*s == ':') {
		if (!s[1])
			return -EINVAL;
		*dir = s + 1;
	} else if (*s) {
		return -EINVAL;
	}
	*kind = SCMI_TRANSPORT_LINUX_RAW;
	return 0;
}

static bool is_sep(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == ',' || c == ':';
}

int cli_parse_hex(const char *s, uint8_t *buf, size_t max, size_t *len)
{
	size_t n = *len;

	if (!s)
		return -EINVAL;
	while (*s) {
		size_t digits = 0;

		if (is_sep(*s)) {
			s++;
			continue;
		}
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
			s += 2;
		/* First validate the whole token so an odd count is caught as such. */
		while (s[digits] && !is_sep(s[digits])) {
			if (hex_digit(s[digits]) < 0)
				return -EINVAL;
			digits++;
		}
		if (digits == 0 || digits % 2)
			return -EINVAL;
		for (size_t i = 0; i < digits; i += 2) {
			if (n >= max)
				return -E2BIG;
			buf[n++] = (uint8_t)(hex_digit(s[i]) << 4 | hex_digit(s[i + 1]));
		}
		s += digits;
	}
	*len = n;
	return 0;
}

int cli_proto_lookup(const char *s, uint8_t *id)
{
	uint32_t v;
	int ret;

	if (!s || !*s)
		return -EINVAL;
	for (size_t i = 0; i < ARRAY_SIZE(proto_names); i++) {
		if (!strcasecmp(s, proto_names[i].name)) {
			*id = proto_names[i].id;
			return 0;
		}
	}
	ret = cli_parse_u32(s, &v);
	if (ret)
		return ret;
	if (v > 0xff)
		return -ERANGE;
	*id = (uint8_t)v;
	return 0;
}

const char *cli_proto_name(uint8_t id)
{
	for (size_t i = 0; i < ARRAY_SIZE(proto_names); i++) {
		if (proto_names[i].id == id)
			return proto_names[i].name;
	}
	return id >= SCMI_PROTOCOL_VENDOR_BASE ? "vendor" : "unknown";
}

static void set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* Room for an excerpt of a user's argument in an error message. */
#define EXCERPT_MAX 40

/* At most EXCERPT_MAX bytes of @s, "..." if cut: error messages stay one short line. */
static const char *excerpt(const char *s, char buf[EXCERPT_MAX + 4])
{
	size_t n = strnlen(s, EXCERPT_MAX + 1);

	if (n <= EXCERPT_MAX)
		return s;
	memcpy(buf, s, EXCERPT_MAX);
	memcpy(buf + EXCERPT_MAX, "...", 4);
	return buf;
}

const struct cli_command *cli_command_find(const struct cli_command *const *table, const char *name)
{
	if (!table || !name)
		return NULL;
	for (; *table; table++) {
		if (!strcmp((*table)->name, name))
			return *table;
	}
	return NULL;
}

/* Options that take a value: --opt VALUE or --opt=VALUE. */
enum opt_id {
	OPT_SOCKET,
	OPT_DT,
	OPT_MODE,
	OPT_TIMEOUT,
	OPT_JSON,
	OPT_HELP,
	OPT_VERSION,
	OPT_TRANSPORT
};

static const struct {
	const char *name;
	enum opt_id id;
	bool has_value;
} options[] = {
    {"--socket", OPT_SOCKET, true},
    {"--dt", OPT_DT, true},
    {"--mode", OPT_MODE, true},
    {"--timeout", OPT_TIMEOUT, true},
    {"--json", OPT_JSON, false},
    {"--help", OPT_HELP, false},
    {"-h", OPT_HELP, false},
    {"--version", OPT_VERSION, false},
    {"--transport", OPT_TRANSPORT, true},
};

static int apply_option(struct cli_opts *o, enum opt_id id, const char *name, const char *val,
			char *err, size_t errlen)
{
	char ex[EXCERPT_MAX + 4];

	switch (id) {
	case OPT_SOCKET:
		if (!*val) {
			set_err(err, errlen, "%s: empty path", name);
			return -EINVAL;
		}
		o->socket_path = val;
		return 0;
	case OPT_DT:
		if (!*val) {
			set_err(err, errlen, "%s: empty path", name);
			return -EINVAL;
		}
		o->dt_path = val;
		return 0;
	case OPT_MODE:
		if (cli_parse_mode(val, &o->mode)) {
			set_err(err, errlen, "%s: unknown mode '%s' (smt, smt-memref, msg, auto)",
				name, excerpt(val, ex));
			return -EINVAL;
		}
		return 0;
	case OPT_TIMEOUT:
		if (cli_parse_u32(val, &o->timeout_ms) || o->timeout_ms == 0 ||
		    o->timeout_ms > CLI_TIMEOUT_MAX_MS) {
			set_err(err, errlen, "%s: '%s' is not a number of milliseconds in 1..%u",
				name, excerpt(val, ex), CLI_TIMEOUT_MAX_MS);
			return -EINVAL;
		}
		return 0;
	case OPT_JSON:
		o->json = true;
		return 0;
	case OPT_HELP:
		o->help = true;
		return 0;
	case OPT_VERSION:
		o->version = true;
		return 0;
	case OPT_TRANSPORT:
		if (cli_parse_transport(val, &o->transport, &o->raw_dir)) {
			set_err(
			    err, errlen,
			    "%s: unknown transport '%s' (optee, linux-raw, linux-raw:DIR, auto)",
			    name, excerpt(val, ex));
			return -EINVAL;
		}
		return 0;
	}
	return -EINVAL;
}

/*
 * Does argv[*i] name option @name? Returns 1 with its value in @val (NULL for a
 * flag; consumes the next word for "--opt VALUE"), 0 if not, or -EINVAL.
 */
/* cppcheck-suppress constParameter ; C converts char *const[] (main's argv) to no const char * */
static int match_option(int argc, char *const argv[], int *i, const char *name, bool has_value,
			const char **val, char *err, size_t errlen)
{
	const char *arg = argv[*i];
	size_t nlen = strlen(name);

	if (strncmp(arg, name, nlen) != 0)
		return 0;
	if (arg[nlen] == '=') {
		if (!has_value) {
			set_err(err, errlen, "%s takes no value", name);
			return -EINVAL;
		}
		*val = arg + nlen + 1;
	} else if (arg[nlen] == '\0') {
		*val = NULL;
		if (has_value) {
			if (*i + 1 >= argc || !argv[*i + 1]) {
				set_err(err, errlen, "%s needs a value", name);
				return -EINVAL;
			}
			*val = argv[++*i];
		}
	} else {
		return 0;
	}
	return 1;
}

/* Returns 1 if argv[*i] was an option (consumed), 0 if not, or -EINVAL. */
static int parse_option(int argc, char *const argv[], int *i, struct cli_opts *o, char *err,
			size_t errlen)
{
	const struct cli_option *copts = o->cmd ? o->cmd->options : NULL;

	for (size_t k = 0; k < ARRAY_SIZE(options); k++) {
		const char *val;
		int ret = match_option(argc, argv, i, options[k].name, options[k].has_value, &val,
				       err, errlen);

		if (ret <= 0) {
			if (ret < 0)
				return ret;
			continue;
		}
		if (apply_option(o, options[k].id, options[k].name, val ? val : "", err, errlen))
			return -EINVAL;
		return 1;
	}
	/* The command's own options, once the command is known. */
	for (size_t k = 0; copts && copts[k].name && k < CLI_MAX_CMD_OPTS; k++) {
		const char *val;
		int ret = match_option(argc, argv, i, copts[k].name, copts[k].arg != NULL, &val,
				       err, errlen);

		if (ret <= 0) {
			if (ret < 0)
				return ret;
			continue;
		}
		o->opt_vals[k] = val ? val : "";
		return 1;
	}
	return 0;
}

int cli_parse_args(int argc, char *const argv[], const struct cli_command *const *table,
		   struct cli_opts *o, char *err, size_t errlen)
{
	char ex[EXCERPT_MAX + 4];
	bool opts_done = false;

	memset(o, 0, sizeof(*o));
	if (err && errlen)
		err[0] = '\0';
	for (int i = 1; i < argc && argv[i]; i++) {
		const char *arg = argv[i];

		if (!opts_done && !strcmp(arg, "--")) {
			opts_done = true;
			continue;
		}
		/*
		 * A lone "-", a negative number or a word is positional; anything
		 * else dashed is an option.
		 */
		if (!opts_done && arg[0] == '-' && arg[1] != '\0' &&
		    !(arg[1] >= '0' && arg[1] <= '9')) {
			int ret = parse_option(argc, argv, &i, o, err, errlen);

			if (ret < 0)
				return ret;
			if (ret == 0) {
				set_err(err, errlen, "unknown option '%s'", excerpt(arg, ex));
				return -EINVAL;
			}
			continue;
		}
		if (!o->cmd_name) {
			o->cmd = cli_command_find(table, arg);
			if (!o->cmd) {
				set_err(err, errlen, "unknown command '%s'", excerpt(arg, ex));
				return -EINVAL;
			}
			o->cmd_name = arg;
			continue;
		}
		if (o->nargs >= CLI_MAX_ARGS) {
			set_err(err, errlen, "too many arguments (at most %d)", CLI_MAX_ARGS);
			return -EINVAL;
		}
		o->args[o->nargs++] = arg;
	}
	/* The daemon's options mean nothing to the kernel's raw mode: say so, not ignore them. */
	if (o->transport == SCMI_TRANSPORT_LINUX_RAW && (o->socket_path || o->mode)) {
		set_err(err, errlen, "%s is an option of the OP-TEE transport, not of linux-raw",
			o->socket_path ? "--socket" : "--mode");
		return -EINVAL;
	}
	return 0;
}

int cli_raw_parse(const struct cli_opts *o, struct cli_raw_req *req, char *err, size_t errlen)
{
	char ex[EXCERPT_MAX + 4];
	uint32_t msg;
	int ret;

	memset(req, 0, sizeof(*req));
	if (o->nargs < 2) {
		set_err(err, errlen, "raw needs PROTO and MSG");
		return -EINVAL;
	}
	ret = cli_proto_lookup(o->args[0], &req->protocol);
	if (ret == -ERANGE) {
		set_err(err, errlen, "protocol '%s' is out of range (0..0xff)",
			excerpt(o->args[0], ex));
		return -EINVAL;
	}
	if (ret) {
		set_err(err, errlen,
			"unknown protocol '%s' (a number 0..0xff or base, power, system, perf, "
			"clock, sensor, reset, voltage, powercap, pinctrl)",
			excerpt(o->args[0], ex));
		return -EINVAL;
	}
	ret = cli_parse_u32(o->args[1], &msg);
	if (ret || msg > 0xff) {
		set_err(err, errlen, "message '%s' is not a number in 0..0xff",
			excerpt(o->args[1], ex));
		return -EINVAL;
	}
	req->message = (uint8_t)msg;
	for (int i = 2; i < o->nargs; i++) {
		ret = cli_parse_hex(o->args[i], req->payload, sizeof(req->payload), &req->len);
		if (ret == -E2BIG) {
			set_err(err, errlen, "payload longer than %zu bytes", sizeof(req->payload));
			return ret;
		}
		if (ret) {
			set_err(err, errlen,
				"bad hex payload '%s' (pairs of hex digits per byte, e.g. "
				"\"01000000\" or \"01 00 00 00\")",
				excerpt(o->args[i], ex));
			return ret;
		}
	}
	return 0;
}

// SPDX-License-Identifier: BSD-3-Clause
/*
 * Running a command from the table: verb lookup and argument counts, checks
 * before the platform is reached, the command's own options, and the error
 * lines every command prints the same way.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "args.h"
#include "command.h"
#include "output.h"
#include "units.h"

/* Room for an excerpt of a user's argument in an error message. */
#define EXCERPT_MAX 40

static const char *excerpt(const char *s, char buf[EXCERPT_MAX + 4])
{
	size_t n = strnlen(s, EXCERPT_MAX + 1);

	if (n <= EXCERPT_MAX)
		return s;
	memcpy(buf, s, EXCERPT_MAX);
	memcpy(buf + EXCERPT_MAX, "...", 4);
	return buf;
}

int cli_usage_error(const struct cli_opts *o, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (o && o->cmd)
		cli_error("%s (see scmi %s --help)", msg, o->cmd->name);
	else
		cli_error("%s (see scmi --help)", msg);
	return CLI_EXIT_USAGE;
}

int cli_fail(int err, const char *fmt, ...)
{
	int code = cli_errno_exit(err);
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (code == CLI_EXIT_SCMI)
		cli_error_status(cli_err_status(err), "%s: %s", msg, cli_err_text(err));
	else
		cli_error("%s: %s", msg, err < 0 ? strerror(-err) : "failed");
	return code == CLI_EXIT_OK ? CLI_EXIT_SCMI : code;
}

int cli_fail_why(int err, const char *why, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!why || !*why || cli_errno_exit(err) != CLI_EXIT_SCMI)
		return cli_fail(err, "%s", msg);
	cli_error_status(cli_err_status(err), "%s: %s: %s", msg, cli_err_text(err), why);
	return CLI_EXIT_SCMI;
}

const char *cli_opt(const struct cli_opts *o, const char *name)
{
	const struct cli_option *opts = o && o->cmd ? o->cmd->options : NULL;

	for (size_t k = 0; opts && opts[k].name && k < CLI_MAX_CMD_OPTS; k++) {
		if (!strcmp(opts[k].name, name))
			return o->opt_vals[k];
	}
	return NULL;
}

static const struct cli_verb *find_verb(const struct cli_command *c, const char *name)
{
	for (const struct cli_verb *v = c->verbs; v->name; v++) {
		if (!strcmp(v->name, name))
			return v;
	}
	return NULL;
}

/* "list, get, set" */
static void verb_names(const struct cli_command *c, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (const struct cli_verb *v = c->verbs; v->name && n < len; v++) {
		int w = snprintf(buf + n, len - n, "%s%s", n ? ", " : "", v->name);

		if (w < 0)
			break;
		n += (size_t)w;
	}
}

static bool verb_allows(const struct cli_verb *v, const char *opt)
{
	for (const char *const *p = v->options; p && *p; p++) {
		if (!strcmp(*p, opt))
			return true;
	}
	return false;
}

static int check_verb(const struct cli_opts *o, const struct cli_verb **out)
{
	const struct cli_command *c = o->cmd;
	const struct cli_verb *v;
	char names[200], ex[EXCERPT_MAX + 4];
	int argc = o->nargs - 1;

	verb_names(c, names, sizeof(names));
	if (o->nargs == 0)
		return cli_usage_error(o, "%s needs a verb: %s", c->name, names);
	v = find_verb(c, o->args[0]);
	if (!v)
		return cli_usage_error(o, "%s: unknown verb '%s' (%s)", c->name,
				       excerpt(o->args[0], ex), names);
	if (argc < v->min_args || (v->max_args >= 0 && argc > v->max_args)) {
		const char *a = v->args && *v->args ? v->args : "";

		return cli_usage_error(o, "%s %s: %s arguments (usage: scmi %s %s%s%s)", c->name,
				       v->name, argc < v->min_args ? "missing" : "too many",
				       c->name, v->name, *a ? " " : "", a);
	}
	for (size_t k = 0; c->options && c->options[k].name && k < CLI_MAX_CMD_OPTS; k++) {
		if (o->opt_vals[k] && !verb_allows(v, c->options[k].name))
			return cli_usage_error(o, "%s is not an option of '%s %s'",
					       c->options[k].name, c->name, v->name);
	}
	*out = v;
	return CLI_EXIT_OK;
}

int cli_command_check(const struct cli_opts *o)
{
	const struct cli_command *c = o->cmd;
	int ret;

	if (!c)
		return cli_usage_error(o, "no command given");
	if (c->verbs) {
		const struct cli_verb *v;

		ret = check_verb(o, &v);
		if (ret)
			return ret;
		if (v->check) {
			ret = v->check(o, o->nargs - 1, o->args + 1);
			if (ret)
				return ret;
		}
	}
	if (c->check)
		return c->check(o, o->nargs, o->args);
	return CLI_EXIT_OK;
}

int cli_command_run(const struct cli_opts *o, struct scmi_agent *agent)
{
	const struct cli_command *c = o->cmd;
	const struct cli_verb *v;
	int ret;

	if (!c)
		return cli_usage_error(o, "no command given");
	if (c->run)
		return c->run(o, o->nargs, o->args, agent);
	if (!c->verbs) {
		cli_error("'%s' has nothing to run", c->name);
		return CLI_EXIT_USAGE;
	}
	/* Checked already by main; checked again so a caller cannot skip it. */
	v = NULL;
	ret = check_verb(o, &v);
	if (ret || !v)
		return ret ? ret : CLI_EXIT_USAGE;
	return v->run(o, o->nargs - 1, o->args + 1, agent);
}

/* One usage error for a value that did not parse, by reason. */
static int bad_value(const struct cli_opts *o, const char *what, const char *s, int err,
		     const char *forms, const char *base, const char *range)
{
	char ex[EXCERPT_MAX + 4];

	if (err == -ERANGE && range)
		return cli_usage_error(o, "%s '%s' is out of range (%s)", what, excerpt(s, ex),
				       range);
	if (err == -ERANGE)
		return cli_usage_error(o, "%s '%s' is too large", what, excerpt(s, ex));
	if (err == -EDOM)
		return cli_usage_error(o, "%s '%s' is not a whole number of %s", what,
				       excerpt(s, ex), base);
	return cli_usage_error(o, "%s '%s' is not valid (e.g. %s)", what, excerpt(s, ex), forms);
}

int cli_arg_u32(const struct cli_opts *o, const char *what, const char *s, uint32_t *v)
{
	int ret = cli_parse_u32(s, v);

	if (ret == -ERANGE)
		return bad_value(o, what, s, ret, "", "", "0..4294967295");
	if (ret)
		return bad_value(o, what, s, ret, "3, 0x1f", "", NULL);
	return 0;
}

int cli_arg_freq(const struct cli_opts *o, const char *what, const char *s, uint64_t *hz)
{
	int ret = cli_parse_freq(s, hz);

	return ret ? bad_value(o, what, s, ret, "800MHz, 1.2GHz, 100kHz, 32768", "Hz", NULL) : 0;
}

int cli_arg_voltage(const struct cli_opts *o, const char *what, const char *s, int32_t *uv)
{
	int ret = cli_parse_voltage(s, uv);

	return ret ? bad_value(o, what, s, ret, "900mV, 0.9V, 900000uV", "uV",
			       "-2147.483648 V..2147.483647 V")
		   : 0;
}

int cli_arg_power_uw(const struct cli_opts *o, const char *what, const char *s, uint64_t *uw)
{
	int ret = cli_parse_power(s, uw);

	return ret ? bad_value(o, what, s, ret, "1500mW, 2W, 500uW", "uW", NULL) : 0;
}

int cli_arg_power_mw(const struct cli_opts *o, const char *what, const char *s, uint64_t *mw)
{
	int ret = cli_parse_power_mw(s, mw);

	return ret ? bad_value(o, what, s, ret, "1500mW, 2W, 1.5W", "mW", NULL) : 0;
}

int cli_arg_duration(const struct cli_opts *o, const char *what, const char *s, uint64_t *us)
{
	int ret = cli_parse_duration(s, us);

	return ret ? bad_value(o, what, s, ret, "10ms, 1s, 250us", "us", NULL) : 0;
}

int cli_arg_temp(const struct cli_opts *o, const char *what, const char *s, int32_t *mc)
{
	int ret = cli_parse_temp(s, mc);

	return ret ? bad_value(o, what, s, ret, "80C, -5.5C, 40000mC, 40000 (m°C)", "m°C",
			       "-2147483.648 °C..2147483.647 °C")
		   : 0;
}

int cli_arg_range(const struct cli_opts *o, const char *what, const char *s, uint64_t v,
		  uint64_t min, uint64_t max, const char *unit)
{
	char ex[EXCERPT_MAX + 4];

	if (v >= min && v <= max)
		return 0;
	return cli_usage_error(o, "%s '%s' is out of range (%llu..%llu%s%s)", what, excerpt(s, ex),
			       (unsigned long long)min, (unsigned long long)max, unit ? " " : "",
			       unit ? unit : "");
}

// SPDX-License-Identifier: BSD-3-Clause
/* Help texts of the CLI. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "help.h"

static const char usage_head[] =
    "usage: scmi [global options] COMMAND [args]\n"
    "\n"
    "Explore and drive an SCMI platform over the OP-TEE transport (optee-simd), or on a\n"
    "real board over the kernel's SCMI raw mode (linux-raw).\n"
    "\n"
    "Global options (before or after the command):\n"
    "  --transport T     optee | linux-raw | linux-raw:DIR | auto (default auto:\n"
    "                    linux-raw when " SCMI_LINUX_RAW_DIR "\n"
    "                    exists and no --socket or SCMI_SOCKET is given, else optee);\n"
    "                    DIR is a raw directory or one of its channels/0xNN directories\n"
    "  --socket PATH     optee-simd socket (default: $SCMI_SOCKET, else\n"
    "                    $XDG_RUNTIME_DIR/optee-simd.sock, else\n"
    "                    ${TMPDIR:-/tmp}/optee-simd-UID/optee-simd.sock)\n"
    "  --dt FILE.dtb     the agent's device tree (firmware/scmi node, linaro,scmi-optee);\n"
    "                    default: channel 0, no shmem\n"
    "  --mode MODE       smt | smt-memref | msg | auto (default auto: as Linux chooses)\n"
    "  --timeout MS      response timeout (default: DT, else the kernel's for linux-raw,\n"
    "                    else 30)\n"
    "  --json            machine-readable output\n"
    "  -h, --help        help (also `scmi help`, `scmi COMMAND --help`)\n"
    "  --version         print the version\n"
    "\n";

static const char usage_info[] =
    "  info                      vendor, sub-vendor, implementation version, Base protocol\n"
    "                            version, transport mode and channel, protocols (id, name,\n"
    "                            version) and agents (id, name; 0 is the platform)\n";

static const char usage_raw[] =
    "  raw PROTO MSG [HEXBYTES]  send any message and print the status and response;\n"
    "                            PROTO and MSG are numbers (0x.. or decimal), PROTO may be a\n"
    "                            name (base, power, system, perf, clock, sensor, reset,\n"
    "                            voltage, powercap, pinctrl); HEXBYTES is the payload in wire\n"
    "                            order: \"01000000\", \"01 00 00 00\", \"0x01,0x00,0x00,0x00\";\n"
    "                            --async: also wait for and print the delayed response\n"
    "                            (set the command's async flag; linux-raw only)\n";

static const char usage_tail[] = "\n"
				 "Exit status: 0 success, 1 SCMI error status, 2 bad arguments,\n"
				 "             3 platform not reachable or transport failure.\n";

void cli_usage(FILE *f, const struct cli_command *const *table)
{
	fputs(usage_head, f);
	fputs("Commands:\n", f);
	for (; table && *table; table++)
		fprintf(f, "  %-10s %s\n", (*table)->name, (*table)->summary);
	fputs("\nRun `scmi help COMMAND` or `scmi COMMAND --help` for a command's usage.\n", f);
	fputs(usage_tail, f);
}

void cli_usage_info(FILE *f)
{
	fputs("usage: scmi [global options] info\n\n", f);
	fputs(usage_info, f);
	fputs("\nexample: scmi --json info\n", f);
}

void cli_usage_raw(FILE *f)
{
	fputs("usage: scmi [global options] raw PROTO MSG [HEXBYTES...] [--async]\n\n", f);
	fputs(usage_raw, f);
	fputs("\nexamples: scmi raw base 0x0           (PROTOCOL_VERSION)\n"
	      "          scmi raw base 0x6 00000000  (BASE_DISCOVER_LIST_PROTOCOLS)\n"
	      "          scmi --transport linux-raw raw --async sensor 0x6 00000000 01000000\n"
	      "                                      (SENSOR_READING_GET of sensor 0, async:\n"
	      "                                      a board's kernel has the delayed path)\n",
	      f);
}

/* "  get ID RATE" padded to one column, then the summary. */
static void verb_line(FILE *f, const char *name, const struct cli_verb *v)
{
	char head[64];

	snprintf(head, sizeof(head), "%s %s%s%s", name, v->name, v->args && *v->args ? " " : "",
		 v->args ? v->args : "");
	if (strlen(head) > 28)
		fprintf(f, "  %s\n  %-28s %s\n", head, "", v->summary ? v->summary : "");
	else
		fprintf(f, "  %-28s %s\n", head, v->summary ? v->summary : "");
}

static void generated_usage(FILE *f, const struct cli_command *c)
{
	fprintf(f, "usage: scmi [global options] %s%s\n\n", c->name,
		c->verbs ? " VERB [args]" : "");
	fprintf(f, "%s\n", c->summary ? c->summary : "");
	if (!c->verbs)
		return;
	fputs("\nVerbs:\n", f);
	for (const struct cli_verb *v = c->verbs; v->name; v++)
		verb_line(f, c->name, v);
	if (c->details) {
		fputs("\n", f);
		fputs(c->details, f);
	}
}

void cli_command_help(FILE *f, const struct cli_command *c)
{
	if (!c)
		return;
	if (c->usage)
		c->usage(f);
	else
		generated_usage(f, c);
	if (c->options && c->options[0].name) {
		fputs("\nOptions:\n", f);
		for (const struct cli_option *op = c->options; op->name; op++) {
			char head[64];

			snprintf(head, sizeof(head), "%s%s%s", op->name, op->arg ? " " : "",
				 op->arg ? op->arg : "");
			fprintf(f, "  %-18s %s\n", head, op->help ? op->help : "");
		}
	}
	fputs("\nRun `scmi --help` for the global options.\n", f);
}

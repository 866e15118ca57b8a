/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Resources by name (resolve.c). Every argument naming a resource (a clock, a
 * domain, a sensor, a pin...) takes its id or a name as a DT author writes it:
 * its short name (domain-name = "vdd_ddr"), its extended name, or a unique
 * prefix of either. Check hooks call cli_arg_id() (a number, or something that
 * may be a name); run hooks call cli_resolve_id() with the protocol's "names
 * of id i" and the count. A name matches exactly, else case-insensitively,
 * else by its first word ("soc_temp" for "soc_temp (SoC die, junction)"), else
 * as a prefix (any case), the first tier with any match deciding; two or more
 * resources in it, or none in any, is exit 2 with the candidates.
 */
#ifndef SCMI_TOOLS_RESOLVE_H
#define SCMI_TOOLS_RESOLVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli.h"

/* Room for a resource's name (SCMI extended names are 64 bytes). */
#define CLI_NAME_MAX 80

/* SCMI names: 16 bytes in the attributes, 64 extended (each with its NUL). */
#define CLI_SHORT_NAME_SIZE 16
#define CLI_EXT_NAME_SIZE   64

/**
 * struct cli_names - the names of one resource.
 * @name: the short name, NUL-terminated
 * @ext:  the extended name, "" when the resource has none
 */
struct cli_names {
	char name[CLI_SHORT_NAME_SIZE + 1];
	char ext[CLI_EXT_NAME_SIZE + 1];
};

/** cli_names_full() - the name people read: the extended one when there is one. */
const char *cli_names_full(const struct cli_names *n);

/**
 * typedef cli_name_fn - the names of resource @id into @n (both NUL-terminated).
 * Returns 0, or a negative errno: a transport error stops the lookup, any
 * other (e.g. NOT_FOUND for a resource hidden from this agent) skips @id.
 */
typedef int cli_name_fn(void *ctx, uint32_t id, struct cli_names *n);

/**
 * struct cli_resolve - where a command's names come from.
 * @noun:      the resource in messages ("clock", "perf domain", "pin")
 * @list_args: what follows "scmi CMD list" to list them ("pins"), or NULL
 * @count:     ids are 0..@count-1
 * @name_of:   the name of one id
 * @ctx:       for @name_of (the protocol handle)
 */
struct cli_resolve {
	const char *noun;
	const char *list_args;
	uint32_t count;
	cli_name_fn *name_of;
	void *ctx;
};

/** cli_is_number() - @s is written as a number (perhaps too large for one), not a name. */
bool cli_is_number(const char *s);

/**
 * cli_arg_id() - check hook of a resource argument @s called @what ("ID"):
 * a number in range, or a plausible name. Returns 0 or CLI_EXIT_USAGE (printed).
 */
int cli_arg_id(const struct cli_opts *o, const char *what, const char *s);

/**
 * cli_resolve_id() - the id @s names: a number as is (no message sent), else the
 * resource of @r with that name (see above). Returns CLI_EXIT_OK, CLI_EXIT_USAGE
 * (unknown or ambiguous, candidates printed) or the exit code of a transport error.
 */
int cli_resolve_id(const struct cli_opts *o, const struct cli_resolve *r, const char *what,
		   const char *s, uint32_t *id);

#endif /* SCMI_TOOLS_RESOLVE_H */

// SPDX-License-Identifier: BSD-3-Clause
/*
 * Resource arguments given by name: "scmi clock set-rate axi 300MHz". One
 * resolver for every protocol; the command supplies "the names of id i" (its
 * protocol's attributes and NAME_GET messages) and the count. Numbers never
 * reach the platform here, so a numeric id costs no extra message.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "args.h"
#include "command.h"
#include "output.h"
#include "resolve.h"

/* Candidates an error lists before "... N more". */
#define CANDIDATES_MAX 12
/* Room for the candidates in an error line. */
#define CANDIDATES_BUF 640

/* Names longer than this cannot come from SCMI (64-byte extended names). */
#define NAME_ARG_MAX 128

enum tier { TIER_EXACT, TIER_NOCASE, TIER_WORD, TIER_PREFIX, NUM_TIERS };

const char *cli_names_full(const struct cli_names *n)
{
	return n->ext[0] ? n->ext : n->name;
}

/* The length of @name's first word: up to a space or '(' ("soc_temp (SoC die)" -> 8). */
static size_t first_word_len(const char *name)
{
	return strcspn(name, " (\t");
}

static bool name_matches(enum tier t, const char *name, const char *s)
{
	size_t n;

	if (!*name)
		return false;
	switch (t) {
	case TIER_EXACT:
		return !strcmp(name, s);
	case TIER_NOCASE:
		return !strcasecmp(name, s);
	case TIER_WORD:
		n = first_word_len(name);
		/* Only names that have more than a word: the full name was tried already. */
		return name[n] && n == strlen(s) && !strncasecmp(name, s, n);
	default:
		return !strncasecmp(name, s, strlen(s));
	}
}

/* Either name of a resource matches in tier @t (a resource counts once). */
static bool matches(enum tier t, const struct cli_names *n, const char *s)
{
	return name_matches(t, n->name, s) || name_matches(t, n->ext, s);
}

/* "vdd_ddr_dram_core_and_io_supply (vdd_ddr, 5)": the full name, the short one when it differs. */
static void add_candidate(char *buf, size_t len, size_t *used, const struct cli_names *n,
			  uint32_t id)
{
	const char *full = cli_names_full(n);
	bool other = strcmp(full, n->name) != 0 && n->name[0];
	int w;

	if (*used >= len)
		return;
	w = snprintf(buf + *used, len - *used, "%s%s (%s%s%u)", *used ? ", " : "", full,
		     other ? n->name : "", other ? ", " : "", id);
	if (w < 0)
		return;
	*used += (size_t)w;
	if (*used >= len)
		*used = len;
}

bool cli_is_number(const char *s)
{
	uint32_t v;

	return cli_parse_u32(s, &v) != -EINVAL;
}

int cli_arg_id(const struct cli_opts *o, const char *what, const char *s)
{
	uint32_t v;
	int ret = cli_parse_u32(s, &v);

	if (ret != -EINVAL)
		return cli_arg_u32(o, what, s, &v);
	if (!*s)
		return cli_usage_error(o, "%s: empty (a number or a name from list)", what);
	if (strlen(s) > NAME_ARG_MAX)
		return cli_usage_error(o, "%s: too long for a name", what);
	return CLI_EXIT_OK;
}

int cli_resolve_id(const struct cli_opts *o, const struct cli_resolve *r, const char *what,
		   const char *s, uint32_t *id)
{
	struct cli_names names;
	char list[CANDIDATES_BUF];
	uint32_t i, hits[NUM_TIERS] = {0}, first[NUM_TIERS] = {0}, shown = 0, named = 0;
	size_t used = 0;
	int t, ret;

	ret = cli_arg_id(o, what, s);
	if (ret)
		return ret;
	if (!cli_parse_u32(s, id))
		return CLI_EXIT_OK;
	for (i = 0; i < r->count; i++) {
		memset(&names, 0, sizeof(names));
		ret = r->name_of(r->ctx, i, &names);
		if (ret && cli_errno_exit(ret) == CLI_EXIT_TRANSPORT)
			return cli_fail(ret, "%s %u: name", r->noun, i);
		if (ret)
			continue; /* not visible to this agent, say: not a candidate */
		names.name[sizeof(names.name) - 1] = '\0';
		names.ext[sizeof(names.ext) - 1] = '\0';
		named++;
		for (t = 0; t < NUM_TIERS; t++) {
			if (matches((enum tier)t, &names, s) && hits[t]++ == 0)
				first[t] = i;
		}
	}
	for (t = 0; t < NUM_TIERS; t++) {
		if (hits[t] == 1) {
			*id = first[t];
			return CLI_EXIT_OK;
		}
		if (hits[t] > 1)
			break;
	}
	/* Second pass for the message: the ambiguous tier's matches, or every name. */
	for (i = 0; i < r->count && shown < CANDIDATES_MAX; i++) {
		memset(&names, 0, sizeof(names));
		if (r->name_of(r->ctx, i, &names))
			continue;
		names.name[sizeof(names.name) - 1] = '\0';
		names.ext[sizeof(names.ext) - 1] = '\0';
		if (t < NUM_TIERS && !matches((enum tier)t, &names, s))
			continue;
		add_candidate(list, sizeof(list), &used, &names, i);
		shown++;
	}
	if (!used)
		snprintf(list, sizeof(list), "none");
	/* Not cli_usage_error(): the way out is the list of names, not the command's help. */
	if (t < NUM_TIERS)
		cli_error("%s '%s' is ambiguous: %u %ss match: %s%s; give the id", what, s, hits[t],
			  r->noun, list, hits[t] > shown ? ", ..." : "");
	else
		cli_error("%s '%s': no %s has that name; %ss: %s%s (see scmi %s list%s%s)", what, s,
			  r->noun, r->noun, list, named > shown ? ", ..." : "",
			  o && o->cmd ? o->cmd->name : "", r->list_args ? " " : "",
			  r->list_args ? r->list_args : "");
	return CLI_EXIT_USAGE;
}

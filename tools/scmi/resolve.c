// SPDX-License-Identifier: BSD-3-Clause
/*
 * Resource arguments given by name: "scmi clock set-rate axi 300MHz". One
 * resolver for every protocol; the command supplies "the name of id i" (its
 * protocol's attributes or NAME_GET message) and the count. Numbers never
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

enum tier { TIER_EXACT, TIER_NOCASE, TIER_WORD, NUM_TIERS };

/* The length of @name's first word: up to a space or '(' ("soc_temp (SoC die)" -> 8). */
static size_t first_word_len(const char *name)
{
	return strcspn(name, " (\t");
}

static bool matches(enum tier t, const char *name, const char *s)
{
	size_t n;

	switch (t) {
	case TIER_EXACT:
		return !strcmp(name, s);
	case TIER_NOCASE:
		return !strcasecmp(name, s);
	default:
		n = first_word_len(name);
		/* Only names that have more than a word: the full name was tried already. */
		return name[n] && n == strlen(s) && !strncasecmp(name, s, n);
	}
}

static void add_candidate(char *buf, size_t len, size_t *used, const char *name, uint32_t id)
{
	int w;

	if (*used >= len)
		return;
	w = snprintf(buf + *used, len - *used, "%s%s (%u)", *used ? ", " : "", name, id);
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
	char name[CLI_NAME_MAX], list[CANDIDATES_BUF];
	uint32_t i, hits[NUM_TIERS] = {0}, first[NUM_TIERS] = {0}, shown = 0, named = 0;
	size_t used = 0;
	int t, ret;

	ret = cli_arg_id(o, what, s);
	if (ret)
		return ret;
	if (!cli_parse_u32(s, id))
		return CLI_EXIT_OK;
	for (i = 0; i < r->count; i++) {
		ret = r->name_of(r->ctx, i, name, sizeof(name));
		if (ret && cli_errno_exit(ret) == CLI_EXIT_TRANSPORT)
			return cli_fail(ret, "%s %u: name", r->noun, i);
		if (ret)
			continue; /* not visible to this agent, say: not a candidate */
		name[sizeof(name) - 1] = '\0';
		named++;
		for (t = 0; t < NUM_TIERS; t++) {
			if (matches((enum tier)t, name, s) && hits[t]++ == 0)
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
		if (r->name_of(r->ctx, i, name, sizeof(name)))
			continue;
		name[sizeof(name) - 1] = '\0';
		if (t < NUM_TIERS && !matches((enum tier)t, name, s))
			continue;
		add_candidate(list, sizeof(list), &used, name, i);
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

// SPDX-License-Identifier: BSD-3-Clause
/*
 * Fault spec strings: "key[=value],key[=value],..." into a struct fault_rule,
 * and back. The grammar is in docs/fault-injection.md; every rule a spec can
 * say, the DT node can say too (fault_dt.c builds a spec from the node).
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scmi/proto/status.h"
#include "secure/fault_inject.h"

/* Longest spec accepted; anything longer is surely not a rule. */
#define FAULT_SPEC_MAX 512u

__attribute__((format(printf, 3, 4))) static int spec_err(char *err, size_t err_len,
							  const char *fmt, ...)
{
	va_list ap;

	if (err && err_len) {
		va_start(ap, fmt);
		vsnprintf(err, err_len, fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

/* An unsigned number (decimal or 0x hex) in [0, max]; no sign, no junk. */
static bool parse_u64(const char *s, uint64_t max, uint64_t *out)
{
	unsigned long long v;
	char *end;

	if (!s || !isdigit((unsigned char)s[0]))
		return false;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || *end || v > max)
		return false;
	*out = v;
	return true;
}

/* "any" or a number in [0, max]. */
static bool parse_id(const char *s, uint64_t max, int32_t *out)
{
	uint64_t v;

	if (!strcasecmp(s, "any")) {
		*out = FAULT_ANY;
		return true;
	}
	if (!parse_u64(s, max, &v))
		return false;
	*out = (int32_t)v;
	return true;
}

/* A probability: "0.25", "1", "0", or "25%"; at most 6 decimals. Into parts per million. */
static bool parse_prob(const char *s, uint32_t *ppm)
{
	uint64_t whole = 0, frac = 0, scale = 1000000;
	bool percent = false, digits = false;
	const char *p = s;

	while (isdigit((unsigned char)*p)) {
		whole = whole * 10 + (uint64_t)(*p++ - '0');
		digits = true;
		if (whole > 100)
			return false;
	}
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p)) {
			if (scale == 1)
				return false; /* more precision than a ppm */
			scale /= 10;
			frac += (uint64_t)(*p++ - '0') * scale;
			digits = true;
		}
	}
	if (*p == '%') {
		percent = true;
		p++;
	}
	if (*p || !digits)
		return false;
	if (percent) {
		/* whole% + frac: frac is in millionths of one, i.e. of a percent here. */
		if (whole > 100 || (whole == 100 && frac))
			return false;
		*ppm = (uint32_t)(whole * 10000 + frac / 100);
		return true;
	}
	if (whole > 1 || (whole == 1 && frac))
		return false;
	*ppm = (uint32_t)(whole * 1000000 + frac);
	return true;
}

static bool parse_status(const char *s, int32_t *out)
{
	const char *name = s;
	char *end;
	long v;

	if (!strncasecmp(name, "SCMI_", 5))
		name += 5;
	for (int32_t st = SCMI_NOT_SUPPORTED; st >= SCMI_STATUS_LAST; st--) {
		if (!strcasecmp(name, scmi_status_name(st))) {
			*out = st;
			return true;
		}
	}
	/* A raw status: negative decimal (vendor codes are allowed), never SUCCESS. */
	if (s[0] != '-' || !isdigit((unsigned char)s[1]))
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < INT32_MIN || v >= 0)
		return false;
	*out = (int32_t)v;
	return true;
}

static const char *const corrupt_names[] = {
    [FAULT_CORRUPT_TOKEN] = "token",
    [FAULT_CORRUPT_LENGTH] = "length",
    [FAULT_CORRUPT_SHORT] = "short",
    [FAULT_CORRUPT_PAYLOAD] = "payload",
};

static bool parse_corrupt(const char *s, enum fault_corrupt *out)
{
	for (size_t i = 0; i < sizeof(corrupt_names) / sizeof(corrupt_names[0]); i++) {
		if (!strcasecmp(s, corrupt_names[i])) {
			*out = (enum fault_corrupt)i;
			return true;
		}
	}
	return false;
}

/* Keys, in the order a canonical spec prints them; each may appear once. */
enum spec_key {
	K_CHANNEL,
	K_PROTO,
	K_MSG,
	K_DELAY,
	K_DROP,
	K_CORRUPT,
	K_OFFSET,
	K_XOR,
	K_STATUS,
	K_EVERY,
	K_PROB,
	K_SEED,
	K_COUNT,
};

static const struct {
	const char *name;
	const char *alias;
	bool flag; /* takes no value */
} spec_keys[K_COUNT] = {
    [K_CHANNEL] = {"channel", "chan", false}, [K_PROTO] = {"proto", "protocol", false},
    [K_MSG] = {"msg", "message", false},      [K_DELAY] = {"delay", "delay-ms", false},
    [K_DROP] = {"drop", NULL, true},	      [K_CORRUPT] = {"corrupt", NULL, false},
    [K_OFFSET] = {"offset", NULL, false},     [K_XOR] = {"xor", NULL, false},
    [K_STATUS] = {"status", NULL, false},     [K_EVERY] = {"every", NULL, false},
    [K_PROB] = {"prob", NULL, false},	      [K_SEED] = {"seed", NULL, false},
};

static int find_key(const char *name)
{
	for (int k = 0; k < K_COUNT; k++) {
		if (!strcasecmp(name, spec_keys[k].name) ||
		    (spec_keys[k].alias && !strcasecmp(name, spec_keys[k].alias)))
			return k;
	}
	return -1;
}

/* A key that takes no value (spec_keys[].flag). */
static void set_flag(struct fault_rule *r, int k)
{
	if (k == K_DROP)
		r->action = FAULT_ACT_DROP;
}

/* A key with value @v (never NULL: flags go to set_flag()). */
static int set_key(struct fault_rule *r, int k, const char *v, char *err, size_t err_len)
{
	uint64_t n = 0; /* stored even when the parse fails: the rule is then dropped */
	bool ok = true;

	switch (k) {
	case K_CHANNEL:
		ok = parse_id(v, INT32_MAX, &r->channel);
		break;
	case K_PROTO:
		ok = parse_id(v, 0xff, &r->protocol);
		break;
	case K_MSG:
		ok = parse_id(v, 0xff, &r->message);
		break;
	case K_DELAY:
		ok = parse_u64(v, FAULT_INJECT_MAX_DELAY_MS, &n);
		r->delay_ms = (uint32_t)n;
		break;
	case K_CORRUPT:
		ok = parse_corrupt(v, &r->corrupt);
		r->action = FAULT_ACT_CORRUPT;
		break;
	case K_OFFSET:
		ok = parse_u64(v, SCMI_SERVER_MAX_PAYLOAD, &n);
		r->offset = (uint32_t)n;
		break;
	case K_XOR:
		ok = parse_u64(v, UINT32_MAX, &n) && n;
		r->xor = (uint32_t)n;
		break;
	case K_STATUS:
		ok = parse_status(v, &r->status);
		r->action = FAULT_ACT_STATUS;
		break;
	case K_EVERY:
		ok = parse_u64(v, UINT32_MAX, &n) && n;
		r->every = (uint32_t)n;
		break;
	case K_PROB:
		ok = parse_prob(v, &r->prob_ppm);
		r->every = 0;
		break;
	case K_SEED:
		ok = parse_u64(v, UINT64_MAX, &r->seed);
		break;
	}
	if (!ok)
		return spec_err(err, err_len, "fault: bad value for %s: '%s'", spec_keys[k].name,
				v);
	return 0;
}

/* Rules a parsed spec must keep; the add path checks a hand-built rule the same way. */
static int check_rule(const struct fault_rule *r, const bool *seen, char *err, size_t err_len)
{
	int actions = seen[K_DROP] + seen[K_CORRUPT] + seen[K_STATUS];

	if (actions > 1)
		return spec_err(err, err_len,
				"fault: drop, corrupt and status exclude one another");
	if (!actions && !seen[K_DELAY])
		return spec_err(err, err_len,
				"fault: says nothing to do (delay=MS, drop, corrupt=KIND or "
				"status=NAME)");
	if (seen[K_EVERY] && seen[K_PROB])
		return spec_err(err, err_len, "fault: every and prob exclude one another");
	if ((seen[K_OFFSET] &&
	     (r->action != FAULT_ACT_CORRUPT || r->corrupt != FAULT_CORRUPT_PAYLOAD)) ||
	    (seen[K_XOR] &&
	     (r->action != FAULT_ACT_CORRUPT ||
	      (r->corrupt != FAULT_CORRUPT_PAYLOAD && r->corrupt != FAULT_CORRUPT_TOKEN))))
		return spec_err(err, err_len,
				"fault: offset belongs to corrupt=payload, xor to corrupt=payload "
				"or corrupt=token");
	if (seen[K_SEED] && !seen[K_PROB])
		return spec_err(err, err_len, "fault: seed belongs to prob");
	return 0;
}

static void rule_defaults(struct fault_rule *r)
{
	memset(r, 0, sizeof(*r));
	r->channel = FAULT_ANY;
	r->protocol = FAULT_ANY;
	r->message = FAULT_ANY;
	r->action = FAULT_ACT_DELAY;
	r->every = 1;
	r->seed = 1;
}

int fault_rule_parse(const char *spec, struct fault_rule *out, char *err, size_t err_len)
{
	bool seen[K_COUNT] = {false};
	char buf[FAULT_SPEC_MAX + 1];
	struct fault_rule r;
	char *item, *save = NULL;
	int rc;

	if (err && err_len)
		err[0] = '\0';
	if (!spec || !out)
		return spec_err(err, err_len, "fault: no spec");
	if (strlen(spec) > FAULT_SPEC_MAX)
		return spec_err(err, err_len, "fault: spec longer than %u characters",
				FAULT_SPEC_MAX);
	snprintf(buf, sizeof(buf), "%s", spec);
	rule_defaults(&r);

	for (item = strtok_r(buf, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		char *val = strchr(item, '=');
		int k;

		if (val)
			*val++ = '\0';
		k = find_key(item);
		if (k < 0)
			return spec_err(err, err_len, "fault: unknown key '%s'", item);
		if (seen[k])
			return spec_err(err, err_len, "fault: %s given twice", spec_keys[k].name);
		seen[k] = true;
		if (spec_keys[k].flag) {
			if (val)
				return spec_err(err, err_len, "fault: %s takes no value",
						spec_keys[k].name);
			set_flag(&r, k);
			continue;
		}
		if (!val || !val[0])
			return spec_err(err, err_len, "fault: %s needs a value", spec_keys[k].name);
		rc = set_key(&r, k, val, err, err_len);
		if (rc)
			return rc;
	}
	rc = check_rule(&r, seen, err, err_len);
	if (rc)
		return rc;
	*out = r;
	return 0;
}

/* Append to @buf at *@pos, never past @len. */
__attribute__((format(printf, 4, 5))) static void put(char *buf, size_t len, size_t *pos,
						      const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*pos >= len)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *pos, len - *pos, fmt, ap);
	va_end(ap);
	if (n > 0)
		*pos += (size_t)n;
}

char *fault_rule_format(const struct fault_rule *r, char *buf, size_t len)
{
	size_t pos = 0;

	if (!buf || !len)
		return buf;
	buf[0] = '\0';
	if (r->channel == FAULT_ANY)
		put(buf, len, &pos, "channel=any");
	else
		put(buf, len, &pos, "channel=%d", (int)r->channel);
	if (r->protocol == FAULT_ANY)
		put(buf, len, &pos, ",proto=any");
	else
		put(buf, len, &pos, ",proto=0x%02x", (unsigned int)r->protocol);
	if (r->message == FAULT_ANY)
		put(buf, len, &pos, ",msg=any");
	else
		put(buf, len, &pos, ",msg=0x%02x", (unsigned int)r->message);
	if (r->delay_ms)
		put(buf, len, &pos, ",delay=%u", r->delay_ms);
	switch (r->action) {
	case FAULT_ACT_DELAY:
		break;
	case FAULT_ACT_DROP:
		put(buf, len, &pos, ",drop");
		break;
	case FAULT_ACT_CORRUPT:
		put(buf, len, &pos, ",corrupt=%s", corrupt_names[r->corrupt]);
		if (r->corrupt == FAULT_CORRUPT_PAYLOAD && r->offset)
			put(buf, len, &pos, ",offset=%u", r->offset);
		if (r->xor)
			put(buf, len, &pos, ",xor=0x%x", r->xor);
		break;
	case FAULT_ACT_STATUS:
		if (r->status >= SCMI_STATUS_LAST)
			put(buf, len, &pos, ",status=%s", scmi_status_name(r->status));
		else
			put(buf, len, &pos, ",status=%d", (int)r->status);
		break;
	}
	if (r->every)
		put(buf, len, &pos, ",every=%u", r->every);
	else
		put(buf, len, &pos, ",prob=%u.%06u,seed=%llu", r->prob_ppm / 1000000,
		    r->prob_ppm % 1000000, (unsigned long long)r->seed);
	return buf;
}

int fault_rule_check(const struct fault_rule *r, char *err, size_t err_len)
{
	if (r->channel < FAULT_ANY || r->protocol < FAULT_ANY || r->protocol > 0xff ||
	    r->message < FAULT_ANY || r->message > 0xff)
		return spec_err(err, err_len, "fault: bad channel, protocol or message");
	if (r->delay_ms > FAULT_INJECT_MAX_DELAY_MS)
		return spec_err(err, err_len, "fault: delay above %u ms",
				FAULT_INJECT_MAX_DELAY_MS);
	if ((unsigned int)r->action > FAULT_ACT_STATUS ||
	    (r->action == FAULT_ACT_CORRUPT && (unsigned int)r->corrupt > FAULT_CORRUPT_PAYLOAD))
		return spec_err(err, err_len, "fault: unknown action");
	if (r->action == FAULT_ACT_DELAY && !r->delay_ms)
		return spec_err(err, err_len, "fault: says nothing to do");
	if (r->action == FAULT_ACT_STATUS && r->status >= 0)
		return spec_err(err, err_len, "fault: status must be an error");
	if (!r->every && r->prob_ppm > 1000000)
		return spec_err(err, err_len, "fault: probability above 1");
	if (r->offset > SCMI_SERVER_MAX_PAYLOAD)
		return spec_err(err, err_len, "fault: offset beyond any reply");
	return 0;
}

// SPDX-License-Identifier: BSD-3-Clause
/* The scripted server: see script_server.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "script_server.h"

#include "scmi/proto/endian.h"

struct ss_rule {
	uint8_t proto, msg;
	bool once, used;
	int32_t status;
	uint8_t data[SS_MAX_DATA];
	size_t len;
};

static struct ss_rule rules[SS_MAX_RULES];
static size_t nrules;
static struct ss_req reqs[SS_MAX_LOG];
static size_t nreqs;

static void ss_add(uint8_t proto, uint8_t msg, bool once, int32_t status, const void *data,
		   size_t len)
{
	struct ss_rule *r;
	size_t i;

	assert_true(len <= SS_MAX_DATA);
	/* A fixed reply replaces the previous fixed reply of that message. */
	for (i = 0; !once && i < nrules; i++)
		if (!rules[i].once && rules[i].proto == proto && rules[i].msg == msg)
			break;
	if (once || i == nrules) {
		assert_true(nrules < SS_MAX_RULES);
		i = nrules++;
	}
	r = &rules[i];
	memset(r, 0, sizeof(*r));
	r->proto = proto;
	r->msg = msg;
	r->once = once;
	r->status = status;
	r->len = len;
	if (len)
		memcpy(r->data, data, len);
}

void ss_set(uint8_t proto, uint8_t msg, int32_t status, const void *data, size_t len)
{
	ss_add(proto, msg, false, status, data, len);
}

void ss_push(uint8_t proto, uint8_t msg, int32_t status, const void *data, size_t len)
{
	ss_add(proto, msg, true, status, data, len);
}

void ss_u32(uint8_t proto, uint8_t msg, const uint32_t *w, size_t n)
{
	uint8_t b[SS_MAX_DATA];
	size_t i;

	assert_true(4 * n <= sizeof(b));
	for (i = 0; i < n; i++)
		scmi_put_le32(b + 4 * i, w[i]);
	ss_set(proto, msg, 0, b, 4 * n);
}

void ss_version(uint8_t proto, uint32_t version, uint32_t attr)
{
	ss_u32(proto, SCMI_MSG_PROTOCOL_VERSION, &version, 1);
	ss_u32(proto, SCMI_MSG_PROTOCOL_ATTRIBUTES, &attr, 1);
}

static void ss_serve(struct fake *f, const struct scmi_xfer *x)
{
	struct ss_rule *fixed = NULL, *r = NULL;
	size_t i;

	(void)f;
	if (nreqs < SS_MAX_LOG) {
		struct ss_req *q = &reqs[nreqs++];

		q->proto = x->hdr.protocol_id;
		q->msg = x->hdr.msg_id;
		q->tx_len = x->tx_len;
		memset(q->tx, 0, sizeof(q->tx));
		if (x->tx_len)
			memcpy(q->tx, x->tx, x->tx_len < SS_MAX_TX ? x->tx_len : SS_MAX_TX);
	}
	for (i = 0; i < nrules && !r; i++) {
		if (rules[i].proto != x->hdr.protocol_id || rules[i].msg != x->hdr.msg_id)
			continue;
		if (rules[i].once && !rules[i].used)
			r = &rules[i];
		else if (!rules[i].once && !fixed)
			fixed = &rules[i];
	}
	if (!r)
		r = fixed;
	if (!r) {
		fake_reply(x->hdr_word, SCMI_NOT_SUPPORTED, NULL, 0);
		return;
	}
	if (r->once)
		r->used = true;
	fake_reply(x->hdr_word, r->status, r->data, r->len);
}

void ss_reset(void)
{
	fake_reset();
	fake.serve = ss_serve;
	memset(rules, 0, sizeof(rules));
	nrules = 0;
	nreqs = 0;
}

size_t ss_count(uint8_t proto, uint8_t msg)
{
	size_t i, n = 0;

	for (i = 0; i < nreqs; i++)
		n += reqs[i].proto == proto && reqs[i].msg == msg;
	return n;
}

const struct ss_req *ss_last(uint8_t proto, uint8_t msg)
{
	size_t i = nreqs;

	while (i--)
		if (reqs[i].proto == proto && reqs[i].msg == msg)
			return &reqs[i];
	return NULL;
}

uint32_t ss_tx_u32(uint8_t proto, uint8_t msg, size_t i)
{
	const struct ss_req *q = ss_last(proto, msg);

	if (!q || 4 * i + 4 > q->tx_len || 4 * i + 4 > SS_MAX_TX)
		return 0;
	return scmi_get_le32(q->tx + 4 * i);
}

struct scmi_agent *ss_open(void)
{
	struct scmi_agent_config cfg = {0};
	struct scmi_agent *a = NULL;

	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), 0);
	return a;
}

struct scmi_agent *ss_agent;

int ss_setup(void **state)
{
	(void)state;
	ss_reset();
	ss_agent = ss_open();
	return ss_agent ? 0 : -1;
}

int ss_teardown(void **state)
{
	(void)state;
	scmi_agent_close(ss_agent);
	ss_agent = NULL;
	return 0;
}

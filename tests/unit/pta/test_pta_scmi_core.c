// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SCMI PTA core (src/pta/pta_scmi_core.h) without a TEE around it: each
 * command's parameter checks in OP-TEE's order (types, capability, arguments,
 * channel, peer), the handle being the channel id, the host's hooks (peer
 * check on every process command, the lock around the core's SMT reads, the
 * process hooks), the payload limit for SMT and MSG, and the served counters.
 *
 * The platform is the firmware's small one (firmware/core/plat_min.c):
 * channels 0..NUM_PLAT_CHANS-1 exist in the server; the PTA is given channels
 * 0 (static SMT area), 2 (none) and 1 (static SMT area), out of order, and
 * not channel 3, which the server knows but the PTA does not.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fw/plat_min.h"
#include "pta/pta_scmi_core.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/msg.h"
#include "scmi/proto/pta.h"
#include "scmi/proto/smt.h"
#include "scmi/proto/status.h"
#include "scmi/proto/tee.h"

#define NUM_PLAT_CHANS 4u
#define AREA	       128u
#define CH_SMT	       0u
#define CH_NONE	       2u
#define CH_SMT2	       1u
#define CH_NOT_PTA     3u
#define CH_UNKNOWN     9u

/**
 * struct host - a host that records what the core asked of it.
 * @deny:      channel the peer check refuses (UINT32_MAX: none)
 * @peer_asks: peer checks asked
 * @last_sess: the session the last peer check got
 * @locked:    lock depth (0 or 1)
 * @locks:     lock calls
 * @smt_calls: process_smt calls; @msg_calls: process_msg calls
 * @srv:       the server the hooks call
 */
struct host {
	uint32_t deny;
	unsigned int peer_asks;
	const void *last_sess;
	int locked;
	unsigned int locks;
	unsigned int smt_calls, msg_calls;
	struct scmi_server *srv;
};

struct fix {
	struct fw_plat_min plat;
	struct scmi_server srv;
	struct pta_scmi_chan chans[3];
	_Alignas(8) uint8_t area0[AREA];
	_Alignas(8) uint8_t area1[AREA];
	struct pta_scmi_core pta;
	struct host host;
};

static bool h_peer(void *ctx, const void *sess, const struct pta_scmi_chan *ch)
{
	struct host *h = ctx;

	h->peer_asks++;
	h->last_sess = sess;
	return ch->id != h->deny;
}

static void h_lock(void *ctx, struct pta_scmi_chan *ch)
{
	struct host *h = ctx;

	(void)ch;
	assert_int_equal(h->locked, 0);
	h->locked = 1;
	h->locks++;
}

static void h_unlock(void *ctx, struct pta_scmi_chan *ch)
{
	struct host *h = ctx;

	(void)ch;
	assert_int_equal(h->locked, 1);
	h->locked = 0;
}

static enum scmi_server_result h_smt(void *ctx, struct pta_scmi_chan *ch, volatile void *shm,
				     size_t size)
{
	struct host *h = ctx;

	assert_int_equal(h->locked, 0);
	h->smt_calls++;
	return scmi_server_process_smt(h->srv, ch->id, shm, size);
}

static enum scmi_server_result h_msg(void *ctx, struct pta_scmi_chan *ch, const volatile void *in,
				     size_t in_size, volatile void *out, size_t *out_size)
{
	struct host *h = ctx;

	h->msg_calls++;
	return scmi_server_process_msg(h->srv, ch->id, in, in_size, out, out_size);
}

static const struct pta_scmi_host_ops hooks = {
    .peer_allowed = h_peer,
    .lock = h_lock,
    .unlock = h_unlock,
    .process_smt = h_smt,
    .process_msg = h_msg,
};

static void fix_init(struct fix *f, uint32_t caps, const struct pta_scmi_host_ops *ops)
{
	memset(f, 0, sizeof(*f));
	fw_plat_min_init(&f->plat, NUM_PLAT_CHANS);
	scmi_server_init(&f->srv, fw_plat_min_ops(), &f->plat);
	f->chans[0] = (struct pta_scmi_chan){.id = CH_SMT, .smt = f->area0, .smt_size = AREA};
	f->chans[1] = (struct pta_scmi_chan){.id = CH_NONE};
	f->chans[2] = (struct pta_scmi_chan){.id = CH_SMT2, .smt = f->area1, .smt_size = AREA};
	scmi_smt_write32(f->area0, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	scmi_smt_write32(f->area1, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	f->host.deny = UINT32_MAX;
	f->host.srv = &f->srv;
	pta_scmi_core_init(&f->pta, &f->srv, caps, f->chans, 3, ops, &f->host);
}

static int setup(void **state)
{
	static struct fix f;

	fix_init(&f, PTA_SCMI_CAPS_MASK, &hooks);
	*state = &f;
	return 0;
}

static uint32_t invoke(struct fix *f, uint32_t cmd, uint32_t types, struct pta_scmi_param *p)
{
	return pta_scmi_core_invoke(&f->pta, &f->host, cmd, types, p);
}

/* Base PROTOCOL_VERSION with @token, handed over in SMT area @a with @extra payload bytes. */
static void smt_put(volatile uint8_t *a, uint16_t token, uint32_t extra)
{
	scmi_smt_write32(a, SCMI_SMT_OFF_STATUS, 0);
	scmi_smt_write32(a, SCMI_SMT_OFF_FLAGS, 0);
	scmi_smt_write32(a, SCMI_SMT_OFF_LENGTH, (uint32_t)sizeof(uint32_t) + extra);
	scmi_smt_write32(a, SCMI_SMT_OFF_HEADER,
			 scmi_hdr_make(SCMI_PROTOCOL_BASE, 0, SCMI_MSG_TYPE_COMMAND, token));
}

/* The SCMI status the server wrote in SMT area @a. */
static int32_t smt_status(const volatile uint8_t *a)
{
	return (int32_t)scmi_smt_read32(a, SCMI_SMT_OFF_PAYLOAD);
}

static void msg_put(uint8_t *buf, uint16_t token)
{
	uint32_t h = scmi_hdr_make(SCMI_PROTOCOL_BASE, 0, SCMI_MSG_TYPE_COMMAND, token);

	memcpy(buf, &h, sizeof(h));
}

static void test_open(void **state)
{
	(void)state;
	assert_int_equal(pta_scmi_core_open(TEE_LOGIN_REE_KERNEL), TEE_SUCCESS);
	assert_int_equal(pta_scmi_core_open(TEE_LOGIN_PUBLIC), TEE_ERROR_ACCESS_DENIED);
	assert_int_equal(pta_scmi_core_open(TEE_LOGIN_USER), TEE_ERROR_ACCESS_DENIED);
	assert_int_equal(pta_scmi_core_open(TEE_LOGIN_REE_KERNEL + 1), TEE_ERROR_ACCESS_DENIED);
}

static void test_unknown_command(void **state)
{
	struct fix *f = *state;
	struct pta_scmi_param p[4] = {0};

	assert_int_equal(invoke(f, 5, PTA_SCMI_PT_CAPABILITIES, p), TEE_ERROR_NOT_SUPPORTED);
	assert_int_equal(invoke(f, UINT32_MAX, 0, p), TEE_ERROR_NOT_SUPPORTED);
}

static void test_capabilities(void **state)
{
	struct fix *f = *state;
	struct pta_scmi_param p[4] = {0};

	p[0].value.b = 77;
	assert_int_equal(invoke(f, PTA_SCMI_CMD_CAPABILITIES, PTA_SCMI_PT_CAPABILITIES, p),
			 TEE_SUCCESS);
	assert_int_equal(p[0].value.a, PTA_SCMI_CAPS_MASK);
	assert_int_equal(p[0].value.b, 0);
	assert_int_equal(invoke(f, PTA_SCMI_CMD_CAPABILITIES, PTA_SCMI_PT_GET_CHANNEL_HANDLE, p),
			 TEE_ERROR_BAD_PARAMETERS);

	/* Unknown capability bits given at init are dropped. */
	fix_init(f, 0xffffffffu, &hooks);
	assert_int_equal(invoke(f, PTA_SCMI_CMD_CAPABILITIES, PTA_SCMI_PT_CAPABILITIES, p),
			 TEE_SUCCESS);
	assert_int_equal(p[0].value.a, PTA_SCMI_CAPS_MASK);
}

static uint32_t handle(struct fix *f, uint32_t ch, uint32_t want, uint32_t types)
{
	struct pta_scmi_param p[4] = {0};
	uint32_t r;

	p[0].value.a = ch;
	p[0].value.b = want;
	r = invoke(f, PTA_SCMI_CMD_GET_CHANNEL_HANDLE, types, p);
	/* The handle is the channel id: p0.a comes back as it went. */
	assert_int_equal(p[0].value.a, ch);
	return r;
}

static void test_get_channel_handle_order(void **state)
{
	struct fix *f = *state;
	const uint32_t pt = PTA_SCMI_PT_GET_CHANNEL_HANDLE;

	assert_int_equal(handle(f, CH_SMT, PTA_SCMI_CAPS_SMT_HEADER, pt), TEE_SUCCESS);
	assert_int_equal(handle(f, CH_NONE, PTA_SCMI_CAPS_MSG_HEADER, pt), TEE_SUCCESS);
	assert_int_equal(handle(f, CH_SMT2, PTA_SCMI_CAPS_MASK, pt), TEE_SUCCESS);
	/* 1: the types word, before everything else. */
	assert_int_equal(handle(f, CH_UNKNOWN, 0xf0, PTA_SCMI_PT_CAPABILITIES),
			 TEE_ERROR_BAD_PARAMETERS);
	/* 2: unknown capability bits, before the missing common capability and the channel. */
	assert_int_equal(handle(f, CH_UNKNOWN, 0x4u, pt), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(handle(f, CH_SMT, PTA_SCMI_CAPS_SMT_HEADER | 0x80000000u, pt),
			 TEE_ERROR_BAD_PARAMETERS);
	/* 3: no common capability, before the channel. */
	assert_int_equal(handle(f, CH_UNKNOWN, 0, pt), TEE_ERROR_NOT_SUPPORTED);
	/* 4: the channel: unknown to the server, or to the PTA. */
	assert_int_equal(handle(f, CH_UNKNOWN, PTA_SCMI_CAPS_SMT_HEADER, pt),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(handle(f, CH_NOT_PTA, PTA_SCMI_CAPS_SMT_HEADER, pt),
			 TEE_ERROR_BAD_PARAMETERS);
	/* 5: the peer, last. */
	f->host.deny = CH_SMT;
	assert_int_equal(handle(f, CH_SMT, PTA_SCMI_CAPS_SMT_HEADER, pt), TEE_ERROR_ACCESS_DENIED);
	assert_ptr_equal(f->host.last_sess, &f->host);
	assert_int_equal(handle(f, CH_UNKNOWN, PTA_SCMI_CAPS_SMT_HEADER, pt),
			 TEE_ERROR_BAD_PARAMETERS);

	/* A PTA offering only MSG: an SMT-only request has no common capability. */
	fix_init(f, PTA_SCMI_CAPS_MSG_HEADER, &hooks);
	assert_int_equal(handle(f, CH_SMT, PTA_SCMI_CAPS_SMT_HEADER, pt), TEE_ERROR_NOT_SUPPORTED);
	assert_int_equal(handle(f, CH_SMT, PTA_SCMI_CAPS_MASK, pt), TEE_SUCCESS);
}

static uint32_t process_smt(struct fix *f, uint32_t ch, uint32_t types)
{
	struct pta_scmi_param p[4] = {0};

	p[0].value.a = ch;
	return invoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, types, p);
}

static void test_process_smt(void **state)
{
	struct fix *f = *state;
	const uint32_t pt = PTA_SCMI_PT_PROCESS_SMT_CHANNEL;

	smt_put(f->area1, 7, 0);
	assert_int_equal(process_smt(f, CH_SMT2, pt), TEE_SUCCESS);
	assert_int_equal(smt_status(f->area1), SCMI_SUCCESS);
	assert_true(scmi_smt_read32(f->area1, SCMI_SMT_OFF_STATUS) & SCMI_SMT_STATUS_FREE);
	assert_int_equal(scmi_hdr_token(scmi_smt_read32(f->area1, SCMI_SMT_OFF_HEADER)), 7);
	assert_int_equal(f->chans[1].id, CH_SMT2); /* sorted by id */
	assert_int_equal(f->chans[1].served, 1);
	assert_int_equal(f->host.smt_calls, 1);
	assert_int_equal(f->host.peer_asks, 1);
	assert_int_equal(f->host.locks, 1);

	/* Order: types, capability, channel (unknown, or without an area), peer. */
	assert_int_equal(process_smt(f, CH_UNKNOWN, PTA_SCMI_PT_PROCESS_MSG_CHANNEL),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(process_smt(f, CH_UNKNOWN, pt), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(process_smt(f, CH_NOT_PTA, pt), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(process_smt(f, CH_NONE, pt), TEE_ERROR_BAD_PARAMETERS);
	f->host.deny = CH_SMT2;
	smt_put(f->area1, 8, 0);
	assert_int_equal(process_smt(f, CH_SMT2, pt), TEE_ERROR_ACCESS_DENIED);
	/* Refused: the message stays where it was, unprocessed. */
	assert_int_equal(scmi_smt_read32(f->area1, SCMI_SMT_OFF_STATUS), 0);
	assert_int_equal(f->host.smt_calls, 1);
	assert_int_equal(f->chans[1].served, 1);

	fix_init(f, PTA_SCMI_CAPS_MSG_HEADER, &hooks);
	assert_int_equal(process_smt(f, CH_UNKNOWN, pt), TEE_ERROR_NOT_SUPPORTED);
	assert_int_equal(process_smt(f, CH_SMT, PTA_SCMI_PT_CAPABILITIES),
			 TEE_ERROR_BAD_PARAMETERS);
}

static uint32_t process_smt_msg(struct fix *f, uint32_t ch, uint32_t types, void *buf, size_t size)
{
	struct pta_scmi_param p[4] = {0};

	p[0].value.a = ch;
	p[1].memref.buffer = buf;
	p[1].memref.size = size;
	return invoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, types, p);
}

static void test_process_smt_message(void **state)
{
	struct fix *f = *state;
	const uint32_t pt = PTA_SCMI_PT_PROCESS_SMT_CHANNEL_MESSAGE;
	_Alignas(8) uint8_t buf[AREA + 64] = {0};

	/* Any channel the PTA has, with or without a static area: the memref is the area. */
	smt_put(buf, 9, 0);
	assert_int_equal(process_smt_msg(f, CH_NONE, pt, buf, AREA), TEE_SUCCESS);
	assert_int_equal(smt_status(buf), SCMI_SUCCESS);
	assert_int_equal(scmi_hdr_token(scmi_smt_read32(buf, SCMI_SMT_OFF_HEADER)), 9);
	assert_int_equal(f->chans[2].served, 1);
	/* A larger memref bounds the message, not a configured size. */
	smt_put(buf, 10, 0);
	assert_int_equal(process_smt_msg(f, CH_SMT, pt, buf, sizeof(buf)), TEE_SUCCESS);
	assert_int_equal(smt_status(buf), SCMI_SUCCESS);

	/* Order: types, capability, memref (null, too small), channel, peer. */
	assert_int_equal(process_smt_msg(f, CH_UNKNOWN, PTA_SCMI_PT_PROCESS_SMT_CHANNEL, NULL, 0),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(process_smt_msg(f, CH_UNKNOWN, pt, NULL, 0), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(process_smt_msg(f, CH_UNKNOWN, pt, buf, SCMI_SMT_MIN_SIZE - 1),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(process_smt_msg(f, CH_UNKNOWN, pt, buf, AREA), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(process_smt_msg(f, CH_NOT_PTA, pt, buf, AREA), TEE_ERROR_BAD_PARAMETERS);
	f->host.deny = CH_NONE;
	smt_put(buf, 11, 0);
	assert_int_equal(process_smt_msg(f, CH_NONE, pt, buf, AREA), TEE_ERROR_ACCESS_DENIED);
	assert_int_equal(scmi_smt_read32(buf, SCMI_SMT_OFF_STATUS), 0);
	assert_int_equal(f->host.smt_calls, 2);

	fix_init(f, PTA_SCMI_CAPS_MSG_HEADER, &hooks);
	/* The capability before the memref. */
	assert_int_equal(process_smt_msg(f, CH_UNKNOWN, pt, NULL, 0), TEE_ERROR_NOT_SUPPORTED);
}

static uint32_t process_msg(struct fix *f, uint32_t ch, uint32_t types, void *in, size_t in_size,
			    void *out, size_t *out_size)
{
	struct pta_scmi_param p[4] = {0};
	uint32_t r;

	p[0].value.a = ch;
	p[1].memref.buffer = in;
	p[1].memref.size = in_size;
	p[2].memref.buffer = out;
	p[2].memref.size = *out_size;
	r = invoke(f, PTA_SCMI_CMD_PROCESS_MSG_CHANNEL, types, p);
	*out_size = p[2].memref.size;
	return r;
}

static void test_process_msg(void **state)
{
	struct fix *f = *state;
	const uint32_t pt = PTA_SCMI_PT_PROCESS_MSG_CHANNEL;
	uint8_t in[128] = {0}, out[128];
	size_t out_size = sizeof(out);
	int32_t status;

	msg_put(in, 12);
	assert_int_equal(process_msg(f, CH_NONE, pt, in, SCMI_MSG_HDR_SIZE, out, &out_size),
			 TEE_SUCCESS);
	assert_int_equal(out_size, SCMI_MSG_RESP_OVERHEAD + sizeof(uint32_t));
	memcpy(&status, out + SCMI_MSG_OFF_STATUS, sizeof(status));
	assert_int_equal(status, SCMI_SUCCESS);
	assert_int_equal(f->chans[2].served, 1);
	assert_int_equal(f->host.msg_calls, 1);

	/* Order: types, capability, channel, peer, then the memrefs. */
	out_size = sizeof(out);
	assert_int_equal(process_msg(f, CH_UNKNOWN, PTA_SCMI_PT_PROCESS_SMT_CHANNEL_MESSAGE, NULL,
				     0, NULL, &out_size),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(process_msg(f, CH_UNKNOWN, pt, NULL, 0, NULL, &out_size),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(process_msg(f, CH_NOT_PTA, pt, in, 4, out, &out_size),
			 TEE_ERROR_BAD_PARAMETERS);
	f->host.deny = CH_NONE;
	assert_int_equal(process_msg(f, CH_NONE, pt, NULL, 0, NULL, &out_size),
			 TEE_ERROR_ACCESS_DENIED);
	f->host.deny = UINT32_MAX;
	assert_int_equal(process_msg(f, CH_NONE, pt, NULL, 0, out, &out_size),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(process_msg(f, CH_NONE, pt, in, 4, NULL, &out_size),
			 TEE_ERROR_BAD_PARAMETERS);
	/* A message the server refuses (a bare 2-byte fragment): BAD_PARAMETERS. */
	assert_int_equal(process_msg(f, CH_NONE, pt, in, 2, out, &out_size),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(out_size, sizeof(out));
	assert_int_equal(f->chans[2].served, 1);

	fix_init(f, PTA_SCMI_CAPS_SMT_HEADER, &hooks);
	assert_int_equal(process_msg(f, CH_UNKNOWN, pt, NULL, 0, NULL, &out_size),
			 TEE_ERROR_NOT_SUPPORTED);
}

static void test_payload_limit(void **state)
{
	struct fix *f = *state;
	uint8_t in[128] = {0}, out[128];
	size_t out_size;
	_Alignas(8) uint8_t buf[AREA] = {0};

	f->pta.max_payload = PTA_SCMI_OPTEE_MAX_PAYLOAD;

	/* MSG: 92 bytes of payload pass to the server, 93 are refused before it. */
	msg_put(in, 1);
	out_size = sizeof(out);
	assert_int_equal(process_msg(f, CH_NONE, PTA_SCMI_PT_PROCESS_MSG_CHANNEL, in,
				     SCMI_MSG_HDR_SIZE + PTA_SCMI_OPTEE_MAX_PAYLOAD, out,
				     &out_size),
			 TEE_SUCCESS);
	assert_int_equal(f->host.msg_calls, 1);
	out_size = sizeof(out);
	assert_int_equal(process_msg(f, CH_NONE, PTA_SCMI_PT_PROCESS_MSG_CHANNEL, in,
				     SCMI_MSG_HDR_SIZE + PTA_SCMI_OPTEE_MAX_PAYLOAD + 1, out,
				     &out_size),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(f->host.msg_calls, 1);

	/* SMT (static area): ERROR|FREE, TEE success, nothing processed, under the lock. */
	smt_put(f->area0, 2, PTA_SCMI_OPTEE_MAX_PAYLOAD + 1);
	assert_int_equal(process_smt(f, CH_SMT, PTA_SCMI_PT_PROCESS_SMT_CHANNEL), TEE_SUCCESS);
	assert_int_equal(scmi_smt_read32(f->area0, SCMI_SMT_OFF_STATUS),
			 SCMI_SMT_STATUS_ERROR | SCMI_SMT_STATUS_FREE);
	assert_int_equal(f->host.smt_calls, 0);
	assert_int_equal(f->host.locks, 1);
	assert_int_equal(f->host.locked, 0);
	smt_put(f->area0, 3, PTA_SCMI_OPTEE_MAX_PAYLOAD);
	assert_int_equal(process_smt(f, CH_SMT, PTA_SCMI_PT_PROCESS_SMT_CHANNEL), TEE_SUCCESS);
	assert_int_equal(f->host.smt_calls, 1);
	assert_true(scmi_smt_read32(f->area0, SCMI_SMT_OFF_STATUS) & SCMI_SMT_STATUS_FREE);

	/* SMT in a memref: the same. */
	smt_put(buf, 4, PTA_SCMI_OPTEE_MAX_PAYLOAD + 1);
	assert_int_equal(
	    process_smt_msg(f, CH_SMT, PTA_SCMI_PT_PROCESS_SMT_CHANNEL_MESSAGE, buf, sizeof(buf)),
	    TEE_SUCCESS);
	assert_int_equal(scmi_smt_read32(buf, SCMI_SMT_OFF_STATUS),
			 SCMI_SMT_STATUS_ERROR | SCMI_SMT_STATUS_FREE);
	assert_int_equal(f->host.smt_calls, 1);
	/* An area not handed over (FREE) is not the limit's to judge: the server's. */
	smt_put(buf, 5, PTA_SCMI_OPTEE_MAX_PAYLOAD + 1);
	scmi_smt_write32(buf, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	assert_int_equal(
	    process_smt_msg(f, CH_SMT, PTA_SCMI_PT_PROCESS_SMT_CHANNEL_MESSAGE, buf, sizeof(buf)),
	    TEE_SUCCESS);
	assert_int_equal(f->host.smt_calls, 2);

	/* The default limit is the server's own bound. */
	fix_init(f, PTA_SCMI_CAPS_MASK, &hooks);
	assert_int_equal(f->pta.max_payload, SCMI_SERVER_MAX_PAYLOAD);
}

static void test_defaults_without_host(void **state)
{
	struct fix *f = *state;
	uint8_t in[16] = {0}, out[64];
	size_t out_size = sizeof(out);

	fix_init(f, PTA_SCMI_CAPS_MASK, NULL);
	/* No peer check: every session (even none) may drive every channel. */
	assert_int_equal(
	    pta_scmi_core_invoke(
		&f->pta, NULL, PTA_SCMI_CMD_GET_CHANNEL_HANDLE, PTA_SCMI_PT_GET_CHANNEL_HANDLE,
		(struct pta_scmi_param[4]){{.value = {CH_SMT, PTA_SCMI_CAPS_SMT_HEADER}}}),
	    TEE_SUCCESS);
	smt_put(f->area0, 20, 0);
	assert_int_equal(process_smt(f, CH_SMT, PTA_SCMI_PT_PROCESS_SMT_CHANNEL), TEE_SUCCESS);
	assert_int_equal(smt_status(f->area0), SCMI_SUCCESS);
	msg_put(in, 21);
	assert_int_equal(process_msg(f, CH_SMT2, PTA_SCMI_PT_PROCESS_MSG_CHANNEL, in,
				     SCMI_MSG_HDR_SIZE, out, &out_size),
			 TEE_SUCCESS);
	assert_int_equal(pta_scmi_core_served(&f->pta), 2);
	assert_int_equal(f->host.peer_asks + f->host.smt_calls + f->host.msg_calls, 0);
}

/* One session's messages on CH_SMT2, each through the PTA core with no host around it. */
#define RACE_MSGS 100000u

static void *race_session(void *arg)
{
	struct fix *f = arg;
	uint8_t in[SCMI_MSG_HDR_SIZE], out[64];
	unsigned int i;

	msg_put(in, 1);
	for (i = 0; i < RACE_MSGS; i++) {
		size_t out_size = sizeof(out);

		if (process_msg(f, CH_SMT2, PTA_SCMI_PT_PROCESS_MSG_CHANNEL, in, sizeof(in), out,
				&out_size) != TEE_SUCCESS)
			return (void *)1;
	}
	return NULL;
}

/*
 * Two sessions on one channel at once (the daemon lets any number of clients drive it):
 * every message counted, none lost to two increments at the same moment.
 */
static void test_served_by_concurrent_sessions(void **state)
{
	struct fix *f = *state;
	pthread_t th[2];
	void *rc[2];
	int i;

	fix_init(f, PTA_SCMI_CAPS_MASK, NULL);
	for (i = 0; i < 2; i++)
		assert_int_equal(pthread_create(&th[i], NULL, race_session, f), 0);
	for (i = 0; i < 2; i++) {
		assert_int_equal(pthread_join(th[i], &rc[i]), 0);
		assert_null(rc[i]);
	}
	assert_int_equal(pta_scmi_core_chan(&f->pta, CH_SMT2)->served, 2 * RACE_MSGS);
	assert_int_equal(pta_scmi_core_served(&f->pta), 2 * RACE_MSGS);
}

static void test_chan_lookup(void **state)
{
	struct fix *f = *state;

	assert_ptr_equal(pta_scmi_core_chan(&f->pta, CH_SMT), &f->chans[0]);
	assert_ptr_equal(pta_scmi_core_chan(&f->pta, CH_SMT2), &f->chans[1]);
	assert_ptr_equal(pta_scmi_core_chan(&f->pta, CH_NONE), &f->chans[2]);
	assert_null(pta_scmi_core_chan(&f->pta, CH_NOT_PTA));
	assert_null(pta_scmi_core_chan(&f->pta, CH_UNKNOWN));
	/* No channels at all. */
	pta_scmi_core_init(&f->pta, &f->srv, PTA_SCMI_CAPS_MASK, NULL, 0, NULL, NULL);
	assert_null(pta_scmi_core_chan(&f->pta, CH_SMT));
	assert_int_equal(pta_scmi_core_served(&f->pta), 0);
}

/*
 * The two ways a channel is found: by index when the ids follow each other (the fixture's
 * 0, 1, 2), searched otherwise; either way an id the server does not know is no channel,
 * nor is an id below the first or past the last.
 */
static void test_chan_lookup_dense_and_sparse(void **state)
{
	struct fix *f = *state;

	/* Consecutive, from 2: the last one (4) is past the server's channels. */
	f->chans[0] = (struct pta_scmi_chan){.id = 4};
	f->chans[1] = (struct pta_scmi_chan){.id = 2};
	f->chans[2] = (struct pta_scmi_chan){.id = 3};
	pta_scmi_core_init(&f->pta, &f->srv, PTA_SCMI_CAPS_MASK, f->chans, 3, NULL, NULL);
	assert_null(pta_scmi_core_chan(&f->pta, 0));
	assert_null(pta_scmi_core_chan(&f->pta, 1));
	assert_ptr_equal(pta_scmi_core_chan(&f->pta, 2), &f->chans[0]);
	assert_ptr_equal(pta_scmi_core_chan(&f->pta, 3), &f->chans[1]);
	assert_null(pta_scmi_core_chan(&f->pta, 4));
	assert_null(pta_scmi_core_chan(&f->pta, 5));
	assert_null(pta_scmi_core_chan(&f->pta, UINT32_MAX));

	/* With gaps: 1, 3 and CH_UNKNOWN, which the server does not know. */
	f->chans[0] = (struct pta_scmi_chan){.id = CH_UNKNOWN};
	f->chans[1] = (struct pta_scmi_chan){.id = 3};
	f->chans[2] = (struct pta_scmi_chan){.id = 1};
	pta_scmi_core_init(&f->pta, &f->srv, PTA_SCMI_CAPS_MASK, f->chans, 3, NULL, NULL);
	assert_null(pta_scmi_core_chan(&f->pta, 0));
	assert_ptr_equal(pta_scmi_core_chan(&f->pta, 1), &f->chans[0]);
	assert_null(pta_scmi_core_chan(&f->pta, 2));
	assert_ptr_equal(pta_scmi_core_chan(&f->pta, 3), &f->chans[1]);
	assert_null(pta_scmi_core_chan(&f->pta, CH_UNKNOWN));
	assert_null(pta_scmi_core_chan(&f->pta, UINT32_MAX));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_open),
	    cmocka_unit_test_setup(test_unknown_command, setup),
	    cmocka_unit_test_setup(test_capabilities, setup),
	    cmocka_unit_test_setup(test_get_channel_handle_order, setup),
	    cmocka_unit_test_setup(test_process_smt, setup),
	    cmocka_unit_test_setup(test_process_smt_message, setup),
	    cmocka_unit_test_setup(test_process_msg, setup),
	    cmocka_unit_test_setup(test_payload_limit, setup),
	    cmocka_unit_test_setup(test_defaults_without_host, setup),
	    cmocka_unit_test_setup(test_served_by_concurrent_sessions, setup),
	    cmocka_unit_test_setup(test_chan_lookup, setup),
	    cmocka_unit_test_setup(test_chan_lookup_dense_and_sparse, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: BSD-3-Clause
/*
 * The agent (libscmi) parsing the replies of a hostile server. A fake
 * transport answers every request from the input: per reply a control byte
 * (transport failure, wrong token, wrong protocol/message in the header), a
 * status (mostly SUCCESS), a payload length (up to past the agent's buffer)
 * and the payload bytes. When the input runs dry, the server either fails
 * every request at transport level or (first byte's bit 7) repeats its last
 * reply forever: a server stuck on one page, which a walker must survive
 * without looping. The client calls are chosen by the input too: Base, the
 * generic protocol calls and every protocol client of include/scmi/
 * (fuzz_agent_protocols.c).
 *
 * Invariants: every call returns 0 or a negative errno; no call issues more
 * than MAX_XFERS requests (no hang: a walk bounded by a 16-bit remaining count
 * or by its room stays far below); strings the agent returns are
 * NUL-terminated; counts never exceed the room given; no leak (the agent is
 * closed each input).
 */
#include <errno.h>
#include <string.h>

#include "fuzz_agent.h"

#include "agent/common.h"
#include "agent/msg.h"
#include "scmi/base.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/ids.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_XFERS (65536u + 4096u)
#define MAX_CALLS 12u

struct fuzz_in fa_in;
static unsigned int xfers;
static uint8_t reply[8 + 4200];
static size_t reply_len;
/* The last reply, for a server that repeats itself once the input is spent. */
static bool repeat_when_dry, have_last;
static uint8_t last_ctl;
static int32_t last_status;
static uint32_t last_hdr_xor;
static size_t last_len;

static int fake_probe(struct scmi_agent *agent, const struct scmi_agent_config *cfg, char *err,
		      size_t err_len)
{
	size_t i;

	(void)cfg;
	/* Nothing fails here: leave the caller an empty message, as a real transport would. */
	if (err_len)
		err[0] = '\0';
	for (i = 0; i < agent->num_chans; i++)
		agent->chans[i].mode = SCMI_MODE_MSG;
	return 0;
}

static int fake_chan_setup(struct scmi_chan_info *cinfo, char *err, size_t err_len)
{
	(void)cinfo;
	if (err_len)
		err[0] = '\0';
	return 0;
}

static void fake_chan_free(struct scmi_chan_info *cinfo)
{
	(void)cinfo;
}

static int fake_send(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer)
{
	uint8_t ctl;
	uint32_t hdr = xfer->hdr_word;
	int32_t status = SCMI_SUCCESS;
	const uint8_t *src;
	size_t len, n;

	(void)cinfo;
	xfers++;
	FUZZ_CHECK(xfers <= MAX_XFERS);
	if (!fa_in.left) {
		if (!repeat_when_dry || !have_last)
			return -EIO;
		/* Same reply as last time, to this request: payload still in place. */
		ctl = last_ctl;
		if ((ctl & 0x0f) == 0x0f)
			return -ETIMEDOUT;
		hdr ^= last_hdr_xor;
		scmi_put_le32(reply, hdr);
		scmi_put_le32(reply + 4, (uint32_t)last_status);
		reply_len = ctl & 0x40 ? (size_t)(ctl >> 7) * 4 : 8 + last_len;
		return 0;
	}
	ctl = fuzz_u8(&fa_in);
	have_last = true;
	last_ctl = ctl;
	last_hdr_xor = 0;
	if ((ctl & 0x0f) == 0x0f)
		return -ETIMEDOUT;
	if ((ctl & 0x0f) == 0x0e)
		last_hdr_xor = 1u << 18; /* another token */
	if ((ctl & 0x0f) == 0x0d)
		last_hdr_xor = fuzz_u32(&fa_in); /* anything */
	hdr ^= last_hdr_xor;
	if (ctl & 0x10)
		status = (int32_t)fuzz_u32(&fa_in);
	len = ctl & 0x20 ? fuzz_u16(&fa_in) % (sizeof(reply) - 8 + 1) : fuzz_u8(&fa_in);
	memset(reply, 0, sizeof(reply));
	scmi_put_le32(reply, hdr);
	scmi_put_le32(reply + 4, (uint32_t)status);
	src = fuzz_take(&fa_in, len, &n);
	memcpy(reply + 8, src, n);
	last_status = status;
	last_len = len;
	/* A reply shorter than its header is possible too. */
	reply_len = ctl & 0x40 ? (size_t)(ctl >> 7) * 4 : 8 + len;
	return 0;
}

static int fake_fetch(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer)
{
	(void)cinfo;
	return scmi_msg_get_ops()->fetch_response(reply, sizeof(reply), reply_len, xfer);
}

static const struct scmi_transport_ops fake_ops = {
    .probe = fake_probe,
    .chan_setup = fake_chan_setup,
    .chan_free = fake_chan_free,
    .send_message = fake_send,
    .fetch_response = fake_fetch,
};

static const struct scmi_transport_desc fake_desc = {
    .name = "fuzz",
    .ops = &fake_ops,
    .max_rx_timeout_ms = 30,
    .max_msg = 20,
    .max_msg_size = 104,
    .sync_cmds_completed_on_ret = true,
};

void fa_check_rc(int rc)
{
	FUZZ_CHECK(rc <= 0 && rc > -4096);
}

void fa_check_name(const char *s, size_t room)
{
	FUZZ_CHECK(memchr(s, '\0', room) != NULL);
}

static void call_base(struct scmi_agent *a, uint8_t which)
{
	char name[SCMI_NAME_BUF];
	uint8_t ids[256];
	uint32_t u1, u2;
	size_t count = 0;
	int rc;

	switch (which % 12u) {
	case 0: {
		static struct scmi_base_info info;

		memset(&info, 0, sizeof(info));
		rc = scmi_base_get_info(a, &info);
		fa_check_rc(rc);
		if (!rc) {
			fa_check_name(info.vendor, sizeof(info.vendor));
			fa_check_name(info.sub_vendor, sizeof(info.sub_vendor));
			FUZZ_CHECK(info.num_listed <= sizeof(info.protocols));
		}
		break;
	}
	case 1:
		fa_check_rc(scmi_base_attributes(a, &u1, &u2));
		break;
	case 2:
		rc = scmi_base_discover_vendor(a, name);
		fa_check_rc(rc);
		if (!rc)
			fa_check_name(name, sizeof(name));
		break;
	case 3:
		rc = scmi_base_discover_sub_vendor(a, name);
		fa_check_rc(rc);
		if (!rc)
			fa_check_name(name, sizeof(name));
		break;
	case 4:
		fa_check_rc(scmi_base_discover_impl_version(a, &u1));
		break;
	case 5: {
		size_t max = fuzz_u8(&fa_in);

		rc = scmi_base_discover_list_protocols(a, fuzz_u32(&fa_in), ids, max, &count);
		fa_check_rc(rc);
		if (!rc)
			FUZZ_CHECK(count <= max);
		break;
	}
	case 6:
		rc = scmi_base_discover_agent(a, fuzz_u32(&fa_in), &u1, name);
		fa_check_rc(rc);
		if (!rc)
			fa_check_name(name, sizeof(name));
		break;
	case 7:
		fa_check_rc(scmi_base_notify_errors(a, which & 0x80));
		break;
	case 8:
		fa_check_rc(scmi_base_set_device_permissions(a, fuzz_u32(&fa_in), fuzz_u32(&fa_in),
							     which & 0x80));
		break;
	case 9:
		fa_check_rc(scmi_base_set_protocol_permissions(
		    a, fuzz_u32(&fa_in), fuzz_u32(&fa_in), fuzz_u8(&fa_in), which & 0x80));
		break;
	case 10:
		fa_check_rc(scmi_base_reset_agent_configuration(a, fuzz_u32(&fa_in), which & 0x80));
		break;
	default:
		fa_check_rc(scmi_protocol_version(a, SCMI_PROTOCOL_BASE, &u1));
		break;
	}
}

static void call_generic(struct scmi_agent *a, uint8_t which)
{
	uint8_t proto = (uint8_t)(SCMI_PROTOCOL_BASE + fuzz_u8(&fa_in) % 10u);
	uint8_t rx[128];
	size_t rx_len = 0;
	int32_t status = 0;
	uint32_t u;
	int rc;

	switch (which % 5u) {
	case 0:
		fa_check_rc(scmi_protocol_version(a, proto, &u));
		break;
	case 1:
		fa_check_rc(scmi_protocol_attributes(a, proto, &u));
		break;
	case 2:
		fa_check_rc(scmi_protocol_message_attributes(a, proto, fuzz_u8(&fa_in), &u));
		break;
	case 3:
		fa_check_rc(scmi_protocol_negotiate_version(a, proto, fuzz_u32(&fa_in)));
		break;
	default: {
		size_t rx_max = fuzz_u8(&fa_in) % (sizeof(rx) + 1);

		rc = scmi_xfer(a, proto, fuzz_u8(&fa_in), NULL, 0, rx, rx_max, &rx_len, &status);
		fa_check_rc(rc);
		if (!rc)
			FUZZ_CHECK(rx_len <= rx_max);
		break;
	}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scmi_agent_config cfg = {.timeout_ms = 10};
	static struct fa_handles h;
	struct scmi_agent *a = NULL;
	unsigned int i;
	uint8_t first, ncalls;

	fa_in.p = data;
	fa_in.left = size;
	xfers = 0;
	have_last = false;
	memset(&h, 0, sizeof(h));
	FUZZ_CHECK(scmi_agent_open_with_transport(&cfg, &fake_desc, &a) == 0);
	first = fuzz_u8(&fa_in);
	repeat_when_dry = first & 0x80;
	ncalls = (uint8_t)(first % MAX_CALLS + 1);
	for (i = 0; i < ncalls; i++) {
		/* Which client (Base, generic, or one of the protocols), then which call. */
		uint8_t client = fuzz_u8(&fa_in) % (2u + FA_NUM_PROTOCOLS);
		uint8_t which = fuzz_u8(&fa_in);

		if (client == 0)
			call_base(a, which);
		else if (client == 1)
			call_generic(a, which);
		else
			fuzz_agent_call_protocol(a, &h, client - 2u, which);
		xfers = 0;
	}
	scmi_agent_close(a);
	return 0;
}

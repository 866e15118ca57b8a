// SPDX-License-Identifier: BSD-3-Clause
/* The fake transport: see fake_transport.h. */
#include <errno.h>
#include <string.h>

#include "fake_transport.h"

#include "agent/msg.h"
#include "scmi/proto/base.h"
#include "scmi/proto/endian.h"

struct fake fake;

void fake_reply(uint32_t hdr, int32_t status, const void *vals, size_t len)
{
	scmi_put_le32(fake.reply, hdr);
	scmi_put_le32(fake.reply + 4, (uint32_t)status);
	if (len)
		memcpy(fake.reply + 8, vals, len);
	fake.reply_len = 8 + len;
}

static void fake_name(uint32_t hdr, const char *s)
{
	uint8_t name[16] = {0};

	memcpy(name, s, strnlen(s, sizeof(name)));
	fake_reply(hdr, SCMI_SUCCESS, name, sizeof(name));
}

void fake_serve_default(struct fake *f, const struct scmi_xfer *x)
{
	uint8_t v[256];
	uint32_t skip, n, i;

	memset(v, 0, sizeof(v));
	if (x->hdr.protocol_id != SCMI_PROTOCOL_BASE) {
		scmi_put_le32(v, 0x30000);
		fake_reply(x->hdr_word, x->hdr.msg_id ? SCMI_NOT_SUPPORTED : SCMI_SUCCESS, v,
			   x->hdr.msg_id ? 0 : 4);
		return;
	}
	switch (x->hdr.msg_id) {
	case SCMI_MSG_PROTOCOL_VERSION:
		scmi_put_le32(v, SCMI_BASE_VERSION_2_1);
		fake_reply(x->hdr_word, SCMI_SUCCESS, v, 4);
		break;
	case SCMI_MSG_PROTOCOL_ATTRIBUTES:
		scmi_put_le32(v, (uint32_t)f->nids | (2u << 8));
		fake_reply(x->hdr_word, SCMI_SUCCESS, v, 4);
		break;
	case SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES:
		scmi_put_le32(v, 0);
		fake_reply(x->hdr_word, scmi_get_le32(x->tx) <= 0xb ? 0 : SCMI_NOT_FOUND, v, 4);
		break;
	case SCMI_MSG_BASE_DISCOVER_VENDOR:
		fake_name(x->hdr_word, "Linaro");
		break;
	case SCMI_MSG_BASE_DISCOVER_SUB_VENDOR:
		fake_name(x->hdr_word, "sim");
		break;
	case SCMI_MSG_BASE_DISCOVER_IMPLEMENTATION_VERSION:
		scmi_put_le32(v, 0x1234);
		fake_reply(x->hdr_word, SCMI_SUCCESS, v, 4);
		break;
	case SCMI_MSG_BASE_DISCOVER_LIST_PROTOCOLS:
		skip = scmi_get_le32(x->tx);
		if (f->never_ends) {
			scmi_put_le32(v, 1);
			v[4] = 0x14;
			fake_reply(x->hdr_word, SCMI_SUCCESS, v, 8);
			break;
		}
		if (skip > f->nids) {
			fake_reply(x->hdr_word, SCMI_INVALID_PARAMETERS, NULL, 0);
			break;
		}
		n = (uint32_t)(f->nids - skip);
		if (n > f->page)
			n = (uint32_t)f->page;
		scmi_put_le32(v, n);
		for (i = 0; i < n; i++)
			v[4 + i] = f->ids[skip + i];
		fake_reply(x->hdr_word, SCMI_SUCCESS, v, 4 + 4 * ((n + 3) / 4));
		break;
	case SCMI_MSG_BASE_DISCOVER_AGENT:
		scmi_put_le32(
		    v, scmi_get_le32(x->tx) == SCMI_BASE_AGENT_ID_SELF ? 1 : scmi_get_le32(x->tx));
		memcpy(v + 4, "agent-one", sizeof("agent-one")); /* NUL-padded name */
		fake_reply(x->hdr_word, SCMI_SUCCESS, v, 20);
		break;
	default:
		fake_reply(x->hdr_word, SCMI_SUCCESS, NULL, 0);
		break;
	}
}

void fake_reset(void)
{
	static const uint8_t ids[] = {0x11, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18};

	memset(&fake, 0, sizeof(fake));
	fake.serve = fake_serve_default;
	memcpy(fake.ids, ids, sizeof(ids));
	fake.nids = sizeof(ids);
	fake.page = 3;
}

static int fake_probe(struct scmi_agent *agent, const struct scmi_agent_config *cfg, char *err,
		      size_t err_len)
{
	size_t i;

	(void)cfg;
	if (fake.probe_ret) {
		scmi_set_err(err, err_len, "fake probe refused");
		return fake.probe_ret;
	}
	for (i = 0; i < agent->num_chans; i++)
		if (agent->chans[i].mode == SCMI_MODE_AUTO)
			agent->chans[i].mode = SCMI_MODE_MSG;
	return 0;
}

static int fake_chan_setup(struct scmi_chan_info *cinfo, char *err, size_t err_len)
{
	(void)cinfo;
	if (fake.setup_ret) {
		scmi_set_err(err, err_len, "fake setup refused");
		return fake.setup_ret;
	}
	fake.setups++;
	return 0;
}

static void fake_chan_free(struct scmi_chan_info *cinfo)
{
	(void)cinfo;
	fake.frees++;
}

static int fake_send(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer)
{
	if (fake.nlog < FAKE_MAX_LOG) {
		fake.log_hdr[fake.nlog] = xfer->hdr_word;
		fake.log_chan[fake.nlog] = cinfo->dt.channel_id;
		fake.log_tx[fake.nlog] = xfer->tx_len >= 4 ? scmi_get_le32(xfer->tx) : 0;
		fake.nlog++;
	}
	if (fake.send_ret)
		return fake.send_ret;
	fake.reply_len = 0;
	fake.serve(&fake, xfer);
	return 0;
}

static int fake_fetch(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer)
{
	(void)cinfo;
	return scmi_msg_get_ops()->fetch_response(fake.reply, sizeof(fake.reply), fake.reply_len,
						  xfer);
}

static bool fake_poll_done(struct scmi_chan_info *cinfo, const struct scmi_xfer *xfer)
{
	(void)cinfo;
	(void)xfer;
	return !fake.never_done;
}

static const struct scmi_transport_ops fake_ops = {
    .probe = fake_probe,
    .chan_setup = fake_chan_setup,
    .chan_free = fake_chan_free,
    .send_message = fake_send,
    .fetch_response = fake_fetch,
    .poll_done = fake_poll_done,
};

const struct scmi_transport_desc fake_desc = {
    .name = "fake",
    .ops = &fake_ops,
    .max_rx_timeout_ms = 30,
    .max_msg = 20,
    .max_msg_size = 104,
    .sync_cmds_completed_on_ret = true,
};

const struct scmi_transport_desc fake_poll_desc = {
    .name = "fake-poll",
    .ops = &fake_ops,
    .max_rx_timeout_ms = 30,
    .max_msg = 20,
    .max_msg_size = 104,
    .sync_cmds_completed_on_ret = false,
};

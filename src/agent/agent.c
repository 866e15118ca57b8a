// SPDX-License-Identifier: BSD-3-Clause
/*
 * Agent lifetime: pick the transport, read the configuration, probe the
 * transport, set up the channels (Base channel first, then dedicated protocol
 * channels), and tear it all down in reverse order.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "agent/common.h"

static int scmi_read_config(const struct scmi_agent_config *cfg, struct scmi_dt_config *dt,
			    char *err, size_t err_len)
{
	void *buf;
	size_t size;
	int ret;

	if (cfg->dtb)
		return scmi_dt_parse(cfg->dtb, cfg->dtb_size, dt, err, err_len);
	if (cfg->dt_path) {
		ret = scmi_dt_load_file(cfg->dt_path, &buf, &size, err, err_len);
		if (ret)
			return ret;
		ret = scmi_dt_parse(buf, size, dt, err, err_len);
		free(buf);
		return ret;
	}
	scmi_dt_default(dt);
	return 0;
}

static void scmi_free_agent(struct scmi_agent *agent, size_t chans_inited)
{
	size_t i;

	for (i = 0; i < chans_inited; i++)
		pthread_mutex_destroy(&agent->chans[i].lock);
	pthread_mutex_destroy(&agent->token_lock);
	pthread_mutex_destroy(&agent->err_lock);
	free(agent->chans);
	free(agent);
}

static void scmi_free_channels(struct scmi_agent *agent)
{
	size_t i = agent->num_chans;

	while (i--) {
		if (agent->chans[i].ready && agent->desc->ops->chan_free)
			agent->desc->ops->chan_free(&agent->chans[i]);
		agent->chans[i].ready = false;
	}
}

int scmi_agent_open_with_transport(const struct scmi_agent_config *cfg,
				   const struct scmi_transport_desc *desc, struct scmi_agent **out)
{
	struct scmi_agent *agent;
	char *err;
	size_t err_len, i;
	int ret;

	if (!cfg || !desc || !desc->ops || !out)
		return -EINVAL;
	*out = NULL;
	err = cfg->errbuf;
	err_len = cfg->errbuf_len;
	if (err && err_len)
		err[0] = '\0';
	if ((unsigned int)cfg->mode > (unsigned int)SCMI_MODE_MSG) {
		scmi_set_err(err, err_len, "unknown transport mode %d", (int)cfg->mode);
		return -EINVAL;
	}
	if (!desc->ops->send_message || !desc->ops->fetch_response || !desc->ops->chan_setup) {
		scmi_set_err(err, err_len, "transport %s lacks mandatory ops", desc->name);
		return -EINVAL;
	}

	/* On lines of its own: its token lock is written on every message (tee_client.c). */
	agent = aligned_alloc(64, (sizeof(*agent) + 63u) & ~(size_t)63u);
	if (agent)
		memset(agent, 0, sizeof(*agent));
	if (!agent)
		return -ENOMEM;
	pthread_mutex_init(&agent->token_lock, NULL);
	pthread_mutex_init(&agent->err_lock, NULL);
	agent->desc = desc;
	agent->mode = cfg->mode;

	ret = scmi_read_config(cfg, &agent->dt, err, err_len);
	if (ret)
		goto err_free;
	agent->max_msg_size = agent->dt.max_msg_size ? agent->dt.max_msg_size : desc->max_msg_size;
	agent->timeout_ms = cfg->timeout_ms		  ? cfg->timeout_ms
			    : agent->dt.max_rx_timeout_ms ? agent->dt.max_rx_timeout_ms
							  : desc->max_rx_timeout_ms;

	agent->chans = calloc(agent->dt.num_chans, sizeof(*agent->chans));
	if (!agent->chans) {
		ret = -ENOMEM;
		goto err_free;
	}
	for (i = 0; i < agent->dt.num_chans; i++) {
		struct scmi_chan_info *c = &agent->chans[i];

		c->agent = agent;
		c->index = i;
		c->dt = agent->dt.chans[i];
		c->mode = cfg->mode;
		pthread_mutex_init(&c->lock, NULL);
	}
	agent->num_chans = agent->dt.num_chans;

	/* The probe may learn the remote side's own timeout and message size. */
	if (desc->ops->probe) {
		ret = desc->ops->probe(agent, cfg, err, err_len);
		if (ret)
			goto err_free;
	}
	for (i = 0; i < agent->num_chans; i++) {
		agent->chans[i].timeout_ms = agent->timeout_ms;
		ret = desc->ops->chan_setup(&agent->chans[i], err, err_len);
		if (ret)
			goto err_channels;
		agent->chans[i].ready = true;
	}
	*out = agent;
	return 0;

err_channels:
	scmi_free_channels(agent);
	if (desc->ops->remove)
		desc->ops->remove(agent);
err_free:
	scmi_free_agent(agent, agent->num_chans);
	return ret;
}

bool scmi_linux_raw_present(const char *dir)
{
	char path[PATH_MAX];
	struct stat st;
	int n;

	n = snprintf(path, sizeof(path), "%s/message", dir ? dir : SCMI_LINUX_RAW_DIR);
	if (n < 0 || (size_t)n >= sizeof(path))
		return false;
	return stat(path, &st) == 0;
}

int scmi_agent_open(const struct scmi_agent_config *cfg, struct scmi_agent **out)
{
	const struct scmi_transport_desc *desc;

	if (!cfg)
		return -EINVAL;
	switch (cfg->transport) {
	case SCMI_TRANSPORT_OPTEE:
		desc = &scmi_optee_desc;
		break;
	case SCMI_TRANSPORT_LINUX_RAW:
		desc = &scmi_linux_raw_desc;
		break;
	case SCMI_TRANSPORT_AUTO:
		/* A daemon named explicitly wins; else a kernel that offers raw mode. */
		if (!cfg->socket_path && !cfg->tee_open && scmi_linux_raw_present(cfg->raw_dir))
			desc = &scmi_linux_raw_desc;
		else
			desc = &scmi_optee_desc;
		break;
	default:
		if (out)
			*out = NULL;
		scmi_set_err(cfg->errbuf, cfg->errbuf_len, "unknown transport %d",
			     (int)cfg->transport);
		return -EINVAL;
	}
	return scmi_agent_open_with_transport(cfg, desc, out);
}

enum scmi_transport_kind scmi_agent_transport(const struct scmi_agent *agent)
{
	if (agent && agent->desc == &scmi_linux_raw_desc)
		return SCMI_TRANSPORT_LINUX_RAW;
	if (agent && agent->desc == &scmi_optee_desc)
		return SCMI_TRANSPORT_OPTEE;
	return SCMI_TRANSPORT_AUTO;
}

const char *scmi_transport_name(enum scmi_transport_kind kind)
{
	switch (kind) {
	case SCMI_TRANSPORT_AUTO:
		return "auto";
	case SCMI_TRANSPORT_OPTEE:
		return "optee";
	case SCMI_TRANSPORT_LINUX_RAW:
		return "linux-raw";
	}
	return "unknown";
}

void scmi_agent_close(struct scmi_agent *agent)
{
	if (!agent)
		return;
	scmi_free_channels(agent);
	if (agent->desc->ops->remove)
		agent->desc->ops->remove(agent);
	scmi_free_agent(agent, agent->num_chans);
}

enum scmi_mode scmi_agent_mode(const struct scmi_agent *agent)
{
	return agent ? agent->chans[0].mode : SCMI_MODE_AUTO;
}

size_t scmi_agent_max_msg_size(const struct scmi_agent *agent)
{
	return agent ? agent->max_msg_size : 0;
}

void scmi_agent_channel_of(const struct scmi_agent *agent, uint8_t protocol_id,
			   uint32_t *channel_id, enum scmi_mode *mode)
{
	const struct scmi_chan_info *c;
	size_t idx;

	if (!agent)
		return;
	idx = agent->dt.proto_chan[protocol_id];
	c = &agent->chans[idx < agent->num_chans ? idx : 0];
	if (channel_id)
		*channel_id = c->dt.channel_id;
	if (mode)
		*mode = c->mode;
}

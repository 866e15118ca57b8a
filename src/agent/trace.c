// SPDX-License-Identifier: BSD-3-Clause
/*
 * SCMI_TRACE (trace.h). The variable is read once per process, at the first message; each
 * line is written with one write() under a lock, so that the lines of several agents and
 * threads never interleave, and a timestamp of CLOCK_MONOTONIC leads it as in an ftrace
 * buffer ("scmi-<pid> 12.345678: scmi_msg_dump: id=0 ...").
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "agent/trace.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/msg_dump.h"

/* Agents get instance numbers in the order they first trace, as Linux numbers instances. */
#define TRACE_MAX_AGENTS 16

static pthread_once_t trace_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t trace_lock = PTHREAD_MUTEX_INITIALIZER;
static int trace_fd = -1;
static const struct scmi_agent *trace_agents[TRACE_MAX_AGENTS];

static void trace_init(void)
{
	const char *v = getenv("SCMI_TRACE");

	if (!v || !*v || !strcmp(v, "0"))
		return;
	if (!strcmp(v, "1") || !strcmp(v, "stderr"))
		trace_fd = STDERR_FILENO;
	else
		trace_fd = open(v, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
}

static int trace_on(void)
{
	pthread_once(&trace_once, trace_init);
	return trace_fd >= 0;
}

/* Under trace_lock. */
static int instance_of(const struct scmi_agent *agent)
{
	int i;

	for (i = 0; i < TRACE_MAX_AGENTS && trace_agents[i]; i++)
		if (trace_agents[i] == agent)
			return i;
	if (i < TRACE_MAX_AGENTS) {
		trace_agents[i] = agent;
		return i;
	}
	return TRACE_MAX_AGENTS - 1;
}

/* Linux names a channel by the protocol that owns it: Base for the shared one. */
static uint8_t channel_name(const struct scmi_agent *agent, size_t index)
{
	unsigned int p;

	if (index == 0)
		return SCMI_PROTOCOL_BASE;
	for (p = SCMI_PROTOCOL_BASE; p < 256; p++)
		if (agent->dt.proto_listed[p] && agent->dt.proto_chan[p] == index)
			return (uint8_t)p;
	return (uint8_t)index;
}

static void trace_emit(const struct scmi_agent *agent, struct scmi_msg_dump *d)
{
	char line[160 + 2 * 256];
	struct timespec ts;
	size_t n;
	int len;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	pthread_mutex_lock(&trace_lock);
	d->id = instance_of(agent);
	len = snprintf(line, sizeof(line), "scmi-%d %lu.%06lu: scmi_msg_dump: ", (int)getpid(),
		       (unsigned long)ts.tv_sec, (unsigned long)ts.tv_nsec / 1000ul);
	if (len > 0 && (size_t)len < sizeof(line)) {
		n = (size_t)len;
		n += scmi_msg_dump_format(line + n, sizeof(line) - n - 1, d);
		/* A payload too long for the line was cut; the line still ends. */
		if (n > sizeof(line) - 2)
			n = sizeof(line) - 2;
		line[n++] = '\n';
		if (write(trace_fd, line, n) < 0) {
			/* Nowhere to say so: the trace is best effort. */
		}
	}
	pthread_mutex_unlock(&trace_lock);
}

void scmi_trace_xfer(const struct scmi_chan_info *cinfo, const struct scmi_xfer *xfer,
		     const char *tag)
{
	struct scmi_msg_dump d;
	bool cmd = !strcmp(tag, SCMI_DUMP_CMND);

	if (!trace_on())
		return;
	d.channel_id = channel_name(cinfo->agent, cinfo->index);
	d.protocol_id = xfer->hdr.protocol_id;
	d.msg_id = xfer->hdr.msg_id;
	d.tag = tag;
	d.seq = xfer->hdr.token;
	d.status = cmd ? 0 : xfer->status;
	d.payload = cmd ? xfer->tx : xfer->rx;
	d.len = cmd ? xfer->tx_len : xfer->rx_len;
	if (!cmd && d.len > xfer->rx_max)
		d.len = xfer->rx_max;
	trace_emit(cinfo->agent, &d);
}

void scmi_trace_notification(struct scmi_agent *agent, const struct scmi_notification *n)
{
	struct scmi_msg_dump d;
	struct scmi_hdr h;

	if (!trace_on())
		return;
	scmi_hdr_unpack(n->hdr, &h);
	d.channel_id = channel_name(agent, agent->dt.proto_chan[h.protocol_id]);
	d.protocol_id = h.protocol_id;
	d.msg_id = h.msg_id;
	d.tag = SCMI_DUMP_NOTI;
	d.seq = h.token;
	d.status = 0;
	d.payload = n->payload;
	d.len = n->len < n->max ? n->len : n->max;
	trace_emit(agent, &d);
}

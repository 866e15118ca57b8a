// SPDX-License-Identifier: BSD-3-Clause
/*
 * The event hook of the simulated platform (see sim_events.h).
 *
 * The hook lives in the platform, set under its lock; sim_emit() runs with the
 * lock held and only queues. The queue is per thread: the thread that changed
 * the state under the lock is the one that delivers, right after releasing it,
 * in order, so no hook ever runs under the platform lock.
 */
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>

#include "platform/sim/sim_events.h"
#include "platform/sim/sim_perm.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_powercap.h"
#include "platform/sim/sim_sensor.h"

/**
 * struct queued_event - one event waiting for its thread's flush.
 * @hook, @ctx: looked up at emit time (the platform is alive until its flush)
 */
struct queued_event {
	sim_event_hook_t hook;
	void *ctx;
	uint32_t agent_id;
	uint8_t proto;
	uint8_t msg_id;
	uint8_t len;
	uint8_t payload[SIM_EVENT_MAX_PAYLOAD];
};

_Static_assert(SIM_EVENT_MAX_PAYLOAD <= 255, "len is a byte");

static atomic_uint_fast64_t dropped;

static SIM_THREAD_LOCAL struct queued_event queue[SIM_EVENT_QUEUE];
static SIM_THREAD_LOCAL size_t queued;

int sim_events_set_hook(struct sim_platform *p, sim_event_hook_t hook, void *ctx)
{
	if (!p)
		return -EINVAL;
	sim_lock(p);
	p->event_hook = hook;
	p->event_ctx = hook ? ctx : NULL;
	sim_unlock(p);
	return 0;
}

void sim_emit(struct sim_platform *p, uint32_t agent_id, uint8_t proto, uint8_t msg_id,
	      const void *payload, size_t len)
{
	struct queued_event *ev;
	if (!p || len > SIM_EVENT_MAX_PAYLOAD || (len && !payload) || !p->event_hook)
		return;
	if (queued >= SIM_EVENT_QUEUE) {
		atomic_fetch_add(&dropped, 1);
		return;
	}
	ev = &queue[queued++];
	ev->hook = p->event_hook;
	ev->ctx = p->event_ctx;
	ev->agent_id = agent_id;
	ev->proto = proto;
	ev->msg_id = msg_id;
	ev->len = (uint8_t)len;
	if (len)
		memcpy(ev->payload, payload, len);
}

void sim_events_flush(void)
{
	struct queued_event ev;
	size_t i = 0;

	/* A hook may change the platform again and queue more: take them in order. */
	while (i < queued) {
		ev = queue[i++];
		if (i == queued)
			queued = i = 0;
		ev.hook(ev.ctx, ev.agent_id, ev.proto, ev.msg_id, ev.payload, ev.len);
	}
	if (i)
		queued = 0;
}

uint64_t sim_events_dropped(void)
{
	return atomic_load(&dropped);
}

void sim_emit_resource(struct sim_platform *p, uint64_t subscribers, uint8_t proto, uint8_t msg_id,
		       uint32_t total, uint32_t global_id, uint32_t cause_agent,
		       const uint32_t *words, size_t nwords)
{
	uint8_t buf[SIM_EVENT_MAX_PAYLOAD];
	uint32_t agent, local;
	size_t i;

	if (nwords > SIM_EVENT_MAX_PAYLOAD / 4 - 2)
		return;
	for (agent = 1; agent <= SIM_MAX_AGENTS && subscribers; agent++) {
		if (!((subscribers >> (agent - 1)) & 1u))
			continue;
		subscribers &= ~(1ull << (agent - 1));
		if (!sim_view_local(p, agent, proto, total, global_id, &local))
			continue;
		sim_put32(buf, 0, cause_agent);
		sim_put32(buf, 4, local);
		for (i = 0; i < nwords; i++)
			sim_put32(buf, 8 + 4 * i, words[i]);
		sim_emit(p, agent, proto, msg_id, buf, 8 + 4 * nwords);
	}
}

void sim_events_time_check(struct sim_platform *p)
{
	if (!p)
		return;
	sim_lock(p);
	sim_sensor_model_check(p);
	sim_powercap_model_check(p);
	sim_unlock(p);
	sim_events_flush();
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Platform events (SCMI notifications) of the simulated platform.
 *
 * A model that changes state calls sim_emit() with the platform lock held,
 * once per subscribed agent, with the payload already in that agent's own
 * resource ids (sim_view_local()). Nothing is sent then: the event waits in
 * a queue of the calling thread until that thread, having released the lock,
 * calls sim_events_flush(), which hands each event to the hook registered for
 * the platform (the secure world routes it to scmi_server_notify()). So a
 * P2A send never runs under the platform lock, and a hook may call back into
 * the platform.
 *
 * Without a hook (tests, tools) events are dropped at sim_emit() time.
 */
#ifndef SCMI_SIM_EVENTS_H
#define SCMI_SIM_EVENTS_H

#include <stddef.h>
#include <stdint.h>

struct sim_platform;

/* Largest event payload: a sensor update with the most axes fits. */
#define SIM_EVENT_MAX_PAYLOAD 128u
/* Events one thread may hold between a change and its flush (more are dropped). */
#define SIM_EVENT_QUEUE 64u

/**
 * typedef sim_event_hook_t - where a platform's events go: notification @msg_id of
 * protocol @proto for agent @agent_id, @payload of @len bytes (no status).
 */
typedef void (*sim_event_hook_t)(void *ctx, uint32_t agent_id, uint8_t proto, uint8_t msg_id,
				 const void *payload, size_t len);

/**
 * sim_events_set_hook() - route @p's events to @hook (NULL: drop them). Returns 0, or
 * -ENOMEM. Unset it before freeing @p.
 */
int sim_events_set_hook(struct sim_platform *p, sim_event_hook_t hook, void *ctx);

/**
 * sim_emit() - queue an event for agent @agent_id (lock held). Dropped when @p has no
 * hook, when @len exceeds SIM_EVENT_MAX_PAYLOAD or when the thread's queue is full.
 */
void sim_emit(struct sim_platform *p, uint32_t agent_id, uint8_t proto, uint8_t msg_id,
	      const void *payload, size_t len);

/**
 * sim_events_flush() - deliver the events this thread queued (lock NOT held). Cheap when
 * there are none; every model entry point that may emit calls it after sim_unlock().
 */
void sim_events_flush(void);

/**
 * sim_emit_resource() - sim_emit() to every agent in @subscribers (bit n = agent n + 1)
 * that sees global resource @global_id of protocol @proto (whose model has @total), the
 * payload being: @cause_agent, the receiver's local id of the resource, then @nwords words
 * of @words (lock held).
 */
void sim_emit_resource(struct sim_platform *p, uint64_t subscribers, uint8_t proto, uint8_t msg_id,
		       uint32_t total, uint32_t global_id, uint32_t cause_agent,
		       const uint32_t *words, size_t nwords);

/**
 * sim_events_time_check() - after platform time moved: take the samples now due that
 * someone watches (sensor trip points and updates, powercap measurements) and deliver
 * their events (takes the lock).
 */
void sim_events_time_check(struct sim_platform *p);

/** sim_events_dropped() - events dropped for a full queue since start (for tests). */
uint64_t sim_events_dropped(void);

/** sim_put32() - store @v little-endian at @buf + @off (payload building). */
static inline void sim_put32(uint8_t *buf, size_t off, uint32_t v)
{
	buf[off] = (uint8_t)v;
	buf[off + 1] = (uint8_t)(v >> 8);
	buf[off + 2] = (uint8_t)(v >> 16);
	buf[off + 3] = (uint8_t)(v >> 24);
}

#endif /* SCMI_SIM_EVENTS_H */

// SPDX-License-Identifier: BSD-3-Clause
/*
 * Per-agent views and permissions. PLACEHOLDER: every agent sees every
 * resource under its global id and may use it; the permissions work replaces
 * this file (see sim_perm.h for the contract).
 */
#include "platform/sim/sim_perm.h"
#include "platform/sim/sim_platform_priv.h"

uint32_t sim_view_count(const struct sim_platform *p, uint32_t agent_id, uint8_t proto,
			uint32_t total)
{
	(void)p;
	(void)agent_id;
	(void)proto;
	return total;
}

bool sim_view_global(const struct sim_platform *p, uint32_t agent_id, uint8_t proto,
		     uint32_t total, uint32_t local_id, uint32_t *global_id)
{
	(void)p;
	(void)agent_id;
	(void)proto;
	if (local_id >= total)
		return false;
	*global_id = local_id;
	return true;
}

bool sim_view_local(const struct sim_platform *p, uint32_t agent_id, uint8_t proto,
		    uint32_t total, uint32_t global_id, uint32_t *local_id)
{
	(void)p;
	(void)agent_id;
	(void)proto;
	if (global_id >= total)
		return false;
	*local_id = global_id;
	return true;
}

bool sim_perm_allowed(const struct sim_platform *p, uint32_t agent_id, uint8_t proto,
		      uint32_t global_id)
{
	(void)p;
	(void)agent_id;
	(void)proto;
	(void)global_id;
	return true;
}

// SPDX-License-Identifier: BSD-3-Clause
/*
 * The secure side assembled: platform, server, static shared memory, TEE
 * core, the SCMI PTA and the sim-control PTA, built in that order and torn down in reverse.
 *
 * Static shared memory: every arm,scmi-shmem region of the platform is its
 * own memfd, so that the socket server can hand one channel's pages to an
 * agent in another process without handing it any other channel's. Each is
 * sealed against shrinking and growing before anyone sees it: a holder who
 * could truncate it would make every other holder (the daemon first) take
 * SIGBUS. A region goes only to a peer the channel's agent allows (the
 * platform DT's peer-uids / peer-gids), through a kernel-login session (the
 * core checks that). As OP-TEE does at boot, every channel's SMT area starts
 * FREE with a zero header and length: the agent owns it until it hands a
 * message over.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "platform/sim/sim_access.h"
#include "platform/sim/sim_events.h"
#include "platform/sim/sim_platform.h"
#include "scmi/proto/smt.h"
#include "secure/fault_inject.h"
#include "secure/pta_scmi.h"
#include "secure/pta_simctl.h"
#include "secure/secure_world.h"
#include "secure/vhost_user_scmi.h"

/**
 * struct world_region - one static region.
 * @agent_id: the agent of the channel it serves
 * @r:        its memory object, mapping and physical place
 */
struct world_region {
	uint32_t agent_id;
	struct optee_sim_static_region r;
};

/**
 * struct secure_world - the secure side.
 * @plat:        the simulated platform
 * @server:      the SCMI server over it
 * @regions:     the static regions, one per channel that has one
 * @num_regions: entries in @regions
 * @pta:         the SCMI PTA
 * @core:        the TEE core the PTA is registered in
 * @faults:      faults the PTA injects (the DT's faults node, then secure_world_faults())
 */
struct secure_world {
	struct sim_platform *plat;
	struct scmi_server server;
	struct world_region *regions;
	size_t num_regions;
	struct pta_scmi *pta;
	struct optee_sim_core *core;
	struct fault_inject *faults;
};

static void set_err(char *err, size_t err_len, const char *reason)
{
	if (!err || !err_len)
		return;
	/* The loader may already speak as the platform: say it once. */
	if (!strncmp(reason, "platform: ", 10))
		snprintf(err, err_len, "%s", reason);
	else
		snprintf(err, err_len, "platform: %s", reason);
}

/* One region's memfd: sized, sealed so that nobody can shrink or grow it, mapped. */
static int region_create(const struct sim_channel *ch, struct optee_sim_static_region *r)
{
	char name[32];
	int rc;

	snprintf(name, sizeof(name), "scmi-shmem-ch%u", (unsigned int)ch->id);
	r->fd = memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (r->fd < 0)
		return -errno;
	if (ftruncate(r->fd, (off_t)ch->shmem_size) ||
	    fcntl(r->fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL)) {
		rc = -errno;
		goto err_close;
	}
	r->map = mmap(NULL, (size_t)ch->shmem_size, PROT_READ | PROT_WRITE, MAP_SHARED, r->fd, 0);
	if (r->map == MAP_FAILED) {
		rc = -errno;
		r->map = NULL;
		goto err_close;
	}
	r->base = ch->shmem_addr;
	r->size = (size_t)ch->shmem_size;
	if (r->size >= SCMI_SMT_HDR_SIZE) {
		/* Smaller areas are refused by the server anyway. */
		scmi_smt_write32(r->map, SCMI_SMT_OFF_HEADER, 0);
		scmi_smt_write32(r->map, SCMI_SMT_OFF_LENGTH, 0);
		scmi_smt_write32(r->map, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	}
	return 0;

err_close:
	close(r->fd);
	r->fd = -1;
	return rc;
}

static void regions_free(struct secure_world *w)
{
	for (size_t i = 0; i < w->num_regions; i++) {
		munmap(w->regions[i].r.map, w->regions[i].r.size);
		close(w->regions[i].r.fd);
	}
	free(w->regions);
	w->regions = NULL;
	w->num_regions = 0;
}

/* Create and map every channel's static region, each SMT area FREE. */
static int static_shm_create(struct secure_world *w, char *err, size_t err_len)
{
	size_t n = sim_platform_num_channels(w->plat);
	int rc;

	if (!n)
		return 0;
	w->regions = calloc(n, sizeof(*w->regions));
	if (!w->regions) {
		set_err(err, err_len, "out of memory");
		return -ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		const struct sim_channel *ch = sim_platform_channel_at(w->plat, i);
		struct world_region *wr = &w->regions[w->num_regions];

		if (!ch || !ch->has_shmem || !ch->shmem_size)
			continue;
		/* The loader bounds regions (1 MiB each); this only guards the casts. */
		if ((uint64_t)(size_t)ch->shmem_size != ch->shmem_size ||
		    (off_t)ch->shmem_size < 0) {
			set_err(err, err_len, "static shared memory region too large");
			rc = -EINVAL;
			goto err_free;
		}
		rc = region_create(ch, &wr->r);
		if (rc) {
			set_err(err, err_len, "cannot create the static shared memory");
			goto err_free;
		}
		wr->agent_id = ch->agent_id;
		w->num_regions++;
	}
	return 0;

err_free:
	regions_free(w);
	return rc;
}

static struct world_region *region_holding(struct secure_world *w, uint64_t addr, uint64_t size)
{
	for (size_t i = 0; i < w->num_regions; i++) {
		const struct optee_sim_static_region *r = &w->regions[i].r;

		if (addr >= r->base && addr - r->base < r->size &&
		    size <= r->size - (addr - r->base))
			return &w->regions[i];
	}
	return NULL;
}

/* The core's static-memory provider: a region only for a peer its channel's agent allows. */
static int world_static_find(void *ctx, const struct optee_sim_cred *cred, uint64_t addr,
			     uint64_t size, struct optee_sim_static_region *out)
{
	struct secure_world *w = ctx;
	const struct world_region *wr = region_holding(w, addr, size);

	if (!wr)
		return -ENOENT;
	if (!sim_platform_peer_allowed(w->plat, wr->agent_id, (uint32_t)cred->uid,
				       (uint32_t)cred->gid))
		return -EACCES;
	*out = wr->r;
	return 0;
}

static const struct optee_sim_static_ops world_static_ops = {.find = world_static_find};

/* The PTA's view of static memory: where a channel's SMT area is mapped here. */
static volatile void *world_static_area(void *ctx, uint64_t addr, uint64_t size)
{
	const struct world_region *wr = region_holding(ctx, addr, size);

	return wr ? (uint8_t *)wr->r.map + (addr - wr->r.base) : NULL;
}

void *secure_world_static_region(struct secure_world *w, uint64_t addr, size_t *size)
{
	const struct world_region *wr = region_holding(w, addr, 1);

	if (!wr)
		return NULL;
	if (size)
		*size = wr->r.size - (size_t)(addr - wr->r.base);
	return (uint8_t *)wr->r.map + (addr - wr->r.base);
}

/* The platform's event hook: a notification for one agent (no platform lock held). */
static void world_event(void *ctx, uint32_t agent_id, uint8_t proto, uint8_t msg_id,
			const void *payload, size_t len)
{
	struct secure_world *w = ctx;

	/* No P2A channel for the agent (OP-TEE only, no guest yet) is not an error. */
	scmi_server_notify(&w->server, agent_id, proto, msg_id, payload, len);
}

int secure_world_create(const char *dtb_path, const struct optee_sim_limits *limits,
			struct secure_world **out, char *err, size_t err_len)
{
	char reason[256] = "";
	struct secure_world *w;
	int rc;

	if (err && err_len)
		err[0] = '\0';
	if (!dtb_path || !out) {
		set_err(err, err_len, "no platform description given");
		return -EINVAL;
	}
	w = calloc(1, sizeof(*w));
	if (!w) {
		set_err(err, err_len, "out of memory");
		return -ENOMEM;
	}
	rc = sim_platform_load_file(dtb_path, &w->plat, reason, sizeof(reason));
	if (rc) {
		set_err(err, err_len, reason[0] ? reason : "cannot load the platform description");
		goto err_free;
	}
	scmi_server_init(&w->server, sim_platform_ops(), w->plat);
	/* Platform events reach the agents through the virtio devices' event queues. */
	scmi_server_set_p2a(&w->server, vhost_scmi_p2a_ops(), &w->server);
	rc = sim_events_set_hook(w->plat, world_event, w);
	if (rc) {
		set_err(err, err_len, "out of memory");
		goto err_plat;
	}

	rc = static_shm_create(w, err, err_len);
	if (rc)
		goto err_plat;

	w->pta =
	    pta_scmi_new(&w->server, w->plat, sim_platform_pta_caps(w->plat), world_static_area, w);
	if (!w->pta) {
		rc = -ENOMEM;
		set_err(err, err_len, "out of memory");
		goto err_shm;
	}
	w->faults = fault_inject_new();
	rc = w->faults ? fault_inject_load_dt_file(w->faults, dtb_path, reason, sizeof(reason))
		       : -ENOMEM;
	if (rc) {
		set_err(err, err_len, w->faults ? reason : "out of memory");
		goto err_pta;
	}
	pta_scmi_set_faults(w->pta, w->faults);
	w->core = optee_sim_core_new(limits);
	if (!w->core) {
		rc = -ENOMEM;
		set_err(err, err_len, "out of memory");
		goto err_pta;
	}
	if (w->num_regions)
		optee_sim_core_set_static(w->core, &world_static_ops, w);
	rc = optee_sim_core_add_pta(w->core, pta_scmi_ops(), w->pta);
	if (rc) {
		set_err(err, err_len, "cannot register the SCMI PTA");
		goto err_core;
	}
	/* The platform's clock control (pta_simctl.h), beside OP-TEE's own PTA. */
	rc = optee_sim_core_add_pta(w->core, pta_simctl_ops(), w->plat);
	if (rc) {
		set_err(err, err_len, "cannot register the sim-control PTA");
		goto err_core;
	}
	*out = w;
	return 0;

err_core:
	optee_sim_core_free(w->core);
err_pta:
	pta_scmi_free(w->pta);
	fault_inject_free(w->faults);
err_shm:
	regions_free(w);
err_plat:
	sim_events_set_hook(w->plat, NULL, NULL);
	sim_platform_free(w->plat);
err_free:
	free(w);
	return rc;
}

struct optee_sim_core *secure_world_core(struct secure_world *w)
{
	return w->core;
}

void secure_world_set_max_payload(struct secure_world *w, uint32_t bytes)
{
	pta_scmi_set_max_payload(w->pta, bytes);
}

struct sim_platform *secure_world_platform(struct secure_world *w)
{
	return w->plat;
}

struct scmi_server *secure_world_server(struct secure_world *w)
{
	return &w->server;
}

void secure_world_destroy(struct secure_world *w)
{
	if (!w)
		return;
	optee_sim_core_free(w->core);
	pta_scmi_free(w->pta);
	fault_inject_free(w->faults);
	regions_free(w);
	sim_events_set_hook(w->plat, NULL, NULL);
	sim_platform_free(w->plat);
	free(w);
}

struct fault_inject *secure_world_faults(struct secure_world *w)
{
	return w->faults;
}

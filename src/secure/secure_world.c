// SPDX-License-Identifier: BSD-3-Clause
/*
 * The secure side assembled: platform, server, static shared memory, TEE
 * core, the SCMI PTA and the sim-control PTA, built in that order and torn down in reverse.
 *
 * The static shared memory stands for the physical window holding every
 * arm,scmi-shmem region of the platform. It is a memfd so that the socket
 * server can hand the same pages to agents in other processes; each region
 * lives at (region address - window base) inside it. As OP-TEE does at boot,
 * every channel's SMT area starts FREE with a zero header and length: the
 * agent owns it until it hands a message over.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "platform/sim/sim_events.h"
#include "platform/sim/sim_platform.h"
#include "scmi/proto/smt.h"
#include "secure/fault_inject.h"
#include "secure/pta_scmi.h"
#include "secure/pta_simctl.h"
#include "secure/secure_world.h"
#include "secure/vhost_user_scmi.h"

/**
 * struct secure_world - the secure side.
 * @plat:        the simulated platform
 * @server:      the SCMI server over it
 * @shm_fd:      memfd of the static shared memory, -1 when none
 * @shm:         its mapping, NULL when none
 * @shm_size:    its size
 * @shm_base:    the physical address it stands for
 * @pta:         the SCMI PTA
 * @core:        the TEE core the PTA is registered in
 * @faults:      faults the PTA injects (the DT's faults node, then secure_world_faults())
 */
struct secure_world {
	struct sim_platform *plat;
	struct scmi_server server;
	int shm_fd;
	void *shm;
	size_t shm_size;
	uint64_t shm_base;
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

/* Create and map the static memory, with every channel's SMT area FREE. */
static int static_shm_create(struct secure_world *w, char *err, size_t err_len)
{
	uint64_t base, size;
	int rc;

	if (!sim_platform_shmem_window(w->plat, &base, &size))
		return 0;
	if (size == 0 || (uint64_t)(size_t)size != size || (off_t)size < 0) {
		set_err(err, err_len, "static shared memory window too large");
		return -EINVAL;
	}
	w->shm_fd = memfd_create("scmi-static-shm", MFD_CLOEXEC);
	if (w->shm_fd < 0) {
		rc = -errno;
		set_err(err, err_len, "cannot create the static shared memory");
		return rc;
	}
	if (ftruncate(w->shm_fd, (off_t)size)) {
		rc = -errno;
		set_err(err, err_len, "cannot size the static shared memory");
		goto err_close;
	}
	w->shm = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_SHARED, w->shm_fd, 0);
	if (w->shm == MAP_FAILED) {
		rc = -errno;
		w->shm = NULL;
		set_err(err, err_len, "cannot map the static shared memory");
		goto err_close;
	}
	w->shm_size = (size_t)size;
	w->shm_base = base;

	for (size_t i = 0; i < sim_platform_num_channels(w->plat); i++) {
		const struct sim_channel *ch = sim_platform_channel_at(w->plat, i);
		uint8_t *area;

		if (!ch || !ch->has_shmem)
			continue;
		if (ch->shmem_addr < base || ch->shmem_addr - base > size ||
		    ch->shmem_size > size - (ch->shmem_addr - base)) {
			set_err(err, err_len, "shmem region outside the static window");
			rc = -EINVAL;
			goto err_unmap;
		}
		if (ch->shmem_size < SCMI_SMT_HDR_SIZE)
			continue; /* the server refuses an area this small anyway */
		area = (uint8_t *)w->shm + (ch->shmem_addr - base);
		scmi_smt_write32(area, SCMI_SMT_OFF_HEADER, 0);
		scmi_smt_write32(area, SCMI_SMT_OFF_LENGTH, 0);
		scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	}
	return 0;

err_unmap:
	munmap(w->shm, w->shm_size);
	w->shm = NULL;
	w->shm_size = 0;
err_close:
	close(w->shm_fd);
	w->shm_fd = -1;
	return rc;
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
	w->shm_fd = -1;

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

	w->pta = pta_scmi_new(&w->server, w->plat, sim_platform_pta_caps(w->plat), w->shm,
			      w->shm_base, w->shm_size);
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
	if (w->shm)
		optee_sim_core_set_static_shm(w->core, w->shm_fd, w->shm, w->shm_base, w->shm_size);
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
	if (w->shm)
		munmap(w->shm, w->shm_size);
	if (w->shm_fd >= 0)
		close(w->shm_fd);
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
	if (w->shm)
		munmap(w->shm, w->shm_size);
	if (w->shm_fd >= 0)
		close(w->shm_fd);
	sim_events_set_hook(w->plat, NULL, NULL);
	sim_platform_free(w->plat);
	free(w);
}

struct fault_inject *secure_world_faults(struct secure_world *w)
{
	return w->faults;
}

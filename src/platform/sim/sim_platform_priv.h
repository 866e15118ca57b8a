/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Internals of the simulated platform, shared by its loader and its ops.
 * The identity, agents and channels of a struct sim_platform are filled once
 * by sim_platform_load() and only read afterwards, so any number of threads
 * may query them without locks. The protocol models (sim_<protocol>.c) have
 * mutable state: it is guarded by @lock. Rule: the entry points of a model's
 * server ops take the lock (sim_lock/sim_unlock); the model functions other
 * models call (sim_<protocol>_model_*) expect it held and never take it.
 * An entry point that only reads model state (and writes nothing, not even a
 * cache or a counter) may take it for reading instead (sim_rlock/sim_runlock):
 * readers on different CPUs then run side by side, so that agents reading
 * rates and levels on their own channels do not wait for each other.
 */
#ifndef SCMI_SIM_PLATFORM_PRIV_H
#define SCMI_SIM_PLATFORM_PRIV_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/sim/sim_env.h"
#include "platform/sim/sim_events.h"
#include "platform/sim/sim_platform.h"
#include "scmi/server/server.h"

/*
 * Agents 1..SIM_MAX_AGENTS: the server keeps per-agent state for as many, and the models keep
 * per-agent votes and subscriptions for them (sim_agent_id_valid()).
 */
#define SIM_MAX_AGENTS SCMI_SERVER_MAX_AGENTS
/* Per-agent permission sets are uint64_t bitmaps, bit agent_id - 1. */
_Static_assert(SIM_MAX_AGENTS <= 64, "agent bitmaps are 64 bits wide");

/** sim_agent_id_valid() - whether @agent_id is an agent the models keep state for (not 0). */
static inline bool sim_agent_id_valid(uint32_t agent_id)
{
	return agent_id >= 1 && agent_id <= SIM_MAX_AGENTS;
}

/* Limits, so that a hostile DTB cannot make the loader allocate or loop without bound. */
#define SIM_MAX_CHANNELS     256u
#define SIM_MAX_DTB_SIZE     (1u << 20)
#define SIM_SHMEM_MAX_REGION (1u << 20)
#define SIM_SHMEM_MAX_WINDOW (16u << 20)
#define SIM_PAGE_SIZE	     4096u

/* Protocol ids the binding accepts in protocols/ (0x10 = Base is implicit). */
#define SIM_PROTOCOL_MIN 0x11u
#define SIM_PROTOCOL_MAX 0xffu

#define SIM_PROTO_WORDS	 (256u / 32u)

/* Devices (devices/device@N) and peers per agent (peer-uids, peer-gids). */
#define SIM_MAX_DEVICES 64u
#define SIM_MAX_PEERS	16u
/* Resources one device may name. */
#define SIM_MAX_DEVICE_RESOURCES 256u
/* Device index of a resource that belongs to no device (visible to every agent). */
#define SIM_DEV_NONE 0xffu

struct sim_loader;
struct sim_perm;

/**
 * struct sim_agent - one agent of the platform.
 * @id:        agent id (1..num_agents)
 * @name:      NUL-terminated name, at most 15 characters
 * @protocols: bitmap of the protocol ids this agent sees (bit n = protocol n)
 * @trusted:   may use the Base permission messages (on any agent)
 * @num_peer_uids / @peer_uids: peer-uids (0 entries: property absent)
 * @num_peer_gids / @peer_gids: peer-gids (likewise); both absent: any peer
 * @devices:   bitmap of the device indexes (into sim_platform.devices) it sees
 * @sees_all:  bitmap of the protocols of which it sees every resource, so that its local
 *             ids are the global ones (filled by sim_perm_init(), once the resources'
 *             devices are known: the views are fixed after load)
 */
struct sim_agent {
	uint32_t id;
	char name[SCMI_SHORT_NAME_SIZE];
	uint32_t protocols[SIM_PROTO_WORDS];
	bool trusted;
	uint32_t num_peer_uids;
	uint32_t peer_uids[SIM_MAX_PEERS];
	uint32_t num_peer_gids;
	uint32_t peer_gids[SIM_MAX_PEERS];
	uint64_t devices;
	uint32_t sees_all[SIM_PROTO_WORDS];
};

/**
 * struct sim_device - one device of devices/ (a group of resources permissions apply to).
 * @id:   its id (reg), the device_id of the Base permission messages
 * @name: device-name
 */
struct sim_device {
	uint32_t id;
	char name[SCMI_SHORT_NAME_SIZE];
};

/**
 * struct sim_platform - the platform as loaded from its DTB.
 * @vendor:           vendor identifier (NUL-terminated, <= 15 chars)
 * @sub_vendor:       sub-vendor identifier ("" if absent)
 * @platform_name:    name of agent 0 (the platform itself)
 * @impl_version:     implementation-version (0 if absent)
 * @pta_caps:         PTA_SCMI_CAPS_* the PTA offers
 * @protocols:        bitmap of the protocols the platform has (Base excluded)
 * @protocol_version: version property per protocol id (0 = let the server decide)
 * @num_agents:       agents, excluding the platform
 * @agents:           agents[i] is agent i + 1
 * @num_channels:     channels, across all agents
 * @channels:         channels, sorted by id
 * @has_window:       at least one static shared memory region exists
 * @window_base:      page-aligned base of the window covering every region
 * @window_size:      page-aligned size of that window
 * @lock:             guards the mutable state of every protocol model (readers share it)
 * @virtual_time:     time advances only through sim_platform_advance_time()
 * @time_us:          virtual time (virtual_time), or unused
 * @time_origin_ns:   the environment's clock at load (real time)
 * @time_seen:        someone read the platform's real time since it booted
 * @booting:          the platform is still loading: its time is 0 (sim_time_boot() ends it)
 * @base_version:     Base protocol version (base-version; default 2.1)
 * @num_devices:      devices of devices/
 * @devices:          devices, in DT order (index = position, not id)
 * @res_dev_len:      per protocol, entries of @res_dev
 * @res_dev:          per protocol, device index of each global resource id (SIM_DEV_NONE:
 *                    none); resources past @res_dev_len belong to no device
 * @perm:             the mutable permissions (sim_perm.c), guarded by @lock
 * @power ... @pinctrl: each protocol model's state (NULL when the DT has none)
 * @event_hook:       where the models' events go (sim_events.h); set under @lock
 * @event_ctx:        its context
 * @dtb:              the checked copy of the DTB it was loaded from (a system reset
 *                    loads it again)
 * @dtb_size:         its size
 */
struct sim_platform {
	char vendor[SCMI_SHORT_NAME_SIZE];
	char sub_vendor[SCMI_SHORT_NAME_SIZE];
	char platform_name[SCMI_SHORT_NAME_SIZE];
	uint32_t impl_version;
	uint32_t pta_caps;
	uint32_t protocols[SIM_PROTO_WORDS];
	uint32_t protocol_version[256];
	uint32_t num_agents;
	struct sim_agent agents[SIM_MAX_AGENTS];
	size_t num_channels;
	struct sim_channel channels[SIM_MAX_CHANNELS];
	bool has_window;
	uint64_t window_base;
	uint64_t window_size;
	sim_rwlock_t lock;
	bool virtual_time;
	uint64_t time_us;
	uint64_t time_origin_ns;
	bool time_seen;
	bool booting;
	uint32_t base_version;
	uint32_t num_devices;
	struct sim_device devices[SIM_MAX_DEVICES];
	uint32_t res_dev_len[256];
	uint8_t *res_dev[256];
	struct sim_perm *perm;
	struct sim_power *power;
	struct sim_system *system;
	struct sim_perf *perf;
	struct sim_clock *clock;
	struct sim_sensor *sensor;
	struct sim_reset *reset;
	struct sim_voltage *voltage;
	struct sim_powercap *powercap;
	struct sim_pinctrl *pinctrl;
	sim_event_hook_t event_hook;
	void *event_ctx;
	void *dtb;
	size_t dtb_size;
};

/** sim_lock() / sim_unlock() - take / release the models' lock, to write (see above). */
static inline void sim_lock(struct sim_platform *p)
{
	sim_rwlock_write(&p->lock);
}

static inline void sim_unlock(struct sim_platform *p)
{
	sim_rwlock_write_end(&p->lock);
}

/**
 * sim_rlock() / sim_runlock() - take the models' lock to read only (see above); the slot
 * sim_rlock() returns goes back to sim_runlock().
 */
static inline uint32_t sim_rlock(struct sim_platform *p)
{
	return sim_rwlock_read(&p->lock);
}

static inline void sim_runlock(struct sim_platform *p, uint32_t slot)
{
	sim_rwlock_read_end(&p->lock, slot);
}

/** sim_time_init() - the platform clock at the start of load: time is 0 until it boots. */
void sim_time_init(struct sim_platform *p);

/** sim_time_boot() - the platform has loaded: real time runs from now. */
void sim_time_boot(struct sim_platform *p);

/** sim_time_now_us() - platform time in microseconds: virtual, or real since boot. */
uint64_t sim_time_now_us(struct sim_platform *p);

/**
 * sim_protocol_version() - the version of @protocol_id the platform runs: its DT's, else the
 * newest the server speaks (which the server speaks of every protocol it has).
 */
uint32_t sim_protocol_version(const struct sim_platform *p, uint8_t protocol_id);

/**
 * sim_models_load() - load every protocol model, in dependency order (clocks and
 * voltages before the perf domains that drive them, ...), each from its protocol
 * node (or -1 when the DT has none). Called once agents and protocols are known.
 */
int sim_models_load(struct sim_loader *ld);

/** sim_models_free() - free every protocol model's state. */
void sim_models_free(struct sim_platform *p);

/* One phandle of the DT and its node (struct sim_loader's index). */
struct sim_phandle {
	uint32_t phandle;
	int node;
};

/**
 * struct sim_prop - one property in the loader's index (sim_fdt_index.c).
 * @name: its name, in the DTB's strings block
 * @data: its value, in the structure block
 * @len:  bytes of @data
 * @hash: FNV-1a of @name, compared before the name
 * @bit:  its offset in the structure block, in tags: its bit in sim_loader.seen
 */
struct sim_prop {
	const char *name;
	const void *data;
	int len;
	uint32_t hash;
	uint32_t bit;
};

/**
 * struct sim_node_props - where a node's properties are in the index.
 * @first: index of its first property, plus one (0: no node starts at this offset)
 * @count: its properties
 */
struct sim_node_props {
	uint32_t first;
	uint32_t count;
};

/**
 * struct sim_loader - state of one load.
 * @fdt:        the (private, aligned, checked) blob
 * @plat_node:  offset of the node compatible "scmi-optee,platform"
 * @p:          platform being filled
 * @shm_node:   per channel (same index as p->channels), offset of its shmem node or -1
 * @err:        caller's message buffer (may be NULL)
 * @err_len:    its size
 * @proto_node: per protocol id, offset of its protocol@ node (-1: none)
 * @dev_node:   per device (same index as p->devices), offset of its device@ node
 * @seen:       one bit per 4-byte offset of the structure block: set for each property a
 *              loader read (sim_getprop()), so that sim_check_known_props() can refuse
 *              the properties the binding does not know
 * @seen_bits:  bits in @seen
 * @parent:     per 4-byte offset of the structure block, the parent of the node there (-1:
 *              the root), from the index sim_fdt_index.c builds once
 * @phandles:   the DT's phandles and their nodes, sorted by phandle (same index)
 * @num_phandles: entries of @phandles
 */
struct sim_loader {
	const void *fdt;
	int plat_node;
	struct sim_platform *p;
	int shm_node[SIM_MAX_CHANNELS];
	char *err;
	size_t err_len;
	int proto_node[256];
	int dev_node[SIM_MAX_DEVICES];
	uint32_t *seen;
	size_t seen_bits;
	int *parent;
	struct sim_phandle *phandles;
	size_t num_phandles;
	struct sim_prop *props;
	size_t num_props;
	struct sim_node_props *node_props;
};

static inline bool sim_bit_test(const uint32_t *map, uint32_t bit)
{
	return (map[bit / 32u] >> (bit % 32u)) & 1u;
}

static inline void sim_bit_set(uint32_t *map, uint32_t bit)
{
	map[bit / 32u] |= 1u << (bit % 32u);
}

/* sim_fdt_index.c */

/**
 * sim_fdt_index_build() - index the DT's parents, phandles and every node's properties in
 * two passes over the structure block (0, -ENOMEM or -EINVAL).
 */
int sim_fdt_index_build(struct sim_loader *ld);

/**
 * sim_prop_find() - property @name of @node from the index, or NULL when the node has
 * none of that name. @indexed (may be NULL) says whether @node is a node the index knows:
 * when it is not, NULL means nothing and libfdt must answer.
 */
const struct sim_prop *sim_prop_find(const struct sim_loader *ld, int node, const char *name,
				     bool *indexed);

/** sim_node_prop_at() - the @i-th property of @node, or NULL past its last (or no node). */
const struct sim_prop *sim_node_prop_at(const struct sim_loader *ld, int node, uint32_t i);

/** sim_fdt_index_free() - free the index. */
void sim_fdt_index_free(struct sim_loader *ld);

/** sim_node_by_phandle() - fdt_node_offset_by_phandle() from the index. */
int sim_node_by_phandle(const struct sim_loader *ld, uint32_t phandle);

/** sim_node_parent() - fdt_parent_offset() from the index. */
int sim_node_parent(const struct sim_loader *ld, int node);

/* sim_fdt_util.c */

/**
 * sim_report() - write "<node path>: <message>" into the loader's err (if any).
 * The path is relative to the platform node for nodes inside it, absolute otherwise.
 */
void sim_report(struct sim_loader *ld, int node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/**
 * sim_fail() - sim_report(), then -EINVAL: `return sim_fail(ld, node, "...", ...);`.
 * A macro, so that the error value is visible at every call site: static analysers do not
 * follow a variadic function's return value, and a reader need not look it up either.
 */
#define sim_fail(ld, node, ...) (sim_report((ld), (node), __VA_ARGS__), -EINVAL)

/**
 * sim_getprop() - fdt_getprop() for the loaders: the property, if present, counts as one the
 * binding knows. Every property of the platform node's subtree that no loader reads this
 * way is refused at the end of the load (sim_check_known_props()).
 */
const void *sim_getprop(struct sim_loader *ld, int node, const char *name, int *lenp);

/** sim_node_check_compatible() - fdt_node_check_compatible(), reading compatible as known. */
int sim_node_check_compatible(struct sim_loader *ld, int node, const char *compatible);

/** sim_stringlist_count() - fdt_stringlist_count(), reading @name as known. */
int sim_stringlist_count(struct sim_loader *ld, int node, const char *name);

/**
 * sim_check_known_props() - after every loader ran: refuse the first property under the
 * platform node that none of them read (a typo such as always_on, or a property of another
 * kind of node), naming the node and the property. The structural properties (#address-cells,
 * #size-cells, phandle) are always known; the faults node is the secure side's, which
 * checks it itself. Returns 0 or -EINVAL (reported).
 */
int sim_check_known_props(struct sim_loader *ld);

/**
 * sim_prop_u32() - read the single-cell property @name of @node into @val.
 * Returns 0, -ENOENT if absent (nothing reported), -EINVAL if not exactly one cell.
 */
int sim_prop_u32(struct sim_loader *ld, int node, const char *name, uint32_t *val);

/**
 * sim_prop_name() - read the string property @name of @node into @out (16 bytes).
 * The value must be one NUL-terminated string of printable ASCII, at most 15
 * characters, and not empty unless @allow_empty. Returns 0, -ENOENT if absent
 * (nothing reported), -EINVAL.
 */
int sim_prop_name(struct sim_loader *ld, int node, const char *name, bool allow_empty,
		  char out[SCMI_SHORT_NAME_SIZE]);

/**
 * sim_check_cells() - require #address-cells = <@ac> and #size-cells = <@sc> on @node.
 */
int sim_check_cells(struct sim_loader *ld, int node, uint32_t ac, uint32_t sc);

/**
 * sim_unit_node() - check that @node is named "<@base>@<reg in hex>" with a one-cell reg.
 * Stores the reg in @reg. Returns 0 or -EINVAL (reported).
 */
int sim_unit_node(struct sim_loader *ld, int node, const char *base, uint32_t *reg);

/** sim_walk_end() - check how a subnode walk ended: -FDT_ERR_NOTFOUND is fine. */
int sim_walk_end(struct sim_loader *ld, int parent, int last);

/* Most "domain@<id>" children sim_load_domains() can number. */
#define SIM_LOAD_MAX_DOMAINS 256u

/**
 * sim_load_domains() - load the "domain@<id>" children of @node: ids below @max (at most
 * SIM_LOAD_MAX_DOMAINS), each once, contiguous from 0 (#address-cells 1, #size-cells 0
 * when there is any). @load(@ld, child, id, @ctx) reads one, in tree order. *@count gets
 * the number of domains. Returns 0 or a negative errno (reported).
 */
int sim_load_domains(struct sim_loader *ld, int node, uint32_t max, uint32_t *count,
		     int (*load)(struct sim_loader *ld, int child, uint32_t id, void *ctx),
		     void *ctx);

/**
 * struct sim_domain_model - how a domain-shaped model (one table of "domain@<id>" nodes:
 * reset, voltage, power, perf) is loaded by sim_load_domain_model().
 * @size:      bytes of the model, allocated zeroed
 * @max:       domains the table holds
 * @count_off: offsetof() the model's uint32_t domain count
 * @load:      reads domain @id of @node into @model
 * @finish:    optional: checks across domains once all are read (@model is not yet in use)
 */
struct sim_domain_model {
	size_t size;
	uint32_t max;
	size_t count_off;
	int (*load)(struct sim_loader *ld, int node, uint32_t id, void *model);
	int (*finish)(struct sim_loader *ld, void *model);
};

/**
 * sim_load_domain_model() - the one loader of domain-shaped models: allocate the model of
 * @m, load the "domain@<id>" children of protocol node @node into it (sim_load_domains()),
 * run @m->finish, and hand it over in *@out. A protocol the platform lacks (@node < 0) is
 * *@out NULL. On failure nothing is allocated. Returns 0 or a negative errno (reported).
 */
int sim_load_domain_model(struct sim_loader *ld, int node, const struct sim_domain_model *m,
			  void **out);

/* sim_load_agents.c */

/**
 * sim_load_agents() - parse agents/ and its channels and shared memory regions, and each
 * agent's trust, peers, protocols and devices (sim_load_devices() must have run).
 */
int sim_load_agents(struct sim_loader *ld);

/* sim_load_devices.c */

/** sim_load_devices() - parse devices/: ids and names (resources come later). */
int sim_load_devices(struct sim_loader *ld);

/**
 * sim_load_device_resources() - resolve every device's resources phandles to (protocol,
 * global id), once the models are loaded; fills res_dev.
 */
int sim_load_device_resources(struct sim_loader *ld);

/** sim_devices_free() - free what sim_load_device_resources() allocated. */
void sim_devices_free(struct sim_platform *p);

/** sim_device_index() - index of device @id in p->devices, or -1. */
int sim_device_index(const struct sim_platform *p, uint32_t id);

/* sim_perm.c (the contract the models use is in sim_perm.h) */

/** sim_perm_init() - the permissions of the configuration (after every load step). */
int sim_perm_init(struct sim_platform *p);

/** sim_perm_free() - free them. */
void sim_perm_free(struct sim_platform *p);

struct scmi_server_base_ops;

/** sim_base_ops_table - the platform side of Base (server/base.h) over sim_perm. */
extern const struct scmi_server_base_ops sim_base_ops_table;

/** sim_base_ops() - &sim_base_ops_table. */
const struct scmi_server_base_ops *sim_base_ops(void);

/**
 * sim_platform_restore() - a system reset (lock held): every model's state, the votes,
 * requests, subscriptions and holdings of every agent among it, back to what the DT
 * describes, by loading the DT again; @keep_perm keeps the Base permissions granted since
 * (a warm reset: the platform's firmware keeps running). The system model is not touched (it
 * keeps the record of the reset), nor are time, agents and channels. 0, or -errno with
 * nothing changed (-ENOMEM).
 */
int sim_platform_restore(struct sim_platform *p, bool keep_perm);

/* sim_models.c */

/** sim_models_reset_agent() - every model's reset_agent hook (lock held). */
void sim_models_reset_agent(struct sim_platform *p, uint32_t agent_id);

#endif /* SCMI_SIM_PLATFORM_PRIV_H */

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Powercap model internals, shared by its loader (sim_powercap_load.c) and its
 * ops (sim_powercap.c).
 */
#ifndef SCMI_SIM_POWERCAP_PRIV_H
#define SCMI_SIM_POWERCAP_PRIV_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/sim/sim_fastchannel.h"
#include "platform/sim/sim_platform_priv.h"
#include "scmi/server/powercap.h"

/* Bounds the binding enforces. */
#define SIM_POWERCAP_MAX_ZONES	 16u
#define SIM_POWERCAP_MAX_DOMAINS 8u

/**
 * struct sim_pcap_zone - one powercap zone.
 * @info:         what DOMAIN_ATTRIBUTES reports
 * @cap:          the cap last set (in @info.unit), kept while capping is disabled
 * @enabled:      capping is on
 * @pai_us:       power averaging interval
 * @ndomains:     perf domains the zone caps
 * @domains:      their perf domain ids
 * @weights:      share of the cap each gets (relative)
 * @static_power: power drawn besides the perf domains, in @info.unit
 * @last_us:      when the power was last sampled
 * @last_power:   that sample, in @info.unit (held constant until the next)
 * @win_start_us: start of the averaging window in progress
 * @win_energy:   power x time accumulated in it (unit x us)
 * @avg:          average of the last complete window
 * @have_avg:     a window completed since the PAI last changed
 * @cap_notify:   per agent, subscribed to cap changes
 * @meas_notify:  per agent, subscribed to measurement changes
 * @meas_low:     per agent, the lower threshold given
 * @meas_high:    per agent, the upper threshold given
 * @meas_reported: per agent, a measurement outside its thresholds was notified ...
 * @meas_last:    ... with this power (the same value is not notified twice in a row)
 * @fastchannels: agents with a fast-channel region have fast channels for the zone
 * @fc_cap:       per agent (index id - 1), the CAP_SET value the platform last read
 * @fc_pai:       per agent, the PAI_SET value the platform last read
 */
struct sim_pcap_zone {
	struct scmi_server_powercap_info info;
	uint32_t cap;
	bool enabled;
	uint32_t pai_us;
	uint32_t ndomains;
	uint32_t domains[SIM_POWERCAP_MAX_DOMAINS];
	uint32_t weights[SIM_POWERCAP_MAX_DOMAINS];
	uint32_t static_power;
	uint64_t last_us;
	uint32_t last_power;
	uint64_t win_start_us;
	uint64_t win_energy;
	uint32_t avg;
	bool have_avg;
	bool cap_notify[SIM_MAX_AGENTS + 1];
	bool meas_notify[SIM_MAX_AGENTS + 1];
	uint32_t meas_low[SIM_MAX_AGENTS + 1];
	uint32_t meas_high[SIM_MAX_AGENTS + 1];
	bool meas_reported[SIM_MAX_AGENTS + 1];
	uint32_t meas_last[SIM_MAX_AGENTS + 1];
	bool fastchannels;
	uint32_t fc_cap[SIM_MAX_AGENTS];
	uint32_t fc_pai[SIM_MAX_AGENTS];
};

/**
 * struct sim_powercap - the powercap zones.
 * @num:   zones
 * @zones: the zones (ids = index)
 */
struct sim_powercap {
	uint32_t num;
	struct sim_pcap_zone zones[SIM_POWERCAP_MAX_ZONES];
};

/**
 * sim_pcap_apply() - push the caps of every zone down to the perf domains: each domain
 * gets the tightest share any enabled zone gives it (lock held, or at load). 0 or -errno.
 */
int sim_pcap_apply(struct sim_platform *p);

/** sim_pcap_restart() - sample the zone's power now and start a fresh averaging window. */
void sim_pcap_restart(struct sim_platform *p, struct sim_pcap_zone *z);

/**
 * sim_powercap_fc_pass() - SIM_FC_APPLY: carry out what agent @agent_id wrote into its
 * powercap SET channels in @mem (its region; with a @doorbell only when @rung), with the
 * checks the server makes of CAP_SET and PAI_SET; SIM_FC_PUBLISH: write the current cap and
 * PAI into its GET channels (lock held).
 */
void sim_powercap_fc_pass(struct sim_platform *p, uint32_t agent_id, uint8_t *mem,
			  enum sim_fc_phase phase, bool doorbell, bool rung);

#endif /* SCMI_SIM_POWERCAP_PRIV_H */

// SPDX-License-Identifier: BSD-3-Clause
/*
 * The protocol models of the simulated platform, loaded in dependency order,
 * reset per agent (BASE_RESET_AGENT_CONFIGURATION) and freed together.
 */
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_reset_agent.h"
#include "platform/sim/sim_clock.h"
#include "platform/sim/sim_perf.h"
#include "platform/sim/sim_pinctrl.h"
#include "platform/sim/sim_power.h"
#include "platform/sim/sim_powercap.h"
#include "platform/sim/sim_reset.h"
#include "platform/sim/sim_sensor.h"
#include "platform/sim/sim_system.h"
#include "platform/sim/sim_voltage.h"

/**
 * struct sim_model - one protocol model.
 * @id:   protocol id
 * @load: parse its protocol node (or -1) into the platform
 * @free: free its state
 * @reset_agent: forget one agent's per-agent state (sim_reset_agent.h)
 */
struct sim_model {
	uint8_t id;
	int (*load)(struct sim_loader *ld, int node);
	void (*free)(struct sim_platform *p);
	void (*reset_agent)(struct sim_platform *p, uint32_t agent_id);
};

/*
 * No-op stand-ins until each model defines its own reset hook: a model's strong
 * definition replaces them at link time.
 */
#define SIM_WEAK_RESET_AGENT(proto)                                                                \
	__attribute__((weak)) void sim_##proto##_reset_agent(struct sim_platform *p,               \
							     uint32_t agent_id)                    \
	{                                                                                          \
		(void)p;                                                                           \
		(void)agent_id;                                                                    \
	}

SIM_WEAK_RESET_AGENT(clock)
SIM_WEAK_RESET_AGENT(voltage)
SIM_WEAK_RESET_AGENT(power)
SIM_WEAK_RESET_AGENT(reset)
SIM_WEAK_RESET_AGENT(perf)
SIM_WEAK_RESET_AGENT(powercap)
SIM_WEAK_RESET_AGENT(sensor)
SIM_WEAK_RESET_AGENT(system)
SIM_WEAK_RESET_AGENT(pinctrl)

/* Order matters: a model may refer to those before it (perf drives clocks and voltages). */
static const struct sim_model models[] = {
    {SCMI_PROTOCOL_CLOCK, sim_clock_load, sim_clock_free, sim_clock_reset_agent},
    {SCMI_PROTOCOL_VOLTAGE, sim_voltage_load, sim_voltage_free, sim_voltage_reset_agent},
    {SCMI_PROTOCOL_POWER, sim_power_load, sim_power_free, sim_power_reset_agent},
    {SCMI_PROTOCOL_RESET, sim_reset_load, sim_reset_free, sim_reset_reset_agent},
    {SCMI_PROTOCOL_PERF, sim_perf_load, sim_perf_free, sim_perf_reset_agent},
    {SCMI_PROTOCOL_POWERCAP, sim_powercap_load, sim_powercap_free, sim_powercap_reset_agent},
    {SCMI_PROTOCOL_SENSOR, sim_sensor_load, sim_sensor_free, sim_sensor_reset_agent},
    {SCMI_PROTOCOL_SYSTEM, sim_system_load, sim_system_free, sim_system_reset_agent},
    {SCMI_PROTOCOL_PINCTRL, sim_pinctrl_load, sim_pinctrl_free, sim_pinctrl_reset_agent},
};

int sim_models_load(struct sim_loader *ld)
{
	size_t i;
	int ret;

	for (i = 0; i < sizeof(models) / sizeof(models[0]); i++) {
		ret = models[i].load(ld, ld->proto_node[models[i].id]);
		if (ret)
			return ret;
	}
	return 0;
}

void sim_models_reset_agent(struct sim_platform *p, uint32_t agent_id)
{
	size_t i;

	for (i = 0; i < sizeof(models) / sizeof(models[0]); i++)
		models[i].reset_agent(p, agent_id);
}

void sim_models_free(struct sim_platform *p)
{
	size_t i;

	for (i = sizeof(models) / sizeof(models[0]); i-- > 0;)
		models[i].free(p);
}

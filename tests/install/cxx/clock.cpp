// SPDX-License-Identifier: BSD-3-Clause
/*
 * The C++ side of the installed tree: every public agent header included from C++, linked
 * through find_package(scmi). Reads clock 0 behind the daemon at argv[1] and prints
 * "NAME RATE Hz", then the names of a few more headers' constants, to show they compile.
 */
#include <cstdio>
#include <string>

#include <scmi/base.h>
#include <scmi/clock.h>
#include <scmi/perf.h>
#include <scmi/pinctrl.h>
#include <scmi/power.h>
#include <scmi/powercap.h>
#include <scmi/reset.h>
#include <scmi/scmi.h>
#include <scmi/sensor.h>
#include <scmi/system.h>
#include <scmi/tee_client.h>
#include <scmi/voltage.h>

namespace
{

// Closes the agent however main leaves.
struct agent_guard {
	scmi_agent *agent = nullptr;
	~agent_guard()
	{
		scmi_agent_close(agent);
	}
};

} // namespace

int main(int argc, char **argv)
{
	scmi_agent_config cfg = {};
	cfg.socket_path = argc > 1 ? argv[1] : nullptr;
	cfg.timeout_ms = 2000;
	cfg.transport = SCMI_TRANSPORT_OPTEE;

	agent_guard g;
	int ret = scmi_agent_open(&cfg, &g.agent);
	if (ret) {
		std::fprintf(stderr, "clock++: %s\n", scmi_strerror(ret));
		return 1;
	}
	scmi_clock clk;
	scmi_clock_info info;
	uint64_t hz = 0;
	ret = scmi_clock_init(g.agent, &clk);
	if (!ret)
		ret = scmi_clock_attributes(&clk, 0, &info);
	if (!ret)
		ret = scmi_clock_rate_get(&clk, 0, &hz);
	if (ret) {
		std::fprintf(stderr, "clock++: %s\n", scmi_strerror(ret));
		return 1;
	}
	std::string line = std::string(info.name) + " " + std::to_string(hz) + " Hz";
	std::puts(line.c_str());
	std::printf("mode %s, status 0 is %s\n", scmi_mode_name(scmi_agent_mode(g.agent)),
		    scmi_status_name(SCMI_SUCCESS));
	return 0;
}

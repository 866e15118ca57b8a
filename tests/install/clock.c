// SPDX-License-Identifier: BSD-3-Clause
/*
 * An out-of-tree program as a user writes it: it knows libscmi only through its installed
 * headers and pkg-config (or add_subdirectory). Reads clock 0 of the platform behind the
 * daemon at argv[1]; prints "NAME RATE Hz", e.g. "osc24m 24000000 Hz".
 */
#include <stdio.h>

#include <scmi/clock.h>
#include <scmi/scmi.h>

int main(int argc, char **argv)
{
	struct scmi_agent_config cfg = {
	    .socket_path = argc > 1 ? argv[1] : NULL,
	    .timeout_ms = 2000,
	    .transport = SCMI_TRANSPORT_OPTEE,
	};
	struct scmi_clock_info info;
	struct scmi_agent *agent;
	struct scmi_clock clk;
	uint64_t hz;
	int ret;

	ret = scmi_agent_open(&cfg, &agent);
	if (ret) {
		fprintf(stderr, "clock: %s\n", scmi_strerror(ret));
		return 1;
	}
	ret = scmi_clock_init(agent, &clk);
	if (!ret)
		ret = scmi_clock_attributes(&clk, 0, &info);
	if (!ret)
		ret = scmi_clock_rate_get(&clk, 0, &hz);
	if (!ret)
		printf("%s %llu Hz\n", info.name, (unsigned long long)hz);
	else
		fprintf(stderr, "clock: %s\n", scmi_strerror(ret));
	scmi_agent_close(agent);
	return ret ? 1 : 0;
}

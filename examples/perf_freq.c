// SPDX-License-Identifier: BSD-3-Clause
/*
 * perf_freq: run a performance domain at a frequency: the lowest level that reaches it.
 *
 *   ./perf_freq DOMAIN MHZ [SOCKET]     e.g. ./perf_freq cpu_big 1600
 *
 * A performance domain runs at levels (OPPs); from version 4.0 each level names its
 * indicative frequency. An agent asks for a level (or, in level-indexing mode, a level's
 * index); the platform may run the domain elsewhere, within the limits it set.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <scmi/perf.h>
#include <scmi/scmi.h>

/* The domain called @name, or -ENOENT. */
static int find_domain(struct scmi_agent *agent, const char *name, uint32_t *domain,
		       struct scmi_perf_domain_info *info)
{
	struct scmi_perf_info pi;
	int ret = scmi_perf_protocol_info(agent, &pi);

	if (ret)
		return ret;
	for (uint32_t d = 0; d < pi.num_domains; d++) {
		ret = scmi_perf_domain_attributes(agent, d, info);
		if (ret)
			return ret;
		if (!strcmp(info->name, name)) {
			*domain = d;
			return 0;
		}
	}
	return -ENOENT;
}

int main(int argc, char **argv)
{
	static struct scmi_perf_level levels[SCMI_PERF_MAX_LEVELS];
	struct scmi_agent_config cfg = {.timeout_ms = 1000};
	const struct scmi_perf_level *pick = NULL;
	struct scmi_perf_domain_info info;
	struct scmi_agent *agent;
	uint32_t domain, khz, now;
	char err[256] = "";
	size_t count;
	int ret;

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: perf_freq DOMAIN MHZ [SOCKET]\n");
		return 2;
	}
	khz = (uint32_t)strtoul(argv[2], NULL, 10) * 1000u;
	cfg.socket_path = argc > 3 ? argv[3] : NULL;
	cfg.errbuf = err;
	cfg.errbuf_len = sizeof(err);
	ret = scmi_agent_open(&cfg, &agent);
	if (ret) {
		fprintf(stderr, "perf_freq: %s\n", err[0] ? err : scmi_strerror(ret));
		return 1;
	}
	/* Negotiates the version first: the level layouts (frequencies) depend on it. */
	ret = scmi_perf_init(agent, NULL);
	if (!ret)
		ret = find_domain(agent, argv[1], &domain, &info);
	if (!ret)
		ret =
		    scmi_perf_describe_levels(agent, domain, levels, SCMI_PERF_MAX_LEVELS, &count);
	if (ret) {
		fprintf(stderr, "perf_freq: %s: %s\n", argv[1], scmi_strerror(ret));
		goto out;
	}
	/* Levels come in ascending order of performance. */
	for (size_t i = 0; i < count && !pick; i++)
		if (levels[i].freq_khz >= khz)
			pick = &levels[i];
	if (!pick) {
		fprintf(stderr, "perf_freq: %s does not reach %s MHz\n", argv[1], argv[2]);
		ret = -ERANGE;
		goto out;
	}
	ret = scmi_perf_level_set(agent, domain, info.level_indexing ? pick->index : pick->perf);
	if (!ret)
		ret = scmi_perf_level_get(agent, domain, &now);
	if (ret) {
		fprintf(stderr, "perf_freq: %s: %s\n", argv[1], scmi_strerror(ret));
		goto out;
	}
	printf("%s: asked level %u (%u MHz), runs at level %u\n", info.name,
	       info.level_indexing ? pick->index : pick->perf, pick->freq_khz / 1000u, now);
out:
	scmi_agent_close(agent);
	return ret ? 1 : 0;
}

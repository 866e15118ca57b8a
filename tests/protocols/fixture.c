// SPDX-License-Identifier: BSD-3-Clause
#include "fixture.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_platform_priv.h"
#include "scmi/proto/endian.h"
#include "scmi/tee_inproc.h"
#include "secure/secure_world.h"

const char *const proto_agent_smt_dtb = AGENT_SMT_DTB;
const char *const proto_agent_msg_dtb = AGENT_MSG_DTB;
const char *const proto_agent_vm1_dtb = AGENT_VM1_DTB;
const char *const proto_platforms_dir = PLATFORMS_DIR;

static enum scmi_mode current_mode = SCMI_MODE_SMT;

static int open_inproc(void *arg, struct tee_context **ctx)
{
	struct proto_fixture *f = arg;

	return tee_client_open_inproc(secure_world_core(f->world), true, ctx);
}

struct scmi_agent *proto_open_agent(struct proto_fixture *f, const char *dtb, enum scmi_mode mode)
{
	char err[256] = "";
	struct scmi_agent_config cfg = {
	    .dt_path = dtb,
	    .tee_open = open_inproc,
	    .tee_open_arg = f,
	    .mode = mode,
	    /* Sanitizers slow everything down: a generous timeout, never hit when correct. */
	    .timeout_ms = 5000,
	    .errbuf = err,
	    .errbuf_len = sizeof(err),
	};
	struct scmi_agent *agent = NULL;
	int ret = scmi_agent_open(&cfg, &agent);

	if (ret)
		print_error("scmi_agent_open(%s, %s): %d %s\n", dtb, scmi_mode_name(mode), ret,
			    err);
	assert_int_equal(ret, 0);
	return agent;
}

int proto_fixture_open(struct proto_fixture *f, const char *platform_dtb, enum scmi_mode mode)
{
	char err[256] = "";

	memset(f, 0, sizeof(*f));
	if (secure_world_create(platform_dtb, NULL, &f->world, err, sizeof(err))) {
		fprintf(stderr, "secure_world_create(%s): %s\n", platform_dtb, err);
		return -1;
	}
	f->plat = secure_world_platform(f->world);
	sim_platform_set_virtual_time(f->plat, true);
	f->mode = mode;
	f->agent = proto_open_agent(
	    f, mode == SCMI_MODE_SMT ? proto_agent_smt_dtb : proto_agent_msg_dtb, mode);
	return 0;
}

void proto_open_platform(struct proto_fixture *f, const char *name, enum scmi_mode mode)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", proto_platforms_dir, name);
	if (proto_fixture_open(f, path, mode))
		fail_msg("cannot open platform %s", path);
}

void proto_lock(struct proto_fixture *f)
{
	sim_lock(f->plat);
	f->locked = true;
}

void proto_unlock(struct proto_fixture *f)
{
	f->locked = false;
	sim_unlock(f->plat);
}

void proto_fixture_close(struct proto_fixture *f)
{
	/* A failed assertion between proto_lock() and proto_unlock() left it held. */
	if (f->locked)
		proto_unlock(f);
	scmi_agent_close(f->agent);
	secure_world_destroy(f->world);
	memset(f, 0, sizeof(*f));
}

int proto_raw(struct scmi_agent *agent, uint8_t proto, uint8_t msg, const uint32_t *words, size_t n,
	      void *rx, size_t rx_max, size_t *rx_len, int32_t *status)
{
	uint8_t tx[64];
	size_t i, len = 0;
	int ret;

	assert_true(n <= sizeof(tx) / 4);
	for (i = 0; i < n; i++)
		scmi_put_le32(tx + 4 * i, words[i]);
	ret = scmi_xfer(agent, proto, msg, tx, 4 * n, rx, rx_max, &len, status);
	if (rx_len)
		*rx_len = len;
	return ret;
}

int proto_raw_capped(struct scmi_agent *agent, uint8_t proto, uint8_t msg, const uint32_t *words,
		     size_t n, void *rx, size_t rx_max, size_t *rx_len, int32_t *status)
{
	if (rx_max > scmi_agent_max_msg_size(agent))
		rx_max = scmi_agent_max_msg_size(agent);
	return proto_raw(agent, proto, msg, words, n, rx, rx_max, rx_len, status);
}

void proto_assert_messages(struct scmi_agent *agent, uint8_t proto, uint32_t last)
{
	uint32_t id, attr;

	for (id = 0; id <= 0x11; id++) {
		int want = (id <= last || id == 0x10) ? 0 : -ENOENT;
		int ret = scmi_protocol_message_attributes(agent, proto, id, &attr);

		if (ret != want)
			fail_msg("protocol 0x%x message 0x%x: %d, expected %d", proto, id, ret,
				 want);
	}
}

void proto_assert_init(struct scmi_agent *agent, uint8_t proto, uint32_t version, uint32_t want,
		       uint32_t count, uint32_t want_count, uint32_t last)
{
	assert_int_equal(version, want);
	assert_int_equal(count, want_count);
	proto_assert_messages(agent, proto, last);
}

void proto_assert_bad_lengths(struct scmi_agent *agent, uint8_t proto, const uint32_t *w,
			      const struct proto_bad_len *cases, size_t count)
{
	uint8_t rx[80];
	size_t i, len;

	for (i = 0; i < count; i++) {
		int ret = proto_raw(agent, proto, cases[i].msg, w, cases[i].words, rx, sizeof(rx),
				    &len, NULL);

		if (ret != -EPROTO)
			fail_msg("protocol 0x%x message 0x%x with %u words: %d, expected %d", proto,
				 cases[i].msg, cases[i].words, ret, -EPROTO);
	}
}

enum scmi_mode proto_current_mode(void)
{
	return current_mode;
}

int proto_setup(void **state)
{
	struct proto_fixture *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	if (proto_fixture_open(f, PLATFORM_DTB, current_mode)) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

int proto_teardown(void **state)
{
	struct proto_fixture *f = *state;

	if (!f)
		return 0;
	proto_fixture_close(f);
	free(f);
	return 0;
}

int proto_run(const char *name, const struct CMUnitTest *tests, size_t count)
{
	static const enum scmi_mode modes[] = {SCMI_MODE_SMT, SCMI_MODE_SMT_MEMREF, SCMI_MODE_MSG};
	char group[64];
	int failures = 0;
	size_t i;

	for (i = 0; i < PROTO_ARRAY_SIZE(modes); i++) {
		current_mode = modes[i];
		snprintf(group, sizeof(group), "%s/%s", name, scmi_mode_name(modes[i]));
		failures += _cmocka_run_group_tests(group, tests, count, NULL, NULL);
	}
	return failures;
}

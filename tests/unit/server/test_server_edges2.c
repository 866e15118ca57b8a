// SPDX-License-Identifier: BSD-3-Clause
/*
 * More edges of the server core a mutation run found unguarded (issue 17), through the
 * server and the simulated platform on the default DT: each request sits exactly on the
 * rule it breaks, and the status must be the one the specification gives, not a neighbour.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <stdlib.h>

#include <libfdt.h>

#include "platform/sim/sim_platform.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/pinctrl.h"
#include "scmi/proto/sensor.h"
#include "scmi/proto/status.h"
#include "scmi/server/server.h"
#include "dtb_expect.h"
#include "dtb_util.h"

struct fx {
	struct sim_platform *p;
	struct scmi_server srv;
	uint8_t rsp[SCMI_SERVER_MAX_PAYLOAD];
	size_t len;
};

static int setup(void **state)
{
	static struct fx f;
	char err[256];

	memset(&f, 0, sizeof(f));
	if (sim_platform_load_file(SCMI_DEFAULT_PLATFORM_DTB, &f.p, err, sizeof(err)))
		return -1;
	sim_platform_set_virtual_time(f.p, true);
	scmi_server_init(&f.srv, sim_platform_ops(), f.p);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	sim_platform_free(f->p);
	return 0;
}

/* Command @msg of @proto with @nargs u32 parameters on channel 0 (agent linux): the status. */
static int32_t call(struct fx *f, uint8_t proto, uint8_t msg, const uint32_t *args, size_t nargs)
{
	uint8_t in[32] = {0};

	assert_true(nargs <= 8);
	for (size_t i = 0; i < nargs; i++)
		scmi_put_le32(in + 4 * i, args[i]);
	f->len = scmi_server_process_raw(&f->srv, 0, scmi_hdr_make(proto, msg, 0, 1), in, 4 * nargs,
					 f->rsp, sizeof(f->rsp));
	assert_true(f->len >= 4);
	return (int32_t)scmi_get_le32(f->rsp);
}

/* PINCTRL_SETTINGS_GET of one configuration takes no skip count: INVALID_PARAMETERS. */
static void test_pinctrl_get_one_with_skip(void **state)
{
	struct fx *f = *state;
	/* The flag field left 0 is SCMI_PINCTRL_GET_ONE. */
	const uint32_t skip[2] = {0, 1u << SCMI_PINCTRL_GET_SKIP_SHIFT};

	assert_int_equal(SCMI_PINCTRL_GET_FLAG(skip[1]), SCMI_PINCTRL_GET_ONE);

	assert_int_equal(call(f, 0x19, SCMI_MSG_PINCTRL_SETTINGS_GET, skip, 2),
			 SCMI_INVALID_PARAMETERS);
	assert_int_equal(f->len, 4);
}

/*
 * SENSOR_CONFIG_SET asking for timestamps of a sensor that has none: INVALID_PARAMETERS,
 * while the same request without the bit is served.
 */
static void test_sensor_timestamp_without_one(void **state)
{
	struct fx *f = *state;
	void *fdt = dtb_editable();
	const uint32_t with_ts[2] = {0, SCMI_SENSOR_CONFIG_ENABLE | SCMI_SENSOR_CONFIG_TIMESTAMP};
	const uint32_t without[2] = {0, SCMI_SENSOR_CONFIG_ENABLE};

	dtb_set_raw(fdt, "/scmi-platform/protocols/protocol@15/sensor@0", "no-timestamp", "", 0);
	sim_platform_free(f->p);
	f->p = dtb_load_free(fdt);
	scmi_server_init(&f->srv, sim_platform_ops(), f->p);
	assert_int_equal(call(f, 0x15, SCMI_MSG_SENSOR_CONFIG_SET, with_ts, 2),
			 SCMI_INVALID_PARAMETERS);
	assert_int_equal(call(f, 0x15, SCMI_MSG_SENSOR_CONFIG_SET, without, 2), SCMI_SUCCESS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_pinctrl_get_one_with_skip, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sensor_timestamp_without_one, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

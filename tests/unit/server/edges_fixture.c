// SPDX-License-Identifier: BSD-3-Clause
/* The server over the simulated default platform, for the edge tests (edges_fixture.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "edges_fixture.h"
#include "platform/sim/sim_platform.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "dtb_expect.h"

int edges_setup(void **state)
{
	static struct edges_fx f;
	char err[256];

	memset(&f, 0, sizeof(f));
	if (sim_platform_load_file(SCMI_DEFAULT_PLATFORM_DTB, &f.p, err, sizeof(err)))
		return -1;
	sim_platform_set_virtual_time(f.p, true);
	scmi_server_init(&f.srv, sim_platform_ops(), f.p);
	*state = &f;
	return 0;
}

int edges_teardown(void **state)
{
	struct edges_fx *f = *state;

	sim_platform_free(f->p);
	return 0;
}

int32_t edges_call(struct edges_fx *f, uint8_t proto, uint8_t msg, const uint32_t *args,
		   size_t nargs)
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

void edges_reload(struct edges_fx *f, void *fdt)
{
	sim_platform_free(f->p);
	f->p = dtb_load_free(fdt);
	scmi_server_init(&f->srv, sim_platform_ops(), f->p);
}

static int edges_p2a_send(void *ctx, uint32_t channel_id, const void *msg, size_t len)
{
	(void)ctx;
	(void)channel_id;
	(void)msg;
	return (int)len;
}

static bool edges_p2a_everywhere(void *ctx, uint32_t channel_id)
{
	(void)ctx;
	(void)channel_id;
	return true;
}

const struct scmi_server_p2a_ops edges_p2a = {.send = edges_p2a_send,
					      .has_p2a = edges_p2a_everywhere};

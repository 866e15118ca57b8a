// SPDX-License-Identifier: BSD-3-Clause
/*
 * SCMI_TRACE (trace.c) into a file: one scmi_msg_dump line per command,
 * response, delayed response and notification, channels named by the protocol
 * that owns them, instances numbered in the order agents first trace, payloads
 * as sent and as kept, and a line too long for the buffer still ended. The
 * variable is read once per process, so main() sets it before any message.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "agent/common.h"
#include "agent/msg.h"
#include "dtb_builder.h"
#include "fake_transport.h"
#include "scmi/proto/endian.h"

static char trace_path[64];
static long trace_seen; /* bytes of the trace already looked at */

/* The lines traced since the last call, in @buf (@size bytes). */
static size_t new_lines(char *buf, size_t size)
{
	FILE *f = fopen(trace_path, "r");
	size_t n;

	assert_non_null(f);
	assert_int_equal(fseek(f, trace_seen, SEEK_SET), 0);
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	trace_seen += (long)n;
	assert_int_equal(fclose(f), 0);
	return n;
}

/* Line @i (0-based) of @buf, after the timestamp, into @out. */
static void line_of(const char *buf, int i, char *out, size_t size)
{
	const char *p = buf, *e, *s;

	while (i-- > 0) {
		p = strchr(p, '\n');
		assert_non_null(p);
		p++;
	}
	e = strchr(p, '\n');
	assert_non_null(e);
	s = strstr(p, "scmi_msg_dump: ");
	if (!s || s >= e) {
		fail();
		return;
	}
	s += strlen("scmi_msg_dump: ");
	assert_true((size_t)(e - s) < size);
	memcpy(out, s, (size_t)(e - s));
	out[e - s] = '\0';
}

static void serve_echo(struct fake *f, const struct scmi_xfer *x)
{
	(void)f;
	/* Values 01 02 03 ... as long as the request, status BUSY for message 9. */
	uint8_t v[300];
	size_t i;

	for (i = 0; i < sizeof(v); i++)
		v[i] = (uint8_t)(i + 1);
	fake_reply(x->hdr_word, x->hdr.msg_id == 9 ? SCMI_BUSY : 0, v,
		   x->hdr.msg_id == 8 ? 300 : x->tx_len);
}

static void test_commands(void **state)
{
	static uint8_t dtb[4096];
	struct scmi_agent_config cfg = {0};
	struct scmi_agent *a, *b;
	uint8_t tx[8] = {0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4}, rx[8];
	char buf[8192], l[1024];
	size_t len;
	struct tdt t;

	(void)state;
	fake_reset();
	fake.serve = serve_echo;
	tdt_defaults(&t);
	t.nprotos = 2;
	t.protos[0] = (struct tdt_proto){.reg = 0x14, .has_chan = true, .chan = 9};
	t.protos[1] = (struct tdt_proto){.reg = 0x15, .has_chan = true, .chan = 11};
	cfg.dtb = dtb;
	cfg.dtb_size = tdt_build(&t, dtb, sizeof(dtb));
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), 0);
	new_lines(buf, sizeof(buf));

	/* A command of 8 bytes whose reply room is 4: the command is traced whole. */
	assert_int_equal(scmi_xfer(a, 0x14, 7, tx, sizeof(tx), rx, 4, &len, NULL), 0);
	new_lines(buf, sizeof(buf));
	assert_non_null(strstr(buf, "scmi-"));
	line_of(buf, 0, l, sizeof(l));
	assert_string_equal(l,
			    "id=0 ch=14 pt=14 t=CMND msg_id=07 seq=0000 s=0 pyld=deadbeef01020304");
	line_of(buf, 1, l, sizeof(l));
	assert_string_equal(l, "id=0 ch=14 pt=14 t=RESP msg_id=07 seq=0000 s=0 pyld=01020304");
	/* The Base channel is 10; the second dedicated one is named by its owner. */
	assert_int_equal(scmi_xfer(a, 0x10, 9, NULL, 0, NULL, 0, NULL, NULL), -EBUSY);
	assert_int_equal(scmi_xfer(a, 0x15, 1, tx, 4, rx, 8, NULL, NULL), 0);
	assert_int_equal(scmi_xfer(a, 0x13, 1, NULL, 0, NULL, 0, NULL, NULL), 0);
	new_lines(buf, sizeof(buf));
	line_of(buf, 0, l, sizeof(l));
	assert_string_equal(l, "id=0 ch=10 pt=10 t=CMND msg_id=09 seq=0001 s=0 pyld=");
	line_of(buf, 1, l, sizeof(l));
	assert_string_equal(l, "id=0 ch=10 pt=10 t=RESP msg_id=09 seq=0001 s=-6 pyld=");
	line_of(buf, 2, l, sizeof(l));
	assert_string_equal(l, "id=0 ch=15 pt=15 t=CMND msg_id=01 seq=0002 s=0 pyld=deadbeef");
	line_of(buf, 3, l, sizeof(l));
	assert_string_equal(l, "id=0 ch=15 pt=15 t=RESP msg_id=01 seq=0002 s=0 pyld=01020304");
	line_of(buf, 4, l, sizeof(l));
	assert_string_equal(l, "id=0 ch=10 pt=13 t=CMND msg_id=01 seq=0003 s=0 pyld=");

	/* A second agent is instance 1, the first stays 0. */
	fake_reset();
	fake.serve = serve_echo;
	cfg.dtb = NULL;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &b), 0);
	assert_int_equal(scmi_xfer(b, 0x14, 2, NULL, 0, NULL, 0, NULL, NULL), 0);
	assert_int_equal(scmi_xfer(a, 0x14, 2, NULL, 0, NULL, 0, NULL, NULL), 0);
	new_lines(buf, sizeof(buf));
	line_of(buf, 0, l, sizeof(l));
	assert_string_equal(l, "id=1 ch=10 pt=14 t=CMND msg_id=02 seq=0000 s=0 pyld=");
	/* ...and keeps its number when it traces again (its response). */
	line_of(buf, 1, l, sizeof(l));
	assert_true(strncmp(l, "id=1 ch=10 pt=14 t=RESP msg_id=02 seq=0000 ", 43) == 0);
	line_of(buf, 2, l, sizeof(l));
	assert_string_equal(l, "id=0 ch=14 pt=14 t=CMND msg_id=02 seq=0004 s=0 pyld=");
	/* A failed send traces nothing. */
	fake.send_ret = -EIO;
	assert_int_equal(scmi_xfer(b, 0x14, 2, NULL, 0, NULL, 0, NULL, NULL), -EIO);
	assert_int_equal(new_lines(buf, sizeof(buf)), 0);
	fake.send_ret = 0;
	scmi_agent_close(b);
	scmi_agent_close(a);
}

static void test_long_line(void **state)
{
	static uint8_t dtb[4096];
	struct scmi_agent_config cfg = {0};
	struct scmi_agent *a;
	static uint8_t rx[300];
	char buf[8192];
	struct tdt t;
	char *nl;

	(void)state;
	fake_reset();
	fake.serve = serve_echo;
	tdt_defaults(&t);
	t.msg_size = 400;
	cfg.dtb = dtb;
	cfg.dtb_size = tdt_build(&t, dtb, sizeof(dtb));
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), 0);
	new_lines(buf, sizeof(buf));
	assert_int_equal(scmi_xfer(a, 0x14, 8, NULL, 0, rx, sizeof(rx), NULL, NULL), 0);
	new_lines(buf, sizeof(buf));
	nl = strchr(buf, '\n');
	assert_non_null(nl);
	/* The response of 300 bytes does not fit the 672-byte line: cut, still ended. */
	nl = strchr(nl + 1, '\n');
	assert_non_null(nl);
	assert_int_equal(nl[1], '\0');
	{
		const char *resp = strstr(buf, "t=RESP");
		const char *start = resp;

		assert_non_null(resp);
		while (start > buf && start[-1] != '\n')
			start--;
		assert_int_equal(nl - start, 160 + 2 * 256 - 2);
		assert_non_null(strstr(resp, "pyld=0102030405"));
	}
	scmi_agent_close(a);
}

/* A transport with a P2A path: one delayed response and one notification. */
static int d_fetch_delayed(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer,
			   uint32_t timeout_ms)
{
	uint8_t m[16];

	(void)cinfo;
	(void)timeout_ms;
	scmi_put_le32(m, xfer->hdr_word);
	scmi_put_le32(m + 4, 0);
	scmi_put_le32(m + 8, 0x04030201);
	scmi_put_le32(m + 12, 0x08070605);
	return scmi_msg_get_ops()->fetch_response(m, sizeof(m), sizeof(m), xfer);
}

static int d_fetch_notification(struct scmi_agent *agent, uint32_t timeout_ms,
				struct scmi_notification *n, char *err, size_t err_len)
{
	static const uint8_t p[6] = {0xa, 0xb, 0xc, 0xd, 0xe, 0xf};

	(void)agent;
	(void)timeout_ms;
	if (err_len)
		err[0] = '\0';
	n->hdr = scmi_hdr_make(0x15, 0, SCMI_MSG_TYPE_NOTIFICATION, 3);
	n->full_len = sizeof(p);
	n->len = sizeof(p);
	memcpy(n->payload, p, n->max < sizeof(p) ? n->max : sizeof(p));
	return 0;
}

static void test_p2a(void **state)
{
	static uint8_t dtb[4096];
	static struct scmi_transport_ops ops;
	static struct scmi_transport_desc desc;
	struct scmi_agent_config cfg = {0};
	struct scmi_agent *a;
	uint8_t drx[4], got[4];
	struct scmi_async_reply r = {.drx = drx, .drx_max = sizeof(drx)};
	struct scmi_notification n = {.payload = got, .max = sizeof(got)};
	char buf[8192], l[1024];
	struct tdt t;

	(void)state;
	fake_reset();
	fake.serve = serve_echo;
	ops = *fake_desc.ops;
	ops.fetch_delayed = d_fetch_delayed;
	ops.fetch_notification = d_fetch_notification;
	desc = fake_desc;
	desc.ops = &ops;
	tdt_defaults(&t);
	t.nprotos = 1;
	t.protos[0] = (struct tdt_proto){.reg = 0x15, .has_chan = true, .chan = 11};
	cfg.dtb = dtb;
	cfg.dtb_size = tdt_build(&t, dtb, sizeof(dtb));
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &desc, &a), 0);
	new_lines(buf, sizeof(buf));
	assert_int_equal(scmi_xfer_async(a, 0x15, 5, NULL, 0, &r), 0);
	assert_int_equal(scmi_notification_wait(a, 0, &n), 0);
	new_lines(buf, sizeof(buf));
	/* Instance numbers of closed agents may be reused by address: not asserted here. */
	line_of(buf, 2, l, sizeof(l));
	assert_non_null(strstr(l, " ch=15 pt=15 t=DLYD msg_id=05 seq=0000 s=0 pyld=01020304"));
	assert_int_equal(strlen(strstr(l, " ch=")), strlen(l) - 4);
	/* The notification as kept (4 of its 6 bytes), on its protocol's channel. */
	line_of(buf, 3, l, sizeof(l));
	assert_non_null(strstr(l, " ch=15 pt=15 t=NOTI msg_id=00 seq=0003 s=0 pyld=0a0b0c0d"));
	assert_int_equal(strlen(strstr(l, " ch=")), strlen(l) - 4);
	scmi_agent_close(a);
}

/* More agents than instance numbers: the ones beyond share the last number. */
static void test_many_agents(void **state)
{
	struct scmi_agent_config cfg = {0};
	struct scmi_agent *a[20];
	static char buf[65536];
	const char *p;
	int i, id, last = 0, max = -1;

	(void)state;
	fake_reset();
	fake.serve = serve_echo;
	for (i = 0; i < 20; i++)
		assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a[i]), 0);
	new_lines(buf, sizeof(buf));
	for (i = 0; i < 20; i++)
		assert_int_equal(scmi_xfer(a[i], 0x14, 1, NULL, 0, NULL, 0, NULL, NULL), 0);
	new_lines(buf, sizeof(buf));
	for (p = strstr(buf, "id="); p; p = strstr(p + 1, "id=")) {
		id = (int)strtol(p + 3, NULL, 10);
		max = id > max ? id : max;
		last += id == 15;
	}
	assert_int_equal(max, 15);
	/* At least 4 agents beyond the 16 numbers, each traced twice (CMND, RESP). */
	assert_true(last >= 2 * 5);
	for (i = 0; i < 20; i++)
		scmi_agent_close(a[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_commands),
	    cmocka_unit_test(test_long_line),
	    cmocka_unit_test(test_p2a),
	    cmocka_unit_test(test_many_agents),
	};
	int fd;

	snprintf(trace_path, sizeof(trace_path), "/tmp/scmi-trace-test.XXXXXX");
	fd = mkstemp(trace_path);
	if (fd < 0)
		return 1;
	close(fd);
	setenv("SCMI_TRACE", trace_path, 1);
	fd = cmocka_run_group_tests_name("agent/trace", tests, NULL, NULL);
	unlink(trace_path);
	return fd;
}

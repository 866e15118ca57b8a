// SPDX-License-Identifier: BSD-3-Clause
/*
 * The daemon's message tap (msg_tap.h). One lock orders the trace lines and the capture's
 * records, so that a request always precedes its response in both. A message is copied
 * out of shared memory once before it is shown: the agent may rewrite the area meanwhile,
 * and the tap must show what it read, whole.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/msg.h"
#include "scmi/proto/msg_dump.h"
#include "scmi/proto/smt.h"
#include "secure/msg_tap.h"

/* Room for any message the server handles: header, status, payload. */
#define TAP_MAX (SCMI_SERVER_MAX_PAYLOAD + 8u)

static pthread_mutex_t tap_lock = PTHREAD_MUTEX_INITIALIZER;
static bool tap_on;
static bool tap_trace;
static FILE *tap_pcap;

int msg_tap_start(bool trace, const char *pcap_path, char *err, size_t errlen)
{
	uint8_t gh[24];

	if (pcap_path) {
		tap_pcap = fopen(pcap_path, "wbe");
		if (!tap_pcap) {
			int ret = -errno;

			snprintf(err, errlen, "--pcap %s: %s", pcap_path, strerror(errno));
			return ret;
		}
		/* The classic pcap header, microsecond timestamps, little-endian. */
		scmi_put_le32(gh, 0xa1b2c3d4u);
		gh[4] = 2;
		gh[5] = 0;
		gh[6] = 4;
		gh[7] = 0;
		scmi_put_le32(gh + 8, 0);
		scmi_put_le32(gh + 12, 0);
		scmi_put_le32(gh + 16, 65535);
		scmi_put_le32(gh + 20, MSG_TAP_LINKTYPE);
		if (fwrite(gh, sizeof(gh), 1, tap_pcap) != 1 || fflush(tap_pcap)) {
			snprintf(err, errlen, "--pcap %s: %s", pcap_path, strerror(errno));
			(void)fclose(tap_pcap);
			tap_pcap = NULL;
			return -EIO;
		}
	}
	tap_trace = trace;
	tap_on = trace || tap_pcap;
	return 0;
}

void msg_tap_stop(void)
{
	pthread_mutex_lock(&tap_lock);
	tap_on = false;
	if (tap_pcap)
		(void)fclose(tap_pcap);
	tap_pcap = NULL;
	pthread_mutex_unlock(&tap_lock);
}

static const char *tag_of(enum msg_tap_dir dir, uint8_t type)
{
	if (type == SCMI_MSG_TYPE_NOTIFICATION)
		return SCMI_DUMP_NOTI;
	if (type == SCMI_MSG_TYPE_DELAYED_RESP)
		return SCMI_DUMP_DLYD;
	return dir == MSG_TAP_A2P ? SCMI_DUMP_CMND : SCMI_DUMP_RESP;
}

/* Under tap_lock. */
static void trace_line(uint32_t channel, enum msg_tap_dir dir, const uint8_t *m, size_t len)
{
	char line[64 + 2 * TAP_MAX];
	struct scmi_msg_dump d;
	struct scmi_hdr h;
	bool has_status;

	scmi_hdr_unpack(scmi_get_le32(m), &h);
	has_status = dir == MSG_TAP_P2A && h.type != SCMI_MSG_TYPE_NOTIFICATION && len >= 8;
	d.id = 0;
	d.channel_id = (uint8_t)channel;
	d.protocol_id = h.protocol_id;
	d.msg_id = h.msg_id;
	d.tag = tag_of(dir, h.type);
	d.seq = h.token;
	d.status = has_status ? (int32_t)scmi_get_le32(m + 4) : 0;
	d.payload = m + (has_status ? 8 : 4);
	d.len = len - (has_status ? 8 : 4);
	scmi_msg_dump_format(line, sizeof(line), &d);
	fprintf(stderr, "optee-simd: scmi_msg_dump: %s\n", line);
}

/* Under tap_lock. */
static void pcap_record(uint32_t agent, enum msg_tap_door door, uint32_t channel,
			enum msg_tap_dir dir, const uint8_t *m, size_t len)
{
	uint8_t rec[16 + MSG_TAP_PSEUDO_SIZE];
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	scmi_put_le32(rec, (uint32_t)ts.tv_sec);
	scmi_put_le32(rec + 4, (uint32_t)(ts.tv_nsec / 1000));
	scmi_put_le32(rec + 8, (uint32_t)(MSG_TAP_PSEUDO_SIZE + len));
	scmi_put_le32(rec + 12, (uint32_t)(MSG_TAP_PSEUDO_SIZE + len));
	rec[16] = MSG_TAP_VERSION;
	rec[17] = (uint8_t)dir;
	rec[18] = (uint8_t)door;
	rec[19] = 0;
	scmi_put_le32(rec + 20, channel);
	scmi_put_le32(rec + 24, agent);
	if (fwrite(rec, sizeof(rec), 1, tap_pcap) != 1 || fwrite(m, len, 1, tap_pcap) != 1 ||
	    fflush(tap_pcap)) {
		fprintf(stderr, "optee-simd: --pcap: %s; capture stopped\n", strerror(errno));
		(void)fclose(tap_pcap);
		tap_pcap = NULL;
	}
}

void msg_tap(const struct scmi_server *srv, enum msg_tap_door door, uint32_t channel,
	     enum msg_tap_dir dir, const void *msg, size_t len)
{
	uint32_t agent = 0xffffffffu;

	if (!tap_on || len < SCMI_MSG_HDR_SIZE)
		return;
	if (len > TAP_MAX)
		len = TAP_MAX;
	if (srv && srv->ops && srv->ops->channel_agent &&
	    !srv->ops->channel_agent(srv->plat, channel, &agent))
		agent = 0xffffffffu;
	pthread_mutex_lock(&tap_lock);
	if (tap_trace)
		trace_line(channel, dir, msg, len);
	if (tap_pcap)
		pcap_record(agent, door, channel, dir, msg, len);
	pthread_mutex_unlock(&tap_lock);
}

void msg_tap_exchange(const struct scmi_server *srv, enum msg_tap_door door, uint32_t channel,
		      const void *req, size_t req_len, const void *rsp, size_t rsp_len)
{
	msg_tap(srv, door, channel, MSG_TAP_A2P, req, req_len);
	msg_tap(srv, door, channel, MSG_TAP_P2A, rsp, rsp_len);
}

/* The message an SMT area holds (header onward), copied out; 0 when its length is bad. */
static size_t smt_copy(const volatile void *shm, size_t size, uint8_t *buf)
{
	uint32_t len;
	size_t i;

	if (!shm || ((uintptr_t)shm & 3) || size < SCMI_SMT_OFF_HEADER)
		return 0;
	len = scmi_smt_read32(shm, SCMI_SMT_OFF_LENGTH);
	if (len < SCMI_MSG_HDR_SIZE || len > size - SCMI_SMT_OFF_HEADER || len > TAP_MAX)
		return 0;
	for (i = 0; i < len; i++)
		buf[i] = ((const volatile uint8_t *)shm)[SCMI_SMT_OFF_HEADER + i];
	return len;
}

void msg_tap_smt(const struct scmi_server *srv, uint32_t channel, enum msg_tap_dir dir,
		 const volatile void *shm, size_t size)
{
	uint8_t buf[TAP_MAX];
	size_t n;

	if (tap_on && (n = smt_copy(shm, size, buf)) != 0)
		msg_tap(srv, MSG_TAP_OPTEE_SMT, channel, dir, buf, n);
}

static size_t buf_copy(const volatile void *p, size_t len, uint8_t *buf)
{
	size_t i;

	if (len > TAP_MAX)
		len = TAP_MAX;
	for (i = 0; i < len; i++)
		buf[i] = ((const volatile uint8_t *)p)[i];
	return len;
}

void msg_tap_msg(const struct scmi_server *srv, uint32_t channel, enum msg_tap_dir dir,
		 const volatile void *msg, size_t len)
{
	uint8_t buf[TAP_MAX];

	if (tap_on)
		msg_tap(srv, MSG_TAP_OPTEE_MSG, channel, dir, buf, buf_copy(msg, len, buf));
}

/*
 * The tapped paths, out of line: an untapped message (the usual case) then costs the
 * entry points a load and a branch before the server's call, with no frame of their own.
 */
static __attribute__((noinline)) enum scmi_server_result
tapped_smt(struct scmi_server *srv, uint32_t channel, volatile void *shm, size_t size)
{
	enum scmi_server_result r;

	msg_tap_smt(srv, channel, MSG_TAP_A2P, shm, size);
	r = scmi_server_process_smt(srv, channel, shm, size);
	if (r == SCMI_SERVER_OK)
		msg_tap_smt(srv, channel, MSG_TAP_P2A, shm, size);
	return r;
}

static __attribute__((noinline)) enum scmi_server_result
tapped_msg(struct scmi_server *srv, uint32_t channel, const volatile void *in, size_t in_size,
	   volatile void *out, size_t *out_size)
{
	enum scmi_server_result r;

	msg_tap_msg(srv, channel, MSG_TAP_A2P, in, in_size);
	r = scmi_server_process_msg(srv, channel, in, in_size, out, out_size);
	if (r == SCMI_SERVER_OK)
		msg_tap_msg(srv, channel, MSG_TAP_P2A, out, *out_size);
	return r;
}

enum scmi_server_result msg_tap_process_smt(struct scmi_server *srv, uint32_t channel,
					    volatile void *shm, size_t size)
{
	if (__builtin_expect(tap_on, 0))
		return tapped_smt(srv, channel, shm, size);
	return scmi_server_process_smt(srv, channel, shm, size);
}

enum scmi_server_result msg_tap_process_msg(struct scmi_server *srv, uint32_t channel,
					    const volatile void *in, size_t in_size,
					    volatile void *out, size_t *out_size)
{
	if (__builtin_expect(tap_on, 0))
		return tapped_msg(srv, channel, in, in_size, out, out_size);
	return scmi_server_process_msg(srv, channel, in, in_size, out, out_size);
}

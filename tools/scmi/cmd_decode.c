// SPDX-License-Identifier: BSD-3-Clause
/*
 * `scmi decode HEX...`: one SCMI message, header first, as named fields with units.
 *
 * The header's type tells a delayed response (2) and a notification (3) apart; type 0 is
 * a command or its response, which the header cannot tell. --command and --response say
 * which; without them the bytes are a command when they fit the request's layout exactly
 * (the header alone for a request without payload) and a response otherwise, whose first
 * word is the status.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "args.h"
#include "command.h"
#include "decode.h"
#include "json.h"
#include "output.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/msg_desc.h"
#include "scmi/proto/status.h"

#define DECODE_MAX 4096

struct decode_ctx {
	FILE *f;
	uint8_t protocol;
	struct cli_json *json;	 /* --json: the document, else NULL */
	const uint8_t *leftover; /* JSON: bytes after the last whole entry or field */
	size_t leftover_len;
	bool truncated; /* ...cut inside an array entry (else: undescribed) */
};

/* A name field as text: its bytes up to NUL, anything unprintable as '?'. */
static void name_of(const struct scmi_field_desc *fd, const uint8_t *p, char *buf, size_t room)
{
	size_t i;

	for (i = 0; i < fd->size && i + 1 < room && p[i]; i++)
		buf[i] = (char)(p[i] >= 0x20 && p[i] < 0x7f ? p[i] : '?');
	buf[i] = '\0';
}

static void print_value(FILE *f, uint8_t protocol, const struct scmi_field_desc *fd,
			const uint8_t *p)
{
	const struct scmi_msg_desc *m;
	const struct scmi_proto_desc *pd;
	uint32_t w = fd->size >= 4 ? scmi_get_le32(p) : 0;
	uint64_t q = fd->size >= 8 ? scmi_get_le64(p) : 0;
	char name[SCMI_EXT_NAME_SIZE + 1];

	switch (fd->type) {
	case SCMI_FT_S32:
		fprintf(f, "%" PRId32, (int32_t)w);
		break;
	case SCMI_FT_X32:
		fprintf(f, "0x%08" PRIx32, w);
		break;
	case SCMI_FT_U64:
		fprintf(f, "%" PRIu64, q);
		break;
	case SCMI_FT_S64:
		fprintf(f, "%" PRId64, (int64_t)q);
		break;
	case SCMI_FT_X64:
		fprintf(f, "0x%016" PRIx64, q);
		break;
	case SCMI_FT_VERSION:
		fprintf(f, "%" PRIu32 ".%" PRIu32 " (0x%08" PRIx32 ")", w >> 16, w & 0xffffu, w);
		break;
	case SCMI_FT_NAME:
		name_of(fd, p, name, sizeof(name));
		fprintf(f, "\"%s\"", name);
		break;
	case SCMI_FT_PROTOCOL:
		pd = scmi_proto_desc_find(p[0]);
		fprintf(f, "0x%02x (%s)", p[0], pd ? pd->name : "unknown");
		break;
	case SCMI_FT_MSG_ID:
		m = scmi_msg_desc_find(protocol, (uint8_t)w);
		fprintf(f, "0x%02" PRIx32 " (%s)", w, m ? m->name : "unknown");
		break;
	case SCMI_FT_U8:
		fprintf(f, "%u", p[0]);
		break;
	case SCMI_FT_U16:
		fprintf(f, "%u", (unsigned int)(p[0] | p[1] << 8));
		break;
	default:
		fprintf(f, "%" PRIu32, w);
		break;
	}
	if (fd->unit)
		fprintf(f, " %s", fd->unit);
}

static void print_hex(FILE *f, const uint8_t *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		fprintf(f, "%s%02x", i ? " " : "", p[i]);
}

/* A field's value as JSON: a number, "major.minor" for a version, a string for a name. */
static void json_value(struct cli_json *j, const struct scmi_field_desc *fd, const uint8_t *p)
{
	char buf[SCMI_EXT_NAME_SIZE + 1];
	uint32_t w = fd->size >= 4 ? scmi_get_le32(p) : 0;
	uint64_t q = fd->size >= 8 ? scmi_get_le64(p) : 0;

	switch (fd->type) {
	case SCMI_FT_S32:
		cli_json_i64(j, (int32_t)w);
		break;
	case SCMI_FT_U64:
	case SCMI_FT_X64:
		cli_json_u64(j, q);
		break;
	case SCMI_FT_S64:
		cli_json_i64(j, (int64_t)q);
		break;
	case SCMI_FT_VERSION:
		cli_version_string(w, buf, sizeof(buf));
		cli_json_str(j, buf);
		break;
	case SCMI_FT_NAME:
		name_of(fd, p, buf, sizeof(buf));
		cli_json_str(j, buf);
		break;
	case SCMI_FT_PROTOCOL:
	case SCMI_FT_U8:
		cli_json_u64(j, p[0]);
		break;
	case SCMI_FT_U16:
		cli_json_u64(j, (unsigned int)(p[0] | p[1] << 8));
		break;
	default:
		cli_json_u64(j, w);
		break;
	}
}

static void json_field(struct cli_json *j, const char *name, const struct scmi_walk_item *it)
{
	cli_json_begin_object(j);
	cli_json_kv_str(j, "name", name);
	cli_json_key(j, "value");
	json_value(j, it->field, it->data);
	cli_json_kv_str_or_null(j, "unit", it->field->unit);
	cli_json_end_object(j);
}

static void print_item(void *arg, const struct scmi_walk_item *it)
{
	struct decode_ctx *c = arg;
	char name[96];

	if (c->json && (it->kind == SCMI_WALK_TRUNCATED || it->kind == SCMI_WALK_TRAILING)) {
		c->leftover = it->data;
		c->leftover_len = it->len;
		c->truncated = it->kind == SCMI_WALK_TRUNCATED;
		return;
	}
	switch (it->kind) {
	case SCMI_WALK_FIELD:
		if (it->array && it->array->entry->num_fields == 1)
			snprintf(name, sizeof(name), "%s[%zu]", it->array->name, it->index);
		else if (it->array)
			snprintf(name, sizeof(name), "%s[%zu].%s", it->array->name, it->index,
				 it->field->name);
		else
			snprintf(name, sizeof(name), "%s", it->field->name);
		if (c->json) {
			json_field(c->json, name, it);
			break;
		}
		fprintf(c->f, "  %-32s ", name);
		print_value(c->f, c->protocol, it->field, it->data);
		fputc('\n', c->f);
		break;
	case SCMI_WALK_TRUNCATED:
		fprintf(c->f, "  %-32s ", "(truncated entry)");
		print_hex(c->f, it->data, it->len);
		fputc('\n', c->f);
		break;
	case SCMI_WALK_TRAILING:
		fprintf(c->f, "  %-32s ", "(undescribed)");
		print_hex(c->f, it->data, it->len);
		fputc('\n', c->f);
		break;
	default:
		break;
	}
}

static const struct scmi_layout_desc *layout_of(const struct scmi_msg_desc *m,
						enum cli_decode_dir dir)
{
	if (!m)
		return NULL;
	switch (dir) {
	case CLI_DECODE_COMMAND:
		return m->a2p;
	case CLI_DECODE_DELAYED:
		return m->dresp;
	default:
		return m->p2a;
	}
}

int cli_decode_payload(FILE *f, uint8_t protocol, uint8_t message, enum cli_decode_dir dir,
		       const uint8_t *payload, size_t len)
{
	const struct scmi_msg_desc *m = dir == CLI_DECODE_NOTIFICATION
					    ? scmi_evt_desc_find(protocol, message)
					    : scmi_msg_desc_find(protocol, message);
	struct decode_ctx c = {.f = f, .protocol = protocol};

	if (!m) {
		if (len) {
			fprintf(f, "  %-32s ", "(undescribed)");
			print_hex(f, payload, len);
			fputc('\n', f);
		}
		return -ENOENT;
	}
	scmi_layout_walk(layout_of(m, dir), payload, len, print_item, &c);
	return 0;
}

static const char *const dir_names[] = {"command", "response", "delayed response", "notification"};

/* A command when the payload is exactly the request's fixed part (see the file's comment). */
static enum cli_decode_dir guess_dir(const struct scmi_msg_desc *m, size_t payload_len)
{
	size_t want = m && m->a2p ? m->a2p->size : 0;

	return payload_len == want ? CLI_DECODE_COMMAND : CLI_DECODE_RESPONSE;
}

/* @len bytes as a hex string value, or null when there are none. */
static void json_hex_or_null(struct cli_json *j, const char *key, const uint8_t *p, size_t len)
{
	static char hex[2 * DECODE_MAX + 1];
	size_t i;

	for (i = 0; i < len && i < DECODE_MAX; i++)
		snprintf(hex + 2 * i, 3, "%02x", p[i]);
	hex[2 * i] = '\0';
	cli_json_kv_str_or_null(j, key, hex);
}

static const char *const dir_keys[] = {"command", "response", "delayed_response", "notification"};

/*
 * The message as one JSON document (docs/json/decode.schema.json): the header's fields, the
 * status of a response (null for a command or a notification), the payload's fields in
 * order as {name, value, unit}, and the bytes no field describes.
 */
static int decode_json(uint32_t hdr, const struct scmi_hdr *h, enum cli_decode_dir dir,
		       const uint8_t *buf, size_t len)
{
	const struct scmi_msg_desc *m = dir == CLI_DECODE_NOTIFICATION
					    ? scmi_evt_desc_find(h->protocol_id, h->msg_id)
					    : scmi_msg_desc_find(h->protocol_id, h->msg_id);
	const struct scmi_proto_desc *pd = scmi_proto_desc_find(h->protocol_id);
	const struct scmi_layout_desc *layout = layout_of(m, dir);
	bool has_status = dir == CLI_DECODE_RESPONSE || dir == CLI_DECODE_DELAYED;
	size_t at = has_status ? 8 : 4;
	struct cli_json j;
	struct decode_ctx c = {.f = stdout, .protocol = h->protocol_id, .json = &j};

	cli_json_init(&j, stdout);
	cli_json_begin_object(&j);
	cli_json_kv_str_or_null(&j, "message", m ? m->name : NULL);
	cli_json_kv_str(&j, "direction", dir_keys[dir]);
	cli_json_kv_u64(&j, "header", hdr);
	cli_json_kv_u64(&j, "protocol", h->protocol_id);
	cli_json_kv_str_or_null(&j, "protocol_name", pd ? pd->name : NULL);
	cli_json_kv_u64(&j, "message_id", h->msg_id);
	cli_json_kv_u64(&j, "type", h->type);
	cli_json_kv_u64(&j, "token", h->token);
	if (has_status && len >= 8) {
		int32_t status = (int32_t)scmi_get_le32(buf + 4);

		cli_json_kv_str(&j, "status", scmi_status_name(status));
		cli_json_kv_i64(&j, "status_code", status);
		/* A failed command answers its status alone: what follows is not its layout. */
		if (status != SCMI_SUCCESS)
			layout = NULL;
	} else {
		cli_json_kv_null(&j, "status");
		cli_json_kv_null(&j, "status_code");
	}
	cli_json_kv_array(&j, "fields");
	if (len > at)
		scmi_layout_walk(layout, buf + at, len - at, print_item, &c);
	cli_json_end_array(&j);
	json_hex_or_null(&j, "truncated", c.leftover, c.truncated ? c.leftover_len : 0);
	json_hex_or_null(&j, "undescribed", c.leftover, c.truncated ? 0 : c.leftover_len);
	cli_json_end_object(&j);
	return cli_json_exit(&j);
}

static int decode_run(const struct cli_opts *o, int argc, const char *const argv[],
		      struct scmi_agent *agent)
{
	static uint8_t buf[DECODE_MAX];
	const struct scmi_proto_desc *pd;
	const struct scmi_msg_desc *m;
	enum cli_decode_dir dir;
	struct scmi_hdr h;
	size_t len = 0;
	uint32_t hdr;
	int i;

	(void)agent;
	for (i = 0; i < argc; i++) {
		int ret = cli_parse_hex(argv[i], buf, sizeof(buf), &len);

		if (ret)
			return cli_usage_error(o, "bad hex '%.40s' (pairs of hex digits per byte)",
					       argv[i]);
	}
	if (len < 4)
		return cli_usage_error(o, "a message starts with its 4-byte header");
	hdr = scmi_get_le32(buf);
	scmi_hdr_unpack(hdr, &h);
	if (h.type == SCMI_MSG_TYPE_DELAYED_RESP)
		dir = CLI_DECODE_DELAYED;
	else if (h.type == SCMI_MSG_TYPE_NOTIFICATION)
		dir = CLI_DECODE_NOTIFICATION;
	else if (cli_opt(o, "--command"))
		dir = CLI_DECODE_COMMAND;
	else if (cli_opt(o, "--response"))
		dir = CLI_DECODE_RESPONSE;
	else
		dir = guess_dir(scmi_msg_desc_find(h.protocol_id, h.msg_id), len - 4);
	m = dir == CLI_DECODE_NOTIFICATION ? scmi_evt_desc_find(h.protocol_id, h.msg_id)
					   : scmi_msg_desc_find(h.protocol_id, h.msg_id);
	pd = scmi_proto_desc_find(h.protocol_id);
	if (o->json) {
		return decode_json(hdr, &h, dir, buf, len);
	}

	printf("%s %s\n", m ? m->name : "unknown message", dir_names[dir]);
	printf("  %-32s 0x%08" PRIx32 "\n", "header", hdr);
	printf("  %-32s 0x%02x (%s)\n", "protocol_id", h.protocol_id, pd ? pd->name : "unknown");
	printf("  %-32s 0x%02x\n", "message_id", h.msg_id);
	printf("  %-32s %u (%s)\n", "type", h.type, dir_names[dir]);
	printf("  %-32s %u\n", "token", h.token);
	if (dir == CLI_DECODE_COMMAND || dir == CLI_DECODE_NOTIFICATION) {
		cli_decode_payload(stdout, h.protocol_id, h.msg_id, dir, buf + 4, len - 4);
	} else if (len >= 8) {
		int32_t status = (int32_t)scmi_get_le32(buf + 4);

		printf("  %-32s %s (%" PRId32 ")\n", "status", scmi_status_name(status), status);
		/* A failed command answers its status alone: what follows is not its layout. */
		if (status == SCMI_SUCCESS)
			cli_decode_payload(stdout, h.protocol_id, h.msg_id, dir, buf + 8, len - 8);
		else if (len > 8)
			cli_decode_payload(stdout, 0, 0, dir, buf + 8, len - 8);
	} else {
		printf("  %-32s (missing)\n", "status");
	}
	return CLI_EXIT_OK;
}

static void decode_usage(FILE *f)
{
	fputs("usage: scmi decode [--command|--response] HEX...\n\n"
	      "  Print one SCMI message, its 4-byte header first (little-endian, as on the\n"
	      "  wire), as named fields with units. HEX is bytes in wire order, in one or\n"
	      "  several arguments (\"06500000 01000000\", \"06 50 00 00 ...\", \"0x06,0x50\").\n"
	      "  A response gives its status word after the header.\n\n"
	      "  The header's type names a delayed response or a notification. A command and\n"
	      "  its response share type 0: the bytes are taken as the command when they are\n"
	      "  exactly its request's size, else as the response; --command or --response\n"
	      "  says which instead.\n\n"
	      "  --command    the bytes are a command (agent to platform)\n"
	      "  --response   the bytes are a response (platform to agent)\n\n"
	      "  With --json, one object: the header's fields, the status, and the payload's\n"
	      "  fields in order as {name, value, unit} (docs/json.md).\n\n"
	      "examples:\n"
	      "  scmi decode 06500000 01000000\n"
	      "  scmi decode --response 06500000 00000000 00ca9a3b 00000000\n",
	      f);
}

static const struct cli_option decode_options[] = {
    {"--command", NULL, "the bytes are a command (agent to platform)"},
    {"--response", NULL, "the bytes are a response (platform to agent)"},
    {0},
};

const struct cli_command cli_cmd_decode = {
    .name = "decode",
    .options = decode_options,
    .summary = "print any SCMI message (header and payload) as named fields: decode HEX...",
    .usage = decode_usage,
    .needs_agent = false,
    .run = decode_run,
};

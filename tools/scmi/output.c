// SPDX-License-Identifier: BSD-3-Clause
/*
 * Output of the CLI: aligned text for people, one JSON object for programs.
 *
 * Strings come from the platform (vendor, agent names) and may hold any byte:
 * text output shows only printable ASCII and escapes the rest so a hostile
 * platform cannot drive the terminal; JSON output is always valid UTF-8 JSON
 * (invalid sequences become U+FFFD).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "args.h"
#include "json.h"
#include "output.h"

/* Length of a valid UTF-8 sequence at @s, or 0 if it is not one. */
static size_t utf8_seq_len(const unsigned char *s)
{
	uint32_t cp;
	size_t n;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		/* A NUL ends the string here: it is not a continuation byte either. */
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid. */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

void cli_json_string(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	fputc('"', f);
	while (*p) {
		size_t n;

		switch (*p) {
		case '"':
			fputs("\\\"", f);
			p++;
			continue;
		case '\\':
			fputs("\\\\", f);
			p++;
			continue;
		case '\b':
			fputs("\\b", f);
			p++;
			continue;
		case '\f':
			fputs("\\f", f);
			p++;
			continue;
		case '\n':
			fputs("\\n", f);
			p++;
			continue;
		case '\r':
			fputs("\\r", f);
			p++;
			continue;
		case '\t':
			fputs("\\t", f);
			p++;
			continue;
		default:
			break;
		}
		if (*p < 0x20 || *p == 0x7f) {
			fprintf(f, "\\u%04x", *p);
			p++;
			continue;
		}
		n = utf8_seq_len(p);
		if (!n) {
			fputs("\\ufffd", f);
			p++;
			continue;
		}
		/* Like fputs() above: a write error stays on f (ferror) for the caller. */
		(void)fwrite(p, 1, n, f);
		p += n;
	}
	fputc('"', f);
}

/* A platform string for a terminal: printable ASCII as is, anything else as \xNN. */
static void text_string(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x20 && *p < 0x7f && *p != '\\')
			fputc(*p, f);
		else if (*p == '\\')
			fputs("\\\\", f);
		else
			fprintf(f, "\\x%02x", *p);
	}
}

const char *cli_safe(char *buf, size_t len, const char *s)
{
	size_t n = 0;

	if (!len)
		return "";
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		char e[5];
		size_t k;

		if (*p >= 0x20 && *p < 0x7f && *p != '\\')
			snprintf(e, sizeof(e), "%c", *p);
		else if (*p == '\\')
			snprintf(e, sizeof(e), "\\\\");
		else
			snprintf(e, sizeof(e), "\\x%02x", *p);
		k = strlen(e);
		/* Whole escapes only: a cut one would read as another byte. */
		if (n + k >= len)
			break;
		memcpy(buf + n, e, k);
		n += k;
	}
	buf[n] = '\0';
	return buf;
}

void cli_hex_string(FILE *f, const uint8_t *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		fprintf(f, "%02x", p[i]);
}

void cli_version_string(uint32_t version, char *buf, size_t len)
{
	snprintf(buf, len, "%u.%u", SCMI_VERSION_MAJOR(version), SCMI_VERSION_MINOR(version));
}

const char *cli_err_status(int err)
{
	switch (err) {
	case -EOPNOTSUPP:
		return "NOT_SUPPORTED";
	case -EINVAL:
		return "INVALID_PARAMETERS";
	case -EACCES:
		return "DENIED";
	case -ENOENT:
		return "NOT_FOUND";
	case -ERANGE:
		return "OUT_OF_RANGE";
	case -EBUSY:
		return "BUSY";
	case -ECOMM:
		return "COMMS_ERROR";
	case -EIO:
		return "GENERIC_ERROR";
	case -EREMOTEIO:
		return "HARDWARE_ERROR";
	case -EPROTO:
		return "PROTOCOL_ERROR";
	case -EPERM:
		return "IN_USE";
	default:
		return NULL;
	}
}

const char *cli_err_text(int err)
{
	const char *status = cli_err_status(err);

	if (status)
		return status;
	return err < 0 ? strerror(-err) : "unknown error";
}

int cli_errno_exit(int err)
{
	switch (err) {
	case 0:
		return CLI_EXIT_OK;
	case -EAGAIN:
	case -ETIMEDOUT:
	case -ECONNRESET:
	case -ECONNREFUSED:
	case -ECONNABORTED:
	case -ENOTCONN:
	case -EPIPE:
	case -ESHUTDOWN:
	case -EHOSTDOWN:
		return CLI_EXIT_TRANSPORT;
	default:
		return CLI_EXIT_SCMI;
	}
}

/*
 * Under --json the first error of the run is kept, to be printed as one JSON
 * object at the end (cli_print_error_json()): the most specific line comes
 * first, later ones only add context.
 */
static struct {
	bool kept;
	bool in_output;
	char message[512];
	char status[32];
} first_error;

static void verror(const char *status, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void verror(const char *status, const char *fmt, va_list ap)
{
	char line[512];

	vsnprintf(line, sizeof(line), fmt, ap);
	/* Arguments and library reasons may hold any byte: keep it one printable line. */
	fputs("scmi: error: ", stderr);
	for (const unsigned char *p = (const unsigned char *)line; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			fprintf(stderr, "\\x%02x", *p);
		else
			fputc(*p, stderr);
	}
	fputc('\n', stderr);
	if (first_error.kept)
		return;
	first_error.kept = true;
	snprintf(first_error.message, sizeof(first_error.message), "%s", line);
	snprintf(first_error.status, sizeof(first_error.status), "%s", status ? status : "");
}

void cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(NULL, fmt, ap);
	va_end(ap);
}

void cli_error_status(const char *status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(status, fmt, ap);
	va_end(ap);
}

void cli_error_in_output(void)
{
	first_error.in_output = true;
}

void cli_error_forget(void)
{
	first_error.kept = false;
	first_error.in_output = false;
	first_error.message[0] = '\0';
	first_error.status[0] = '\0';
}

int cli_print_error_json(FILE *f, int exit_code)
{
	struct cli_json j;
	char msg[40];

	if (first_error.in_output)
		return 0;
	cli_json_init(&j, f);
	cli_json_begin_object(&j);
	cli_json_kv_object(&j, "error");
	cli_json_kv_u64(&j, "exit_code", (uint64_t)(exit_code > 0 ? exit_code : 0));
	cli_json_kv_str_or_null(&j, "status", first_error.status);
	if (first_error.kept) {
		cli_json_kv_str(&j, "message", first_error.message);
	} else {
		snprintf(msg, sizeof(msg), "exit status %d", exit_code);
		cli_json_kv_str(&j, "message", msg);
	}
	cli_json_end_object(&j);
	cli_json_end_object(&j);
	return cli_json_end(&j);
}

/* One "  key  value" line, keys padded to one column. */
static void kv(FILE *f, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void kv(FILE *f, const char *key, const char *fmt, ...)
{
	va_list ap;

	fprintf(f, "  %-16s ", key);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
}

static void print_info_text(FILE *f, const struct cli_info *info)
{
	char ver[24];

	fputs("Platform\n", f);
	fprintf(f, "  %-16s ", "vendor");
	text_string(f, info->vendor);
	fputc('\n', f);
	fprintf(f, "  %-16s ", "sub-vendor");
	if (info->has_sub_vendor)
		text_string(f, info->sub_vendor);
	else
		fputs("-", f);
	fputc('\n', f);
	kv(f, "implementation", "0x%08x", info->impl_version);
	cli_version_string(info->base_version, ver, sizeof(ver));
	kv(f, "base protocol", "%s (0x%08x)", ver, info->base_version);
	kv(f, "transport", "%s, channel %u",
	   info->transport ? info->transport : cli_mode_name(info->mode), info->channel);
	kv(f, "protocols", "%u besides base", info->num_protocols);
	kv(f, "agents", "%u besides the platform", info->num_agents);

	fputs("\nProtocols\n", f);
	fprintf(f, "  %-6s %-10s %s\n", "ID", "NAME", "VERSION");
	for (size_t i = 0; i < info->nprotocols; i++) {
		const struct cli_proto_entry *p = &info->protocols[i];

		if (p->err) {
			fprintf(f, "  0x%02x   %-10s error: %s\n", p->id, cli_proto_name(p->id),
				cli_err_text(p->err));
			continue;
		}
		cli_version_string(p->version, ver, sizeof(ver));
		fprintf(f, "  0x%02x   %-10s %s\n", p->id, cli_proto_name(p->id), ver);
	}

	fputs("\nAgents\n", f);
	fprintf(f, "  %-6s %s\n", "ID", "NAME");
	for (size_t i = 0; i < info->nagents; i++) {
		const struct cli_agent_entry *a = &info->agents[i];

		fprintf(f, "  %-6u ", a->id);
		if (a->err)
			fprintf(f, "error: %s", cli_err_text(a->err));
		else
			text_string(f, a->name);
		fputc('\n', f);
	}
}

static int print_info_json(FILE *f, const struct cli_info *info)
{
	struct cli_json j;
	char ver[24];

	cli_json_init(&j, f);
	cli_json_begin_object(&j);
	cli_json_kv_str(&j, "vendor", info->vendor);
	cli_json_kv_str_or_null(&j, "sub_vendor", info->has_sub_vendor ? info->sub_vendor : NULL);
	cli_json_kv_u64(&j, "impl_version", info->impl_version);
	cli_version_string(info->base_version, ver, sizeof(ver));
	cli_json_kv_str(&j, "protocol_version", ver);
	cli_json_kv_str(&j, "mode", info->transport ? info->transport : cli_mode_name(info->mode));
	cli_json_kv_u64(&j, "channel", info->channel);
	cli_json_kv_u64(&j, "num_protocols", info->num_protocols);
	cli_json_kv_u64(&j, "num_agents", info->num_agents);
	cli_json_kv_array(&j, "protocols");
	for (size_t i = 0; i < info->nprotocols; i++) {
		const struct cli_proto_entry *p = &info->protocols[i];

		cli_json_begin_object(&j);
		cli_json_kv_u64(&j, "id", p->id);
		cli_json_kv_str(&j, "name", cli_proto_name(p->id));
		cli_version_string(p->version, ver, sizeof(ver));
		cli_json_kv_str_or_null(&j, "version", p->err ? NULL : ver);
		cli_json_kv_str_or_null(&j, "error", p->err ? cli_err_text(p->err) : NULL);
		cli_json_end_object(&j);
	}
	cli_json_end_array(&j);
	cli_json_kv_array(&j, "agents");
	for (size_t i = 0; i < info->nagents; i++) {
		const struct cli_agent_entry *a = &info->agents[i];

		cli_json_begin_object(&j);
		cli_json_kv_u64(&j, "id", a->id);
		cli_json_kv_str_or_null(&j, "name", a->err ? NULL : a->name);
		cli_json_kv_str_or_null(&j, "error", a->err ? cli_err_text(a->err) : NULL);
		cli_json_end_object(&j);
	}
	cli_json_end_array(&j);
	cli_json_end_object(&j);
	return cli_json_end(&j);
}

int cli_print_info(FILE *f, const struct cli_info *info, bool json)
{
	if (json)
		return print_info_json(f, info);
	print_info_text(f, info);
	return 0;
}
static uint32_t le32_at(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* "status", "status_code", "response" and "words" of one answer. */
static void json_answer(struct cli_json *j, const struct cli_raw_result *r)
{
	char *hex = malloc(2 * r->len + 1);

	cli_json_kv_str(j, "status", scmi_status_name(r->status));
	cli_json_kv_i64(j, "status_code", r->status);
	if (!hex) {
		/* Recorded as misuse: the document is then not printed, nor trusted. */
		cli_json_kv_null(j, NULL);
		return;
	}
	for (size_t i = 0; i < r->len; i++)
		snprintf(hex + 2 * i, 3, "%02x", r->data[i]);
	hex[2 * r->len] = '\0';
	cli_json_kv_str(j, "response", hex);
	free(hex);
	cli_json_kv_array(j, "words");
	for (size_t i = 0; i + 4 <= r->len; i += 4)
		cli_json_u64(j, le32_at(r->data + i));
	cli_json_end_array(j);
}

static int print_raw_json(FILE *f, const struct cli_raw_result *r,
			  const struct cli_raw_result *delayed)
{
	struct cli_json j;

	cli_json_init(&j, f);
	cli_json_begin_object(&j);
	cli_json_kv_u64(&j, "protocol", r->protocol);
	cli_json_kv_u64(&j, "message", r->message);
	json_answer(&j, r);
	if (delayed) {
		cli_json_kv_object(&j, "delayed");
		json_answer(&j, delayed);
		cli_json_end_object(&j);
	} else {
		cli_json_kv_null(&j, "delayed");
	}
	cli_json_end_object(&j);
	return cli_json_end(&j);
}

static void print_raw_text(FILE *f, const struct cli_raw_result *r)
{
	size_t nwords = r->len / 4;

	fprintf(f, "protocol  0x%02x (%s), message 0x%02x\n", r->protocol,
		cli_proto_name(r->protocol), r->message);
	fprintf(f, "status    %s (%d)\n", scmi_status_name(r->status), (int)r->status);
	fprintf(f, "response  %zu byte%s\n", r->len, r->len == 1 ? "" : "s");
	/* 16 bytes a row with their ASCII, then the same bytes as little-endian words. */
	for (size_t off = 0; off < r->len; off += 16) {
		size_t n = r->len - off;

		if (n > 16)
			n = 16;

		fprintf(f, "  %04zx:", off);
		for (size_t i = 0; i < n; i++)
			fprintf(f, " %02x", r->data[off + i]);
		fprintf(f, "%*s  |", (int)(3 * (16 - n)), "");
		for (size_t i = 0; i < n; i++) {
			uint8_t c = r->data[off + i];

			fputc(c >= 0x20 && c < 0x7f ? c : '.', f);
		}
		fputs("|\n", f);
	}
	for (size_t i = 0; i < nwords; i++) {
		if (i % 4 == 0)
			fputs(i ? "\n          " : "words     ", f);
		else
			fputc(' ', f);
		fprintf(f, "0x%08x", le32_at(r->data + 4 * i));
	}
	if (nwords)
		fputc('\n', f);
	if (r->len % 4)
		fprintf(f, "          (%zu trailing byte%s not a whole word)\n", r->len % 4,
			r->len % 4 == 1 ? "" : "s");
}

int cli_print_raw(FILE *f, const struct cli_raw_result *r, const struct cli_raw_result *delayed,
		  bool json)
{
	if (json)
		return print_raw_json(f, r, delayed);
	print_raw_text(f, r);
	if (delayed) {
		fputs("-- delayed response\n", f);
		print_raw_text(f, delayed);
	}
	return 0;
}

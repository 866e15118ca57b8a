// SPDX-License-Identifier: BSD-3-Clause
/*
 * scmi_msg_dump lines (scmi/proto/msg_dump.h), without stdio: the same formatter serves
 * libscmi and optee-simd.
 */
#include "scmi/proto/msg_dump.h"

/* Appends to a buffer that may be too small; counts what would have been written. */
struct dump_out {
	char *buf;
	size_t size;
	size_t n;
};

static void put_c(struct dump_out *o, char c)
{
	if (o->n + 1 < o->size)
		o->buf[o->n] = c;
	o->n++;
}

static void put_s(struct dump_out *o, const char *s)
{
	while (*s)
		put_c(o, *s++);
}

/* @v in hex, upper case as Linux's %02X/%04X, at least @digits digits. */
static void put_hex(struct dump_out *o, uint32_t v, unsigned int digits, const char *set)
{
	char tmp[8];
	unsigned int i = 0;

	do {
		tmp[i++] = set[v & 0xfu];
		v >>= 4;
	} while ((v || i < digits) && i < sizeof(tmp));
	while (i)
		put_c(o, tmp[--i]);
}

static void put_dec(struct dump_out *o, int32_t v)
{
	uint32_t u = v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
	char tmp[10];
	unsigned int i = 0;

	if (v < 0)
		put_c(o, '-');
	do {
		tmp[i++] = (char)('0' + u % 10u);
		u /= 10u;
	} while (u);
	while (i)
		put_c(o, tmp[--i]);
}

size_t scmi_msg_dump_format(char *buf, size_t size, const struct scmi_msg_dump *d)
{
	static const char upper[] = "0123456789ABCDEF";
	/* __print_hex_str() writes lower case. */
	static const char lower[] = "0123456789abcdef";
	struct dump_out o = {buf, size, 0};
	size_t i;

	put_s(&o, "id=");
	put_dec(&o, d->id);
	put_s(&o, " ch=");
	put_hex(&o, d->channel_id, 2, upper);
	put_s(&o, " pt=");
	put_hex(&o, d->protocol_id, 2, upper);
	put_s(&o, " t=");
	put_s(&o, d->tag ? d->tag : "?");
	put_s(&o, " msg_id=");
	put_hex(&o, d->msg_id, 2, upper);
	put_s(&o, " seq=");
	put_hex(&o, d->seq, 4, upper);
	put_s(&o, " s=");
	put_dec(&o, d->status);
	put_s(&o, " pyld=");
	for (i = 0; i < d->len; i++)
		put_hex(&o, d->payload[i], 2, lower);
	if (size)
		buf[o.n < size ? o.n : size - 1] = '\0';
	return o.n;
}

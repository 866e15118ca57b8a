// SPDX-License-Identifier: BSD-3-Clause
/*
 * Lookups in the message table and the walk of a payload (scmi/proto/msg_desc.h).
 * Freestanding: no allocation, no stdio.
 */
#include "scmi/proto/msg_desc.h"

#include "scmi/proto/endian.h"

const struct scmi_proto_desc *scmi_proto_desc_find(uint8_t protocol_id)
{
	const struct scmi_proto_desc *p;
	size_t i;

	for (i = 0; (p = scmi_proto_desc_at(i)) != NULL; i++)
		if (p->id == protocol_id)
			return p;
	return NULL;
}

static const struct scmi_msg_desc *find_in(const struct scmi_msg_desc *list, size_t n, uint8_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (list[i].id == id)
			return &list[i];
	return NULL;
}

const struct scmi_msg_desc *scmi_msg_desc_find(uint8_t protocol_id, uint8_t msg_id)
{
	const struct scmi_proto_desc *p = scmi_proto_desc_find(protocol_id);

	return p ? find_in(p->msgs, p->num_msgs, msg_id) : NULL;
}

const struct scmi_msg_desc *scmi_evt_desc_find(uint8_t protocol_id, uint8_t evt_id)
{
	const struct scmi_proto_desc *p = scmi_proto_desc_find(protocol_id);

	return p ? find_in(p->evts, p->num_evts, evt_id) : NULL;
}

static void report(scmi_walk_fn fn, void *ctx, uint8_t kind, const struct scmi_field_desc *field,
		   const struct scmi_array_desc *array, size_t index, const uint8_t *payload,
		   size_t offset, size_t len)
{
	struct scmi_walk_item item;

	item.kind = kind;
	item.field = field;
	item.array = array;
	item.index = index;
	item.offset = offset;
	item.data = payload + offset;
	item.len = len;
	fn(ctx, &item);
}

/* The fields of @layout that fit in [base, len); returns the end of the last one. */
static size_t walk_fields(const struct scmi_layout_desc *layout,
			  const struct scmi_array_desc *array, size_t index, const uint8_t *payload,
			  size_t base, size_t len, scmi_walk_fn fn, void *ctx)
{
	size_t end = base;
	size_t i;

	for (i = 0; i < layout->num_fields; i++) {
		const struct scmi_field_desc *f = &layout->fields[i];

		if (f->offset + f->size > len - base)
			break;
		report(fn, ctx, SCMI_WALK_FIELD, f, array, index, payload, base + f->offset,
		       f->size);
		end = base + f->offset + f->size;
	}
	return end;
}

/* Whether rule @r gives the size of the entry at @pos of the @len-byte payload. */
static int size_rule_holds(const struct scmi_array_desc *a, const struct scmi_entry_size *r,
			   const uint8_t *payload, size_t pos, size_t len)
{
	uint32_t w;

	if (r->test == SCMI_SIZE_COUNT) {
		if (r->offset + 4 > len)
			return 0;
		w = scmi_get_le32(payload + r->offset) & r->mask;
		return (uint64_t)w * r->size == len - a->offset;
	}
	if (r->offset + 4 > len - pos)
		return 0;
	w = scmi_get_le32(payload + pos + r->offset) & r->mask;
	return (r->test == SCMI_SIZE_BITS_SET) == (w != 0);
}

static size_t entry_size(const struct scmi_array_desc *a, const uint8_t *payload, size_t pos,
			 size_t len)
{
	size_t i;

	for (i = 0; i < a->num_sizes; i++)
		if (size_rule_holds(a, &a->sizes[i], payload, pos, len))
			return a->sizes[i].size;
	return a->entry->size;
}

size_t scmi_layout_walk(const struct scmi_layout_desc *layout, const uint8_t *payload, size_t len,
			scmi_walk_fn fn, void *ctx)
{
	const struct scmi_array_desc *a;
	size_t done = 0;
	size_t index = 0;

	if (layout) {
		done = walk_fields(layout, NULL, 0, payload, 0, len, fn, ctx);
		a = layout->array;
		if (a && done >= a->offset && a->entry->size) {
			size_t pos = a->offset;
			size_t size;

			while (pos < len &&
			       (size = entry_size(a, payload, pos, len)) <= len - pos) {
				report(fn, ctx, SCMI_WALK_ENTRY, NULL, a, index, payload, pos,
				       size);
				walk_fields(a->entry, a, index, payload, pos, pos + size, fn, ctx);
				pos += size;
				index++;
			}
			done = pos;
			if (pos < len) {
				report(fn, ctx, SCMI_WALK_TRUNCATED, NULL, a, index, payload, pos,
				       len - pos);
				return done;
			}
		}
	}
	if (done < len)
		report(fn, ctx, SCMI_WALK_TRAILING, NULL, NULL, 0, payload, done, len - done);
	return done;
}

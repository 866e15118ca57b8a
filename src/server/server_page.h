/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The paging helpers (declared in server_helpers.h): inline in a build for speed
 * (server_helpers.h includes this with SCMI_SERVER_MSG_IO "static inline"), one copy in
 * server_core.c in a build for size. Included only there.
 */
#ifndef SCMI_SERVER_MSG_IO
#error "include server/server_helpers.h instead"
#endif

/**
 * scmi_server_page_room() - how many entries of @entry bytes the reply can still take after
 * @header bytes, at most @max, in *@fit. PROTOCOL_ERROR when not even the header fits.
 */
SCMI_SERVER_MSG_IO int32_t scmi_server_page_room(const struct scmi_server_msg *msg, size_t header,
						 size_t entry, uint32_t max, uint32_t *fit)
{
	size_t room = scmi_server_msg_room(msg);

	if (room < header)
		return SCMI_PROTOCOL_ERROR;
	room = (room - header) / entry;
	*fit = room > max ? max : (uint32_t)room;
	return SCMI_SUCCESS;
}

/**
 * scmi_server_page_cut() - the page of a list of @total entries that starts at @start when
 * @fit entries fit. @start == @total is a valid, empty last page; beyond it is
 * INVALID_PARAMETERS; entries left but none fitting is PROTOCOL_ERROR (an empty page would
 * read as the end of the list).
 */
SCMI_SERVER_MSG_IO int32_t scmi_server_page_cut(uint32_t start, uint32_t total, uint32_t fit,
						struct scmi_server_page *page)
{
	uint32_t left;

	if (start > total)
		return SCMI_INVALID_PARAMETERS;
	left = total - start;
	page->count = left < fit ? left : fit;
	if (left && !page->count)
		return SCMI_PROTOCOL_ERROR;
	page->remaining = left - page->count;
	return SCMI_SUCCESS;
}

/**
 * scmi_server_page_get() - the page from @start of @total entries of @entry bytes (at most
 * @max) after a one-word header: the start index is checked first, then the room, as
 * scmi_server_page_cut() and scmi_server_page_room() say.
 */
SCMI_SERVER_MSG_IO int32_t scmi_server_page_get(const struct scmi_server_msg *msg, uint32_t start,
						uint32_t total, size_t entry, uint32_t max,
						struct scmi_server_page *page)
{
	uint32_t fit;
	int32_t st;

	if (start > total)
		return SCMI_INVALID_PARAMETERS;
	st = scmi_server_page_room(msg, sizeof(uint32_t), entry, max, &fit);
	if (st != SCMI_SUCCESS)
		return st;
	return scmi_server_page_cut(start, total, fit, page);
}

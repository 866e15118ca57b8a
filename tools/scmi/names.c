// SPDX-License-Identifier: BSD-3-Clause
/*
 * A resource's short name next to its extended one. One extra *_ATTRIBUTES
 * message, only for resources whose extended name libscmi put in place of the
 * short one, and only where the CLI shows or matches both (JSON, names).
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "names.h"
#include "scmi/proto/endian.h"

/* Requests are a resource id and perhaps flags; replies hold the name within 32 bytes. */
#define REQ_WORDS_MAX 2
#define REPLY_MAX     64

int cli_names_fill(struct cli_names *n, struct scmi_agent *agent, const char *lib_name,
		   bool has_ext, uint8_t protocol, uint8_t msg, const uint32_t *req, size_t nreq,
		   size_t name_off)
{
	uint8_t tx[4 * REQ_WORDS_MAX], rx[REPLY_MAX];
	size_t rx_len = 0, len;
	int32_t status = 0;
	int ret;

	memset(n, 0, sizeof(*n));
	if (!has_ext || !lib_name[0]) {
		snprintf(n->name, sizeof(n->name), "%s", lib_name);
		return 0;
	}
	snprintf(n->ext, sizeof(n->ext), "%s", lib_name);
	if (nreq > REQ_WORDS_MAX || name_off + SCMI_SHORT_NAME_SIZE > sizeof(rx))
		return -EINVAL;
	for (size_t i = 0; i < nreq; i++)
		scmi_put_le32(tx + 4 * i, req[i]);
	ret = scmi_xfer(agent, protocol, msg, tx, 4 * nreq, rx, sizeof(rx), &rx_len, &status);
	if (ret)
		return ret;
	if (rx_len < name_off + SCMI_SHORT_NAME_SIZE)
		return -EPROTO;
	/* The wire field need not hold a NUL: take at most its 16 bytes. */
	len = strnlen((const char *)rx + name_off, SCMI_SHORT_NAME_SIZE);
	memcpy(n->name, rx + name_off, len);
	n->name[len] = '\0';
	return 0;
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A resource's two names (names.c). Since SCMI 3.0 a resource may have a short
 * name (16 bytes, in its *_ATTRIBUTES reply: the name a DT author writes, e.g.
 * domain-name = "vdd_ddr") and an extended one (64 bytes, *_NAME_GET). libscmi
 * hands the extended name in place of the short one, as Linux does; the CLI
 * shows both apart (JSON "name" and "extended_name") and resolves either, so
 * it reads the short name again from the attributes when an extended one hid it.
 */
#ifndef SCMI_TOOLS_NAMES_H
#define SCMI_TOOLS_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scmi/proto/ids.h"
#include "scmi/scmi.h"

/**
 * struct cli_names - the names of one resource.
 * @name: the short name, NUL-terminated
 * @ext:  the extended name, "" when the resource has none
 */
struct cli_names {
	char name[SCMI_SHORT_NAME_SIZE + 1];
	char ext[SCMI_EXT_NAME_SIZE + 1];
};

/** cli_names_full() - the name people read: the extended one when there is one. */
const char *cli_names_full(const struct cli_names *n);

/**
 * cli_names_fill() - @n from what libscmi gave: @lib_name, the extended name when
 * @has_ext (then the short one is read again: message @msg of @protocol with
 * @req, its name @name_off bytes into the reply), else the short name.
 * Returns 0 or the negative errno of that message.
 */
int cli_names_fill(struct cli_names *n, struct scmi_agent *agent, const char *lib_name,
		   bool has_ext, uint8_t protocol, uint8_t msg, const uint32_t *req, size_t nreq,
		   size_t name_off);

#endif /* SCMI_TOOLS_NAMES_H */

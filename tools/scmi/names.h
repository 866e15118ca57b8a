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

#include "resolve.h"
#include "scmi/proto/ids.h"
#include "scmi/scmi.h"

/**
 * cli_names_fill() - @n from what libscmi gave: @lib_name, the extended name when
 * @has_ext (then the short one is read again: message @msg of @protocol with
 * @req, its name @name_off bytes into the reply), else the short name.
 * Returns 0 or the negative errno of that message.
 */
int cli_names_fill(struct cli_names *n, struct scmi_agent *agent, const char *lib_name,
		   bool has_ext, uint8_t protocol, uint8_t msg, const uint32_t *req, size_t nreq,
		   size_t name_off);

_Static_assert(CLI_SHORT_NAME_SIZE == SCMI_SHORT_NAME_SIZE, "short names are SCMI's");
_Static_assert(CLI_EXT_NAME_SIZE == SCMI_EXT_NAME_SIZE, "extended names are SCMI's");

#endif /* SCMI_TOOLS_NAMES_H */

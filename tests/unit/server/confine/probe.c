// SPDX-License-Identifier: BSD-3-Clause
/*
 * What the compiler makes of scmi_server_confine_index() after a bounds check, as the server
 * uses it (confine_codegen.sh reads the assembly of probe()).
 */
#include <stddef.h>

#include "scmi/server/server.h"

size_t probe(size_t idx, size_t count);
size_t probe_pow2(size_t idx);

size_t probe(size_t idx, size_t count)
{
	if (idx >= count)
		return 0;
	return scmi_server_confine_index(idx, count);
}

/* A table of 16, as the standard protocols' is: the index must still be masked. */
size_t probe_pow2(size_t idx)
{
	if (idx >= 16)
		return 0;
	return scmi_server_confine_index(idx, 16);
}

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Pin control protocol (0x19): what the server asks of the platform.
 *
 * The server checks selectors, reserved bits, config types and paging; the
 * ops check ids: each answers NOT_FOUND, before any other status, for an
 * element the agent does not see (@counts is asked to report them, to tell
 * NOT_FOUND apart when the server refuses a request itself, and to check a
 * function to select before the platform may refuse the element);
 * the platform owns the state (mux, config values, ownership) and answers
 * what only it can know: unsupported config types or values (NOT_SUPPORTED,
 * OUT_OF_RANGE), a function that does not fit a pin or group
 * (INVALID_PARAMETERS), a pin held by another agent (IN_USE), releasing what
 * the caller does not hold (DENIED). Every op returns an enum scmi_status.
 * Selectors (@sel) are SCMI_PINCTRL_SEL_* (proto/pinctrl.h).
 */
#ifndef SCMI_SERVER_PINCTRL_H
#define SCMI_SERVER_PINCTRL_H

#include <stdbool.h>
#include <stdint.h>

#include "scmi/proto/pinctrl.h"
#include "scmi/server/server.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Most configs configure() gets: what the largest request (SCMI_SERVER_MAX_PAYLOAD) holds
 * after the fixed words of SETTINGS_CONFIGURE, 30, however many its 8-bit count could say.
 */
#define SCMI_SERVER_PINCTRL_MAX_CONFIGS                                                            \
	((SCMI_SERVER_MAX_PAYLOAD - sizeof(struct scmi_pinctrl_settings_configure_a2p)) /          \
	 SCMI_FIELD_SIZE(struct scmi_pinctrl_settings_configure_a2p, configs[0]))

/**
 * struct scmi_server_pinctrl_ops - the pin controller of the platform.
 * @counts:       pins, groups and functions visible to @agent_id
 * @info:         name (NUL-terminated, up to 63 characters) of element @id of kind @sel,
 *                and its number of associations (pins of a group, groups of a function,
 *                0 for a pin)
 * @association:  the @index-th pin of group @id (@sel GROUP) or group of function @id
 *                (@sel FUNCTION); index < the count info() gave
 * @function_get: the function pin or group @id is muxed to, or
 *                SCMI_PINCTRL_NO_FUNCTION
 * @config_count: how many config types pin or group @id has (what "all" reports)
 * @config_at:    the @index-th of them (index < config_count) and its value
 * @config_get:   the value of config @type of pin or group @id
 * @configure:    select @function (unless SCMI_PINCTRL_NO_FUNCTION) and set
 *                @n configs (@types[i] = @values[i], in order; @n at most
 *                SCMI_SERVER_PINCTRL_MAX_CONFIGS) on pin or group @id; all or nothing
 * @request:      give @agent_id exclusive use of pin or group @id
 * @release:      give it back
 */
struct scmi_server_pinctrl_ops {
	void (*counts)(void *plat, uint32_t agent_id, uint32_t *pins, uint32_t *groups,
		       uint32_t *functions);
	int32_t (*info)(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
			char name[SCMI_EXT_NAME_SIZE], uint32_t *num_elems);
	int32_t (*association)(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
			       uint32_t index, uint32_t *elem);
	int32_t (*function_get)(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
				uint32_t *function);
	int32_t (*config_count)(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
				uint32_t *count);
	int32_t (*config_at)(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
			     uint32_t index, uint32_t *type, uint32_t *value);
	int32_t (*config_get)(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
			      uint32_t type, uint32_t *value);
	int32_t (*configure)(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
			     uint32_t function, const uint32_t *types, const uint32_t *values,
			     uint32_t n);
	int32_t (*request)(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id);
	int32_t (*release)(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id);
};

#ifdef __cplusplus
}
#endif

#endif /* SCMI_SERVER_PINCTRL_H */

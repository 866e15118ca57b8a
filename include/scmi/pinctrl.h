/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Pin control protocol (0x19) client.
 *
 * Start with scmi_pinctrl_init(): it reads the version (negotiating down to 1.0
 * if the platform is newer, as Linux does) and the number of pins, groups and
 * functions. Pins, groups and functions are three id spaces chosen by an
 * enum scmi_pinctrl_type. Walkers follow paginated replies to the end, with a
 * bound on pages, and refuse replies whose counts do not add up (-EPROTO).
 */
#ifndef SCMI_PINCTRL_H
#define SCMI_PINCTRL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/pinctrl.h"
#include "scmi.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Version of the Pin control protocol this client speaks. */
#define SCMI_PINCTRL_CLIENT_VERSION SCMI_PINCTRL_VERSION_1_0

/*
 * SCMI_PINCTRL_NO_FUNCTION (no function: SETTINGS_GET of an unmuxed pin, or "leave the mux"
 * when configuring), SCMI_PINCTRL_MAX_CONFIGS (most configs a SETTINGS_GET "all" walk may
 * return) and the config types (enum scmi_pinctrl_conf_type) are wire facts: proto/pinctrl.h.
 */

/** enum scmi_pinctrl_type - the selector of most messages. */
enum scmi_pinctrl_type {
	SCMI_PINCTRL_PIN = SCMI_PINCTRL_SEL_PIN,
	SCMI_PINCTRL_GROUP = SCMI_PINCTRL_SEL_GROUP,
	SCMI_PINCTRL_FUNCTION = SCMI_PINCTRL_SEL_FUNCTION,
};

/**
 * struct scmi_pinctrl - a Pin control protocol handle.
 * @agent:         the agent it talks through
 * @version:       version in use
 * @num_pins:      pins
 * @num_groups:    groups
 * @num_functions: functions
 */
struct scmi_pinctrl {
	struct scmi_agent *agent;
	uint32_t version;
	uint32_t num_pins;
	uint32_t num_groups;
	uint32_t num_functions;
};

/**
 * struct scmi_pinctrl_info - PINCTRL_ATTRIBUTES of a pin, group or function.
 * @name:      its name: the extended one when the platform has one
 * @ext_name:  the platform has an extended name (and @name is it)
 * @num_elems: pins of a group, groups of a function (0 for a pin)
 */
struct scmi_pinctrl_info {
	char name[SCMI_EXT_NAME_SIZE + 1];
	bool ext_name;
	uint32_t num_elems;
};

/**
 * struct scmi_pinctrl_config - one config value.
 * @type:  enum scmi_pinctrl_conf_type (or OEM 192..255)
 * @value: its value
 */
struct scmi_pinctrl_config {
	uint32_t type;
	uint32_t value;
};

/** scmi_pinctrl_init() - read version and counts into @pc. 0 or -errno. */
int scmi_pinctrl_init(struct scmi_pinctrl *pc, struct scmi_agent *agent);

/**
 * scmi_pinctrl_info() - PINCTRL_ATTRIBUTES of @id of kind @type, and its extended name
 * (PINCTRL_NAME_GET) when announced; a failing NAME_GET keeps the short name.
 */
int scmi_pinctrl_info(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id,
		      struct scmi_pinctrl_info *info);

/** scmi_pinctrl_name() - PINCTRL_NAME_GET of @id of kind @type, NUL-terminated. */
int scmi_pinctrl_name(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id,
		      char name[SCMI_EXT_NAME_SIZE + 1]);

/**
 * scmi_pinctrl_list_page() - one PINCTRL_LIST_ASSOCIATIONS reply for group (@type GROUP:
 * its pins) or function (FUNCTION: its groups) @id from @index: up to @max ids into @ids,
 * how many came (@returned) and how many the platform says remain (@remaining).
 * -EPROTO when the reply is shorter than its count or the count exceeds @max.
 */
int scmi_pinctrl_list_page(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id,
			   uint32_t index, uint16_t *ids, size_t max, uint32_t *returned,
			   uint32_t *remaining);

/**
 * scmi_pinctrl_list_associations() - every pin of group @id or group of function @id, walking
 * the pages: up to @max ids into @ids, the total in @count. -EPROTO when pages do not add up
 * (a total that changes, an empty page before the end, too many pages), -ENOSPC when more
 * than @max.
 */
int scmi_pinctrl_list_associations(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
				   uint32_t id, uint16_t *ids, size_t max, uint32_t *count);

/**
 * scmi_pinctrl_settings_get_one() - PINCTRL_SETTINGS_GET of config @conf of pin or group
 * @id: the function it is muxed to (SCMI_PINCTRL_NO_FUNCTION if none) and the value.
 * Either out pointer may be NULL.
 */
int scmi_pinctrl_settings_get_one(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
				  uint32_t id, uint32_t conf, uint32_t *function, uint32_t *value);

/**
 * scmi_pinctrl_settings_get_all() - every config of pin or group @id, walking the pages:
 * up to @max into @configs, the total in @count, the function in @function (may be NULL).
 */
int scmi_pinctrl_settings_get_all(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
				  uint32_t id, uint32_t *function,
				  struct scmi_pinctrl_config *configs, size_t max, uint32_t *count);

/**
 * scmi_pinctrl_settings_get_page() - one "all configs" SETTINGS_GET reply from @skip: up to
 * @max configs, @returned and @remaining as the platform says them.
 */
int scmi_pinctrl_settings_get_page(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
				   uint32_t id, uint32_t skip, uint32_t *function,
				   struct scmi_pinctrl_config *configs, size_t max,
				   uint32_t *returned, uint32_t *remaining);

/** scmi_pinctrl_function_get() - the function pin or group @id is muxed to (no configs). */
int scmi_pinctrl_function_get(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
			      uint32_t id, uint32_t *function);

/**
 * scmi_pinctrl_settings_configure() - PINCTRL_SETTINGS_CONFIGURE of pin or group @id:
 * select @function (unless SCMI_PINCTRL_NO_FUNCTION) and set @n configs. As Linux, configs
 * that do not fit one message are sent in several (the function with the first); each
 * message is all or nothing on the platform.
 */
int scmi_pinctrl_settings_configure(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
				    uint32_t id, uint32_t function,
				    const struct scmi_pinctrl_config *configs, size_t n);

/** scmi_pinctrl_request() - PINCTRL_REQUEST: exclusive use of pin or group @id. */
int scmi_pinctrl_request(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id);

/** scmi_pinctrl_release() - PINCTRL_RELEASE of pin or group @id. */
int scmi_pinctrl_release(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id);

/**
 * scmi_pinctrl_set_permissions() - PINCTRL_SET_PERMISSIONS: allow or deny agent @agent_id
 * pin or group @id (request: agent_id, identifier, flags = selector | allow << 2).
 */
int scmi_pinctrl_set_permissions(const struct scmi_pinctrl *pc, uint32_t agent_id,
				 enum scmi_pinctrl_type type, uint32_t id, bool allow);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PINCTRL_H */

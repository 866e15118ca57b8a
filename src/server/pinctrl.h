/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Pin control protocol (0x19): what the server asks of the platform.
 * PLACEHOLDER: the pinctrl protocol's owner replaces this with the real ops.
 */
#ifndef SCMI_SERVER_PINCTRL_H
#define SCMI_SERVER_PINCTRL_H

#include <stdint.h>

/**
 * struct scmi_server_pinctrl_ops - Pin control resources of the platform.
 * @count: resources visible to @agent_id
 */
struct scmi_server_pinctrl_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
};

#endif /* SCMI_SERVER_PINCTRL_H */

// SPDX-License-Identifier: BSD-3-Clause
/* `scmi raw`: one message as given, the status by name and the response bytes. */
#include <stdlib.h>

#include "cli.h"

int cmd_raw(const struct cli_opts *o, struct scmi_agent *agent, uint8_t protocol, uint8_t message,
	    const uint8_t *payload, size_t len)
{
	size_t max = scmi_agent_max_msg_size(agent);
	struct cli_raw_result r = {.protocol = protocol, .message = message};
	int32_t status = SCMI_SUCCESS;
	size_t rx_len = 0;
	uint8_t *rx;
	int ret;

	if (len > max) {
		cli_error("payload of %zu bytes is longer than the max message size (%zu bytes); "
			  "see scmi raw --help",
			  len, max);
		return CLI_EXIT_USAGE;
	}
	rx = calloc(1, max ? max : 1);
	if (!rx) {
		cli_error("out of memory");
		return CLI_EXIT_SCMI;
	}
	ret = scmi_xfer(agent, protocol, message, payload, len, rx, max, &rx_len, &status);
	if (ret && status == SCMI_SUCCESS) {
		char why[160];

		/* No status came back: the message never completed. */
		if (scmi_agent_last_error(agent, why, sizeof(why)))
			cli_error("protocol 0x%02x message 0x%02x: %s: %s", protocol, message,
				  scmi_strerror(ret), why);
		else
			cli_error("protocol 0x%02x message 0x%02x: %s", protocol, message,
				  scmi_strerror(ret));
		free(rx);
		return CLI_EXIT_TRANSPORT;
	}
	r.status = status;
	r.data = rx;
	r.len = rx_len < max ? rx_len : max;
	cli_print_raw(stdout, &r, o->json);
	free(rx);
	return status == SCMI_SUCCESS ? CLI_EXIT_OK : CLI_EXIT_SCMI;
}

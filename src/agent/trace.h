/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SCMI_TRACE: every message the agent sends or receives, one scmi_msg_dump line each
 * (scmi/proto/msg_dump.h), as Linux's trace event prints it.
 *
 *   SCMI_TRACE=1 (or stderr)   lines go to stderr
 *   SCMI_TRACE=FILE            lines are appended to FILE
 *   unset, empty or 0          no trace (the cost is one load and branch a message)
 */
#ifndef SCMI_AGENT_TRACE_H
#define SCMI_AGENT_TRACE_H

#include <stddef.h>
#include <stdint.h>

#include "agent/common.h"
#include "scmi/proto/msg_dump.h"

/**
 * scmi_trace_xfer() - trace @xfer on channel @cinfo with @tag (SCMI_DUMP_*): a command's
 * request, or the response, delayed response it received (status and rx payload).
 */
void scmi_trace_xfer(const struct scmi_chan_info *cinfo, const struct scmi_xfer *xfer,
		     const char *tag);

/** scmi_trace_notification() - trace notification @n that @agent received. */
void scmi_trace_notification(struct scmi_agent *agent, const struct scmi_notification *n);

#endif /* SCMI_AGENT_TRACE_H */

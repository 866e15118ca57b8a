// SPDX-License-Identifier: BSD-3-Clause
/*
 * Errors: the one place SCMI status becomes errno, texts for libscmi errors,
 * and mode names.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "agent/common.h"

int scmi_status_to_errno(int32_t status)
{
	switch (status) {
	case SCMI_SUCCESS:
		return 0;
	case SCMI_NOT_SUPPORTED:
		return -EOPNOTSUPP;
	case SCMI_INVALID_PARAMETERS:
		return -EINVAL;
	case SCMI_DENIED:
		return -EACCES;
	case SCMI_NOT_FOUND:
		return -ENOENT;
	case SCMI_OUT_OF_RANGE:
		return -ERANGE;
	case SCMI_BUSY:
		return -EBUSY;
	case SCMI_COMMS_ERROR:
		return -ECOMM;
	case SCMI_GENERIC_ERROR:
		return -EIO;
	case SCMI_HARDWARE_ERROR:
		return -EREMOTEIO;
	case SCMI_PROTOCOL_ERROR:
		return -EPROTO;
	case SCMI_IN_USE:
		/*
		 * Mainline Linux has no entry and falls back to -EIO; the SCMIv4 series maps
		 * it to -EPERM. We follow the latter: "held by another agent" is worth telling
		 * apart from a generic failure and from DENIED (-EACCES).
		 */
		return -EPERM;
	case SCMI_PARTIAL:
		/* As the SCMIv4 series for Linux maps it (the operation was only partly done). */
		return -EINVAL;
	default:
		return -EIO;
	}
}

/* What an errno means when libscmi returns it: transport errors and SCMI statuses. */
static const struct {
	int err;
	const char *text;
} scmi_err_texts[] = {
    {EOPNOTSUPP, "not supported"},
    {EINVAL, "invalid parameters or configuration"},
    {EACCES, "access denied"},
    {ENOENT, "not found"},
    {ERANGE, "out of range"},
    {EBUSY, "busy"},
    {ECOMM, "communication error"},
    {EIO, "generic or TEE error"},
    {EREMOTEIO, "hardware error"},
    {EPROTO, "protocol error or malformed reply"},
    {EPERM, "in use by another agent"},
    {ETIMEDOUT, "timed out waiting for the platform"},
    {ECONNRESET, "connection to the TEE lost"},
    {ENOTCONN, "TEE connection broken"},
    {EAGAIN, "TEE not reachable, try again"},
    {ENOSPC, "shared memory too small"},
    {ENOMEM, "out of memory"},
    {ENODEV, "no such device"},
};

const char *scmi_strerror(int err)
{
	size_t i;
	int e = err < 0 ? -err : err;

	if (!err)
		return "success";
	for (i = 0; i < sizeof(scmi_err_texts) / sizeof(scmi_err_texts[0]); i++)
		if (scmi_err_texts[i].err == e)
			return scmi_err_texts[i].text;
	return "unknown error";
}

const char *scmi_mode_name(enum scmi_mode mode)
{
	switch (mode) {
	case SCMI_MODE_AUTO:
		return "auto";
	case SCMI_MODE_SMT:
		return "smt";
	case SCMI_MODE_SMT_MEMREF:
		return "smt-memref";
	case SCMI_MODE_MSG:
		return "msg";
	}
	return "unknown";
}

int scmi_mode_parse(const char *name, enum scmi_mode *mode)
{
	static const enum scmi_mode modes[] = {SCMI_MODE_AUTO, SCMI_MODE_SMT, SCMI_MODE_SMT_MEMREF,
					       SCMI_MODE_MSG};
	size_t i;

	if (!name || !mode)
		return -EINVAL;
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		if (!strcmp(name, scmi_mode_name(modes[i]))) {
			*mode = modes[i];
			return 0;
		}
	}
	return -EINVAL;
}

void scmi_set_err(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;

	if (!buf || !len)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, len, fmt, ap);
	va_end(ap);
}

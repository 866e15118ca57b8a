// SPDX-License-Identifier: BSD-3-Clause
/*
 * The agent's DT configuration, read with libfdt. Every property is length
 * checked and every malformed tree is -EINVAL with a one-line reason.
 */
#include <errno.h>
#include <fcntl.h>
#include <libfdt.h>

#include "scmi/proto/fdt_sanity.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agent/common.h"
#include "agent/dt.h"

#define SCMI_DT_COMPAT	     "linaro,scmi-optee"
#define SCMI_DT_SHMEM_COMPAT "arm,scmi-shmem"
#define SCMI_DT_CHANNEL_ID   "linaro,optee-channel-id"

void scmi_dt_default(struct scmi_dt_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->num_chans = 1;
}

/* An optional u32 property: 0 and *found false if absent, -EINVAL if malformed. */
static int scmi_dt_u32(const void *fdt, int node, const char *name, uint32_t *val, bool *found,
		       char *err, size_t err_len)
{
	const fdt32_t *p;
	int len;

	*found = false;
	p = fdt_getprop(fdt, node, name, &len);
	if (!p) {
		if (len == -FDT_ERR_NOTFOUND)
			return 0;
		scmi_set_err(err, err_len, "%s: %s", name, fdt_strerror(len));
		return -EINVAL;
	}
	if (len < (int)sizeof(*p) || len % (int)sizeof(*p)) {
		scmi_set_err(err, err_len, "%s: bad length %d (want a u32)", name, len);
		return -EINVAL;
	}
	*val = fdt32_to_cpu(p[0]);
	*found = true;
	return 0;
}

static bool scmi_dt_available(const void *fdt, int node)
{
	const char *s;
	int len;

	s = fdt_getprop(fdt, node, "status", &len);
	if (!s)
		return true;
	return len > 0 && (!strncmp(s, "okay", (size_t)len) || !strncmp(s, "ok", (size_t)len));
}

static uint64_t scmi_dt_cells(const fdt32_t *p, int n)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < n; i++)
		v = (v << 32) | fdt32_to_cpu(p[i]);
	return v;
}

/* The arm,scmi-shmem region @node's shmem phandle points to (index 0: the TX area). */
static int scmi_dt_shmem(const void *fdt, int node, const char *what, struct scmi_dt_chan *ch,
			 char *err, size_t err_len)
{
	const fdt32_t *ph, *reg;
	int len, shm, parent, ac, sc, ret;
	bool found;

	ch->has_shmem = false;
	ch->shmem_io_width = 0;
	ph = fdt_getprop(fdt, node, "shmem", &len);
	if (!ph) {
		if (len == -FDT_ERR_NOTFOUND)
			return 0;
		scmi_set_err(err, err_len, "%s: shmem: %s", what, fdt_strerror(len));
		return -EINVAL;
	}
	if (len < (int)sizeof(*ph) || len % (int)sizeof(*ph)) {
		scmi_set_err(err, err_len, "%s: shmem: bad length %d", what, len);
		return -EINVAL;
	}
	shm = fdt_node_offset_by_phandle(fdt, fdt32_to_cpu(ph[0]));
	if (shm < 0) {
		scmi_set_err(err, err_len, "%s: shmem phandle 0x%x points nowhere", what,
			     fdt32_to_cpu(ph[0]));
		return -EINVAL;
	}
	if (fdt_node_check_compatible(fdt, shm, SCMI_DT_SHMEM_COMPAT)) {
		scmi_set_err(err, err_len,
			     "%s: shmem node %s is not compatible " SCMI_DT_SHMEM_COMPAT, what,
			     fdt_get_name(fdt, shm, NULL));
		return -EINVAL;
	}
	parent = fdt_parent_offset(fdt, shm);
	if (parent < 0) {
		scmi_set_err(err, err_len, "%s: shmem node has no parent", what);
		return -EINVAL;
	}
	ac = fdt_address_cells(fdt, parent);
	sc = fdt_size_cells(fdt, parent);
	if (ac < 1 || ac > 2 || sc < 1 || sc > 2) {
		scmi_set_err(err, err_len, "%s: shmem parent has #address-cells %d #size-cells %d",
			     what, ac, sc);
		return -EINVAL;
	}
	reg = fdt_getprop(fdt, shm, "reg", &len);
	if (!reg || len < (ac + sc) * (int)sizeof(*reg)) {
		scmi_set_err(err, err_len, "%s: shmem node %s: missing or short reg", what,
			     fdt_get_name(fdt, shm, NULL));
		return -EINVAL;
	}
	ch->shmem_addr = scmi_dt_cells(reg, ac);
	ch->shmem_size = scmi_dt_cells(reg + ac, sc);
	/* As Linux's shmem helpers read it; a width that is not a power of two up to 8 is no
	 * register width at all. */
	ret = scmi_dt_u32(fdt, shm, "reg-io-width", &ch->shmem_io_width, &found, err, err_len);
	if (ret)
		return ret;
	if (found && ch->shmem_io_width != 1 && ch->shmem_io_width != 2 &&
	    ch->shmem_io_width != 4 && ch->shmem_io_width != 8) {
		scmi_set_err(err, err_len, "%s: shmem node %s: reg-io-width %u is not 1, 2, 4 or 8",
			     what, fdt_get_name(fdt, shm, NULL), ch->shmem_io_width);
		return -EINVAL;
	}
	if (ch->shmem_io_width == 4 && (ch->shmem_addr % 4 || ch->shmem_size % 4)) {
		scmi_set_err(err, err_len,
			     "%s: shmem node %s: reg-io-width 4 needs a 4-aligned region", what,
			     fdt_get_name(fdt, shm, NULL));
		return -EINVAL;
	}
	if (!ch->shmem_size || ch->shmem_addr + ch->shmem_size < ch->shmem_addr) {
		scmi_set_err(err, err_len, "%s: shmem region 0x%llx+0x%llx is empty or wraps", what,
			     (unsigned long long)ch->shmem_addr,
			     (unsigned long long)ch->shmem_size);
		return -EINVAL;
	}
	ch->has_shmem = true;
	return 0;
}

/* Record a dedicated channel; protocols naming the same channel id share it. */
static int scmi_dt_add_chan(struct scmi_dt_config *cfg, const struct scmi_dt_chan *ch,
			    const char *what, size_t *index, char *err, size_t err_len)
{
	size_t i;

	for (i = 0; i < cfg->num_chans; i++) {
		const struct scmi_dt_chan *o = &cfg->chans[i];

		if (o->channel_id != ch->channel_id)
			continue;
		if (o->has_shmem != ch->has_shmem ||
		    (ch->has_shmem &&
		     (o->shmem_addr != ch->shmem_addr || o->shmem_size != ch->shmem_size))) {
			scmi_set_err(err, err_len, "%s: channel %u already used with another shmem",
				     what, ch->channel_id);
			return -EINVAL;
		}
		*index = i;
		return 0;
	}
	if (cfg->num_chans >= SCMI_DT_MAX_CHANNELS) {
		scmi_set_err(err, err_len, "%s: more than %u channels", what, SCMI_DT_MAX_CHANNELS);
		return -EINVAL;
	}
	cfg->chans[cfg->num_chans] = *ch;
	*index = cfg->num_chans++;
	return 0;
}

static int scmi_dt_protocol(const void *fdt, int node, struct scmi_dt_config *cfg, char *err,
			    size_t err_len)
{
	const char *name = fdt_get_name(fdt, node, NULL);
	struct scmi_dt_chan ch = {0};
	uint32_t reg;
	bool found;
	size_t idx;
	int ret;

	if (!name)
		name = "?";
	ret = scmi_dt_u32(fdt, node, "reg", &reg, &found, err, err_len);
	if (ret)
		return ret;
	if (!found) {
		/* Other children (e.g. regulators) are not ours; a protocol@ node must have reg. */
		if (!strncmp(name, "protocol@", 9)) {
			scmi_set_err(err, err_len, "%s: missing reg", name);
			return -EINVAL;
		}
		return 0;
	}
	if (reg > 0xff) {
		scmi_set_err(err, err_len, "%s: reg 0x%x is not a protocol id (0..0xff)", name,
			     reg);
		return -EINVAL;
	}
	if (cfg->proto_listed[reg]) {
		scmi_set_err(err, err_len, "%s: protocol 0x%02x described twice", name, reg);
		return -EINVAL;
	}
	cfg->proto_listed[reg] = true;

	ret = scmi_dt_u32(fdt, node, SCMI_DT_CHANNEL_ID, &ch.channel_id, &found, err, err_len);
	if (ret || !found)
		return ret; /* no channel of its own: the Base channel */
	if (reg == SCMI_PROTOCOL_BASE) {
		scmi_set_err(err, err_len, "%s: Base always uses the scmi node's channel", name);
		return -EINVAL;
	}
	ret = scmi_dt_shmem(fdt, node, name, &ch, err, err_len);
	if (ret)
		return ret;
	ret = scmi_dt_add_chan(cfg, &ch, name, &idx, err, err_len);
	if (ret)
		return ret;
	cfg->proto_chan[reg] = (uint8_t)idx;
	return 0;
}

int scmi_dt_parse(const void *fdt, size_t size, struct scmi_dt_config *cfg, char *err,
		  size_t err_len)
{
	const char *why = "";
	bool found;
	int node, child, ret;

	scmi_dt_default(cfg);
	if (!fdt || size < sizeof(struct fdt_header)) {
		scmi_set_err(err, err_len, "DTB too small (%zu bytes)", size);
		return -EINVAL;
	}
	ret = fdt_check_header(fdt);
	if (ret) {
		scmi_set_err(err, err_len, "bad DTB header: %s", fdt_strerror(ret));
		return -EINVAL;
	}
	if (fdt_totalsize(fdt) > size) {
		scmi_set_err(err, err_len, "DTB claims %u bytes but %zu were given",
			     fdt_totalsize(fdt), size);
		return -EINVAL;
	}
	/* Before libfdt's own check, which hangs or crashes on some corrupt trees. */
	if (scmi_fdt_sanity(fdt, size, &why)) {
		scmi_set_err(err, err_len, "corrupt DTB: %s", why);
		return -EINVAL;
	}
	ret = fdt_check_full(fdt, size);
	if (ret) {
		scmi_set_err(err, err_len, "corrupt DTB: %s", fdt_strerror(ret));
		return -EINVAL;
	}
	node = fdt_node_offset_by_compatible(fdt, -1, SCMI_DT_COMPAT);
	if (node < 0) {
		scmi_set_err(err, err_len, "no node compatible \"" SCMI_DT_COMPAT "\" (%s)",
			     fdt_strerror(node));
		return -EINVAL;
	}

	ret = scmi_dt_u32(fdt, node, SCMI_DT_CHANNEL_ID, &cfg->chans[0].channel_id, &found, err,
			  err_len);
	if (ret)
		return ret;
	if (!found) {
		scmi_set_err(err, err_len, "scmi node: missing " SCMI_DT_CHANNEL_ID);
		return -EINVAL;
	}
	ret = scmi_dt_shmem(fdt, node, "scmi node", &cfg->chans[0], err, err_len);
	if (ret)
		return ret;
	ret = scmi_dt_u32(fdt, node, "arm,max-rx-timeout-ms", &cfg->max_rx_timeout_ms, &found, err,
			  err_len);
	if (ret)
		return ret;
	if (found && !cfg->max_rx_timeout_ms) {
		scmi_set_err(err, err_len, "scmi node: arm,max-rx-timeout-ms must be >= 1");
		return -EINVAL;
	}
	ret = scmi_dt_u32(fdt, node, "arm,max-msg", &cfg->max_msg, &found, err, err_len);
	if (ret)
		return ret;
	if (found && (!cfg->max_msg || cfg->max_msg > SCMI_DT_MAX_MSG)) {
		scmi_set_err(err, err_len, "scmi node: arm,max-msg %u outside [1, %u]",
			     cfg->max_msg, SCMI_DT_MAX_MSG);
		return -EINVAL;
	}
	ret = scmi_dt_u32(fdt, node, "arm,max-msg-size", &cfg->max_msg_size, &found, err, err_len);
	if (ret)
		return ret;
	if (found && (cfg->max_msg_size < SCMI_DT_MIN_MSG_SIZE ||
		      cfg->max_msg_size > SCMI_DT_MAX_MSG_SIZE)) {
		scmi_set_err(err, err_len, "scmi node: arm,max-msg-size %u outside [%u, %u]",
			     cfg->max_msg_size, SCMI_DT_MIN_MSG_SIZE, SCMI_DT_MAX_MSG_SIZE);
		return -EINVAL;
	}

	fdt_for_each_subnode(child, fdt, node)
	{
		if (!scmi_dt_available(fdt, child))
			continue;
		ret = scmi_dt_protocol(fdt, child, cfg, err, err_len);
		if (ret)
			return ret;
	}
	if (child < 0 && child != -FDT_ERR_NOTFOUND) {
		scmi_set_err(err, err_len, "scmi node children: %s", fdt_strerror(child));
		return -EINVAL;
	}
	return 0;
}

int scmi_dt_load_file(const char *path, void **buf, size_t *size, char *err, size_t err_len)
{
	struct stat st;
	size_t done = 0;
	ssize_t n;
	void *p;
	int fd, ret;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		ret = -errno;
		scmi_set_err(err, err_len, "%s: %s", path, strerror(-ret));
		return ret;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (uint64_t)st.st_size > SCMI_DT_MAX_FILE_SIZE) {
		scmi_set_err(err, err_len, "%s: not a regular file of 1..%u bytes", path,
			     SCMI_DT_MAX_FILE_SIZE);
		close(fd);
		return -EINVAL;
	}
	p = malloc((size_t)st.st_size);
	if (!p) {
		close(fd);
		return -ENOMEM;
	}
	while (done < (size_t)st.st_size) {
		n = read(fd, (uint8_t *)p + done, (size_t)st.st_size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			ret = n < 0 ? -errno : -EIO;
			scmi_set_err(err, err_len, "%s: read failed", path);
			free(p);
			close(fd);
			return ret;
		}
		done += (size_t)n;
	}
	close(fd);
	*buf = p;
	*size = done;
	return 0;
}

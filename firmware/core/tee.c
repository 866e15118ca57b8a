// SPDX-License-Identifier: BSD-3-Clause
/*
 * The OP-TEE message layer (tee.h). Host-buildable: it reaches the normal
 * world only through fw_ns_map().
 */
#include <string.h>

#include "fw/optee_abi.h"
#include "fw/tee.h"
#include "scmi/proto/tee.h"

/**
 * struct msg_param - a private copy of one struct optee_msg_param.
 * @attr: attribute word
 * @u:    the three union words (tmem buf_ptr/size/shm_ref, rmem offs/size/shm_ref,
 *        value a/b/c)
 */
struct msg_param {
	uint64_t attr;
	uint64_t u[3];
};

/**
 * struct msg_arg - a private copy of a struct optee_msg_arg.
 * @shared:     the normal world's arg (header and @num_params parameters, checked)
 * @cmd ... @num_params: the header fields the layer reads
 * @p:          the parameters
 * @ret, @ret_origin, @session: the results to write back
 */
struct msg_arg {
	volatile uint8_t *shared;
	uint32_t cmd;
	uint32_t func;
	uint32_t session_in;
	uint32_t num_params;
	struct msg_param p[OPTEE_MSG_MAX_PARAMS];
	uint32_t ret;
	uint32_t ret_origin;
	uint32_t session_out;
};

static uint32_t rd32(const volatile uint8_t *base, size_t off)
{
	return *(const volatile uint32_t *)(base + off);
}

static uint64_t rd64(const volatile uint8_t *base, size_t off)
{
	return *(const volatile uint64_t *)(base + off);
}

static void wr32(volatile uint8_t *base, size_t off, uint32_t v)
{
	*(volatile uint32_t *)(base + off) = v;
}

static void wr64(volatile uint8_t *base, size_t off, uint64_t v)
{
	*(volatile uint64_t *)(base + off) = v;
}

static size_t param_off(size_t i, size_t field)
{
	return OPTEE_MSG_ARG_HDR_SIZE + i * OPTEE_MSG_PARAM_SIZE + field;
}

void fw_tee_init(struct fw_tee *tee, const struct fw_nsmem *ns, const struct fw_pta *const *ptas,
		 size_t num_ptas, uint64_t pool_base, uint64_t pool_size)
{
	memset(tee, 0, sizeof(*tee));
	tee->ns = ns;
	tee->ptas = ptas;
	tee->num_ptas = num_ptas;
	tee->next_id = 1;
	/* A pool the normal world cannot reach is no pool. */
	if (pool_size && fw_ns_range_ok(ns, pool_base, pool_size)) {
		tee->pool.base = pool_base;
		tee->pool.size = pool_size;
	}
}

void fw_tee_uuid_from_values(uint8_t uuid[FW_UUID_SIZE], uint64_t a, uint64_t b)
{
	/* Linux memcpy's the RFC 4122 bytes into the two u64: little-endian words. */
	for (size_t i = 0; i < 8; i++) {
		uuid[i] = (uint8_t)(a >> (8 * i));
		uuid[8 + i] = (uint8_t)(b >> (8 * i));
	}
}

static const struct fw_pta *find_pta(const struct fw_tee *tee, const uint8_t uuid[FW_UUID_SIZE])
{
	for (size_t i = 0; i < tee->num_ptas; i++)
		if (tee->ptas[i] && !memcmp(tee->ptas[i]->uuid, uuid, FW_UUID_SIZE))
			return tee->ptas[i];
	return NULL;
}

static struct fw_tee_sess *find_session(struct fw_tee *tee, uint32_t id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < FW_TEE_MAX_SESSIONS; i++)
		if (tee->sessions[i].id == id)
			return &tee->sessions[i];
	return NULL;
}

/* A fresh, non-zero id no open session holds. */
static uint32_t new_session_id(struct fw_tee *tee)
{
	for (;;) {
		uint32_t id = tee->next_id++;

		if (id && !find_session(tee, id))
			return id;
	}
}

static struct fw_tee_shm *find_shm(struct fw_tee *tee, uint64_t cookie)
{
	for (size_t i = 0; i < FW_TEE_MAX_SHM; i++)
		if (tee->shm[i].used && tee->shm[i].cookie == cookie)
			return &tee->shm[i];
	return NULL;
}

/* A temporary memref: a physical window, inside the static pool when there is one. */
static uint32_t map_tmem(const struct fw_tee *tee, uint64_t pa, uint64_t size,
			 struct fw_pta_param *pp)
{
	pp->memref.buffer = NULL;
	pp->memref.size = 0;
	/* The null memref: a size query (Linux sends 0 for both). */
	if (!pa) {
		if (size > FW_TEE_MAX_SHM_SIZE)
			return TEE_ERROR_BAD_PARAMETERS;
		pp->memref.size = (size_t)size;
		return TEE_SUCCESS;
	}
	if (!size)
		return TEE_SUCCESS;
	if (tee->pool.size) {
		const struct fw_range *p = &tee->pool;

		if (pa < p->base || pa - p->base > p->size || size > p->size - (pa - p->base))
			return TEE_ERROR_BAD_PARAMETERS;
	}
	pp->memref.buffer = fw_ns_map(tee->ns, pa, size);
	if (!pp->memref.buffer)
		return TEE_ERROR_BAD_PARAMETERS;
	pp->memref.size = (size_t)size;
	return TEE_SUCCESS;
}

/* A registered memref: a window of a registration, on physically contiguous pages. */
static uint32_t map_rmem(struct fw_tee *tee, uint64_t cookie, uint64_t offs, uint64_t size,
			 struct fw_pta_param *pp)
{
	const struct fw_tee_shm *shm = find_shm(tee, cookie);
	uint64_t start = 0;

	pp->memref.buffer = NULL;
	pp->memref.size = 0;
	if (!shm || offs > shm->size || size > shm->size - offs)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!size)
		return TEE_SUCCESS;
	for (uint32_t i = 0; i < shm->nruns; i++) {
		const struct fw_tee_run *r = &tee->runs[shm->run + i];

		if (offs >= start && offs - start < r->size) {
			/* The firmware has no virtual remapping: the window must not leave the run.
			 */
			if (size > r->size - (offs - start))
				return TEE_ERROR_BAD_PARAMETERS;
			pp->memref.buffer = fw_ns_map(tee->ns, r->pa + (offs - start), size);
			if (!pp->memref.buffer)
				return TEE_ERROR_BAD_PARAMETERS;
			pp->memref.size = (size_t)size;
			return TEE_SUCCESS;
		}
		start += r->size;
	}
	return TEE_ERROR_BAD_PARAMETERS;
}

/*
 * Up to FW_TEE_NUM_PARAMS message parameters @mp[0..n) as PTA parameters: their GP types
 * into *@types, checked memrefs into @pp.
 */
static uint32_t to_pta_params(struct fw_tee *tee, const struct msg_param *mp, size_t n,
			      uint32_t *types, struct fw_pta_param pp[FW_TEE_NUM_PARAMS])
{
	uint32_t res = TEE_SUCCESS;

	*types = 0;
	memset(pp, 0, FW_TEE_NUM_PARAMS * sizeof(*pp));
	if (n > FW_TEE_NUM_PARAMS)
		return TEE_ERROR_BAD_PARAMETERS;
	for (size_t i = 0; i < n && res == TEE_SUCCESS; i++) {
		uint64_t attr = mp[i].attr;
		uint32_t type = (uint32_t)(attr & OPTEE_MSG_ATTR_TYPE_MASK);
		uint32_t gp;

		/* No META, NONCONTIG or cache attribute on a TA parameter. */
		if (attr & ~(uint64_t)OPTEE_MSG_ATTR_TYPE_MASK)
			return TEE_ERROR_BAD_PARAMETERS;
		switch (type) {
		case OPTEE_MSG_ATTR_TYPE_NONE:
			gp = TEE_PARAM_TYPE_NONE;
			break;
		case OPTEE_MSG_ATTR_TYPE_VALUE_INPUT:
		case OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT:
		case OPTEE_MSG_ATTR_TYPE_VALUE_INOUT:
			gp = type;
			pp[i].value.a = (uint32_t)mp[i].u[0];
			pp[i].value.b = (uint32_t)mp[i].u[1];
			break;
		case OPTEE_MSG_ATTR_TYPE_TMEM_INPUT:
		case OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT:
		case OPTEE_MSG_ATTR_TYPE_TMEM_INOUT:
			gp = type -
			     (OPTEE_MSG_ATTR_TYPE_TMEM_INPUT - OPTEE_MSG_ATTR_TYPE_RMEM_INPUT);
			res = map_tmem(tee, mp[i].u[0], mp[i].u[1], &pp[i]);
			break;
		case OPTEE_MSG_ATTR_TYPE_RMEM_INPUT:
		case OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT:
		case OPTEE_MSG_ATTR_TYPE_RMEM_INOUT:
			gp = type;
			res = map_rmem(tee, mp[i].u[2], mp[i].u[0], mp[i].u[1], &pp[i]);
			break;
		default:
			return TEE_ERROR_BAD_PARAMETERS;
		}
		*types |= gp << (4 * i);
	}
	return res;
}

/* The PTA's outputs into the private copy: values, and output sizes of memrefs. */
static void from_pta_params(struct msg_param *mp, size_t n, uint32_t types,
			    const struct fw_pta_param pp[FW_TEE_NUM_PARAMS])
{
	for (size_t i = 0; i < n && i < FW_TEE_NUM_PARAMS; i++) {
		switch (TEE_PARAM_TYPE_GET(types, i)) {
		case TEE_PARAM_TYPE_VALUE_OUTPUT:
		case TEE_PARAM_TYPE_VALUE_INOUT:
			mp[i].u[0] = pp[i].value.a;
			mp[i].u[1] = pp[i].value.b;
			mp[i].u[2] = 0;
			break;
		case TEE_PARAM_TYPE_MEMREF_OUTPUT:
		case TEE_PARAM_TYPE_MEMREF_INOUT:
			/* Also on SHORT_BUFFER: the size the PTA needs. */
			mp[i].u[1] = pp[i].memref.size;
			break;
		default:
			break;
		}
	}
}

/* Write the outputs of the @n TA parameters starting at message parameter @first. */
static void write_back(struct msg_arg *arg, size_t first, size_t n, uint32_t types)
{
	for (size_t i = 0; i < n && i < FW_TEE_NUM_PARAMS; i++) {
		size_t k = first + i;

		switch (TEE_PARAM_TYPE_GET(types, i)) {
		case TEE_PARAM_TYPE_VALUE_OUTPUT:
		case TEE_PARAM_TYPE_VALUE_INOUT:
			wr64(arg->shared, param_off(k, OPTEE_MSG_PARAM_OFF_U0), arg->p[k].u[0]);
			wr64(arg->shared, param_off(k, OPTEE_MSG_PARAM_OFF_U1), arg->p[k].u[1]);
			wr64(arg->shared, param_off(k, OPTEE_MSG_PARAM_OFF_U2), arg->p[k].u[2]);
			break;
		case TEE_PARAM_TYPE_MEMREF_OUTPUT:
		case TEE_PARAM_TYPE_MEMREF_INOUT:
			wr64(arg->shared, param_off(k, OPTEE_MSG_PARAM_OFF_U1), arg->p[k].u[1]);
			break;
		default:
			break;
		}
	}
}

static void open_session(struct fw_tee *tee, struct msg_arg *arg)
{
	const uint64_t meta = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META;
	uint8_t uuid[FW_UUID_SIZE], client[FW_UUID_SIZE];
	struct fw_pta_param pp[FW_TEE_NUM_PARAMS];
	struct fw_tee_sess *slot = NULL;
	const struct fw_pta *pta;
	uint32_t types, res;
	void *ctx = NULL;

	if (arg->num_params < 2 || arg->p[0].attr != meta || arg->p[1].attr != meta) {
		arg->ret = TEE_ERROR_BAD_PARAMETERS;
		return;
	}
	fw_tee_uuid_from_values(uuid, arg->p[0].u[0], arg->p[0].u[1]);
	fw_tee_uuid_from_values(client, arg->p[1].u[0], arg->p[1].u[1]);
	pta = find_pta(tee, uuid);
	if (!pta) {
		arg->ret = TEE_ERROR_ITEM_NOT_FOUND;
		return;
	}
	for (size_t i = 0; i < FW_TEE_MAX_SESSIONS && !slot; i++)
		if (!tee->sessions[i].id)
			slot = &tee->sessions[i];
	if (!slot) {
		arg->ret = TEE_ERROR_OUT_OF_MEMORY;
		return;
	}
	/* The PTAs take no parameters at open, but what the client passed must still be sane. */
	res = to_pta_params(tee, arg->p + 2, arg->num_params - 2, &types, pp);
	if (res != TEE_SUCCESS) {
		arg->ret = res;
		return;
	}
	res = pta->open_session(pta->ctx, (uint32_t)arg->p[1].u[2], client, &ctx);
	arg->ret_origin = TEE_ORIGIN_TRUSTED_APP;
	arg->ret = res;
	if (res != TEE_SUCCESS)
		return;
	slot->id = new_session_id(tee);
	slot->pta = pta;
	slot->ctx = ctx;
	arg->session_out = slot->id;
}

static void invoke(struct fw_tee *tee, struct msg_arg *arg)
{
	struct fw_pta_param pp[FW_TEE_NUM_PARAMS];
	struct fw_tee_sess *s = find_session(tee, arg->session_in);
	uint32_t types, res;

	if (!s) {
		arg->ret = TEE_ERROR_BAD_PARAMETERS;
		return;
	}
	res = to_pta_params(tee, arg->p, arg->num_params, &types, pp);
	if (res != TEE_SUCCESS) {
		arg->ret = res;
		return;
	}
	arg->ret = s->pta->invoke(s->pta->ctx, s->ctx, arg->func, types, pp);
	arg->ret_origin = TEE_ORIGIN_TRUSTED_APP;
	from_pta_params(arg->p, arg->num_params, types, pp);
	write_back(arg, 0, arg->num_params, types);
}

static void close_session(struct fw_tee *tee, struct msg_arg *arg)
{
	struct fw_tee_sess *s = find_session(tee, arg->session_in);

	if (!s) {
		arg->ret = TEE_ERROR_BAD_PARAMETERS;
		return;
	}
	if (s->pta->close_session)
		s->pta->close_session(s->pta->ctx, s->ctx);
	memset(s, 0, sizeof(*s));
	arg->ret = TEE_SUCCESS;
}

/* Append [pa, pa + size) to the runs, merging with the last one when contiguous. */
static bool add_run(struct fw_tee *tee, uint32_t first, uint64_t pa, uint64_t size)
{
	if (tee->runs_used > first) {
		struct fw_tee_run *last = &tee->runs[tee->runs_used - 1];

		if (last->pa + last->size == pa) {
			last->size += size;
			return true;
		}
	}
	if (tee->runs_used >= FW_TEE_MAX_RUNS)
		return false;
	tee->runs[tee->runs_used].pa = pa;
	tee->runs[tee->runs_used].size = size;
	tee->runs_used++;
	return true;
}

/*
 * Walk the page list of a NONCONTIG buffer: @list_pa the first list page, @offset the
 * buffer's offset in its first data page, @size its bytes. Every list page and data page
 * is checked before use; each list entry is read once.
 */
static uint32_t walk_pages(struct fw_tee *tee, uint64_t list_pa, uint64_t offset, uint64_t size)
{
	const uint64_t page = OPTEE_MSG_NONCONTIG_PAGE_SIZE;
	const uint32_t first = tee->runs_used;
	uint64_t npages = (offset + size + page - 1) / page;
	const volatile uint8_t *list = NULL;
	uint64_t left = size;

	for (uint64_t i = 0; i < npages; i++) {
		uint64_t slot = i % OPTEE_MSG_PAGE_LIST_ENTRIES, pa, skip, len;

		if (!slot) {
			if (i)
				list_pa =
				    rd64(list, OPTEE_MSG_PAGE_LIST_ENTRIES * sizeof(uint64_t));
			if (list_pa & (page - 1))
				return TEE_ERROR_BAD_PARAMETERS;
			list = fw_ns_map(tee->ns, list_pa, page);
			if (!list)
				return TEE_ERROR_BAD_PARAMETERS;
		}
		pa = rd64(list, slot * sizeof(uint64_t));
		if ((pa & (page - 1)) || !fw_ns_range_ok(tee->ns, pa, page))
			return TEE_ERROR_BAD_PARAMETERS;
		skip = i ? 0 : offset;
		len = page - skip < left ? page - skip : left;
		if (!add_run(tee, first, pa + skip, len))
			return TEE_ERROR_OUT_OF_MEMORY;
		left -= len;
	}
	return TEE_SUCCESS;
}

static void register_shm(struct fw_tee *tee, struct msg_arg *arg)
{
	const uint64_t want = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT | OPTEE_MSG_ATTR_NONCONTIG;
	const uint64_t mask = OPTEE_MSG_NONCONTIG_PAGE_SIZE - 1;
	struct fw_tee_shm *slot = NULL;
	uint64_t buf, size, cookie;
	uint32_t first = tee->runs_used, res;

	if (arg->num_params != 1 || arg->p[0].attr != want) {
		arg->ret = TEE_ERROR_BAD_PARAMETERS;
		return;
	}
	buf = arg->p[0].u[0];
	size = arg->p[0].u[1];
	cookie = arg->p[0].u[2];
	if (!size || size > FW_TEE_MAX_SHM_SIZE || find_shm(tee, cookie)) {
		arg->ret = TEE_ERROR_BAD_PARAMETERS;
		return;
	}
	for (size_t i = 0; i < FW_TEE_MAX_SHM && !slot; i++)
		if (!tee->shm[i].used)
			slot = &tee->shm[i];
	if (!slot) {
		arg->ret = TEE_ERROR_OUT_OF_MEMORY;
		return;
	}
	res = walk_pages(tee, buf & ~mask, buf & mask, size);
	if (res != TEE_SUCCESS) {
		tee->runs_used = first;
		arg->ret = res;
		return;
	}
	slot->used = true;
	slot->cookie = cookie;
	slot->size = size;
	slot->run = first;
	slot->nruns = tee->runs_used - first;
	arg->ret = TEE_SUCCESS;
}

static void unregister_shm(struct fw_tee *tee, struct msg_arg *arg)
{
	struct fw_tee_shm *shm;
	uint32_t end;

	if (arg->num_params != 1 || arg->p[0].attr != OPTEE_MSG_ATTR_TYPE_RMEM_INPUT) {
		arg->ret = TEE_ERROR_BAD_PARAMETERS;
		return;
	}
	shm = find_shm(tee, arg->p[0].u[2]);
	if (!shm) {
		arg->ret = TEE_ERROR_ITEM_NOT_FOUND;
		return;
	}
	/* Keep the runs packed: close the gap and move the later registrations down. */
	end = shm->run + shm->nruns;
	memmove(&tee->runs[shm->run], &tee->runs[end],
		(tee->runs_used - end) * sizeof(tee->runs[0]));
	tee->runs_used -= shm->nruns;
	for (size_t i = 0; i < FW_TEE_MAX_SHM; i++)
		if (tee->shm[i].used && tee->shm[i].run >= end)
			tee->shm[i].run -= shm->nruns;
	memset(shm, 0, sizeof(*shm));
	arg->ret = TEE_SUCCESS;
}

/* Copy the header and parameters in; false (after a TEE error) if they are not all reachable. */
static bool read_arg(struct fw_tee *tee, uint64_t pa, struct msg_arg *arg)
{
	size_t n;

	arg->num_params = rd32(arg->shared, OPTEE_MSG_ARG_OFF_NUM_PARAMS);
	n = arg->num_params;
	if (n > OPTEE_MSG_MAX_PARAMS ||
	    !fw_ns_range_ok(tee->ns, pa, OPTEE_MSG_ARG_HDR_SIZE + n * OPTEE_MSG_PARAM_SIZE))
		return false;
	arg->cmd = rd32(arg->shared, OPTEE_MSG_ARG_OFF_CMD);
	arg->func = rd32(arg->shared, OPTEE_MSG_ARG_OFF_FUNC);
	arg->session_in = rd32(arg->shared, OPTEE_MSG_ARG_OFF_SESSION);
	for (size_t i = 0; i < n; i++) {
		arg->p[i].attr = rd64(arg->shared, param_off(i, OPTEE_MSG_PARAM_OFF_ATTR));
		arg->p[i].u[0] = rd64(arg->shared, param_off(i, OPTEE_MSG_PARAM_OFF_U0));
		arg->p[i].u[1] = rd64(arg->shared, param_off(i, OPTEE_MSG_PARAM_OFF_U1));
		arg->p[i].u[2] = rd64(arg->shared, param_off(i, OPTEE_MSG_PARAM_OFF_U2));
	}
	return true;
}

uint32_t fw_tee_call_with_arg(struct fw_tee *tee, uint64_t arg_pa)
{
	struct msg_arg arg;

	memset(&arg, 0, sizeof(arg));
	tee->stats.calls++;
	if (arg_pa & 7u)
		goto bad_addr;
	arg.shared = fw_ns_map(tee->ns, arg_pa, OPTEE_MSG_ARG_HDR_SIZE);
	if (!arg.shared)
		goto bad_addr;
	arg.ret_origin = TEE_ORIGIN_TEE;
	if (!read_arg(tee, arg_pa, &arg)) {
		arg.ret = TEE_ERROR_BAD_PARAMETERS;
	} else {
		switch (arg.cmd) {
		case OPTEE_MSG_CMD_OPEN_SESSION:
			open_session(tee, &arg);
			if (arg.ret == TEE_SUCCESS)
				wr32(arg.shared, OPTEE_MSG_ARG_OFF_SESSION, arg.session_out);
			break;
		case OPTEE_MSG_CMD_INVOKE_COMMAND:
			invoke(tee, &arg);
			break;
		case OPTEE_MSG_CMD_CLOSE_SESSION:
			close_session(tee, &arg);
			break;
		case OPTEE_MSG_CMD_CANCEL:
			/* Every call runs to completion before the SMC returns: nothing to cancel.
			 */
			arg.ret = find_session(tee, arg.session_in) ? TEE_SUCCESS
								    : TEE_ERROR_BAD_PARAMETERS;
			break;
		case OPTEE_MSG_CMD_REGISTER_SHM:
			register_shm(tee, &arg);
			break;
		case OPTEE_MSG_CMD_UNREGISTER_SHM:
			unregister_shm(tee, &arg);
			break;
		default:
			arg.ret = TEE_ERROR_NOT_IMPLEMENTED;
			break;
		}
	}
	/* Refusals of the layer itself; a PTA's verdict (SHORT_BUFFER, say) is not one. */
	if (arg.ret != TEE_SUCCESS && arg.ret_origin == TEE_ORIGIN_TEE)
		tee->stats.errors++;
	wr32(arg.shared, OPTEE_MSG_ARG_OFF_RET, arg.ret);
	wr32(arg.shared, OPTEE_MSG_ARG_OFF_RET_ORIGIN, arg.ret_origin);
	return OPTEE_SMC_RETURN_OK;

bad_addr:
	tee->stats.errors++;
	return OPTEE_SMC_RETURN_EBADADDR;
}

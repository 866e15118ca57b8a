// SPDX-License-Identifier: BSD-3-Clause
/*
 * Pin control (0x19) model: the server's ops over the pin controller.
 *
 * Like silicon, a pin has one mux register (the function it serves, whichever
 * group selected it last) and one set of pad registers: bias is one field
 * (pull-up, pull-down and bias-disable exclude each other), drive mode another
 * (push-pull or open-drain). A group is its pins: configuring a group writes
 * every pin of it, reading a group reads its first pin. An agent may take a
 * pin or group for itself (PINCTRL_REQUEST); then the others can neither
 * request nor change it (IN_USE) and only the holder may release it.
 */
#include <string.h>

#include "platform/sim/sim_perm.h"
#include "platform/sim/sim_pinctrl.h"
#include "platform/sim/sim_pinctrl_priv.h"
#include "platform/sim/sim_platform_priv.h"
#include "scmi/proto/status.h"

/* Pin config types (enum scmi_pinctrl_conf_type) this controller has, in "all" order. */
static const uint8_t pc_types[] = {
    SCMI_PINCTRL_CONF_BIAS_DISABLE,    SCMI_PINCTRL_CONF_BIAS_PULL_UP,
    SCMI_PINCTRL_CONF_BIAS_PULL_DOWN,  SCMI_PINCTRL_CONF_DRIVE_OPEN_DRAIN,
    SCMI_PINCTRL_CONF_DRIVE_PUSH_PULL, SCMI_PINCTRL_CONF_DRIVE_STRENGTH,
    SCMI_PINCTRL_CONF_INPUT_DEBOUNCE,  SCMI_PINCTRL_CONF_INPUT_MODE,
    SCMI_PINCTRL_CONF_INPUT_SCHMITT,   SCMI_PINCTRL_CONF_LOW_POWER_MODE,
    SCMI_PINCTRL_CONF_OUTPUT_MODE,     SCMI_PINCTRL_CONF_OUTPUT_VALUE,
    SCMI_PINCTRL_CONF_SLEW_RATE,
};

static const uint32_t pc_strengths_ma[] = {2, 4, 6, 8, 12, 16};

#define PC_MAX_DEBOUNCE_US 65535u
#define PC_MAX_SLEW	   3u

static struct sim_pinctrl *pc_of(void *plat)
{
	return ((struct sim_platform *)plat)->pinctrl;
}

/*
 * Per-agent views. Pins, groups and functions are three id spaces, but the permissions core
 * numbers one per protocol: pin n is resource n, group n is resource npins + n and function n
 * is resource npins + ngroups + n. Each agent numbers what it sees of each kind densely from
 * 0, in platform order. Lock held by every helper below.
 */
static uint32_t pc_total(const struct sim_pinctrl *pc)
{
	return pc->npins + pc->ngroups + pc->nfunctions;
}

static uint32_t pc_kind_count(const struct sim_pinctrl *pc, uint32_t sel)
{
	switch (sel) {
	case SCMI_PINCTRL_SEL_PIN:
		return pc->npins;
	case SCMI_PINCTRL_SEL_GROUP:
		return pc->ngroups;
	case SCMI_PINCTRL_SEL_FUNCTION:
		return pc->nfunctions;
	default:
		return 0;
	}
}

/* The resource number of global item @gid of kind @sel. */
static uint32_t pc_res(const struct sim_pinctrl *pc, uint32_t sel, uint32_t gid)
{
	if (sel == SCMI_PINCTRL_SEL_PIN)
		return gid;
	if (sel == SCMI_PINCTRL_SEL_GROUP)
		return pc->npins + gid;
	return pc->npins + pc->ngroups + gid;
}

static bool pc_sees(struct sim_platform *p, uint32_t agent_id, uint32_t sel, uint32_t gid)
{
	uint32_t local;

	return sim_view_local(p, agent_id, SCMI_PROTOCOL_PINCTRL, pc_total(p->pinctrl),
			      pc_res(p->pinctrl, sel, gid), &local);
}

/* How many items of kind @sel agent @agent_id sees. */
static uint32_t pc_view_count(struct sim_platform *p, uint32_t agent_id, uint32_t sel)
{
	uint32_t g, n = 0;

	for (g = 0; g < pc_kind_count(p->pinctrl, sel); g++)
		n += pc_sees(p, agent_id, sel, g);
	return n;
}

/* The global id of the agent's item @local of kind @sel; false if it has no such item. */
static bool pc_global(struct sim_platform *p, uint32_t agent_id, uint32_t sel, uint32_t local,
		      uint32_t *gid)
{
	uint32_t g, n = 0;

	if (!p->pinctrl || agent_id < 1 || agent_id > SIM_MAX_AGENTS)
		return false;
	for (g = 0; g < pc_kind_count(p->pinctrl, sel); g++) {
		if (!pc_sees(p, agent_id, sel, g))
			continue;
		if (n++ == local) {
			*gid = g;
			return true;
		}
	}
	return false;
}

/* The agent's id of global item @gid of kind @sel; false if it does not see it. */
static bool pc_local(struct sim_platform *p, uint32_t agent_id, uint32_t sel, uint32_t gid,
		     uint32_t *local)
{
	uint32_t g, n = 0;

	if (!pc_sees(p, agent_id, sel, gid))
		return false;
	for (g = 0; g < gid; g++)
		n += pc_sees(p, agent_id, sel, g);
	*local = n;
	return true;
}

/*
 * The members of group (pins) or function (groups) @gid the agent sees: their count, and
 * the global id of the @index-th in @elem (when @elem is not NULL).
 */
static uint32_t pc_members(struct sim_platform *p, uint32_t agent_id, uint32_t sel, uint32_t gid,
			   uint32_t index, uint32_t *elem)
{
	const struct sim_pinctrl *pc = p->pinctrl;
	uint32_t i, n = 0, total, kind, m;

	if (sel == SCMI_PINCTRL_SEL_GROUP) {
		total = pc->groups[gid].npins;
		kind = SCMI_PINCTRL_SEL_PIN;
	} else {
		total = pc->functions[gid].ngroups;
		kind = SCMI_PINCTRL_SEL_GROUP;
	}
	for (i = 0; i < total; i++) {
		m = sel == SCMI_PINCTRL_SEL_GROUP ? pc->groups[gid].pins[i]
						  : pc->functions[gid].groups[i];
		if (!pc_sees(p, agent_id, kind, m))
			continue;
		if (n++ == index && elem)
			*elem = m;
	}
	return n;
}

static void pc_counts(void *plat, uint32_t agent_id, uint32_t *pins, uint32_t *groups,
		      uint32_t *functions)
{
	struct sim_platform *p = plat;
	uint32_t slot;

	*pins = *groups = *functions = 0;
	if (!p->pinctrl)
		return;
	slot = sim_rlock(p);
	*pins = pc_view_count(p, agent_id, SCMI_PINCTRL_SEL_PIN);
	*groups = pc_view_count(p, agent_id, SCMI_PINCTRL_SEL_GROUP);
	*functions = pc_view_count(p, agent_id, SCMI_PINCTRL_SEL_FUNCTION);
	sim_runlock(p, slot);
}

static int32_t pc_info(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
		       char name[SCMI_EXT_NAME_SIZE], uint32_t *num)
{
	struct sim_platform *p = plat;
	struct sim_pinctrl *pc = pc_of(plat);
	int32_t st = SCMI_SUCCESS;
	uint32_t gid;
	uint32_t slot;

	if (sel > SCMI_PINCTRL_SEL_FUNCTION)
		return SCMI_INVALID_PARAMETERS;
	slot = sim_rlock(p);
	if (!pc_global(p, agent_id, sel, id, &gid)) {
		st = SCMI_NOT_FOUND;
	} else if (sel == SCMI_PINCTRL_SEL_PIN) {
		memcpy(name, pc->pins[gid].name, SCMI_EXT_NAME_SIZE);
		*num = 0;
	} else {
		memcpy(name,
		       sel == SCMI_PINCTRL_SEL_GROUP ? pc->groups[gid].name
						     : pc->functions[gid].name,
		       SCMI_EXT_NAME_SIZE);
		/* Members the agent cannot see are left out of the count and of the list. */
		*num = pc_members(p, agent_id, sel, gid, 0, NULL);
	}
	sim_runlock(p, slot);
	return st;
}

static int32_t pc_association(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
			      uint32_t index, uint32_t *elem)
{
	struct sim_platform *p = plat;
	int32_t st = SCMI_NOT_FOUND;
	uint32_t gid, m;
	uint32_t slot;

	if (sel != SCMI_PINCTRL_SEL_GROUP && sel != SCMI_PINCTRL_SEL_FUNCTION)
		return SCMI_NOT_FOUND;
	slot = sim_rlock(p);
	if (pc_global(p, agent_id, sel, id, &gid) &&
	    index < pc_members(p, agent_id, sel, gid, index, &m) &&
	    pc_local(p, agent_id,
		     sel == SCMI_PINCTRL_SEL_GROUP ? SCMI_PINCTRL_SEL_PIN : SCMI_PINCTRL_SEL_GROUP,
		     m, elem))
		st = SCMI_SUCCESS;
	sim_runlock(p, slot);
	return st;
}

/*
 * The global id of the pin or group the agent names @id in @gid, and the status for it:
 * NOT_FOUND unless it sees it; with @change, DENIED unless it may use it and all its pins.
 */
static int32_t pc_target(struct sim_platform *p, uint32_t agent_id, uint32_t sel, uint32_t id,
			 bool change, uint32_t *gid)
{
	const struct sim_pinctrl *pc = p->pinctrl;
	uint32_t i;

	if ((sel != SCMI_PINCTRL_SEL_PIN && sel != SCMI_PINCTRL_SEL_GROUP) ||
	    !pc_global(p, agent_id, sel, id, gid))
		return SCMI_NOT_FOUND;
	if (!change)
		return SCMI_SUCCESS;
	if (!sim_perm_allowed(p, agent_id, SCMI_PROTOCOL_PINCTRL, pc_res(pc, sel, *gid)))
		return SCMI_DENIED;
	for (i = 0; sel == SCMI_PINCTRL_SEL_GROUP && i < pc->groups[*gid].npins; i++) {
		if (!sim_perm_allowed(p, agent_id, SCMI_PROTOCOL_PINCTRL,
				      pc_res(pc, SCMI_PINCTRL_SEL_PIN, pc->groups[*gid].pins[i])))
			return SCMI_DENIED;
	}
	return SCMI_SUCCESS;
}

/* The pins pin or group @id stands for: @pins[0..*n). */
static int32_t pc_pins(const struct sim_pinctrl *pc, uint32_t sel, uint32_t id,
		       const uint16_t **pins, uint32_t *n, uint16_t *one)
{
	if (!pc)
		return SCMI_NOT_FOUND;
	if (sel == SCMI_PINCTRL_SEL_PIN && id < pc->npins) {
		*one = (uint16_t)id;
		*pins = one;
		*n = 1;
		return SCMI_SUCCESS;
	}
	if (sel == SCMI_PINCTRL_SEL_GROUP && id < pc->ngroups) {
		*pins = pc->groups[id].pins;
		*n = pc->groups[id].npins;
		return SCMI_SUCCESS;
	}
	return SCMI_NOT_FOUND;
}

/* Another agent holds one of @pins. */
static bool pc_held_by_other(const struct sim_pinctrl *pc, const uint16_t *pins, uint32_t n,
			     uint32_t agent_id)
{
	uint32_t i;

	for (i = 0; i < n; i++) {
		if (pc->pins[pins[i]].owner && pc->pins[pins[i]].owner != agent_id)
			return true;
	}
	return false;
}

/**
 * struct pc_op - what an op on a pin or group works on.
 * @gid:  global id of the pin or group
 * @pins: the pins it stands for, @pins[0..@n)
 * @n:    how many
 * @one:  storage @pins points to for a single pin
 */
struct pc_op {
	uint32_t gid;
	const uint16_t *pins;
	uint32_t n;
	uint16_t one;
};

/*
 * The start every op on pin or group @id shares: takes the lock (held on return, whatever
 * the status) and fills @op. With @change, the agent must also be allowed to use it and no
 * other agent may hold any of its pins (DENIED, IN_USE).
 */
static int32_t pc_enter(struct sim_platform *p, uint32_t agent_id, uint32_t sel, uint32_t id,
			bool change, struct pc_op *op)
{
	int32_t st;

	sim_lock(p);
	st = pc_target(p, agent_id, sel, id, change, &op->gid);
	if (!st)
		st = pc_pins(p->pinctrl, sel, op->gid, &op->pins, &op->n, &op->one);
	if (!st && change && pc_held_by_other(p->pinctrl, op->pins, op->n, agent_id))
		st = SCMI_IN_USE;
	return st;
}

static bool pc_function_has_group(const struct sim_pinctrl *pc, uint32_t f, uint32_t g)
{
	uint32_t i;

	for (i = 0; i < pc->functions[f].ngroups; i++) {
		if (pc->functions[f].groups[i] == g)
			return true;
	}
	return false;
}

static bool pc_group_has_pin(const struct sim_pinctrl *pc, uint32_t g, uint32_t pin)
{
	uint32_t i;

	for (i = 0; i < pc->groups[g].npins; i++) {
		if (pc->groups[g].pins[i] == pin)
			return true;
	}
	return false;
}

/* Whether function @f can be muxed onto pin or group @id. */
static bool pc_function_fits(const struct sim_pinctrl *pc, uint32_t f, uint32_t sel, uint32_t id)
{
	uint32_t i;

	if (sel == SCMI_PINCTRL_SEL_GROUP)
		return pc_function_has_group(pc, f, id);
	for (i = 0; i < pc->functions[f].ngroups; i++) {
		if (pc_group_has_pin(pc, pc->functions[f].groups[i], id))
			return true;
	}
	return false;
}

static int32_t pc_function_get(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
			       uint32_t *function)
{
	struct sim_platform *p = plat;
	struct sim_pinctrl *pc = pc_of(plat);
	struct pc_op op;
	uint32_t i, f;
	int32_t st;

	st = pc_enter(p, agent_id, sel, id, false, &op);
	if (st)
		goto out;
	f = pc->pins[op.pins[0]].function;
	/* A group serves a function when every pin of it does and the function has the group. */
	for (i = 1; i < op.n; i++) {
		if (pc->pins[op.pins[i]].function != f)
			f = SIM_PINCTRL_NONE;
	}
	if (sel == SCMI_PINCTRL_SEL_GROUP && f != SIM_PINCTRL_NONE &&
	    !pc_function_has_group(pc, f, op.gid))
		f = SIM_PINCTRL_NONE;
	/* A function the agent cannot see is no function it could name: none, for it. */
	if (f != SIM_PINCTRL_NONE && !pc_local(p, agent_id, SCMI_PINCTRL_SEL_FUNCTION, f, &f))
		f = SIM_PINCTRL_NONE;
	*function = f;
out:
	sim_unlock(p);
	return st;
}

static int32_t pc_config_count(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
			       uint32_t *count)
{
	struct sim_platform *p = plat;
	struct pc_op op;
	int32_t st;

	st = pc_enter(p, agent_id, sel, id, false, &op);
	sim_unlock(p);
	if (!st)
		*count = sizeof(pc_types);
	return st;
}

/* Value of config @type of @pin; NOT_SUPPORTED for a type the pads do not have. */
static int32_t pc_read(const struct sim_pin *pin, uint32_t type, uint32_t *v)
{
	switch (type) {
	case SCMI_PINCTRL_CONF_BIAS_DISABLE:
		*v = pin->bias == SIM_BIAS_NONE;
		break;
	case SCMI_PINCTRL_CONF_BIAS_PULL_UP:
		*v = pin->bias == SIM_BIAS_UP;
		break;
	case SCMI_PINCTRL_CONF_BIAS_PULL_DOWN:
		*v = pin->bias == SIM_BIAS_DOWN;
		break;
	case SCMI_PINCTRL_CONF_DRIVE_OPEN_DRAIN:
		*v = pin->drive == SIM_DRIVE_OPEN_DRAIN;
		break;
	case SCMI_PINCTRL_CONF_DRIVE_PUSH_PULL:
		*v = pin->drive == SIM_DRIVE_PUSH_PULL;
		break;
	case SCMI_PINCTRL_CONF_DRIVE_STRENGTH:
		*v = pin->strength_ma;
		break;
	case SCMI_PINCTRL_CONF_INPUT_DEBOUNCE:
		*v = pin->debounce_us;
		break;
	case SCMI_PINCTRL_CONF_INPUT_MODE:
		*v = pin->input;
		break;
	case SCMI_PINCTRL_CONF_INPUT_SCHMITT:
		*v = pin->schmitt;
		break;
	case SCMI_PINCTRL_CONF_LOW_POWER_MODE:
		*v = pin->low_power;
		break;
	case SCMI_PINCTRL_CONF_OUTPUT_MODE:
		*v = pin->output;
		break;
	case SCMI_PINCTRL_CONF_OUTPUT_VALUE:
		*v = pin->out_value;
		break;
	case SCMI_PINCTRL_CONF_SLEW_RATE:
		*v = pin->slew;
		break;
	default:
		return SCMI_NOT_SUPPORTED;
	}
	return SCMI_SUCCESS;
}

static int32_t pc_config_get(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
			     uint32_t type, uint32_t *value)
{
	struct sim_platform *p = plat;
	struct pc_op op;
	int32_t st;

	st = pc_enter(p, agent_id, sel, id, false, &op);
	if (!st)
		st = pc_read(&p->pinctrl->pins[op.pins[0]], type, value);
	sim_unlock(p);
	return st;
}

static int32_t pc_config_at(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
			    uint32_t index, uint32_t *type, uint32_t *value)
{
	if (index >= sizeof(pc_types))
		return SCMI_NOT_FOUND;
	*type = pc_types[index];
	return pc_config_get(plat, agent_id, sel, id, *type, value);
}

static bool pc_bool(uint32_t v)
{
	return v <= 1;
}

/* Check that @v is a value config @type accepts: a status. */
static int32_t pc_check_value(uint32_t type, uint32_t v)
{
	size_t i;

	switch (type) {
	case SCMI_PINCTRL_CONF_BIAS_DISABLE:
	case SCMI_PINCTRL_CONF_BIAS_PULL_UP:
	case SCMI_PINCTRL_CONF_BIAS_PULL_DOWN:
	case SCMI_PINCTRL_CONF_DRIVE_OPEN_DRAIN:
	case SCMI_PINCTRL_CONF_DRIVE_PUSH_PULL:
		/* Linux passes a resistance or 1 to enable: any non-zero value selects. */
		return SCMI_SUCCESS;
	case SCMI_PINCTRL_CONF_DRIVE_STRENGTH:
		for (i = 0; i < sizeof(pc_strengths_ma) / sizeof(pc_strengths_ma[0]); i++) {
			if (v == pc_strengths_ma[i])
				return SCMI_SUCCESS;
		}
		return SCMI_OUT_OF_RANGE;
	case SCMI_PINCTRL_CONF_INPUT_DEBOUNCE:
		return v <= PC_MAX_DEBOUNCE_US ? SCMI_SUCCESS : SCMI_OUT_OF_RANGE;
	case SCMI_PINCTRL_CONF_SLEW_RATE:
		return v <= PC_MAX_SLEW ? SCMI_SUCCESS : SCMI_OUT_OF_RANGE;
	case SCMI_PINCTRL_CONF_INPUT_MODE:
	case SCMI_PINCTRL_CONF_INPUT_SCHMITT:
	case SCMI_PINCTRL_CONF_LOW_POWER_MODE:
	case SCMI_PINCTRL_CONF_OUTPUT_MODE:
	case SCMI_PINCTRL_CONF_OUTPUT_VALUE:
		return pc_bool(v) ? SCMI_SUCCESS : SCMI_OUT_OF_RANGE;
	default:
		return SCMI_NOT_SUPPORTED;
	}
}

static void pc_write(struct sim_pin *pin, uint32_t type, uint32_t v)
{
	switch (type) {
	case SCMI_PINCTRL_CONF_BIAS_DISABLE:
		if (v)
			pin->bias = SIM_BIAS_NONE;
		break;
	case SCMI_PINCTRL_CONF_BIAS_PULL_UP:
		if (v)
			pin->bias = SIM_BIAS_UP;
		else if (pin->bias == SIM_BIAS_UP)
			pin->bias = SIM_BIAS_NONE;
		break;
	case SCMI_PINCTRL_CONF_BIAS_PULL_DOWN:
		if (v)
			pin->bias = SIM_BIAS_DOWN;
		else if (pin->bias == SIM_BIAS_DOWN)
			pin->bias = SIM_BIAS_NONE;
		break;
	case SCMI_PINCTRL_CONF_DRIVE_OPEN_DRAIN:
		pin->drive = v ? SIM_DRIVE_OPEN_DRAIN : SIM_DRIVE_PUSH_PULL;
		break;
	case SCMI_PINCTRL_CONF_DRIVE_PUSH_PULL:
		pin->drive = v ? SIM_DRIVE_PUSH_PULL : SIM_DRIVE_OPEN_DRAIN;
		break;
	case SCMI_PINCTRL_CONF_DRIVE_STRENGTH:
		pin->strength_ma = v;
		break;
	case SCMI_PINCTRL_CONF_INPUT_DEBOUNCE:
		pin->debounce_us = v;
		break;
	case SCMI_PINCTRL_CONF_INPUT_MODE:
		pin->input = v;
		break;
	case SCMI_PINCTRL_CONF_INPUT_SCHMITT:
		pin->schmitt = v;
		break;
	case SCMI_PINCTRL_CONF_LOW_POWER_MODE:
		pin->low_power = v;
		break;
	case SCMI_PINCTRL_CONF_OUTPUT_MODE:
		pin->output = v;
		break;
	case SCMI_PINCTRL_CONF_OUTPUT_VALUE:
		pin->out_value = v;
		break;
	case SCMI_PINCTRL_CONF_SLEW_RATE:
		pin->slew = v;
		break;
	default:
		break;
	}
}

static int32_t pc_configure(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
			    uint32_t function, const uint32_t *types, const uint32_t *values,
			    uint32_t nconf)
{
	struct sim_platform *p = plat;
	struct sim_pinctrl *pc = pc_of(plat);
	struct pc_op op;
	uint32_t i, j;
	int32_t st;

	/* Everything is checked before anything is written: all or nothing. */
	st = pc_enter(p, agent_id, sel, id, true, &op);
	if (st)
		goto out;
	if (function != SCMI_PINCTRL_NO_FUNCTION) {
		/* The function is named in the agent's numbering too. */
		if (!pc_global(p, agent_id, SCMI_PINCTRL_SEL_FUNCTION, function, &function)) {
			st = SCMI_NOT_FOUND;
			goto out;
		}
		if (!pc_function_fits(pc, function, sel, op.gid)) {
			st = SCMI_INVALID_PARAMETERS;
			goto out;
		}
	}
	for (j = 0; j < nconf; j++) {
		st = pc_check_value(types[j], values[j]);
		if (st)
			goto out;
	}
	for (i = 0; i < op.n; i++) {
		struct sim_pin *pin = &pc->pins[op.pins[i]];

		if (function != SCMI_PINCTRL_NO_FUNCTION)
			pin->function = function;
		for (j = 0; j < nconf; j++)
			pc_write(pin, types[j], values[j]);
	}
out:
	sim_unlock(p);
	return st;
}

static int32_t pc_request(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id)
{
	struct sim_platform *p = plat;
	struct sim_pinctrl *pc = pc_of(plat);
	struct pc_op op;
	uint32_t i;
	int32_t st;

	st = pc_enter(p, agent_id, sel, id, true, &op);
	if (st)
		goto out;
	/* Asking again for what one already holds is harmless. */
	for (i = 0; i < op.n; i++)
		pc->pins[op.pins[i]].owner = agent_id;
out:
	sim_unlock(p);
	return st;
}

static int32_t pc_release(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id)
{
	struct sim_platform *p = plat;
	struct sim_pinctrl *pc = pc_of(plat);
	struct pc_op op;
	uint32_t i;
	int32_t st;

	/* Giving back needs no permission: a revoked agent may still let go. */
	st = pc_enter(p, agent_id, sel, id, false, &op);
	if (st)
		goto out;
	for (i = 0; i < op.n; i++) {
		if (pc->pins[op.pins[i]].owner != agent_id) {
			st = SCMI_DENIED;
			goto out;
		}
	}
	for (i = 0; i < op.n; i++)
		pc->pins[op.pins[i]].owner = 0;
out:
	sim_unlock(p);
	return st;
}

void sim_pinctrl_reset_agent(struct sim_platform *p, uint32_t agent_id)
{
	uint32_t i;

	if (!p->pinctrl || !agent_id)
		return;
	/* Ownership goes; mux and pad settings are the pins' and stay as they are. */
	for (i = 0; i < p->pinctrl->npins; i++) {
		if (p->pinctrl->pins[i].owner == agent_id)
			p->pinctrl->pins[i].owner = 0;
	}
}

const struct scmi_server_pinctrl_ops sim_pinctrl_ops = {
    .counts = pc_counts,
    .info = pc_info,
    .association = pc_association,
    .function_get = pc_function_get,
    .config_count = pc_config_count,
    .config_at = pc_config_at,
    .config_get = pc_config_get,
    .configure = pc_configure,
    .request = pc_request,
    .release = pc_release,
};

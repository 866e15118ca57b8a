/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Pin control model internals, shared by its loader (sim_pinctrl_load.c) and its
 * ops (sim_pinctrl.c).
 */
#ifndef SCMI_SIM_PINCTRL_PRIV_H
#define SCMI_SIM_PINCTRL_PRIV_H

#include <stdint.h>

#include "scmi/proto/ids.h"
#include "scmi/proto/pinctrl.h"

/* Bounds the binding enforces. */
#define SIM_PINCTRL_MAX_PINS	   256u
#define SIM_PINCTRL_MAX_DT_GROUPS  64u
#define SIM_PINCTRL_MAX_GROUPS	   (SIM_PINCTRL_MAX_DT_GROUPS + SIM_PINCTRL_MAX_PINS)
#define SIM_PINCTRL_MAX_FUNCTIONS  64u
#define SIM_PINCTRL_MAX_GROUP_PINS 64u

/* No function selected (the wire's SCMI_PINCTRL_NO_FUNCTION, handed on as it is) / no owner. */
#define SIM_PINCTRL_NONE SCMI_PINCTRL_NO_FUNCTION

enum sim_pin_bias { SIM_BIAS_NONE, SIM_BIAS_UP, SIM_BIAS_DOWN };
enum sim_pin_drive { SIM_DRIVE_PUSH_PULL, SIM_DRIVE_OPEN_DRAIN };

/**
 * struct sim_pin - one pin: its mux, pad settings and owner.
 * @name:        NUL-terminated name
 * @function:    function it is muxed to, or SIM_PINCTRL_NONE
 * @owner:       agent holding it (PINCTRL_REQUEST), 0 when free
 * @bias:        pull-up / pull-down / none (one register field: they exclude each other)
 * @drive:       push-pull or open-drain
 * @strength_ma: drive strength, mA
 * @debounce_us: input debounce, us
 * @input:       input buffer enabled
 * @schmitt:     Schmitt trigger enabled
 * @low_power:   low-power mode
 * @output:      output buffer enabled
 * @out_value:   level driven when @output
 * @slew:        slew rate setting 0..3
 */
struct sim_pin {
	char name[SCMI_EXT_NAME_SIZE];
	uint32_t function;
	uint32_t owner;
	enum sim_pin_bias bias;
	enum sim_pin_drive drive;
	uint32_t strength_ma;
	uint32_t debounce_us;
	uint32_t input;
	uint32_t schmitt;
	uint32_t low_power;
	uint32_t output;
	uint32_t out_value;
	uint32_t slew;
};

/**
 * struct sim_pin_group - a set of pins muxed together.
 * @name:  NUL-terminated name
 * @npins: pins in @pins
 * @pins:  pin ids
 */
struct sim_pin_group {
	char name[SCMI_EXT_NAME_SIZE];
	uint32_t npins;
	uint16_t pins[SIM_PINCTRL_MAX_GROUP_PINS];
};

/**
 * struct sim_pin_function - what a group of pins can be muxed to.
 * @name:    NUL-terminated name
 * @ngroups: groups in @groups
 * @groups:  group ids
 */
struct sim_pin_function {
	char name[SCMI_EXT_NAME_SIZE];
	uint32_t ngroups;
	uint16_t groups[SIM_PINCTRL_MAX_GROUPS];
};

/**
 * struct sim_pinctrl - the pin controller.
 * @npins:      pins
 * @ngroups:    groups, per-pin groups included
 * @nfunctions: functions
 * @pins:       the pins
 * @groups:     the groups
 * @functions:  the functions
 */
struct sim_pinctrl {
	uint32_t npins;
	uint32_t ngroups;
	uint32_t nfunctions;
	struct sim_pin pins[SIM_PINCTRL_MAX_PINS];
	struct sim_pin_group groups[SIM_PINCTRL_MAX_GROUPS];
	struct sim_pin_function functions[SIM_PINCTRL_MAX_FUNCTIONS];
};

#endif /* SCMI_SIM_PINCTRL_PRIV_H */

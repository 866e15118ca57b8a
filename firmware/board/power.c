// SPDX-License-Identifier: BSD-3-Clause
/* Power-off and restart: QEMU virt's secure PL061 drives gpio-poweroff (pin 0) and
 * gpio-restart (pin 1). */
#include "fw/arch.h"
#include "fw/board.h"
#include "fw/config.h"

#define GPIODIR 0x400u
/* A PL061 data write only touches the pins whose bits are in address bits [9:2]. */
#define GPIODATA(pin) (4u << (pin))

static void __attribute__((noreturn)) pulse(unsigned int pin)
{
	fw_mmio_write32(FW_GPIO_BASE + GPIODIR, 1u << pin);
	fw_mmio_write32(FW_GPIO_BASE + GPIODATA(pin), 1u << pin);
	for (;;)
		fw_wfe();
}

void fw_power_off(void)
{
	pulse(0);
}

void fw_power_reset(void)
{
	pulse(1);
}

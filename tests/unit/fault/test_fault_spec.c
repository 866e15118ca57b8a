// SPDX-License-Identifier: BSD-3-Clause
/*
 * The fault grammar: spec strings and the DT node, every refusal with its reason,
 * the canonical form, and the injector's bookkeeping (limits, every, prob).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libfdt.h>
#include <string.h>

#include "secure/fault_inject.h"

static void good(const char *spec, const char *canonical)
{
	char err[160] = "", out[192];
	struct fault_rule r, again;

	if (fault_rule_parse(spec, &r, err, sizeof(err)))
		fail_msg("'%s' refused: %s", spec, err);
	assert_string_equal(fault_rule_format(&r, out, sizeof(out)), canonical);
	/* The canonical form parses to the same rule. */
	assert_int_equal(fault_rule_parse(out, &again, NULL, 0), 0);
	assert_memory_equal(&r, &again, sizeof(r));
	assert_int_equal(fault_rule_check(&r, NULL, 0), 0);
}

static void bad(const char *spec, const char *reason)
{
	char err[160] = "";
	struct fault_rule r;

	assert_int_equal(fault_rule_parse(spec, &r, err, sizeof(err)), -EINVAL);
	if (!strstr(err, reason))
		fail_msg("'%s': reason '%s' lacks '%s'", spec ? spec : "(null)", err, reason);
}

static void test_spec_good(void **state)
{
	(void)state;
	good("channel=0,proto=0x14,msg=0x6,delay=100,every=3",
	     "channel=0,proto=0x14,msg=0x06,delay=100,every=3");
	good("drop", "channel=any,proto=any,msg=any,drop,every=1");
	good("chan=any,protocol=20,message=any,drop,delay=50",
	     "channel=any,proto=0x14,msg=any,delay=50,drop,every=1");
	good("corrupt=TOKEN", "channel=any,proto=any,msg=any,corrupt=token,every=1");
	good("corrupt=payload,offset=4,xor=0x80",
	     "channel=any,proto=any,msg=any,corrupt=payload,offset=4,xor=0x80,every=1");
	good("corrupt=short,every=2", "channel=any,proto=any,msg=any,corrupt=short,every=2");
	good("corrupt=length", "channel=any,proto=any,msg=any,corrupt=length,every=1");
	good("status=busy", "channel=any,proto=any,msg=any,status=BUSY,every=1");
	good("status=SCMI_DENIED", "channel=any,proto=any,msg=any,status=DENIED,every=1");
	/* The first and the last status the spec names (PARTIAL: SCMI v4.0), by name. */
	good("status=not_supported", "channel=any,proto=any,msg=any,status=NOT_SUPPORTED,every=1");
	good("status=partial", "channel=any,proto=any,msg=any,status=PARTIAL,every=1");
	good("status=-12", "channel=any,proto=any,msg=any,status=PARTIAL,every=1");
	good("status=-13", "channel=any,proto=any,msg=any,status=-13,every=1");
	good("status=-1000", "channel=any,proto=any,msg=any,status=-1000,every=1");
	good("status=BUSY,prob=0.25,seed=9",
	     "channel=any,proto=any,msg=any,status=BUSY,prob=0.250000,seed=9");
	good("status=BUSY,prob=12.5%",
	     "channel=any,proto=any,msg=any,status=BUSY,prob=0.125000,seed=1");
	good("drop,prob=1", "channel=any,proto=any,msg=any,drop,prob=1.000000,seed=1");
	good("delay=60000", "channel=any,proto=any,msg=any,delay=60000,every=1");
}

static void test_spec_bad(void **state)
{
	(void)state;
	bad(NULL, "no spec");
	bad("", "says nothing to do");
	bad("channel=0", "says nothing to do");
	bad("frob=1,drop", "unknown key 'frob'");
	bad("drop,drop", "drop given twice");
	bad("drop=1", "drop takes no value");
	bad("delay", "delay needs a value");
	bad("delay=", "delay needs a value");
	bad("delay=60001", "bad value for delay");
	bad("delay=-1", "bad value for delay");
	bad("delay=10ms", "bad value for delay");
	bad("proto=0x100,drop", "bad value for proto");
	bad("msg=256,drop", "bad value for msg");
	bad("channel=-1,drop", "bad value for channel");
	bad("corrupt=everything", "bad value for corrupt");
	bad("status=SUCCESS", "bad value for status");
	bad("status=0", "bad value for status");
	bad("status=7", "bad value for status");
	bad("drop,status=BUSY", "exclude one another");
	bad("corrupt=token,drop", "exclude one another");
	bad("drop,every=0", "bad value for every");
	bad("drop,every=2,prob=0.5", "every and prob exclude");
	bad("drop,prob=1.01", "bad value for prob");
	bad("drop,prob=101%", "bad value for prob");
	bad("drop,prob=0.0000001", "bad value for prob");
	bad("drop,prob=.", "bad value for prob");
	bad("drop,seed=3", "seed belongs to prob");
	bad("drop,offset=2", "offset belongs to corrupt=payload");
	bad("corrupt=short,xor=1", "xor to corrupt=payload");
	bad("corrupt=payload,offset=257", "bad value for offset");
	bad("corrupt=token,xor=0", "bad value for xor");

	char huge[600];

	memset(huge, 'a', sizeof(huge) - 1);
	huge[sizeof(huge) - 1] = '\0';
	bad(huge, "longer than");
}

static void test_injector_limits(void **state)
{
	struct fault_inject *fi = fault_inject_new();
	struct fault_rule r;
	uint64_t seen = 1, hits = 1;
	char err[160];

	(void)state;
	assert_non_null(fi);
	assert_int_equal(fault_inject_num_rules(fi), 0);
	assert_int_equal(fault_inject_stats(fi, 0, &seen, &hits), -ENOENT);
	for (unsigned int i = 0; i < FAULT_INJECT_MAX_RULES; i++)
		assert_int_equal(fault_inject_add(fi, "drop", err, sizeof(err)), 0);
	assert_int_equal(fault_inject_add(fi, "drop", err, sizeof(err)), -ENOSPC);
	assert_non_null(strstr(err, "more than"));
	assert_int_equal(fault_inject_stats(fi, 3, &seen, &hits), 0);
	assert_int_equal(seen, 0);
	assert_int_equal(hits, 0);
	fault_inject_clear(fi);
	assert_int_equal(fault_inject_num_rules(fi), 0);
	assert_int_equal(fault_inject_add(fi, "nonsense", err, sizeof(err)), -EINVAL);

	/* A rule built by hand is checked as a spec would be. */
	assert_int_equal(fault_rule_parse("drop", &r, NULL, 0), 0);
	r.protocol = 0x100;
	assert_int_equal(fault_inject_add_rule(fi, &r), -EINVAL);
	r.protocol = FAULT_ANY;
	r.delay_ms = FAULT_INJECT_MAX_DELAY_MS + 1;
	assert_int_equal(fault_inject_add_rule(fi, &r), -EINVAL);
	r.delay_ms = 0;
	r.action = FAULT_ACT_STATUS;
	r.status = 0;
	assert_int_equal(fault_inject_add_rule(fi, &r), -EINVAL);
	r.action = FAULT_ACT_DELAY;
	assert_int_equal(fault_inject_add_rule(fi, &r), -EINVAL);
	assert_int_equal(fault_inject_add_rule(NULL, &r), -EINVAL);
	assert_int_equal(fault_inject_num_rules(fi), 0);
	fault_inject_free(fi);
	fault_inject_free(NULL);
}

/* A platform tree: root, the scmi-optee,platform node, a faults node; returns faults. */
static int make_tree(void *buf, size_t size)
{
	int plat;

	assert_int_equal(fdt_create_empty_tree(buf, (int)size), 0);
	plat = fdt_add_subnode(buf, 0, "scmi-platform");
	assert_true(plat >= 0);
	assert_int_equal(fdt_setprop_string(buf, plat, "compatible", "scmi-optee,platform"), 0);
	return fdt_add_subnode(buf, plat, "faults");
}

static void test_dt_good(void **state)
{
	static char buf[8192];
	struct fault_inject *fi = fault_inject_new();
	char err[160] = "";
	int faults, n;

	(void)state;
	faults = make_tree(buf, sizeof(buf));
	assert_true(faults >= 0);
	/* No fault child: nothing; no faults node at all is checked below. */
	assert_int_equal(fault_inject_load_dt(fi, buf, sizeof(buf), err, sizeof(err)), 0);
	assert_int_equal(fault_inject_num_rules(fi), 0);

	n = fdt_add_subnode(buf, faults, "fault@1");
	assert_int_equal(fdt_setprop_u32(buf, n, "reg", 1), 0);
	assert_int_equal(fdt_setprop_u32(buf, n, "channel", 0), 0);
	assert_int_equal(fdt_setprop_u32(buf, n, "protocol", 0x14), 0);
	assert_int_equal(fdt_setprop_u32(buf, n, "message", 0x6), 0);
	assert_int_equal(fdt_setprop_u32(buf, n, "delay-ms", 100), 0);
	assert_int_equal(fdt_setprop_u32(buf, n, "every", 3), 0);
	n = fdt_add_subnode(buf, faults, "fault@2");
	assert_int_equal(fdt_setprop_string(buf, n, "corrupt", "payload"), 0);
	assert_int_equal(fdt_setprop_u32(buf, n, "corrupt-offset", 2), 0);
	assert_int_equal(fdt_setprop_u32(buf, n, "corrupt-xor", 0x10), 0);
	n = fdt_add_subnode(buf, faults, "fault@3");
	assert_int_equal(fdt_setprop_string(buf, n, "status", "BUSY"), 0);
	assert_int_equal(fdt_setprop_u32(buf, n, "probability-ppm", 250000), 0);
	assert_int_equal(fdt_setprop_u64(buf, n, "seed", 0x100000001ull), 0);
	n = fdt_add_subnode(buf, faults, "fault@4");
	assert_int_equal(fdt_setprop_empty(buf, n, "drop"), 0);
	assert_int_equal(fault_inject_load_dt(fi, buf, sizeof(buf), err, sizeof(err)), 0);
	assert_int_equal(fault_inject_num_rules(fi), 4);
	fault_inject_free(fi);
}

/* One fault node with one bad property: refused, nothing added, the reason named. */
static void dt_bad(void (*spoil)(void *buf, int node), const char *reason)
{
	static char buf[8192];
	struct fault_inject *fi = fault_inject_new();
	char err[160] = "";
	int faults, n;

	faults = make_tree(buf, sizeof(buf));
	assert_true(fdt_add_subnode(buf, faults, "fault@0") >= 0);
	assert_int_equal(
	    fdt_setprop_u32(buf, fdt_add_subnode(buf, faults, "fault@9"), "delay-ms", 5), 0);
	/* Looked up again: adding fault@9 moved fault@0. */
	n = fdt_subnode_offset(buf, faults, "fault@0");
	assert_true(n >= 0);
	spoil(buf, n);
	assert_int_equal(fault_inject_load_dt(fi, buf, sizeof(buf), err, sizeof(err)), -EINVAL);
	if (!strstr(err, reason) || !strstr(err, "faults/fault@0"))
		fail_msg("reason '%s' lacks '%s'", err, reason);
	assert_int_equal(fault_inject_num_rules(fi), 0);
	fault_inject_free(fi);
}

static void sp_unknown(void *b, int n)
{
	fdt_setprop_u32(b, n, "colour", 1);
}
static void sp_wide(void *b, int n)
{
	fdt_setprop_u64(b, n, "delay-ms", 1);
}
static void sp_drop_value(void *b, int n)
{
	fdt_setprop_u32(b, n, "drop", 1);
}
static void sp_status_comma(void *b, int n)
{
	fdt_setprop_string(b, n, "status", "BUSY,every=2");
}
static void sp_status_list(void *b, int n)
{
	fdt_setprop(b, n, "status", "BUSY\0DENIED", 12);
}
static void sp_status_name(void *b, int n)
{
	fdt_setprop_string(b, n, "status", "SLEEPY");
}
static void sp_ppm(void *b, int n)
{
	fdt_setprop_u32(b, n, "probability-ppm", 1000001);
}
static void sp_seed(void *b, int n)
{
	fdt_setprop(b, n, "seed", "abc", 3);
}
static void sp_empty(void *b, int n)
{
	(void)b;
	(void)n;
}
static void sp_two(void *b, int n)
{
	fdt_setprop_empty(b, n, "drop");
	fdt_setprop_string(b, n, "corrupt", "token");
}

static void test_dt_bad(void **state)
{
	static char junk[512];

	(void)state;
	dt_bad(sp_unknown, "unknown property colour");
	dt_bad(sp_wide, "delay-ms must be one u32 cell");
	dt_bad(sp_drop_value, "drop takes no value");
	dt_bad(sp_status_comma, "status must be one word");
	dt_bad(sp_status_list, "status must be one word");
	dt_bad(sp_status_name, "bad value for status");
	dt_bad(sp_ppm, "probability-ppm above");
	dt_bad(sp_seed, "seed must be");
	dt_bad(sp_empty, "says nothing to do");
	dt_bad(sp_two, "exclude one another");

	struct fault_inject *fi = fault_inject_new();
	char err[160] = "";

	assert_int_equal(fault_inject_load_dt(fi, junk, sizeof(junk), err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "not a valid DTB"));
	assert_int_equal(fault_inject_load_dt(fi, NULL, 0, err, sizeof(err)), -EINVAL);
	assert_int_equal(fault_inject_load_dt_file(fi, "/nonexistent/x.dtb", err, sizeof(err)),
			 -ENOENT);
	assert_non_null(strstr(err, "cannot open"));
	/* A tree without a platform node, or without faults: no rules, no error. */
	assert_int_equal(fdt_create_empty_tree(junk, sizeof(junk)), 0);
	assert_int_equal(fault_inject_load_dt(fi, junk, sizeof(junk), err, sizeof(err)), 0);
	assert_int_equal(fault_inject_num_rules(fi), 0);
	fault_inject_free(fi);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_spec_good),	    cmocka_unit_test(test_spec_bad),
	    cmocka_unit_test(test_injector_limits), cmocka_unit_test(test_dt_good),
	    cmocka_unit_test(test_dt_bad),
	};

	return cmocka_run_group_tests_name("fault_spec", tests, NULL, NULL);
}

// SPDX-License-Identifier: BSD-3-Clause
/*
 * The protocol fixture itself: a test that fails while it holds the platform lock must be
 * reported as one failure, and its teardown must not wait for the lock. Before the fixture
 * gave the lock back, such a failure hung its program until the ctest timeout (found by a
 * mutation run: every mutant that failed proto_test_perf inside a locked section cost 300 s).
 */
#include <stdio.h>

#include "fixture.h"

/* Takes the platform lock and fails before giving it back (cmocka leaves by longjmp). */
static void fails_holding_lock(void **state)
{
	struct proto_fixture *f = *state;

	proto_lock(f);
	fail_msg("the failure this program expects, with the platform lock held");
	proto_unlock(f);
}

/* The lock again, after such a failure: given back, not left held. */
static void lock_after_failure(void **state)
{
	struct proto_fixture *f = *state;

	proto_lock(f);
	assert_true(f->locked);
	proto_unlock(f);
	assert_false(f->locked);
}

int main(void)
{
	const struct CMUnitTest failing[] = {
	    PROTO_TEST(fails_holding_lock),
	};
	const struct CMUnitTest after[] = {
	    PROTO_TEST(lock_after_failure),
	};
	int failures =
	    _cmocka_run_group_tests("fixture/fails-holding-lock", failing, 1, NULL, NULL);

	if (failures != 1) {
		fprintf(stderr, "expected exactly one failure, got %d\n", failures);
		return 1;
	}
	printf("fixture: the one failure above was expected; its teardown gave the lock back\n");
	return proto_run("fixture", after, PROTO_ARRAY_SIZE(after));
}

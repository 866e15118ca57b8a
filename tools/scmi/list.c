// SPDX-License-Identifier: BSD-3-Clause
/*
 * The `list` verbs' scaffold: one row per resource id, as a table or as a JSON
 * array of objects. The command says what a row holds; this walks the ids and
 * owns the table, the array and their errors.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>

#include "cli.h"
#include "command.h"
#include "json.h"
#include "list.h"
#include "table.h"

int cli_list_run(const struct cli_opts *o, const struct cli_list *l)
{
	struct cli_table *t = NULL;
	struct cli_json j;
	uint32_t id;
	int ret;

	if (o->json) {
		cli_json_init(&j, stdout);
		cli_json_begin_array(&j);
	} else {
		t = cli_table_new(l->cols, l->num_cols);
		if (!t)
			return cli_fail(-ENOMEM, "%s: list", l->what);
	}
	for (id = 0; id < l->count; id++) {
		ret = l->row(l->ctx, id, o->json ? &j : NULL, t);
		if (ret) {
			cli_table_free(t);
			return ret;
		}
	}
	if (o->json) {
		cli_json_end_array(&j);
		return cli_json_exit(&j);
	}
	ret = cli_table_print(t, stdout);
	cli_table_free(t);
	return ret ? cli_fail(ret, "%s: list", l->what) : CLI_EXIT_OK;
}

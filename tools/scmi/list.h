/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The `list` verbs' scaffold (list.c): one row per resource id, as a table or
 * as a JSON array of objects. The command says what a row holds; this walks
 * the ids and owns the table, the array and their errors.
 */
#ifndef SCMI_TOOLS_LIST_H
#define SCMI_TOOLS_LIST_H

#include <stddef.h>
#include <stdint.h>

#include "cli.h"
#include "json.h"
#include "table.h"

/**
 * cli_row_fn - read resource @id and add it: to @j as one JSON object when
 * @j is set (--json), else to @t as one table row. Returns CLI_EXIT_OK or an
 * exit code already reported (cli_fail()), which ends the list.
 */
typedef int cli_row_fn(void *ctx, uint32_t id, struct cli_json *j, struct cli_table *t);

/**
 * struct cli_list - a `list` verb: one row per resource id 0..@count-1.
 * @what:     the command's name, for errors ("reset: list")
 * @cols:     the table's columns
 * @num_cols: entries in @cols
 * @count:    how many ids there are
 * @row:      what one row holds
 * @ctx:      passed to @row (the protocol handle)
 */
struct cli_list {
	const char *what;
	const struct cli_column *cols;
	size_t num_cols;
	uint32_t count;
	cli_row_fn *row;
	void *ctx;
};

/** cli_list_run() - print the list @l describes (table or JSON). Returns an exit code. */
int cli_list_run(const struct cli_opts *o, const struct cli_list *l);

#endif /* SCMI_TOOLS_LIST_H */

/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tables for people (table.c): a header line, then rows; columns are two spaces
 * apart, numbers right-aligned, and no trailing blanks.
 */
#ifndef SCMI_TOOLS_TABLE_H
#define SCMI_TOOLS_TABLE_H

#include <stddef.h>
#include <stdio.h>

/** enum cli_align - how a column is aligned. */
enum cli_align {
	CLI_LEFT = 0,
	CLI_RIGHT,
};

/**
 * struct cli_column - one column.
 * @header: its title ("ID", "NAME", "RATE")
 * @align:  CLI_RIGHT for numbers
 */
struct cli_column {
	const char *header;
	enum cli_align align;
};

struct cli_table;

/** cli_table_new() - a table of @ncols columns (copied); NULL when out of memory. */
struct cli_table *cli_table_new(const struct cli_column *cols, size_t ncols);

/**
 * cli_table_add() - append one cell (printf-style, trusted text such as numbers
 * and units); the row ends by itself after the last column.
 */
void cli_table_add(struct cli_table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/**
 * cli_table_add_name() - append a cell holding a string from the platform
 * (resource names): anything but printable ASCII is shown as \xNN.
 */
void cli_table_add_name(struct cli_table *t, const char *name);

/**
 * cli_table_print() - print the table to @f; a short last row is padded with
 * empty cells. Returns 0, or -ENOMEM if a cell could not be stored earlier.
 */
int cli_table_print(struct cli_table *t, FILE *f);

/** cli_table_free() - free @t (NULL is fine). */
void cli_table_free(struct cli_table *t);

#endif /* SCMI_TOOLS_TABLE_H */

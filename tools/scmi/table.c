// SPDX-License-Identifier: BSD-3-Clause
/*
 * Aligned text tables. Cells are stored as strings until the table is printed,
 * since a column's width is only known once every row is in. Widths count UTF-8
 * code points so "45.2 °C" lines up with "45.25 °C".
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "units.h"

/**
 * struct cli_table - a table being filled.
 * @cols, @ncols: the columns
 * @cells:        row-major cell strings, @ncells used of @cap
 * @err:          -ENOMEM once a cell could not be stored
 */
struct cli_table {
	struct cli_column *cols;
	size_t ncols;
	char **cells;
	size_t ncells;
	size_t cap;
	int err;
};

struct cli_table *cli_table_new(const struct cli_column *cols, size_t ncols)
{
	struct cli_table *t;

	if (!cols || !ncols)
		return NULL;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->cols = calloc(ncols, sizeof(*t->cols));
	if (!t->cols) {
		free(t);
		return NULL;
	}
	memcpy(t->cols, cols, ncols * sizeof(*cols));
	t->ncols = ncols;
	return t;
}

/* Takes ownership of @s (NULL means it could not be built). */
static void add_cell(struct cli_table *t, char *s)
{
	if (!s) {
		t->err = -ENOMEM;
		return;
	}
	if (t->ncells == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 4 * t->ncols;
		char **cells = realloc(t->cells, cap * sizeof(*cells));

		if (!cells) {
			free(s);
			t->err = -ENOMEM;
			return;
		}
		t->cells = cells;
		t->cap = cap;
	}
	t->cells[t->ncells++] = s;
}

void cli_table_add(struct cli_table *t, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	if (!t)
		return;
	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	add_cell(t, n < 0 ? NULL : s);
}

void cli_table_add_name(struct cli_table *t, const char *name)
{
	const unsigned char *p = (const unsigned char *)(name ? name : "");
	char *s, *q;

	if (!t)
		return;
	/* Worst case every byte becomes "\xNN". */
	s = malloc(4 * strlen((const char *)p) + 1);
	if (!s) {
		add_cell(t, NULL);
		return;
	}
	for (q = s; *p; p++) {
		if (*p >= 0x20 && *p < 0x7f && *p != '\\') {
			*q++ = (char)*p;
		} else if (*p == '\\') {
			*q++ = '\\';
			*q++ = '\\';
		} else {
			snprintf(q, 5, "\\x%02x", *p);
			q += 4;
		}
	}
	*q = '\0';
	add_cell(t, s);
}

/* Blanks are only written when text follows them: no trailing blanks on a line. */
static void put(FILE *f, size_t *blanks, const char *s)
{
	if (!*s)
		return;
	while (*blanks) {
		fputc(' ', f);
		--*blanks;
	}
	fputs(s, f);
}

static void print_row(FILE *f, const struct cli_table *t, const size_t *width,
		      const char *const *row, size_t n)
{
	size_t blanks = 0;

	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = c < n ? row[c] : "";
		size_t w = cli_text_width(s);

		if (c)
			blanks += 2;
		if (t->cols[c].align == CLI_RIGHT)
			blanks += width[c] - w;
		put(f, &blanks, s);
		if (t->cols[c].align == CLI_LEFT)
			blanks += width[c] - w;
	}
	fputc('\n', f);
}

int cli_table_print(struct cli_table *t, FILE *f)
{
	const char **hdr;
	size_t *width;

	if (!t)
		return -ENOMEM;
	if (t->err)
		return t->err;
	width = calloc(t->ncols, sizeof(*width));
	hdr = calloc(t->ncols, sizeof(*hdr));
	if (!width || !hdr) {
		free(width);
		free(hdr);
		return -ENOMEM;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		hdr[c] = t->cols[c].header ? t->cols[c].header : "";
		width[c] = cli_text_width(hdr[c]);
	}
	for (size_t i = 0; i < t->ncells; i++) {
		size_t w = cli_text_width(t->cells[i]);

		if (w > width[i % t->ncols])
			width[i % t->ncols] = w;
	}
	print_row(f, t, width, hdr, t->ncols);
	for (size_t i = 0; i < t->ncells; i += t->ncols) {
		size_t n = t->ncells - i < t->ncols ? t->ncells - i : t->ncols;

		print_row(f, t, width, (const char *const *)&t->cells[i], n);
	}
	free(width);
	free(hdr);
	return 0;
}

void cli_table_free(struct cli_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->cols);
	free(t);
}

// SPDX-License-Identifier: BSD-3-Clause
/*
 * The freestanding environment of the simulated platform (sim_env.h): what
 * the secure firmware links instead of libc.
 *
 * Memory. One arena the host gives, carved first-fit into blocks, each with
 * a 16-byte header (its size, and a mark while it is allocated). Free blocks
 * form one list sorted by address; a freed block merges with free
 * neighbours, so a platform loaded and freed again leaves the arena as it
 * found it (the host-side tests load thousands). The firmware loads one
 * platform at boot and never frees it: what counts there is the peak, which
 * sim_env_fs_stats() reports for the RAM budget.
 *
 * Formatting. A small vsnprintf for the loader's one-line errors and the
 * log, with C99's truncation and return value.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "platform/sim/sim_env.h"

#define BLK_ALIGN ((size_t)16)
/* The smallest block: a header and one aligned unit. */
#define BLK_MIN (2 * BLK_ALIGN)

/**
 * struct blk - a block's header.
 * @size: bytes of the block, header included, a multiple of BLK_ALIGN
 * @next: the next free block by address, or BLK_USED while allocated
 */
struct blk {
	size_t size;
	struct blk *next;
};

_Static_assert(sizeof(struct blk) <= BLK_ALIGN, "the header keeps payloads aligned");

/* What an allocated block's @next points to: a free block never links here. */
static struct blk used_mark;
#define BLK_USED (&used_mark)

static struct {
	struct sim_env_fs env;
	uint8_t *base;
	size_t size;
	struct blk *free;
	struct sim_env_fs_stats st;
	sim_mutex_t lock;
} fs;

void sim_env_fs_setup(const struct sim_env_fs *env)
{
	size_t skip = (size_t)(-(uintptr_t)env->arena & (BLK_ALIGN - 1));

	memset(&fs, 0, sizeof(fs));
	fs.env = *env;
	sim_mutex_init(&fs.lock);
	if (!env->arena || env->arena_size < skip + BLK_MIN)
		return;
	fs.base = (uint8_t *)env->arena + skip;
	fs.size = (env->arena_size - skip) & ~(BLK_ALIGN - 1);
	fs.free = (struct blk *)fs.base;
	fs.free->size = fs.size;
	fs.free->next = NULL;
	fs.st.arena_size = fs.size;
}

void sim_env_fs_stats(struct sim_env_fs_stats *st)
{
	sim_mutex_lock(&fs.lock);
	*st = fs.st;
	sim_mutex_unlock(&fs.lock);
}

static void *blk_alloc(size_t n)
{
	struct blk **link, *b;
	size_t need;

	if (n > fs.size)
		return NULL;
	need = (n + sizeof(struct blk) + BLK_ALIGN - 1) & ~(BLK_ALIGN - 1);
	if (need < BLK_MIN)
		need = BLK_MIN;
	for (link = &fs.free; (b = *link); link = &b->next) {
		if (b->size < need)
			continue;
		if (b->size - need >= BLK_MIN) {
			struct blk *rest = (struct blk *)((uint8_t *)b + need);

			rest->size = b->size - need;
			rest->next = b->next;
			*link = rest;
			b->size = need;
		} else {
			*link = b->next;
		}
		b->next = BLK_USED;
		fs.st.in_use += b->size;
		fs.st.blocks++;
		if (fs.st.in_use > fs.st.peak)
			fs.st.peak = fs.st.in_use;
		return (uint8_t *)b + BLK_ALIGN;
	}
	return NULL;
}

/* The header of allocated payload @p, or NULL if @p is not one (a foreign or freed pointer). */
static struct blk *blk_of(void *p)
{
	struct blk *b = (struct blk *)((uint8_t *)p - BLK_ALIGN);

	if ((uint8_t *)p < fs.base + BLK_ALIGN || (uint8_t *)p >= fs.base + fs.size ||
	    ((uintptr_t)p & (BLK_ALIGN - 1)) || b->next != BLK_USED)
		return NULL;
	return b;
}

static void blk_free(struct blk *b)
{
	struct blk *prev = NULL, *next = fs.free;

	while (next && next < b) {
		prev = next;
		next = next->next;
	}
	fs.st.in_use -= b->size;
	fs.st.blocks--;
	b->next = next;
	if (next && (uint8_t *)b + b->size == (uint8_t *)next) {
		b->size += next->size;
		b->next = next->next;
	}
	if (prev && (uint8_t *)prev + prev->size == (uint8_t *)b) {
		prev->size += b->size;
		prev->next = b->next;
	} else if (prev) {
		prev->next = b;
	} else {
		fs.free = b;
	}
}

void *sim_calloc(size_t n, size_t size)
{
	void *p;

	if (size && n > (size_t)-1 / size)
		return NULL;
	sim_mutex_lock(&fs.lock);
	p = blk_alloc(n * size);
	sim_mutex_unlock(&fs.lock);
	if (p)
		memset(p, 0, n * size);
	return p;
}

void sim_free(void *p)
{
	struct blk *b;

	if (!p)
		return;
	sim_mutex_lock(&fs.lock);
	b = blk_of(p);
	if (b)
		blk_free(b);
	sim_mutex_unlock(&fs.lock);
	/* Freeing what the arena never gave is a bug: say so rather than corrupt the arena. */
	if (!b)
		sim_log("sim: env: free of %p, not an allocated block", p);
}

void *sim_realloc(void *p, size_t size)
{
	struct blk *b;
	size_t have;
	void *q;

	if (!p)
		return sim_calloc(1, size);
	sim_mutex_lock(&fs.lock);
	b = blk_of(p);
	sim_mutex_unlock(&fs.lock);
	if (!b)
		return NULL;
	have = b->size - BLK_ALIGN;
	if (size <= have)
		return p;
	q = sim_calloc(1, size);
	if (!q)
		return NULL;
	memcpy(q, p, have);
	sim_free(p);
	return q;
}

uint64_t sim_now_ns(void)
{
	return fs.env.now_ns ? fs.env.now_ns() : 0;
}

/**
 * struct out - a bounded output buffer.
 * @buf: where (NULL when @len is 0)
 * @len: its size, NUL included
 * @pos: characters produced so far (may exceed @len: the C99 return value)
 */
struct out {
	char *buf;
	size_t len;
	size_t pos;
};

static void put(struct out *o, char c)
{
	if (o->pos + 1 < o->len)
		o->buf[o->pos] = c;
	o->pos++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/**
 * struct spec - one conversion's flags.
 * @left:  '-'
 * @zero:  '0'
 * @alt:   '#'
 * @sign:  '+' or ' ': what a non-negative number starts with (0: nothing)
 * @width: minimum field width
 * @prec:  precision, -1 when none
 */
struct spec {
	bool left, zero, alt;
	char sign;
	int width;
	int prec;
};

static void put_str(struct out *o, const struct spec *s, const char *str)
{
	size_t n = 0;

	if (!str)
		str = "(null)";
	while (str[n] && (s->prec < 0 || n < (size_t)s->prec))
		n++;
	if (!s->left)
		pad(o, ' ', s->width - (int)n);
	for (size_t i = 0; i < n; i++)
		put(o, str[i]);
	if (s->left)
		pad(o, ' ', s->width - (int)n);
}

static void put_num(struct out *o, const struct spec *s, unsigned long long v, bool neg,
		    unsigned int base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, zeros, len;
	char sign = s->sign;
	bool prefix = s->alt && base == 16 && v;

	if (neg)
		sign = '-';
	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (s->prec == 0 && n == 1 && tmp[0] == '0')
		n = 0;
	zeros = s->prec > n ? s->prec - n : 0;
	len = n + zeros + (sign ? 1 : 0) + (prefix ? 2 : 0);
	if (s->zero && !s->left && s->prec < 0 && s->width > len) {
		zeros += s->width - len;
		len = s->width;
	}
	if (!s->left)
		pad(o, ' ', s->width - len);
	if (sign)
		put(o, sign);
	if (prefix) {
		put(o, '0');
		put(o, upper ? 'X' : 'x');
	}
	pad(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (s->left)
		pad(o, ' ', s->width - len);
}

enum length { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_SIZE, LEN_MAX, LEN_PTRDIFF };

/*
 * The argument of a signed conversion of length @l. Each is fetched as the type the caller
 * passed (several are the same type on one ABI and not on another).
 */
static long long arg_signed(va_list *ap, enum length l)
{
	if (l == LEN_CHAR)
		return (signed char)va_arg(*ap, int);
	if (l == LEN_SHORT)
		return (short)va_arg(*ap, int);
	if (l == LEN_LONG)
		return va_arg(*ap, long);
	if (l == LEN_LLONG)
		return va_arg(*ap, long long);
	if (l == LEN_MAX)
		return va_arg(*ap, intmax_t);
	if (l == LEN_PTRDIFF)
		return va_arg(*ap, ptrdiff_t);
	/* %zd: the signed type of size_t's width. */
	if (l == LEN_SIZE)
		return sizeof(size_t) == sizeof(long) ? (long long)(long)va_arg(*ap, size_t)
						      : (long long)(int)va_arg(*ap, size_t);
	return va_arg(*ap, int);
}

/* The argument of an unsigned conversion of length @l, as arg_signed(). */
static unsigned long long arg_unsigned(va_list *ap, enum length l)
{
	if (l == LEN_CHAR)
		return (unsigned char)va_arg(*ap, unsigned int);
	if (l == LEN_SHORT)
		return (unsigned short)va_arg(*ap, unsigned int);
	if (l == LEN_LONG)
		return va_arg(*ap, unsigned long);
	if (l == LEN_LLONG)
		return va_arg(*ap, unsigned long long);
	if (l == LEN_MAX)
		return va_arg(*ap, uintmax_t);
	if (l == LEN_PTRDIFF)
		return (unsigned long long)va_arg(*ap, ptrdiff_t);
	if (l == LEN_SIZE)
		return va_arg(*ap, size_t);
	return va_arg(*ap, unsigned int);
}

/* Parse the flags, width, precision and length of the conversion at @f; returns past them. */
static const char *parse_spec(const char *f, va_list *ap, struct spec *s, enum length *l)
{
	*s = (struct spec){.prec = -1};
	for (;; f++) {
		if (*f == '-')
			s->left = true;
		else if (*f == '0')
			s->zero = true;
		else if (*f == '+')
			s->sign = '+';
		else if (*f == ' ' && !s->sign)
			s->sign = ' ';
		else if (*f == '#')
			s->alt = true;
		else
			break;
	}
	if (*f == '*') {
		s->width = va_arg(*ap, int);
		if (s->width < 0) {
			s->left = true;
			s->width = -s->width;
		}
		f++;
	} else {
		while (*f >= '0' && *f <= '9' && s->width < 100000)
			s->width = s->width * 10 + (*f++ - '0');
	}
	if (*f == '.') {
		f++;
		s->prec = 0;
		if (*f == '*') {
			s->prec = va_arg(*ap, int);
			if (s->prec < 0)
				s->prec = -1;
			f++;
		} else {
			while (*f >= '0' && *f <= '9' && s->prec < 100000)
				s->prec = s->prec * 10 + (*f++ - '0');
		}
	}
	*l = LEN_INT;
	if (f[0] == 'h' && f[1] == 'h') {
		*l = LEN_CHAR;
		f += 2;
	} else if (f[0] == 'l' && f[1] == 'l') {
		*l = LEN_LLONG;
		f += 2;
	} else if (*f == 'h' || *f == 'l' || *f == 'z' || *f == 'j' || *f == 't') {
		*l = *f == 'h'	 ? LEN_SHORT
		     : *f == 'l' ? LEN_LONG
		     : *f == 'z' ? LEN_SIZE
		     : *f == 'j' ? LEN_MAX
				 : LEN_PTRDIFF;
		f++;
	}
	return f;
}

int sim_vsnprintf(char *buf, size_t len, const char *fmt, va_list ap)
{
	struct out o = {.buf = buf, .len = buf ? len : 0};
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		struct spec s;
		enum length l;
		long long v;

		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &args, &s, &l);
		switch (*fmt) {
		case 'd':
		case 'i':
			v = arg_signed(&args, l);
			put_num(&o, &s,
				v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, v < 0,
				10, false);
			break;
		case 'u':
			put_num(&o, &s, arg_unsigned(&args, l), false, 10, false);
			break;
		case 'x':
		case 'X':
			put_num(&o, &s, arg_unsigned(&args, l), false, 16, *fmt == 'X');
			break;
		case 'p':
			s.alt = true;
			put_num(&o, &s, (uintptr_t)va_arg(args, void *), false, 16, false);
			break;
		case 'c': {
			char c[2] = {(char)va_arg(args, int), '\0'};

			s.prec = 1;
			put_str(&o, &s, c);
			break;
		}
		case 's':
			put_str(&o, &s, va_arg(args, const char *));
			break;
		case '%':
			put(&o, '%');
			break;
		default:
			/* An unknown conversion (or the end): copy it, so that it shows. */
			put(&o, '%');
			if (!*fmt)
				continue;
			put(&o, *fmt);
			break;
		}
		fmt++;
	}
	va_end(args);
	if (buf && len)
		buf[o.pos < len ? o.pos : len - 1] = '\0';
	return o.pos > 0x7fffffff ? 0x7fffffff : (int)o.pos;
}

int sim_snprintf(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = sim_vsnprintf(buf, len, fmt, ap);
	va_end(ap);
	return n;
}

void sim_log(const char *fmt, ...)
{
	char line[256];
	va_list ap;

	if (!fs.env.log)
		return;
	va_start(ap, fmt);
	sim_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	fs.env.log(line);
}

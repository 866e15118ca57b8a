// SPDX-License-Identifier: BSD-3-Clause
/*
 * optee-simd: the emulated OP-TEE as a daemon. Loads the platform from a
 * DTB, builds the secure world (SCMI server + PTA in a TEE core) and serves
 * it to sim-backend clients on a Unix socket until SIGINT or SIGTERM.
 *
 * Signals are blocked in every thread and read from a signalfd in main, so
 * no work happens in a signal handler.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "ipc/socket_path.h"
#include "platform/sim/sim_platform.h"
#include "secure/daemon_log.h"
#include "secure/fault_inject.h"
#include "secure/msg_tap.h"
#include "secure/pta_scmi.h"
#include "secure/secure_world.h"
#include "secure/socket_server.h"
#include "secure/vhost_user_scmi.h"

#ifndef SCMI_DEFAULT_PLATFORM_DTB
#define SCMI_DEFAULT_PLATFORM_DTB "platforms/default.dtb"
#endif
#ifndef OPTEE_SIMD_VERSION
#define OPTEE_SIMD_VERSION "unknown"
#endif

/* Trusted ids given on the command line, at most this many of each. */
#define MAX_TRUSTED_IDS 32
/* vhost-user-scmi devices; the default channel is agent "vm1"'s (docs/vhost-user.md). */
#define MAX_VHOST_USER	       16
#define VHOST_USER_DEF_CHANNEL 2u

struct options {
	const char *socket_path;
	const char *platform;
	const char *check;
	uid_t uids[MAX_TRUSTED_IDS];
	size_t num_uids;
	gid_t gids[MAX_TRUSTED_IDS];
	size_t num_gids;
	struct optee_sim_limits limits;
	unsigned int max_clients;
	unsigned int max_per_uid;
	unsigned int idle_timeout_ms;
	unsigned int max_payload;
	bool max_payload_set;
	bool virtual_time;
	bool verbose;
	const char *log_path;
	bool trace;
	const char *pcap_path;
	struct vhost_scmi_config vhost[MAX_VHOST_USER];
	size_t num_vhost;
	struct fault_rule faults[FAULT_INJECT_MAX_RULES];
	size_t num_faults;
};

/*
 * The default platform. Installed, the one in our prefix's data directory, found from where
 * this binary is so that any prefix works; else (the build tree) the one the build made.
 */
static const char *default_platform(void)
{
#ifdef SCMI_INSTALLED_PLATFORM_DTB
	static char found[PATH_MAX];
	char exe[PATH_MAX], path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	if (n > 0) {
		exe[n] = 0;
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = 0;
			n = snprintf(path, sizeof(path), "%s/%s", exe, SCMI_INSTALLED_PLATFORM_DTB);
			/* realpath: the path --help shows reads as PREFIX/share/..., not bin/.. */
			if (n > 0 && (size_t)n < sizeof(path) && realpath(path, found) &&
			    access(found, R_OK) == 0)
				return found;
		}
	}
#endif
	return SCMI_DEFAULT_PLATFORM_DTB;
}

static void usage(FILE *out)
{
	fprintf(
	    out,
	    "usage: optee-simd [--socket PATH] [--platform FILE.dtb] [--kernel-uid UID]...\n"
	    "                  [--kernel-gid GID]... [--max-sessions N] [--max-shm N]\n"
	    "                  [--max-clients N] [--max-clients-per-uid N] [--idle-timeout MS]\n"
	    "                  [--max-payload N]\n"
	    "                  [--virtual-time] [--vhost-user PATH[:CHANNEL]]...\n"
	    "                  [--inject SPEC]... [-v] [--log FILE] [--trace]\n"
	    "                  [--pcap FILE] [--help] [--version]\n"
	    "       optee-simd --check FILE.dtb\n"
	    "\n"
	    "Serve the emulated OP-TEE (SCMI PTA over a simulated platform) on a Unix socket.\n"
	    "  --socket PATH       socket to listen on (default: "
	    "$XDG_RUNTIME_DIR/optee-simd.sock,\n"
	    "                      else ${TMPDIR:-/tmp}/optee-simd-UID/optee-simd.sock in a\n"
	    "                      directory made private to us, mode 0700: refused if it\n"
	    "                      exists with another owner or mode; give a PATH others can\n"
	    "                      reach to serve other uids)\n"
	    "  --platform FILE     platform DTB (default: %s)\n"
	    "  --check FILE.dtb    validate a platform DT and exit, without serving: 0 when it\n"
	    "                      would load, else 1 and the first error (node and property)\n"
	    "  --kernel-uid UID    peers with this uid may use the REE-kernel login (repeatable;\n"
	    "                      our own uid always may)\n"
	    "  --kernel-gid GID    peers with this primary gid may too (repeatable)\n"
	    "  --max-sessions N    open sessions per client (default 64)\n"
	    "  --max-shm N         shared-memory objects per client (default 256)\n"
	    "  --max-clients N     connections served at once (default %u); peers not trusted\n"
	    "                      with the REE-kernel login hold at most half of them, so a\n"
	    "                      trusted client always finds room; more are refused\n"
	    "  --max-clients-per-uid N\n"
	    "                      connections one untrusted uid may hold (default %u)\n"
	    "  --idle-timeout MS   close a connection that has no session open for MS\n"
	    "                      milliseconds (default %u)\n"
	    "  --max-payload N     refuse SCMI requests with more than N bytes of payload at\n"
	    "                      the transport, before they are processed, as OP-TEE does\n"
	    "                      with %u (default %u: the server's own bound)\n"
	    "  --virtual-time      platform time stands still until advanced through the\n"
	    "                      sim-control PTA (scmi sim advance)\n"
	    "  --vhost-user PATH[:CHANNEL]\n"
	    "                      also serve a vhost-user-scmi device (QEMU connects to PATH)\n"
	    "                      as platform channel CHANNEL (default %u); repeatable\n"
	    "  --inject SPEC       inject a fault, e.g. 'channel=0,proto=0x14,msg=0x6,delay=100,\n"
	    "                      every=3' (delay=MS, drop, corrupt=token|length|short|payload,\n"
	    "                      status=NAME; every=N or prob=P,seed=S); repeatable; see\n"
	    "                      docs/fault-injection.md\n"
	    "  -v, --verbose       also log each client's connect and disconnect\n"
	    "  --log FILE          append the log to FILE instead of stderr\n"
	    "  --trace             log every SCMI message, each door, as Linux's scmi_msg_dump\n"
	    "  --pcap FILE         write every SCMI message, both ways, each door, to FILE\n"
	    "                      (pcap, link type 147; docs/capture.md)\n"
	    "Runs in the foreground, logs to stderr (each line after its UTC time), stops on\n"
	    "SIGINT or SIGTERM.\n",
	    default_platform(), OPTEE_SIM_SERVER_DEFAULT_MAX_CLIENTS,
	    OPTEE_SIM_SERVER_DEFAULT_MAX_PER_UID, OPTEE_SIM_SERVER_DEFAULT_IDLE_MS,
	    PTA_SCMI_OPTEE_MAX_PAYLOAD, PTA_SCMI_DEFAULT_MAX_PAYLOAD, VHOST_USER_DEF_CHANNEL);
}

/* A decimal number in [min, max]; anything else (sign, junk, overflow) is refused. */
static bool parse_uint(const char *s, unsigned long min, unsigned long max, unsigned long *out)
{
	unsigned long v;
	char *end;

	if (!s || s[0] < '0' || s[0] > '9')
		return false;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

/* PATH or PATH:CHANNEL (a decimal suffix after the last colon is the channel). */
static bool parse_vhost(char *arg, struct vhost_scmi_config *c)
{
	char *colon = strrchr(arg, ':');
	unsigned long v;

	c->socket_path = arg;
	c->channel_id = VHOST_USER_DEF_CHANNEL;
	if (colon && parse_uint(colon + 1, 0, 0xffffffff, &v)) {
		*colon = 0;
		c->channel_id = (uint32_t)v;
	}
	return arg[0] != 0;
}

static int parse_args(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
	    {"socket", required_argument, NULL, 's'},
	    {"platform", required_argument, NULL, 'p'},
	    {"kernel-uid", required_argument, NULL, 'u'},
	    {"kernel-gid", required_argument, NULL, 'g'},
	    {"max-sessions", required_argument, NULL, 'S'},
	    {"max-shm", required_argument, NULL, 'M'},
	    {"max-clients", required_argument, NULL, 'C'},
	    {"max-clients-per-uid", required_argument, NULL, 'U'},
	    {"idle-timeout", required_argument, NULL, 'T'},
	    {"max-payload", required_argument, NULL, 'P'},
	    {"virtual-time", no_argument, NULL, 'V'},
	    {"vhost-user", required_argument, NULL, 'H'},
	    {"verbose", no_argument, NULL, 'v'},
	    {"log", required_argument, NULL, 'L'},
	    {"trace", no_argument, NULL, 't'},
	    {"pcap", required_argument, NULL, 'W'},
	    {"inject", required_argument, NULL, 'i'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'r'},
	    {"check", required_argument, NULL, 'c'},
	    {NULL, 0, NULL, 0},
	};
	unsigned long v;
	int idx = 0;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "v", longopts, &idx)) != -1) {
		switch (c) {
		case 's':
			if (!optarg[0])
				goto bad_value;
			o->socket_path = optarg;
			break;
		case 'p':
			if (!optarg[0])
				goto bad_value;
			o->platform = optarg;
			break;
		case 'u':
			if (o->num_uids == MAX_TRUSTED_IDS ||
			    !parse_uint(optarg, 0, 0xfffffffe, &v))
				goto bad_value;
			o->uids[o->num_uids++] = (uid_t)v;
			break;
		case 'g':
			if (o->num_gids == MAX_TRUSTED_IDS ||
			    !parse_uint(optarg, 0, 0xfffffffe, &v))
				goto bad_value;
			o->gids[o->num_gids++] = (gid_t)v;
			break;
		case 'S':
			if (!parse_uint(optarg, 1, 65536, &v))
				goto bad_value;
			o->limits.max_sessions = (unsigned int)v;
			break;
		case 'M':
			if (!parse_uint(optarg, 1, 65536, &v))
				goto bad_value;
			o->limits.max_shm = (unsigned int)v;
			break;
		case 'C':
			if (!parse_uint(optarg, 1, 65536, &v))
				goto bad_value;
			o->max_clients = (unsigned int)v;
			break;
		case 'U':
			if (!parse_uint(optarg, 1, 65536, &v))
				goto bad_value;
			o->max_per_uid = (unsigned int)v;
			break;
		case 'T':
			if (!parse_uint(optarg, 1, 86400000, &v))
				goto bad_value;
			o->idle_timeout_ms = (unsigned int)v;
			break;
		case 'P':
			if (!parse_uint(optarg, 0, SCMI_SERVER_MAX_PAYLOAD, &v))
				goto bad_value;
			o->max_payload = (unsigned int)v;
			o->max_payload_set = true;
			break;
		case 'V':
			o->virtual_time = true;
			break;
		case 'v':
			o->verbose = true;
			break;
		case 't':
			o->trace = true;
			break;
		case 'W':
			if (!optarg[0])
				goto bad_value;
			o->pcap_path = optarg;
			break;
		case 'L':
			if (!optarg[0])
				goto bad_value;
			o->log_path = optarg;
			break;
		case 'H':
			if (o->num_vhost == MAX_VHOST_USER ||
			    !parse_vhost(optarg, &o->vhost[o->num_vhost]))
				goto bad_value;
			o->num_vhost++;
			break;
		case 'i': {
			char why[160];

			if (o->num_faults == FAULT_INJECT_MAX_RULES)
				goto bad_value;
			if (fault_rule_parse(optarg, &o->faults[o->num_faults], why, sizeof(why))) {
				fprintf(stderr, "optee-simd: --inject '%s': %s\n", optarg, why);
				return 2;
			}
			o->num_faults++;
			break;
		}
		case 'h':
			usage(stdout);
			return 1;
		case 'r':
			printf("optee-simd %s\n", OPTEE_SIMD_VERSION);
			return 1;
		case 'c':
			if (!optarg[0])
				goto bad_value;
			o->check = optarg;
			break;
		default:
			fprintf(stderr, "optee-simd: unknown option or missing value: %s\n",
				argv[optind - 1]);
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "optee-simd: unexpected argument: %s\n", argv[optind]);
		usage(stderr);
		return 2;
	}
	return 0;

bad_value:
	fprintf(stderr, "optee-simd: bad value for --%s: '%s'\n", longopts[idx].name, optarg);
	usage(stderr);
	return 2;
}

/*
 * --check: build the secure world from @path as a start would (the platform, its binding
 * checked to the last property, the faults node), say what it holds, and tear it down.
 */
static int check_platform(const char *path, const struct optee_sim_limits *limits)
{
	const struct scmi_server_platform_ops *ops = sim_platform_ops();
	char vendor[SCMI_SHORT_NAME_SIZE + 1] = "", sub[SCMI_SHORT_NAME_SIZE + 1] = "";
	struct sim_platform *p;
	struct secure_world *w;
	char err[256] = "";
	uint32_t agents;
	size_t channels;
	int rc;

	rc = secure_world_create(path, limits, &w, err, sizeof(err));
	if (rc) {
		if (err[0])
			fprintf(stderr, "optee-simd: %s: %s\n", path, err);
		else
			fprintf(stderr, "optee-simd: %s: %s\n", path, strerror(-rc));
		return 1;
	}
	p = secure_world_platform(w);
	ops->vendor(p, vendor);
	ops->sub_vendor(p, sub);
	agents = ops->num_agents(p);
	channels = sim_platform_num_channels(p);
	printf("%s: ok: %s%s%s, %u agent%s, %zu channel%s\n", path, vendor, sub[0] ? "/" : "", sub,
	       agents, agents == 1 ? "" : "s", channels, channels == 1 ? "" : "s");
	secure_world_destroy(w);
	return 0;
}

int main(int argc, char **argv)
{
	struct options o = {.platform = NULL};
	struct optee_sim_server_config cfg = {0};
	struct vhost_scmi_dev *vdev[MAX_VHOST_USER] = {0};
	struct optee_sim_server *srv;
	struct signalfd_siginfo si;
	struct secure_world *w;
	char path[108], dir[108];
	char err[256];
	sigset_t mask;
	int sfd, rc;

	rc = parse_args(argc, argv, &o);
	if (rc)
		return rc == 1 ? 0 : rc;
	if (!o.platform)
		o.platform = default_platform();
	if (o.check)
		return check_platform(o.check, &o.limits);
	if (daemon_log_start(o.log_path, err, sizeof(err))) {
		fprintf(stderr, "optee-simd: %s\n", err);
		return 1;
	}
	/* Only a full atexit table refuses: then log plainly rather than lose the last lines. */
	if (atexit(daemon_log_stop))
		daemon_log_stop();
	if (msg_tap_start(o.trace, o.pcap_path, err, sizeof(err))) {
		fprintf(stderr, "optee-simd: %s\n", err);
		return 1;
	}
	/* Every record is flushed as it is written: closing the capture at exit is tidiness. */
	(void)atexit(msg_tap_stop);
	if (!o.socket_path) {
		if (ipc_default_socket(path, sizeof(path), dir)) {
			fprintf(stderr, "optee-simd: default socket path too long; use --socket\n");
			return 1;
		}
		/* Our own directory in a shared one: made here, and never one someone else made. */
		if (dir[0] && ipc_private_dir(dir, geteuid(), true, err, sizeof(err))) {
			fprintf(stderr, "optee-simd: %s; use --socket\n", err);
			return 1;
		}
		o.socket_path = path;
	}

	/* Block before any thread starts, so that every thread inherits the mask. */
	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	if (pthread_sigmask(SIG_BLOCK, &mask, NULL)) {
		fprintf(stderr, "optee-simd: cannot block signals\n");
		return 1;
	}
	/* A client that goes away mid-reply must not kill the daemon. */
	if (signal(SIGPIPE, SIG_IGN) == SIG_ERR) {
		fprintf(stderr, "optee-simd: cannot ignore SIGPIPE: %s\n", strerror(errno));
		return 1;
	}
	sfd = signalfd(-1, &mask, SFD_CLOEXEC);
	if (sfd < 0) {
		fprintf(stderr, "optee-simd: signalfd: %s\n", strerror(errno));
		return 1;
	}

	err[0] = 0;
	rc = secure_world_create(o.platform, &o.limits, &w, err, sizeof(err));
	if (rc) {
		if (err[0])
			fprintf(stderr, "optee-simd: %s\n", err);
		else
			fprintf(stderr, "optee-simd: %s: %s\n", o.platform, strerror(-rc));
		close(sfd);
		return 1;
	}
	if (o.virtual_time)
		sim_platform_set_virtual_time(secure_world_platform(w), true);
	if (o.max_payload_set)
		secure_world_set_max_payload(w, o.max_payload);
	for (size_t i = 0; i < o.num_faults; i++) {
		char spec[192];

		if (fault_inject_add_rule(secure_world_faults(w), &o.faults[i])) {
			fprintf(stderr, "optee-simd: too many faults (platform DT and --inject)\n");
			secure_world_destroy(w);
			close(sfd);
			return 1;
		}
		fprintf(stderr, "optee-simd: injecting %s\n",
			fault_rule_format(&o.faults[i], spec, sizeof(spec)));
	}
	cfg.socket_path = o.socket_path;
	cfg.kernel_uids = o.uids;
	cfg.num_kernel_uids = o.num_uids;
	cfg.kernel_gids = o.gids;
	cfg.num_kernel_gids = o.num_gids;
	cfg.max_clients = o.max_clients;
	cfg.max_per_uid = o.max_per_uid;
	cfg.idle_timeout_ms = o.idle_timeout_ms;
	cfg.quiet = !o.verbose;
	srv = optee_sim_server_start(secure_world_core(w), &cfg, err, sizeof(err));
	if (!srv) {
		fprintf(stderr, "optee-simd: %s\n", err);
		secure_world_destroy(w);
		close(sfd);
		return 1;
	}
	fprintf(stderr, "optee-simd: listening on %s\n", o.socket_path);
	for (size_t i = 0; i < o.num_vhost; i++) {
		o.vhost[i].fc_plat = secure_world_platform(w);
		if (vhost_scmi_start(secure_world_server(w), &o.vhost[i], &vdev[i], err,
				     sizeof(err))) {
			fprintf(stderr, "optee-simd: %s\n", err);
			rc = 1;
			goto out_stop;
		}
		fprintf(stderr, "optee-simd: vhost-user-scmi on %s, channel %u\n",
			o.vhost[i].socket_path, o.vhost[i].channel_id);
	}

	for (;;) {
		ssize_t n = read(sfd, &si, sizeof(si));

		if (n == (ssize_t)sizeof(si) && (si.ssi_signo == SIGINT || si.ssi_signo == SIGTERM))
			break;
		if (n < 0 && errno != EINTR) {
			fprintf(stderr, "optee-simd: signalfd read: %s\n", strerror(errno));
			break;
		}
	}
	fprintf(stderr, "optee-simd: %s, stopping\n",
		si.ssi_signo == SIGINT ? "SIGINT" : "SIGTERM");
out_stop:
	for (size_t i = 0; i < o.num_vhost; i++)
		vhost_scmi_stop(vdev[i]);
	optee_sim_server_stop(srv);
	secure_world_destroy(w);
	close(sfd);
	return rc;
}

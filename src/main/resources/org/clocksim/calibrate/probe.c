/*
 * clocksim calibrate: the native probe (x86-64 Linux). Written for clocksim; measures the host's
 * time sources and prints one JSON object on stdout. Unprivileged, read-only: it never changes a
 * system setting (adjtimex is called with modes 0), and sched_setaffinity moves only its own threads.
 *
 * usage: probe BUDGET_MS CPU[,CPU...]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

#define MAX_CPUS 64
#define MAX_SAMPLES 200000

static inline uint64_t rdtsc_plain(void) {
    uint32_t lo, hi;
    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

/* ordered read before the measured code: lfence; rdtsc */
static inline uint64_t tsc_begin(void) {
    uint32_t lo, hi;
    __asm__ __volatile__("lfence\n\trdtsc" : "=a"(lo), "=d"(hi) :: "memory");
    return ((uint64_t)hi << 32) | lo;
}

/* ordered read after the measured code: rdtscp; lfence */
static inline uint64_t tsc_end(void) {
    uint32_t lo, hi, aux;
    __asm__ __volatile__("rdtscp\n\tlfence" : "=a"(lo), "=d"(hi), "=c"(aux) :: "memory");
    return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t rdtscp_aux(uint32_t *aux) {
    uint32_t lo, hi;
    __asm__ __volatile__("rdtscp" : "=a"(lo), "=d"(hi), "=c"(*aux));
    return ((uint64_t)hi << 32) | lo;
}

static int64_t ns_of(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int64_t now_ns(void) { return ns_of(CLOCK_MONOTONIC); }

static double tsc_ghz = 1.0;
static volatile uint64_t sink;
static int vsyscall_executable;
static char vsyscall_line[512];

/* ---- the sources, each one call ---- */
typedef void (*call_fn)(void);
typedef int (*vgtod_fn)(struct timeval *, void *);
typedef long (*vtime_fn)(long *);

static void c_rdtsc(void) { sink += rdtsc_plain(); }
static void c_rdtscp(void) { uint32_t a; sink += rdtscp_aux(&a); }
static void c_vdso_cgt(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); sink += t.tv_nsec; }
static void c_vdso_gtod(void) { struct timeval t; gettimeofday(&t, NULL); sink += t.tv_usec; }
static void c_vdso_time(void) { sink += time(NULL); }
static void c_coarse(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC_COARSE, &t); sink += t.tv_nsec; }
static void c_sys_cgt(void) { struct timespec t; syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t); sink += t.tv_nsec; }
static void c_sys_gtod(void) { struct timeval t; syscall(SYS_gettimeofday, &t, NULL); sink += t.tv_usec; }
static void c_vsys_gtod(void) { struct timeval t; ((vgtod_fn)0xffffffffff600000UL)(&t, NULL); sink += t.tv_usec; }
static void c_vsys_time(void) { sink += ((vtime_fn)0xffffffffff600400UL)(NULL); }
static void c_getcpu(void) { unsigned c, n; getcpu(&c, &n); sink += c; }
static void c_empty(void) { }

struct source { const char *id; call_fn fn; int needs_vsyscall; };
static const struct source SOURCES[] = {
    {"rdtsc", c_rdtsc, 0},
    {"rdtscp", c_rdtscp, 0},
    {"vdso-clock_gettime", c_vdso_cgt, 0},
    {"vdso-gettimeofday", c_vdso_gtod, 0},
    {"vdso-time", c_vdso_time, 0},
    {"vdso-clock_gettime-coarse", c_coarse, 0},
    {"syscall-clock_gettime", c_sys_cgt, 0},
    {"syscall-gettimeofday", c_sys_gtod, 0},
    {"vsyscall-gettimeofday", c_vsys_gtod, 1},
    {"vsyscall-time", c_vsys_time, 1},
    {"getcpu", c_getcpu, 0},
};
#define NSOURCES (sizeof SOURCES / sizeof SOURCES[0])

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_dbl(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static uint64_t *samples;

/* single-call cost in cycles of fn, n samples at most, within budget_ns; returns the count */
static size_t single_calls(call_fn fn, size_t n, int64_t budget_ns) {
    int64_t stop = now_ns() + budget_ns;
    size_t i = 0;
    for (i = 0; i < n; i++) {
        uint64_t a = tsc_begin();
        fn();
        uint64_t b = tsc_end();
        samples[i] = b - a;
        if ((i & 255) == 255 && now_ns() > stop) { i++; break; }
    }
    qsort(samples, i, sizeof samples[0], cmp_u64);
    return i;
}

static double quantile(const uint64_t *s, size_t n, double q) {
    size_t k = (size_t)(q * (double)(n - 1) + 0.5);
    if (k >= n) k = n - 1;
    return (double)s[k];
}

/* batched: median over rounds of (cycles of BATCH calls) / BATCH, within budget_ns */
static double batched_median(call_fn fn, int64_t budget_ns) {
    enum { BATCH = 200, ROUNDS = 101 };
    double per[ROUNDS];
    int64_t stop = now_ns() + budget_ns;
    int r;
    for (r = 0; r < ROUNDS; r++) {
        uint64_t a = tsc_begin();
        for (int k = 0; k < BATCH; k++) fn();
        uint64_t b = tsc_end();
        per[r] = (double)(b - a) / BATCH;
        if (now_ns() > stop) { r++; break; }
    }
    qsort(per, r, sizeof per[0], cmp_dbl);
    return per[r / 2];
}

static void find_vsyscall(void) {
    FILE *f = fopen("/proc/self/maps", "r");
    char line[480];
    vsyscall_line[0] = 0;
    if (!f) return;
    while (fgets(line, sizeof line, f)) {
        if (strstr(line, "[vsyscall]")) {
            char perms[8] = "";
            line[strcspn(line, "\n")] = 0;
            snprintf(vsyscall_line, sizeof vsyscall_line, "%s", line);
            if (sscanf(line, "%*s %7s", perms) == 1 && strchr(perms, 'x')) vsyscall_executable = 1;
        }
    }
    fclose(f);
}

static double measure_tsc_ghz(int64_t window_ns) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC_RAW, &t0);
    uint64_t c0 = tsc_begin();
    int64_t start = (int64_t)t0.tv_sec * 1000000000LL + t0.tv_nsec, end;
    do {
        clock_gettime(CLOCK_MONOTONIC_RAW, &t1);
        end = (int64_t)t1.tv_sec * 1000000000LL + t1.tv_nsec;
    } while (end - start < window_ns);
    uint64_t c1 = tsc_begin();
    return (double)(c1 - c0) / (double)(end - start);
}

static int pin(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return sched_setaffinity(0, sizeof set, &set);
}

/* ---- the warp test: two pinned threads hand a lock back and forth ---- */
struct warp_shared {
    volatile int lock;
    volatile int stop;
    uint64_t last;
    int last_cpu;
    long handoffs, warps;
    uint64_t max_warp;
    int64_t min_step[2]; /* smallest signed step (a warp is negative); [0]: from cpu a to cpu b, [1]: from b to a */
    int cpu[2];
    int64_t until;
    volatile int ready;
    volatile int pin_failed; /* -1, or the cpu a thread could not be pinned to */
    int pin_errno;
};

struct warp_arg { struct warp_shared *s; int side; };

static void *warp_thread(void *p) {
    struct warp_arg *arg = p;
    struct warp_shared *s = arg->s;
    int me = arg->side;
    if (pin(s->cpu[me]) != 0) {
        s->pin_errno = errno;
        s->pin_failed = s->cpu[me];
        __sync_fetch_and_add(&s->ready, 1);
        return NULL;
    }
    __sync_fetch_and_add(&s->ready, 1);
    while (s->ready < 2) { }
    if (s->pin_failed >= 0) return NULL; /* the other side is not running: nothing to hand over */
    long iter = 0;
    while (!s->stop) {
        while (__sync_lock_test_and_set(&s->lock, 1)) { }
        uint64_t now = tsc_begin();
        if (s->last_cpu >= 0) {
            if (now < s->last) {
                s->warps++;
                if (s->last - now > s->max_warp) s->max_warp = s->last - now;
            }
            if (s->last_cpu != me) {
                int64_t step = (int64_t)(now - s->last);
                int dir = me == 1 ? 0 : 1;
                if (step < s->min_step[dir]) s->min_step[dir] = step;
                s->handoffs++;
            }
        }
        s->last = now;
        s->last_cpu = me;
        __sync_lock_release(&s->lock);
        if ((++iter & 1023) == 0 && me == 0 && now_ns() > s->until) s->stop = 1;
    }
    return NULL;
}

static void warp_pair(int a, int b, int64_t budget_ns, FILE *out) {
    struct warp_shared s;
    memset(&s, 0, sizeof s);
    s.last_cpu = -1;
    s.pin_failed = -1;
    s.min_step[0] = s.min_step[1] = INT64_MAX;
    s.cpu[0] = a;
    s.cpu[1] = b;
    s.until = now_ns() + budget_ns;
    pthread_t t[2];
    struct warp_arg args[2] = {{&s, 0}, {&s, 1}};
    for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, warp_thread, &args[i]);
    for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
    fprintf(out, "{\"cpuA\": %d, \"cpuB\": %d, \"handoffs\": %ld, \"warps\": %ld, \"maxWarpCycles\": %llu",
            a, b, s.handoffs, s.warps, (unsigned long long)s.max_warp);
    if (s.pin_failed >= 0) fprintf(out, ", \"error\": \"cannot run on CPU %d: %s\"", s.pin_failed, strerror(s.pin_errno));
    /* a direction never seen is left out (null) */
    if (s.min_step[0] != INT64_MAX) fprintf(out, ", \"minStepAtoBCycles\": %lld", (long long)s.min_step[0]);
    if (s.min_step[1] != INT64_MAX) fprintf(out, ", \"minStepBtoACycles\": %lld", (long long)s.min_step[1]);
    fprintf(out, "}");
}

/* ---- forced migration: tsc before the move, tsc once running on the other cpu ---- */
static void migration_gap(const int *cpus, int ncpus, int64_t budget_ns, FILE *out) {
    enum { MOVES = 400 };
    uint64_t gaps[MOVES];
    int n = 0;
    int64_t stop = now_ns() + budget_ns;
    pin(cpus[0]);
    int at = 0;
    while (n < MOVES && now_ns() < stop) {
        int to = (at + 1) % ncpus;
        uint64_t before = tsc_begin();
        if (pin(cpus[to]) != 0) break;
        while (sched_getcpu() != cpus[to]) { }
        uint64_t after = tsc_begin();
        gaps[n++] = after - before;
        at = to;
    }
    qsort(gaps, n, sizeof gaps[0], cmp_u64);
    fprintf(out, "{\"moves\": %d", n);
    if (n > 0) {
        fprintf(out, ", \"p50Ns\": %.1f, \"p90Ns\": %.1f, \"maxNs\": %.1f", quantile(gaps, n, 0.5) / tsc_ghz,
                quantile(gaps, n, 0.9) / tsc_ghz, (double)gaps[n - 1] / tsc_ghz);
    }
    fprintf(out, "}");
}

/* ---- the scheduler's own migrations of a busy unpinned thread ---- */
static void natural_migrations(const int *cpus, int ncpus, int64_t budget_ns, FILE *out) {
    cpu_set_t set;
    CPU_ZERO(&set);
    for (int i = 0; i < ncpus; i++) CPU_SET(cpus[i], &set);
    sched_setaffinity(0, sizeof set, &set);
    int64_t start = now_ns(), end;
    int last = sched_getcpu();
    long changes = 0;
    do {
        int c = sched_getcpu();
        if (c != last) { changes++; last = c; }
        end = now_ns();
    } while (end - start < budget_ns);
    fprintf(out, "{\"seconds\": %.4f, \"migrations\": %ld}", (end - start) / 1e9, changes);
}

/* ---- inconsistency-check: windows of 64 readings must not decrease ---- */
static void windows64(const char *name, clockid_t id, int64_t budget_ns, FILE *out) {
    int64_t stop = now_ns() + budget_ns;
    long windows = 0, failing = 0;
    struct timespec r[64];
    do {
        for (int i = 0; i < 64; i++) clock_gettime(id, &r[i]);
        windows++;
        for (int i = 1; i < 64; i++) {
            if (r[i].tv_sec < r[i - 1].tv_sec || (r[i].tv_sec == r[i - 1].tv_sec && r[i].tv_nsec < r[i - 1].tv_nsec)) {
                failing++;
                break;
            }
        }
    } while (now_ns() < stop);
    fprintf(out, "{\"clock\": \"%s\", \"windows\": %ld, \"failing\": %ld}", name, windows, failing);
}

/* ---- vdso_test_correctness: a vDSO reading lies between two bracketing syscall readings ---- */
static int64_t ts_ns(const struct timespec *t) { return (int64_t)t->tv_sec * 1000000000LL + t->tv_nsec; }
static int64_t tv_us(const struct timeval *t) { return (int64_t)t->tv_sec * 1000000LL + t->tv_usec; }

static void bracketed(int64_t budget_ns, FILE *out) {
    int64_t stop = now_ns() + budget_ns;
    long cgt = 0, cgt_bad = 0, gtod = 0, gtod_bad = 0, vs = 0, vs_bad = 0;
    do {
        for (int k = 0; k < 64; k++) {
            struct timespec a, v, b;
            syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &a);
            clock_gettime(CLOCK_MONOTONIC, &v);
            syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &b);
            cgt++;
            if (ts_ns(&v) < ts_ns(&a) || ts_ns(&v) > ts_ns(&b)) cgt_bad++;
            struct timeval x, y, z;
            syscall(SYS_gettimeofday, &x, NULL);
            gettimeofday(&y, NULL);
            syscall(SYS_gettimeofday, &z, NULL);
            gtod++;
            if (tv_us(&y) < tv_us(&x) || tv_us(&y) > tv_us(&z)) gtod_bad++;
            if (vsyscall_executable) {
                syscall(SYS_gettimeofday, &x, NULL);
                ((vgtod_fn)0xffffffffff600000UL)(&y, NULL);
                syscall(SYS_gettimeofday, &z, NULL);
                vs++;
                if (tv_us(&y) < tv_us(&x) || tv_us(&y) > tv_us(&z)) vs_bad++;
            }
        }
    } while (now_ns() < stop);
    fprintf(out, "{\"vdso-clock_gettime\": {\"comparisons\": %ld, \"violations\": %ld}, "
            "\"vdso-gettimeofday\": {\"comparisons\": %ld, \"violations\": %ld}", cgt, cgt_bad, gtod, gtod_bad);
    if (vsyscall_executable) fprintf(out, ", \"vsyscall-gettimeofday\": {\"comparisons\": %ld, \"violations\": %ld}", vs, vs_bad);
    fprintf(out, "}");
}

static void progress(const char *phase) {
    fprintf(stderr, "calibrate: %s\n", phase);
    fflush(stderr);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: probe BUDGET_MS CPU[,CPU...]\n");
        return 2;
    }
    int64_t budget = atoll(argv[1]) * 1000000LL;
    int cpus[MAX_CPUS], ncpus = 0;
    for (char *tok = strtok(argv[2], ","); tok && ncpus < MAX_CPUS; tok = strtok(NULL, ",")) cpus[ncpus++] = atoi(tok);
    if (budget <= 0 || ncpus < 1) {
        fprintf(stderr, "probe: a budget > 0 and at least one cpu are needed\n");
        return 2;
    }
    samples = malloc(MAX_SAMPLES * sizeof *samples);
    if (!samples) return 1;
    FILE *out = stdout;
    /* shares of the budget: latency 45 %, warp 20 %, migrations 10 %, checks 25 % */
    find_vsyscall();
    progress("facts and TSC frequency");
    struct timespec res;
    clock_getres(CLOCK_MONOTONIC_COARSE, &res);
    struct timex tx;
    memset(&tx, 0, sizeof tx);
    tx.modes = 0;
    int ntp_state = ntp_adjtime(&tx);
    int64_t freq_window = budget / 50;
    if (freq_window > 200000000LL) freq_window = 200000000LL;
    tsc_ghz = measure_tsc_ghz(freq_window);
    fprintf(out, "{\n\"probeFormat\": 1,\n\"budgetMs\": %lld,\n\"coarseResolutionNs\": %ld,\n", (long long)(budget / 1000000),
            (long)(res.tv_sec * 1000000000L + res.tv_nsec));
    fprintf(out, "\"ntp\": {\"state\": %d, \"frequencyPpm\": %.6f, \"status\": %d, \"offsetUs\": %ld, \"maxErrorUs\": %ld},\n",
            ntp_state, tx.freq / 65536.0, tx.status, (long)tx.offset, (long)tx.maxerror);
    fprintf(out, "\"vsyscallMapping\": \"%s\",\n\"tscGhzMeasured\": %.6f,\n\"tscWindowNs\": %lld,\n", vsyscall_line, tsc_ghz,
            (long long)freq_window);

    progress("latency of each time source");
    if (pin(cpus[0]) != 0) fprintf(stderr, "probe: cannot run on CPU %d (%s): latencies measured unpinned\n", cpus[0], strerror(errno));
    size_t runnable = 0;
    for (size_t i = 0; i < NSOURCES; i++) runnable += !SOURCES[i].needs_vsyscall || vsyscall_executable;
    int64_t per_source = budget * 45 / 100 / (int64_t)(runnable + 1);
    size_t ne = single_calls(c_empty, 20000, per_source / 2);
    double timer_cycles = quantile(samples, ne, 0.5);
    double timer_batched = batched_median(c_empty, per_source / 2);
    fprintf(out, "\"timerCostNs\": %.3f,\n\"batchOverheadNs\": %.3f,\n\"latency\": [", timer_cycles / tsc_ghz, timer_batched / tsc_ghz);
    int first = 1;
    for (size_t i = 0; i < NSOURCES; i++) {
        const struct source *src = &SOURCES[i];
        if (src->needs_vsyscall && !vsyscall_executable) continue;
        double batched = batched_median(src->fn, per_source / 3) - timer_batched;
        size_t n = single_calls(src->fn, MAX_SAMPLES, per_source * 2 / 3);
        static const double Q[] = {0.5, 0.75, 0.9, 0.99, 0.999, 0.9999};
        static const char *QN[] = {"p50", "p75", "p90", "p99", "p999", "p9999"};
        fprintf(out, "%s\n {\"source\": \"%s\", \"calls\": %zu, \"batchedMedianNs\": %.3f", first ? "" : ",", src->id, n,
                batched < 0 ? 0 : batched / tsc_ghz);
        double sum = 0;
        for (size_t k = 0; k < n; k++) sum += (double)samples[k];
        double mean = sum / n - timer_cycles;
        fprintf(out, ", \"meanNs\": %.3f", (mean < 0 ? 0 : mean) / tsc_ghz);
        for (size_t q = 0; q < sizeof Q / sizeof Q[0]; q++) {
            double v = quantile(samples, n, Q[q]) - timer_cycles;
            fprintf(out, ", \"%sNs\": %.3f", QN[q], (v < 0 ? 0 : v) / tsc_ghz);
        }
        double mx = (double)samples[n - 1] - timer_cycles;
        fprintf(out, ", \"maxNs\": %.3f}", (mx < 0 ? 0 : mx) / tsc_ghz);
        first = 0;
    }
    fprintf(out, "\n],\n\"warp\": [");
    progress("TSC warp test between CPU pairs");
    int pairs = ncpus * (ncpus - 1) / 2;
    first = 1;
    for (int a = 0; a < ncpus; a++) {
        for (int b = a + 1; b < ncpus; b++) {
            fprintf(out, "%s\n ", first ? "" : ",");
            warp_pair(cpus[a], cpus[b], budget * 20 / 100 / pairs, out);
            first = 0;
        }
    }
    fprintf(out, "\n],\n");
    progress("migrations");
    if (ncpus >= 2) {
        fprintf(out, "\"forcedMigration\": ");
        migration_gap(cpus, ncpus, budget * 5 / 100, out);
        fprintf(out, ",\n");
    }
    fprintf(out, "\"naturalMigration\": ");
    natural_migrations(cpus, ncpus, budget * 5 / 100, out);
    fprintf(out, ",\n");
    progress("monotonicity checks (inconsistency-check, vdso_test_correctness)");
    static const struct { const char *name; clockid_t id; } CLOCKS[] = {
        {"monotonic", CLOCK_MONOTONIC}, {"realtime", CLOCK_REALTIME}, {"monotonic-raw", CLOCK_MONOTONIC_RAW},
        {"monotonic-coarse", CLOCK_MONOTONIC_COARSE}, {"realtime-coarse", CLOCK_REALTIME_COARSE}};
    int nclocks = sizeof CLOCKS / sizeof CLOCKS[0];
    fprintf(out, "\"inconsistencyCheck\": [");
    for (int i = 0; i < nclocks; i++) {
        fprintf(out, "%s\n ", i ? "," : "");
        windows64(CLOCKS[i].name, CLOCKS[i].id, budget * 15 / 100 / nclocks, out);
    }
    fprintf(out, "\n],\n\"vdsoCorrectness\": ");
    bracketed(budget * 10 / 100, out);
    fprintf(out, "\n}\n");
    fflush(out);
    return 0;
}

/*
** tilesim.c -- the command-line tool: `tilesim COMMAND [OPTIONS] FILE...`.
** A thin layer: read files, call the library, print its diagnostics.
** Only this file exits.
*/
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ir.h"

struct cmd {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *synopsis;
  const char *help;
};
static const struct cmd commands[];

/* ---- diagnostics to stderr ---- */

void cli_print_diag(void *ud, const struct ts_diag *d) {
  (void)ud;
  char *s;
  ts_diag_format(d, &s);
  fputs(s ? s : d->msg, stderr);
  if (!s) fputc('\n', stderr);
  free(s);
}

void cli_usage_error(const char *cmd, const char *fmt, const char *arg) {
  fprintf(stderr, "tilesim: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry 'tilesim help%s%s' for more information.\n",
          cmd ? " " : "", cmd ? cmd : "");
}

/* Read a whole file ("-" = stdin) into a NUL-terminated buffer. */
char *cli_read_file(const char *path, size_t *len) {
  FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!f) {
    fprintf(stderr, "tilesim: cannot read '%s': %s\n", path, strerror(errno));
    return NULL;
  }
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (!buf) break;
    n += fread(buf + n, 1, cap - n - 1, f);
    if (n < cap - 1) break;
    char *nb = realloc(buf, cap *= 2);
    if (!nb) { free(buf); buf = NULL; }
    else buf = nb;
  }
  int err = ferror(f);
  if (f != stdin) fclose(f);
  if (!buf || err) {
    fprintf(stderr, "tilesim: cannot read '%s': %s\n", path, buf ? strerror(errno) : "out of memory");
    free(buf);
    return NULL;
  }
  buf[n] = 0;
  *len = n;
  return buf;
}

/* ---- splitting at "// -----" (MLIR's --split-input-file) ----
** Each chunk keeps its line numbers: everything outside it is blanked. */

struct chunk { size_t start, end; };

static int split_chunks(const char *text, size_t len, struct chunk *c, int max) {
  int n = 0;
  size_t start = 0;
  for (size_t i = 0; i <= len; ) {
    size_t eol = i;
    while (eol < len && text[eol] != '\n') eol++;
    const char *l = text + i;
    size_t ll = eol - i;
    while (ll && (*l == ' ' || *l == '\t')) l++, ll--;
    if (ll >= 8 && strncmp(l, "// -----", 8) == 0 && n < max - 1) {
      c[n++] = (struct chunk){ start, i };
      start = eol;
    }
    if (eol >= len) break;
    i = eol + 1;
  }
  c[n++] = (struct chunk){ start, len };
  return n;
}

static char *blank_outside(const char *text, size_t len, struct chunk c) {
  char *s = malloc(len + 1);
  if (!s) return NULL;
  for (size_t i = 0; i < len; i++)
    s[i] = (i >= c.start && i < c.end) || text[i] == '\n' ? text[i] : ' ';
  s[len] = 0;
  return s;
}

/* ---- expected-error checking (MLIR's -verify-diagnostics) ---- */

struct expect {
  unsigned line;      /* the line the diagnostic must be on */
  char msg[512];
  int sev;            /* TS_ERROR, TS_WARNING, TS_NOTE */
  bool seen;
  unsigned at;        /* the line of the comment */
};

struct collector {
  struct ts_source *src;
  struct expect *e;
  int n;
  int unexpected;
  const char *name;
};

/* Find "expected-(error|warning|note) [@below|@above|@+N|@-N] {{msg}}" */
static int parse_expectations(const char *text, size_t len, struct chunk c,
                              struct expect *e, int max) {
  int n = 0;
  unsigned line = 1;
  for (size_t i = 0; i < c.start; i++) line += text[i] == '\n';
  for (size_t i = c.start; i < c.end && n < max; ) {
    size_t eol = i;
    while (eol < len && text[eol] != '\n') eol++;
    const char *p = text + i, *end = text + eol;
    const char *k = NULL;
    static const char *const kinds[] = { "expected-error", "expected-warning", "expected-note" };
    int sev = -1;
    for (int s = 0; s < 3 && !k; s++) {
      const char *f = memmem(p, (size_t)(end - p), kinds[s], strlen(kinds[s]));
      if (f) { k = f + strlen(kinds[s]); sev = s; }
    }
    if (k) {
      unsigned target = line;
      while (k < end && *k == ' ') k++;
      if (*k == '@') {
        k++;
        if (!strncmp(k, "below", 5)) { target = 0; k += 5; }
        else if (!strncmp(k, "above", 5)) { target = line - 1; k += 5; }
        else { long d = strtol(k, (char **)&k, 10); target = (unsigned)((long)line + d); }
      }
      const char *o = memmem(k, (size_t)(end - k), "{{", 2);
      const char *cl = o ? memmem(o, (size_t)(end - o), "}}", 2) : NULL;
      if (o && cl) {
        e[n] = (struct expect){ .line = target, .sev = sev, .at = line };
        snprintf(e[n].msg, sizeof e[n].msg, "%.*s", (int)(cl - o - 2), o + 2);
        n++;
      }
    }
    i = eol + 1;
    line++;
  }
  /* @below: the next line that is not an expectation comment */
  for (int j = 0; j < n; j++) {
    if (e[j].line) continue;
    unsigned t = e[j].at + 1;
    for (int k = j + 1; k < n && e[k].at == t; k++) t++;
    e[j].line = t;
  }
  return n;
}

static void collect(void *ud, const struct ts_diag *d) {
  struct collector *c = ud;
  unsigned line = 0, col = 0;
  if (d->loc.src) ts_source_linecol((struct ts_source *)d->loc.src, d->loc.off, &line, &col);
  for (int i = 0; i < c->n; i++) {
    struct expect *x = &c->e[i];
    if (!x->seen && x->line == line && (int)d->sev == x->sev && strstr(d->msg, x->msg)) {
      x->seen = true;
      return;
    }
  }
  if (d->sev == TS_NOTE) return;
  c->unexpected++;
  char *s;
  ts_diag_format(d, &s);
  fprintf(stderr, "unexpected %s", s ? s : d->msg);
  free(s);
}

/* ---- one input: parse, verify, maybe print ---- */

struct run_opts {
  bool split, verify_diags, debuginfo;
  struct ir_verify_opts vo;
  const char *out;
};

struct ir_module *cli_load(const char *name, const char *text, size_t len,
                           struct ts_diag_sink *sink, const struct ir_verify_opts *vo) {
  struct ir_module *m = ir_load(name, text, len, sink);     /* text or bytecode */
  if (!m) return NULL;
  if (ir_verify_ex(m, sink, vo)) { ir_module_free(m); return NULL; }
  return m;
}

/* Check one chunk against its expected-* comments; 0 when they match. */
static int verify_chunk(const char *name, const char *text, size_t len, struct chunk c,
                        const struct ir_verify_opts *vo) {
  static struct expect e[256];
  char *t = blank_outside(text, len, c);
  if (!t) return EXIT_SYSTEM;
  int n = parse_expectations(text, len, c, e, 256);
  struct collector col = { NULL, e, n, 0, name };
  struct ts_diag_sink sink = { collect, &col, 0, 0 };
  struct ir_module *m = ir_parse_text(name, t, len, &sink);
  if (m) {
    col.src = m->src;
    (void)col;
  }
  /* diagnostics from the parser are matched against the same lines */
  if (m) ir_verify_ex(m, &sink, vo);
  int bad = col.unexpected;
  for (int i = 0; i < n; i++)
    if (!e[i].seen) {
      fprintf(stderr, "%s:%u: expected %s not produced: %s\n", name, e[i].line,
              e[i].sev == 0 ? "error" : e[i].sev == 1 ? "warning" : "note", e[i].msg);
      bad++;
    }
  ir_module_free(m);
  free(t);
  return bad ? EXIT_INVALID : EXIT_OK;
}

static int verify_file(const char *path, const struct run_opts *o) {
  size_t len;
  char *text = cli_read_file(path, &len);
  if (!text) return EXIT_SYSTEM;
  static struct chunk ch[4096];
  int n = o->split ? split_chunks(text, len, ch, 4096) : 1;
  if (!o->split) ch[0] = (struct chunk){ 0, len };
  int rc = EXIT_OK;
  for (int i = 0; i < n; i++) {
    int r;
    if (o->verify_diags) {
      r = verify_chunk(path, text, len, ch[i], &o->vo);
    } else {
      char *t = o->split ? blank_outside(text, len, ch[i]) : text;
      struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
      struct ir_module *m = t ? cli_load(path, t, len, &sink, &o->vo) : NULL;
      r = m ? EXIT_OK : t ? EXIT_INVALID : EXIT_SYSTEM;
      if (sink.nerrors > 1)
        fprintf(stderr, "%u errors\n", sink.nerrors);
      ir_module_free(m);
      if (t != text) free(t);
    }
    if (r > rc) rc = r;
  }
  free(text);
  return rc;
}

static int parse_common(int argc, char **argv, const char *cmd, struct run_opts *o,
                        char ***files, int *nfiles) {
  *files = malloc((size_t)argc * sizeof **files);
  *nfiles = 0;
  if (!*files) return EXIT_SYSTEM;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--split-input-file")) o->split = true;
    else if (!strcmp(a, "--verify-diagnostics")) o->verify_diags = true;
    else if (!strcmp(a, "--print-debuginfo") || !strcmp(a, "--mlir-print-debuginfo")) o->debuginfo = true;
    else if (!strcmp(a, "-Wunsupported-hints")) { if (o->vo.hints < IR_HINTS_WARN) o->vo.hints = IR_HINTS_WARN; }
    else if (!strcmp(a, "-Werr-hints")) o->vo.hints = IR_HINTS_ERROR;
    else if (!strcmp(a, "-o") && i + 1 < argc) o->out = argv[++i];
    else if (!strcmp(a, "-h") || !strcmp(a, "--help")) return -1;
    else if (a[0] == '-' && a[1]) { cli_usage_error(cmd, "unknown option '%s'", a); return EXIT_USAGE; }
    else (*files)[(*nfiles)++] = argv[i];
  }
  if (!*nfiles) { cli_usage_error(cmd, "%s: no input file", cmd); return EXIT_USAGE; }
  return EXIT_OK;
}

static void show_help(const char *name);

static int cmd_verify(int argc, char **argv) {
  struct run_opts o = {0};
  char **files;
  int n, rc = parse_common(argc, argv, "verify", &o, &files, &n);
  if (rc) { free(files); if (rc < 0) { show_help("verify"); return EXIT_OK; } return rc; }
  for (int i = 0; i < n; i++) {
    int r = verify_file(files[i], &o);
    if (r > rc) rc = r;
  }
  free(files);
  return rc;
}

/* The canonical text of one file (or of each chunk). */
static int format_text(const char *path, const char *text, size_t len, bool split,
                       bool debuginfo, struct ts_buf *out) {
  struct ir_verify_opts vo = { IR_HINTS_SILENT };
  static struct chunk ch[4096];
  int n = split ? split_chunks(text, len, ch, 4096) : 1;
  if (!split) ch[0] = (struct chunk){ 0, len };
  for (int i = 0; i < n; i++) {
    char *t = split ? blank_outside(text, len, ch[i]) : (char *)text;
    struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
    struct ir_module *m = t ? cli_load(path, t, len, &sink, &vo) : NULL;
    if (t != text) free(t);
    if (!m) {
      if (sink.nerrors > 1) fprintf(stderr, "%u errors\n", sink.nerrors);
      return t ? EXIT_INVALID : EXIT_SYSTEM;
    }
    if (i) ts_buf_puts(out, "// -----\n");
    int r = debuginfo ? ir_print_debuginfo(m, out) : ir_print(m, out);
    ir_module_free(m);
    if (r) return EXIT_SYSTEM;
  }
  return EXIT_OK;
}

static int write_out(const char *path, const struct ts_buf *b) {
  FILE *f = path && strcmp(path, "-") ? fopen(path, "wb") : stdout;
  if (!f || fwrite(b->s ? b->s : "", 1, b->len, f) != b->len || (f != stdout && fclose(f))) {
    fprintf(stderr, "tilesim: cannot write '%s': %s\n", path ? path : "stdout", strerror(errno));
    return EXIT_SYSTEM;
  }
  return EXIT_OK;
}

static int cmd_fmt(int argc, char **argv) {
  struct run_opts o = {0};
  char **files;
  int n, rc = parse_common(argc, argv, "fmt", &o, &files, &n);
  if (rc) { free(files); if (rc < 0) { show_help("fmt"); return EXIT_OK; } return rc; }
  if (n > 1 && o.out) { free(files); cli_usage_error("fmt", "%s", "-o takes one input file"); return EXIT_USAGE; }
  for (int i = 0; i < n && !rc; i++) {
    size_t len;
    char *text = cli_read_file(files[i], &len);
    if (!text) { rc = EXIT_SYSTEM; break; }
    struct ts_buf b = {0};
    rc = format_text(files[i], text, len, o.split, o.debuginfo, &b);
    if (!rc) rc = write_out(o.out, &b);
    ts_buf_free(&b);
    free(text);
  }
  free(files);
  return rc;
}

/* ---- tilesim test: golden files ----
** FILE.mlir with expected-error comments: the diagnostics must be exactly
** those (split at // -----).  Otherwise FILE.mlir must verify, its fmt
** must equal FILE.expected when that exists, and fmt must be a fixed point.
** Then each "// RUN: run ARGS" line runs the kernel (%s: this file, %S:
** its directory), and must succeed (its --expect checks included). */

/* Split a RUN line into argv (blank-separated; %s and %S substituted). */
static int run_line(const char *path, const char *line, size_t n) {
  char dir[4096];
  const char *slash = strrchr(path, '/');
  snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
  char *argv[260], buf[8192];
  int argc = 0;
  size_t k = 0;
  argv[argc++] = "run";
  for (size_t i = 0; i < n && argc < 259; ) {
    while (i < n && (line[i] == ' ' || line[i] == '\t')) i++;
    if (i >= n) break;
    argv[argc++] = buf + k;
    while (i < n && line[i] != ' ' && line[i] != '\t' && k < sizeof buf - 4096) {
      if (line[i] == '%' && i + 1 < n && (line[i + 1] == 's' || line[i + 1] == 'S')) {
        k += (size_t)snprintf(buf + k, sizeof buf - k, "%s", line[i + 1] == 's' ? path : dir);
        i += 2;
      } else {
        buf[k++] = line[i++];
      }
    }
    buf[k++] = 0;
  }
  argv[argc] = NULL;
  int rc = cmd_run(argc, argv);
  if (rc) fprintf(stderr, "%s: RUN line failed: %.*s\n", path, (int)n, line);
  return rc;
}


static int run_lines(const char *path, const char *text) {
  int rc = EXIT_OK;
  for (const char *p = strstr(text, "// RUN: run "); p; p = strstr(p + 1, "// RUN: run ")) {
    const char *s = p + 12, *e = strchr(s, '\n');
    int r = run_line(path, s, e ? (size_t)(e - s) : strlen(s));
    if (r > rc) rc = r;
  }
  return rc;
}

static int test_file(const char *path) {
  size_t len;
  char *text = cli_read_file(path, &len);
  if (!text) return EXIT_SYSTEM;
  int rc;
  if (strstr(text, "expected-error") || strstr(text, "expected-warning")) {
    struct run_opts o = { .split = true, .verify_diags = true };
    free(text);
    return verify_file(path, &o);
  }
  struct ts_buf once = {0}, twice = {0};
  bool split = strstr(text, "// -----") != NULL;
  rc = format_text(path, text, len, split, false, &once);
  if (!rc) rc = format_text(path, once.s, once.len, split, false, &twice);
  if (!rc && (once.len != twice.len || memcmp(once.s, twice.s, once.len))) {
    fprintf(stderr, "%s: fmt is not a fixed point\n--- fmt ---\n%s--- fmt of fmt ---\n%s", path,
            once.s, twice.s);
    rc = EXIT_INVALID;
  }
  char exp_path[4096];
  snprintf(exp_path, sizeof exp_path, "%.*s.expected", (int)(strlen(path) - 5), path);
  FILE *f = rc ? NULL : fopen(exp_path, "rb");
  if (f) {
    fclose(f);
    size_t elen;
    char *want = cli_read_file(exp_path, &elen);
    if (!want) rc = EXIT_SYSTEM;
    else if (elen != once.len || memcmp(want, once.s, elen)) {
      /* report the first differing line */
      unsigned line = 1;
      size_t i = 0;
      while (i < elen && i < once.len && want[i] == once.s[i]) line += want[i++] == '\n';
      fprintf(stderr, "%s:%u: fmt differs from the expected text\n", exp_path, line);
      const char *w = want + i, *g = once.s + i;
      while (w > want && w[-1] != '\n') w--;
      while (g > once.s && g[-1] != '\n') g--;
      fprintf(stderr, "  want: %.*s\n  got:  %.*s\n", (int)strcspn(w, "\n"), w,
              (int)strcspn(g, "\n"), g);
      rc = EXIT_INVALID;
    }
    free(want);
  }
  ts_buf_free(&once);
  ts_buf_free(&twice);
  if (!rc) rc = run_lines(path, text);
  free(text);
  return rc;
}

static int cmd_test(int argc, char **argv) {
  int rc = EXIT_OK;
  if (argc < 2) { cli_usage_error("test", "%s", "test: no input file"); return EXIT_USAGE; }
  for (int i = 1; i < argc; i++) {
    int r = test_file(argv[i]);
    if (r > rc) rc = r;
  }
  return rc;
}

static int cmd_help(int argc, char **argv) {
  show_help(argc > 1 ? argv[1] : NULL);
  return EXIT_OK;
}

static const struct cmd commands[] = {
  { "verify", cmd_verify, "verify [--split-input-file] [--verify-diagnostics] FILE...",
    "Parse and verify Tile IR files; print every error found.\n"
    "  --split-input-file    treat '// -----' lines as separating independent inputs\n"
    "  --verify-diagnostics  check the diagnostics against expected-error comments\n"
    "  -Wunsupported-hints   warn about optimization hints no GPU supports\n"
    "  -Werr-hints           ... and make them errors\n" },
  { "fmt", cmd_fmt, "fmt [--split-input-file] [--print-debuginfo] [-o OUT] FILE...",
    "Print Tile IR files in canonical form (to stdout, or to OUT with -o).\n"
    "  --split-input-file  treat '// -----' lines as separating independent inputs\n"
    "  --print-debuginfo   also print #alias definitions and the loc(...) of ops\n" },
  { "asm", cmd_asm, "asm IN -o OUT [--version 13.1|13.2|13.3|13.4]",
    "Write a kernel (text or bytecode) as Tile IR bytecode (.tileirbc).\n"
    "  -o OUT              the output file ('-': standard output)\n"
    "  --version V         the bytecode version (default: the oldest that can express\n"
    "                      the module); what V cannot express is an error\n" },
  { "dis", cmd_dis, "dis FILE [-o OUT] [--print-debuginfo]",
    "Print a bytecode file as canonical Tile IR text (not verified).\n"
    "  -o OUT              write to OUT instead of standard output\n"
    "  --print-debuginfo   also print the loc(...) of ops from the file's debug info\n" },
  { "test", cmd_test, "test FILE...",
    "Run golden test files (see the manual, TESTS).\n" },
  { "run", cmd_run, "run KERNEL --grid X[,Y[,Z]] [--entry NAME] [--out DIR] [OPTIONS] ARG...",
    "Run a kernel on the CPU over a grid of tile blocks.  Each ARG is [NAME=]SPEC:\n"
    "  i32:1024  f32:0.5  f16:0x3C00        scalars (hex = bit pattern)\n"
    "  @a.npy  @in.npz:key                  arrays from NumPy files\n"
    "  zeros:f32:64x64  ones:T:D  iota:i32:4096  rand:bf16:64x32:seed=7\n"
    "  add :cutile to pass an array as cuTile does (pointer, shape..., strides...)\n"
    "Options:\n"
    "  --grid X[,Y[,Z]]     the grid of tile blocks (default 1,1,1)\n"
    "  --entry NAME         the entry to run (default: the only one)\n"
    "  --out DIR            write every pointer argument to DIR/<param>.npy\n"
    "  --npz                write DIR/out.npz instead\n"
    "  --threads N          OpenMP threads (the result does not depend on it)\n"
    "  --numerics MODEL     how mmaf accumulates: fma, exact, or a GPU's tensor cores:\n"
    "                       sm70 sm80 sm89 sm90 sm100 sm120 cdna3 (or H100...); default:\n"
    "                       the profile of the hardware description (--hw NAME, else b200)\n"
    "  --check-assumes      check assume predicates at run time\n"
    "  --time               print how long the kernel ran (loading and writing excluded)\n"
    "  --max-iterations N   stop a tile block after N loop iterations (default 2^26; 0: none)\n"
    "  --expect P=@ref.npy  compare parameter P's final contents with a reference\n"
    "  --atol A --rtol R --ulp U  tolerances for --expect (default: bit-exact)\n"
    "  --hw NAME|FILE       also print the launch's predicted time on that GPU (see perf)\n" },
  { "hw", cmd_hw, "hw validate FILE... | hw show FILE|NAME [--set PATH=VALUE]...",
    "Check hardware descriptions, or print one with the source of every number.\n"
    "  validate FILE...      check against hwdesc/schema.rng and the semantic rules\n"
    "  show FILE|NAME        print a description (NAME: b200, h100, mi355x, ...)\n"
    "  --set PATH=VALUE      change a number first (what-if), e.g. memory.hbm.bandwidth=10TB/s\n"
    "  diff A B              list what differs between two descriptions\n" },
  { "perf", cmd_perf,
    "perf KERNEL --grid X[,Y[,Z]] [--hw NAME|FILE] [--entry NAME] [--format text|json] [--explain] [--set PATH=VALUE]... ARG...",
    "Predict the kernel's time on a GPU (default b200) without computing its data.\n"
    "Arrays may be given as shapes only: shape:bf16:8192x8192 (other ARGs as for run).\n"
    "  --hw NAME|FILE       the hardware description (b200, h100, mi355x, ... or a file)\n"
    "  --format text|json   how to print the prediction (default text)\n"
    "  --explain            also print the mapper's decisions\n"
    "  --set PATH=VALUE     change a number of the description (what-if)\n"
    "  --time               print how long tracing and modeling took\n"
    "  --hw A --hw B ...    trace once, print the predictions side by side\n"
    "  --timeline F.json.gz write a Chrome trace (Perfetto): a track per SM and unit\n"
    "  --timeline-sms A-B   the SMs the timeline shows (default 0-7)\n"
    "  --report F.html      write a self-contained HTML report\n"
    "  --roofline F.svg     write the chip's roofline with the kernel on it\n" },
  { "validate", cmd_validate, "validate ANCHORS.csv [--kernels DIR]",
    "Predict every row of a file of published measurements (the columns of\n"
    "perf-anchors.csv) with the reference kernels in examples/perf and print the\n"
    "measured and predicted TFLOP/s, the error and the mean absolute percentage error.\n"
    "Exits 1 when a row cannot be predicted.\n" },
  { "sweep", cmd_sweep,
    "sweep KERNEL --grid G [--hw NAME]... [--vary PATH=V1,V2,...]... [--shape VAR=N1,N2,...]... ARG...",
    "Predict a kernel over the cross product of descriptions, description changes and\n"
    "problem shapes; one CSV row per point and an SVG plot.  {EXPR} in the grid and\n"
    "the ARGs is computed from the --shape variables, e.g. --grid '{N/128},{N/256}'.\n"
    "  --hw NAME|FILE       a description (repeatable; default b200)\n"
    "  --set PATH=VALUE     change a number of every description\n"
    "  --vary PATH=V1,...   values of one number of the description (repeatable)\n"
    "  --shape VAR=N1,...   values of one shape variable (repeatable)\n"
    "  --kernel FILE        a variant of KERNEL (same entry and arguments) as one more series\n"
    "  --csv FILE           write the CSV there (default: standard output)\n"
    "  --svg FILE           plot --plot against the first --vary (else --shape)\n"
    "  --plot util|tflops|time  what to plot (default util: percent of the MMA peak)\n"
    "  --threads N          OpenMP threads; under mpirun the points are also split over ranks\n" },
  { "mma-check", cmd_mma_check,
    "mma-check --profile P --dir DIR [--type T] [--acc f32|f16] [--zero-c|--use-c] [--show N]",
    "Check a matrix-unit profile (sm70 sm80 sm89 sm90 sm100 sm120 cdna3 exact fma, or a\n"
    "GPU name: V100 A100 Ada H100 B200 ...) against the inner products captured on\n"
    "a GPU: DIR is one GPU/INTYPE folder of tensor-core-vectors.  Exits 0 only when\n"
    "every result matches bit for bit.  'tilesim mma-check --help' lists the options.\n" },
  { "help", cmd_help, "help [COMMAND]", "Show help for tilesim or for one command.\n" },
  { NULL, NULL, NULL, NULL },
};

static void show_help(const char *name) {
  for (const struct cmd *c = commands; name && c->name; c++)
    if (!strcmp(c->name, name)) {
      printf("usage: tilesim %s\n\n%s", c->synopsis, c->help);
      return;
    }
  printf("usage: tilesim COMMAND [OPTIONS] FILE...\n\n"
         "tilesim runs CUDA Tile IR programs on the CPU and predicts their\n"
         "performance on a GPU.\n\nCommands:\n");
  for (const struct cmd *c = commands; c->name; c++) printf("  tilesim %s\n", c->synopsis);
  printf("\nOptions:\n  --version  print the version\n  --help     print this help\n"
         "\nSee tilesim(1) for more.\n");
}

int main(int argc, char **argv) {
  if (argc < 2) { show_help(NULL); return EXIT_USAGE; }
  const char *c = argv[1];
  if (!strcmp(c, "--version") || !strcmp(c, "-V")) {
    printf("tilesim %s\n", PACKAGE_VERSION);
    return EXIT_OK;
  }
  if (!strcmp(c, "--help") || !strcmp(c, "-h")) { show_help(NULL); return EXIT_OK; }
  for (const struct cmd *k = commands; k->name; k++)
    if (!strcmp(k->name, c)) return k->run(argc - 1, argv + 1);
  cli_usage_error(NULL, "unknown command '%s'", c);
  return EXIT_USAGE;
}

/*
** cli_mma.c -- `tilesim mma-check --profile P --dir DIR`: run the block-FMA
** model of profile P on the inner products captured on a GPU (one
** GPU/INTYPE folder of tensor-core-vectors, format in its README) and
** count the results that match bit for bit.
*/
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "sim_fp.h"
#include "sim_mma_model.h"

/* The captured cases: n cases of k inputs each, as element bits of in;
** c as f32 bits; want[o] the f32 bits of the results (NULL: no file). */
struct vectors {
  enum ty_elem in;
  int n, k;
  uint64_t *a, *b;
  uint32_t *c;
  uint32_t *want[2];          /* [0]: f32 accumulator, [1]: f16 */
  char *name[4];              /* the a, b, c, d files found */
};

static const struct { const char *tag; enum ty_elem e; } intypes[] = {
  { "fp16", EL_F16 }, { "bf16", EL_BF16 }, { "tf32", EL_TF32 }, { "E4M3", EL_F8E4M3FN },
  { "E5M2", EL_F8E5M2 }, { "fp32", EL_F32 }, { "fp64", EL_F64 },
};

/* The input type named by s ("E4M3"), or by the TAG of a file a_GPU_TAG.txt. */
static int intype_of(const char *s, enum ty_elem *e) {
  const char *u = strrchr(s, '_');
  const char *t = u ? u + 1 : s;
  size_t n = strcspn(t, ".");
  for (size_t i = 0; i < sizeof intypes / sizeof intypes[0]; i++)
    if (strlen(intypes[i].tag) == n && !strncasecmp(t, intypes[i].tag, n)) {
      *e = intypes[i].e;
      return 0;
    }
  return -1;
}

/* DIR/<the file whose name starts with prefix and ends with suffix>, or NULL. */
static char *find_file(const char *dir, const char *prefix, const char *suffix) {
  DIR *d = opendir(dir);
  if (!d) return NULL;
  char *path = NULL;
  for (struct dirent *e; !path && (e = readdir(d)); ) {
    size_t n = strlen(e->d_name), ls = strlen(suffix);
    if (strncmp(e->d_name, prefix, strlen(prefix)) || n < ls || strcmp(e->d_name + n - ls, suffix))
      continue;
    size_t len = strlen(dir) + n + 2;
    path = malloc(len);
    if (path) snprintf(path, len, "%s/%s", dir, e->d_name);
  }
  closedir(d);
  return path;
}

/* Parse every number of text (base 16 or 2) into *out; the count of
** numbers on the first line in *per_line. -1 on a bad token. */
static int parse_numbers(const char *text, int base, uint64_t **out, int *count, int *per_line) {
  size_t cap = 1024;
  int n = 0;
  *out = malloc(cap * sizeof **out);
  *per_line = 0;
  bool first_line = true;
  for (const char *p = text; *out; ) {
    while (*p == ' ' || *p == '\t' || *p == '\r') p++;
    if (*p == '\n') { if (n) first_line = false; p++; continue; }
    if (!*p) break;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(p, &end, base);
    if (end == p || errno) { free(*out); *out = NULL; return -1; }
    if ((size_t)n == cap) {
      uint64_t *m = realloc(*out, (cap *= 2) * sizeof **out);
      if (!m) { free(*out); *out = NULL; break; }
      *out = m;
    }
    (*out)[n++] = v;
    if (first_line) (*per_line)++;
    p = end;
  }
  *count = n;
  return *out ? 0 : -1;
}

/* Read one file of numbers; -1 after a message. */
static int read_numbers(const char *path, int base, uint64_t **out, int *count, int *per_line) {
  size_t len;
  char *text = cli_read_file(path, &len);
  if (!text) return -1;
  int r = parse_numbers(text, base, out, count, per_line);
  free(text);
  if (r) fprintf(stderr, "tilesim: %s: not a file of %s numbers\n", path, base == 16 ? "hex" : "binary");
  return r;
}

/* The captured f32 patterns of the inputs as bits of v->in (exact: the
** README promises representable values); -1 after a message if not. */
static int to_input(struct vectors *v, uint64_t *x, int n, const char *path) {
  for (int i = 0; i < n; i++) {
    uint64_t f = x[i] & 0xFFFFFFFFu;
    uint64_t e = v->in == EL_F32 || v->in == EL_TF32
               ? f : fp_convert_sat(EL_F32, f, v->in, RND_NEAREST_EVEN, false);
    if (fp_convert(v->in, e, EL_F32, RND_NEAREST_EVEN) != f && !fp_is_nan(EL_F32, f)) {
      fprintf(stderr, "tilesim: %s: value %d (0x%08llx) is not a %s value\n", path, i,
              (unsigned long long)f, ty_elem_names[v->in]);
      return -1;
    }
    x[i] = e;
  }
  return 0;
}

/* Read a vectors folder; -1 after a message. */
static int load_vectors(const char *dir, struct vectors *v, const char *type) {
  static const char *const pre[4] = { "a_", "b_", "c_", "d_" };
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "tilesim: cannot read '%s': %s\n", dir, strerror(errno));
    return -1;
  }
  closedir(d);
  for (int i = 0; i < 4; i++)
    if (!(v->name[i] = find_file(dir, pre[i], ".txt"))) {
      fprintf(stderr, "tilesim: %s: no %s*.txt file\n", dir, pre[i]);
      return -1;
    }
  if (intype_of(type ? type : v->name[0], &v->in)) {
    fprintf(stderr, "tilesim: %s: unknown input type (use --type)\n", type ? type : v->name[0]);
    return -1;
  }
  int na, nb, nc, kb, kc;
  uint64_t *c = NULL;
  if (read_numbers(v->name[0], 16, &v->a, &na, &v->k) || read_numbers(v->name[1], 16, &v->b, &nb, &kb) ||
      read_numbers(v->name[2], 2, &c, &nc, &kc))
    { free(c); return -1; }
  v->n = nc;
  if (!v->k || na != v->n * v->k || nb != na) {
    fprintf(stderr, "tilesim: %s: %d cases in %s but %d and %d values in a and b\n", dir, nc,
            v->name[2], na, nb);
    free(c);
    return -1;
  }
  v->c = malloc((size_t)(nc + 1) * sizeof *v->c);
  for (int i = 0; v->c && i < nc; i++) v->c[i] = (uint32_t)c[i];
  free(c);
  if (!v->c) return -1;
  return to_input(v, v->a, na, v->name[0]) || to_input(v, v->b, nb, v->name[1]) ? -1 : 0;
}

/* The wanted results for output type o (0: f32, 1: f16); 0 and nothing
** when the folder has no d file for it. */
static int load_want(const char *dir, struct vectors *v, int o) {
  char *path = find_file(dir, "d_", o ? "_fp16.txt" : "_fp32.txt");
  if (!path) return 0;
  uint64_t *d;
  int n, per;
  int r = read_numbers(path, 2, &d, &n, &per);
  if (!r && n != v->n) {
    fprintf(stderr, "tilesim: %s: %d results for %d cases\n", path, n, v->n);
    r = -1;
  }
  free(path);
  if (r) return -1;
  v->want[o] = malloc((size_t)(n + 1) * sizeof *v->want[o]);
  for (int i = 0; v->want[o] && i < n; i++) v->want[o][i] = (uint32_t)d[i];
  free(d);
  return v->want[o] ? 0 : -1;
}

static void free_vectors(struct vectors *v) {
  free(v->a);
  free(v->b);
  free(v->c);
  free(v->want[0]);
  free(v->want[1]);
  for (int i = 0; i < 4; i++) free(v->name[i]);
}

/* One input value of type e as the f32 pattern of its value (for messages). */
static uint32_t as_f32(enum ty_elem e, uint64_t bits) {
  return (uint32_t)(e == EL_F32 || e == EL_TF32 ? bits : fp_convert(e, bits, EL_F32, RND_NEAREST_EVEN));
}

static void show_case(const struct vectors *v, int i, uint32_t c, uint32_t got, uint32_t want) {
  printf("    case %d:\n      a =", i);
  for (int j = 0; j < v->k; j++) printf(" %08x", as_f32(v->in, v->a[i * v->k + j]));
  printf("\n      b =");
  for (int j = 0; j < v->k; j++) printf(" %08x", as_f32(v->in, v->b[i * v->k + j]));
  printf("\n      c = %08x  got %08x  want %08x\n", c, got, want);
}

/* Storage bytes of an element (tf32 is stored as an f32). */
static int64_t ty_size(enum ty_elem e) { return e == EL_TF32 ? 4 : (ty_elem_bits(e) + 7) / 8; }

/* What the captures did that the instruction alone does not say.  The
** H100 and H200 fp8 folders' f32 results come from wgmma run with its
** accumulator input disabled (scale-d = 0): their c file was not an input
** (Khattak & Mikaitis, Validate_TC_models.m, "D = AB+D where D is zero
** for fp8 with WGMMA"); their f16 results come from mma.sync with c. */
static const struct { const char *gpu; bool fp8; int out; } zero_c_captures[] = {
  { "H100", true, 0 }, { "H200", true, 0 },
};

/* The GPU named by a file a_GPU_TYPE.txt ("H100"), in buf. */
static const char *gpu_of(const char *path, char *buf, size_t n) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *u = strchr(base, '_'), *v = u ? strchr(u + 1, '_') : NULL;
  snprintf(buf, n, "%.*s", v ? (int)(v - u - 1) : 0, v ? u + 1 : "");
  return buf;
}

/* Whether the captured c of output o (0: f32, 1: f16) was not an input. */
static bool capture_zero_c(const struct vectors *v, int o) {
  char gpu[64];
  gpu_of(v->name[0], gpu, sizeof gpu);
  bool fp8 = v->in == EL_F8E4M3FN || v->in == EL_F8E5M2;
  for (size_t i = 0; i < sizeof zero_c_captures / sizeof zero_c_captures[0]; i++)
    if (!strcasecmp(gpu, zero_c_captures[i].gpu) && fp8 == zero_c_captures[i].fp8 &&
        o == zero_c_captures[i].out)
      return true;
  return false;
}

/* Check every case for output type o; the number of matches. */
static int check_out(const struct mma_profile *p, const struct vectors *v, int o, int zero_c,
                     int show, struct mma_val *va, struct mma_val *vb) {
  enum ty_elem out = o ? EL_F16 : EL_F32;
  struct mma_cfg g;
  if (mma_cfg_init(&g, p, v->in, out)) {
    printf("  %s accumulator: profile %s has no %s mma\n", o ? "f16" : "f32", p->name,
           ty_elem_names[v->in]);
    return -1;
  }
  int ok = 0, shown = 0;
  if (zero_c < 0) zero_c = capture_zero_c(v, o);
  if (zero_c)
    printf("  %s accumulator: c taken as +0 (the capture did not use it)\n", o ? "f16" : "f32");
  for (int i = 0; i < v->n; i++) {
    /* the values are uint64_t: element j of type in is 8/size elements further */
    mma_decode(&g, v->a + (size_t)i * v->k, v->k, 8 / ty_size(v->in), va);
    mma_decode(&g, v->b + (size_t)i * v->k, v->k, 8 / ty_size(v->in), vb);
    /* the captures give c in f32; the f16 runs converted it (RNE) first */
    uint32_t c32 = zero_c ? 0 : v->c[i];
    uint64_t c = o ? fp_convert(EL_F32, c32, EL_F16, RND_NEAREST_EVEN) : c32;
    uint64_t r = mma_dot(&g, va, vb, v->k, c);
    uint32_t got = (uint32_t)(o ? fp_convert(EL_F16, r, EL_F32, RND_NEAREST_EVEN) : r);
    if (got == v->want[o][i]) { ok++; continue; }
    if (shown++ < show) show_case(v, i, c32, got, v->want[o][i]);
  }
  printf("  %s accumulator: %d/%d match%s\n", o ? "f16" : "f32", ok, v->n,
         ok == v->n ? "" : "  MISMATCH");
  return ok;
}

/* The --dir folder's vectors checked for each accumulator type there. */
static int check_dir(const struct mma_profile *p, const char *dir, const char *type, int zero_c,
                     int show, int acc) {
  struct vectors v = {0};
  int rc = load_vectors(dir, &v, type) || load_want(dir, &v, 0) || load_want(dir, &v, 1)
         ? EXIT_SYSTEM : EXIT_OK;
  struct mma_val *va = rc ? NULL : malloc((size_t)v.k * 2 * sizeof *va);
  if (!rc && !va) rc = EXIT_SYSTEM;
  if (!rc) {
    printf("%s: profile %s, %d cases of %d %s products\n", dir, p->name, v.n, v.k,
           ty_elem_names[v.in]);
    int checked = 0;
    for (int o = 0; o < 2; o++) {
      if (!v.want[o] || (acc >= 0 && acc != o)) continue;
      checked++;
      if (check_out(p, &v, o, zero_c, show, va, va + v.k) != v.n) rc = EXIT_INVALID;
    }
    if (!checked) {
      fprintf(stderr, "tilesim: %s: no d_*_fp32.txt or d_*_fp16.txt to check\n", dir);
      rc = EXIT_SYSTEM;
    }
  }
  free(va);
  free_vectors(&v);
  return rc;
}

/* Apply one --set KEY=VALUE to unit u; -1 for an unknown key. */
static int set_param(struct mma_unit *u, const char *kv) {
  static const char *const rms[] = { "rne", "rz", "rd", "ru" };
  const char *eq = strchr(kv, '=');
  if (!eq) return -1;
  size_t n = (size_t)(eq - kv);
  const char *v = eq + 1;
  long x = strtol(v, NULL, 0);
  for (int i = 0; i < 4; i++)
    if (!strcmp(v, rms[i])) x = i;      /* enum ir_rounding order */
#define KEY(name) (n == strlen(name) && !strncmp(kv, name, n))
  if (KEY("k")) u->k = (uint8_t)x;
  else if (KEY("block")) u->block = (uint8_t)x;
  else if (KEY("frac")) u->frac = (int8_t)x;
  else if (KEY("sticky")) u->sticky = x != 0;
  else if (KEY("ftz_in")) u->ftz_in = x != 0;
  else if (KEY("ftz_out")) u->ftz_out = x != 0;
  else if (KEY("rm32")) u->out[MMA_OUT_F32].rm = (int8_t)x;
  else if (KEY("rm16")) u->out[MMA_OUT_F16].rm = (int8_t)x;
  else if (KEY("frac32")) u->out[MMA_OUT_F32].frac = (int8_t)x;
  else if (KEY("frac16")) u->out[MMA_OUT_F16].frac = (int8_t)x;
  else if (KEY("min32")) u->out[MMA_OUT_F32].min_exp = (int16_t)x;
  else if (KEY("min16")) u->out[MMA_OUT_F16].min_exp = (int16_t)x;
  else if (KEY("emu32")) u->out[MMA_OUT_F32].emulated = x != 0;
  else if (KEY("emu16")) u->out[MMA_OUT_F16].emulated = x != 0;
  else return -1;
#undef KEY
  return 0;
}

static void mma_usage(void) {
  printf("usage: tilesim mma-check --profile P --dir DIR [--type T] [--acc f32|f16]\n"
         "       [--zero-c|--use-c] [--show N] [--set K=V]...\n\n"
         "Run the matrix-unit model of profile P on the inner products captured on a GPU\n"
         "(DIR: one GPU/INTYPE folder of tensor-core-vectors) and count the results that\n"
         "match bit for bit; exit 0 only when all do.\n"
         "  --profile P  a profile or GPU name:");
  for (int i = 0; mma_profile_at(i); i++) printf(" %s", mma_profile_at(i)->name);
  printf("\n               (or V100, A100, Ada, L40S, H100, H200, B200, ...)\n"
         "  --type T     the input type (default: from the a_GPU_T.txt file name)\n"
         "  --acc A      check only the f32 or the f16 accumulator's results\n"
         "  --zero-c     take c as +0 (captures made with the accumulator input disabled;\n"
         "               the default for the H100 and H200 fp8 f32 captures)\n"
         "  --use-c      take c from the c file even there\n"
         "  --show N     print the first N mismatches of each accumulator (default 5)\n"
         "  --set K=V    change a parameter of the input type's unit, to explore: k block\n"
         "               frac sticky ftz_in ftz_out rm32 rm16 (rne rz rd ru) frac32 frac16\n"
         "               min32 min16 emu32 emu16\n");
}

int cmd_mma_check(int argc, char **argv) {
  const char *prof = NULL, *dir = NULL, *type = NULL, *sets[32];
  int nsets = 0;
  int zero_c = -1, show = 5;     /* zero_c -1: as the capture did (capture_zero_c) */
  int acc = -1;                  /* the accumulator to check (0: f32, 1: f16), -1: all */
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) { mma_usage(); return EXIT_OK; }
    else if (!strcmp(a, "--zero-c")) zero_c = 1;
    else if (!strcmp(a, "--use-c")) zero_c = 0;
    else if (i + 1 < argc && !strcmp(a, "--profile")) prof = argv[++i];
    else if (i + 1 < argc && !strcmp(a, "--dir")) dir = argv[++i];
    else if (i + 1 < argc && !strcmp(a, "--type")) type = argv[++i];
    else if (i + 1 < argc && !strcmp(a, "--acc") &&
             (!strcmp(argv[i + 1], "f32") || !strcmp(argv[i + 1], "f16")))
      acc = !strcmp(argv[++i], "f16");
    else if (i + 1 < argc && !strcmp(a, "--show")) show = atoi(argv[++i]);
    else if (i + 1 < argc && !strcmp(a, "--set") && nsets < 32) sets[nsets++] = argv[++i];
    else {
      cli_usage_error("mma-check", "mma-check: unexpected argument '%s'", a);
      return EXIT_USAGE;
    }
  }
  if (!prof || !dir) {
    cli_usage_error("mma-check", "%s", "mma-check: needs --profile and --dir");
    return EXIT_USAGE;
  }
  const struct mma_profile *p = mma_profile_find(prof);
  if (!p) {
    cli_usage_error("mma-check", "mma-check: unknown profile '%s'", prof);
    return EXIT_USAGE;
  }
  struct mma_profile mine = *p;    /* --set changes every unit of a copy */
  for (int i = 0; i < nsets; i++)
    for (int u = 0; u < MMA_NIN; u++)
      if (set_param(&mine.unit[u], sets[i])) {
        cli_usage_error("mma-check", "mma-check: bad --set '%s'", sets[i]);
        return EXIT_USAGE;
      }
  return check_dir(&mine, dir, type, zero_c, show, acc);
}

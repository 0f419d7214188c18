/*
** sim_npy.h -- host arrays and their files: NumPy .npy and .npz, and the
** argument specs of `tilesim run` (i32:4, @a.npy, rand:bf16:64x64:seed=7).
*/
#ifndef TILESIM_SIM_NPY_H
#define TILESIM_SIM_NPY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir.h"

enum { SIM_MAX_RANK = 16 };

/* A host array: element type, C-order shape, and its bytes (little
** endian; i1 one byte per element, 0 or 1; i4 and f4E2M1FN one byte per
** element holding the value in its low 4 bits here, packed two per byte
** only in kernel memory; tf32 as the bits of an f32). */
struct sim_array {
  enum ty_elem elem;
  bool is_ptr;                 /* never from files; for completeness */
  int rank;
  int64_t shape[SIM_MAX_RANK];
  int64_t numel;
  size_t nbytes;
  void *data;                  /* ts_malloc'd; NULL for shape-only */
};

/* Bytes per element of e in a host array. */
size_t sim_elem_size(enum ty_elem e);
void sim_array_free(struct sim_array *a);

/* Read/write .npy; read one member of an .npz.  On error, return -1 and
** put a one-line message (no trailing newline) in err. */
int sim_npy_read(const char *path, struct sim_array *a, char *err, size_t errlen);
int sim_npz_read(const char *path, const char *key, struct sim_array *a, char *err, size_t errlen);
int sim_npy_write(const char *path, const struct sim_array *a, char *err, size_t errlen);
/* Write several arrays into one .npz (deflated with zlib). */
int sim_npz_write(const char *path, const char *const *keys, const struct sim_array *const *a,
                  int n, char *err, size_t errlen);
/* As sim_npy_read and sim_npz_read, with the element type given: want
** reinterprets the file's elements, which must be of its size (EL_COUNT:
** the type the dtype names).  It is needed for the untyped dtypes '<V2'
** and '<V1' that np.save writes for ml_dtypes arrays (bfloat16, fp8, fp4,
** int4).  An .npz key that is NULL or "" picks the archive's only array. */
int sim_npy_read_as(const char *path, enum ty_elem want, struct sim_array *a, char *err,
                    size_t errlen);
int sim_npz_read_as(const char *path, const char *key, enum ty_elem want, struct sim_array *a,
                    char *err, size_t errlen);

/* One argument of `tilesim run`: [NAME=]SPEC. */
enum sim_arg_kind { ARG_SCALAR, ARG_ARRAY };
struct sim_arg {
  const char *name;            /* NULL when positional; owned (sim_arg_free) */
  enum sim_arg_kind kind;
  enum ty_elem elem;           /* scalar type or array element type */
  uint64_t bits;               /* scalar value, as bits of elem */
  struct sim_array array;      /* ARG_ARRAY */
  bool cutile;                 /* '@a.npy:cutile': pointer, shape..., strides... */
  bool shape_only;             /* 'shape:T:dims': no data */
};

/* Parse and load one spec ("i32:1024", "f32:0.5", "@a.npy", "@b.npz:key",
** "zeros:f32:16x16", "ones:...", "iota:i32:4096", "rand:bf16:64x32[:seed=7]",
** "shape:bf16:8192x8192", each optionally prefixed by "NAME=" and the
** array forms optionally suffixed by ":cutile").  -1 with err on error.
**
**   spec   -> [NAME '='] (scalar | array)      NAME: [A-Za-z_][A-Za-z0-9_]*
**   scalar -> TYPE ':' VALUE
**   array  -> '@' PATH '.npy' {':' opt}
**           | '@' PATH '.npz' [':' KEY {':' opt}]
**           | ('zeros'|'ones'|'iota'|'rand'|'shape') ':' TYPE ':' DIMS {':' opt}
**   opt    -> 'cutile' | 'seed=' N (rand) | TYPE (files)
**   DIMS   -> N {'x' N}                          at most SIM_MAX_RANK
** TYPE is an element type as MLIR spells it (i32, bf16, f8E4M3FN; any case).
** Int VALUEs: decimal in [-2^(w-1), 2^w - 1] (ints are signless), 0x bits,
** and for i1 also true/false.  Float VALUEs: 0x bits (tf32: f32 bits), or
** a decimal, inf or nan rounded to nearest even -- f32 and f64 correctly
** from the text, narrower types from the nearest double.
** Files: PATH ends at the first ".npy"/".npz" followed by ':' or the end;
** an .npz's first field is the key (empty or absent: its only array); a
** TYPE reads the elements as that type (needed for ml_dtypes' '<V2'/'<V1').
** zeros: all-zero bits (for f8E8M0FNU, which has no zero, that is 2^-127).
** iota: element i holds i (ints mod 2^w; floats rounded, an error when out
** of range).  shape: no data (data NULL, shape_only).
** rand: element i is a function of (seed, i) alone (default seed 0): x =
** the i-th output of splitmix64 from seed; ints (x >> 60) - 8, uniform in
** [-8, 8) (i1: x >> 63); floats (x >> 11) * 2^-52 - 1, uniform in [-1, 1)
** on a 2^-52 grid, rounded to nearest even (so 1.0 can occur); f8E5M3FNU
** (x >> 11) * 2^-53 in [0, 1); f8E8M0FNU 2^((x >> 60) - 8).  Integer and
** exact arithmetic only: the same bits on every machine. */
int sim_arg_parse(const char *spec, struct sim_arg *arg, char *err, size_t errlen);
void sim_arg_free(struct sim_arg *arg);

#endif

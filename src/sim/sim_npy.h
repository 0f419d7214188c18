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
** endian; i1 one byte per element; f4E2M1FN one byte per element here,
** packed two per byte only in kernel memory). */
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

/* One argument of `tilesim run`: [NAME=]SPEC. */
enum sim_arg_kind { ARG_SCALAR, ARG_ARRAY };
struct sim_arg {
  const char *name;            /* NULL when positional */
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
** array forms optionally suffixed by ":cutile").  -1 with err on error. */
int sim_arg_parse(const char *spec, struct sim_arg *arg, char *err, size_t errlen);
void sim_arg_free(struct sim_arg *arg);

#endif

/*
** hw_int.h -- what hw_desc.c (loading, checking) and hw_show.c (printing,
** --set) share: the quantities and their units, and the one table of
** every number of a description.  The table is the single list of fields:
** the loader, hw_desc_set(), hw_desc_get(), the printer and doc/hwdesc.md
** all follow it.  An element's path is its ancestors' names joined by '.'
** below <hwdesc> ("memory.hbm.bandwidth"); keyed elements add the key
** ("chip.peak.bf16", "memory.hbm.achievable.ldg").  MMA families are the
** one table-less part: "sm.mma.<dtype>.m<M>n<N>k<K>[.cta2].<rate|latency>".
*/
#ifndef TILESIM_HW_INT_H
#define TILESIM_HW_INT_H

#include <stddef.h>

#include "hw.h"

/* Dimensions.  Each has a canonical unit (the first of its unit list). */
enum hw_qty {
  Q_COUNT,   /* integer, no unit */
  Q_FREQ,    /* MHz */
  Q_SIZE,    /* B */
  Q_BW,      /* GB/s */
  Q_BPC,     /* B/clk */
  Q_CLK,     /* clk (SM cycles) */
  Q_TIME,    /* ns; "clk" is converted at the SM clock */
  Q_OPC,     /* op/clk */
  Q_POWER,   /* W */
  Q_TFLOPS,  /* TFLOP/s */
  Q_RATE,    /* flop/clk per SM; "clk/inst" is converted with the MMA's shape */
  Q_FRAC,    /* fraction in (0,1]; "%" divides by 100 */
  HW_NQTY
};

/* A unit: value in it times scale = canonical value (scale 0: needs context). */
struct hw_unit {
  const char *name;
  unsigned char q;
  double scale;
};

/* The units of q, canonical first; NULL-terminated list in *out. */
const struct hw_unit *hw_unit_find(enum hw_qty q, const char *name);
const char *hw_qty_unit(enum hw_qty q);             /* canonical unit name ("" for counts) */
void hw_qty_units(enum hw_qty q, char *buf, size_t n);  /* "GB/s or TB/s" */

enum {
  F_REQ = 1,   /* required when its parent element is present */
  F_WHY = 2,   /* why="..." required whatever src says */
};

/* One number of a description. */
struct hw_field {
  const char *path;          /* without the key */
  size_t off;                /* offsetof(struct hw_desc, ...) of the first struct hw_num */
  unsigned char q, flags;
  const char *keyattr;       /* attribute naming the key, or NULL */
  const char *const *keys;   /* key names: keys[i] is the hw_num at off + i */
  unsigned nkeys;
};
extern const struct hw_field hw_fields[];
extern const unsigned hw_nfields;

/* An element that holds other elements. */
struct hw_container {
  const char *path;
  unsigned char req;         /* required when its parent is present */
};
extern const struct hw_container hw_containers[];
extern const unsigned hw_ncontainers;

extern const char *const hw_dtype_names[HW_NDTYPES];
extern const char *const hw_opnd_names[HW_NOPND];
extern const char *const hw_load_names[HW_NLOADS];
extern const char *const hw_profile_names[];   /* NULL-terminated */
extern const char *const hw_mma_kind_names[4];

/* The struct hw_num of field f, key index ki (0 if unkeyed). */
static inline struct hw_num *hw_field_num(struct hw_desc *d, const struct hw_field *f,
                                          unsigned ki) {
  return (struct hw_num *)((char *)d + f->off) + ki;
}

/* A field by path ("chip.peak.bf16" finds chip.peak with *ki = bf16). */
const struct hw_field *hw_field_find(const char *path, unsigned *ki);

/* The path of an MMA family: "bf16.m128n256k16[.cta2]" (first type, largest N). */
void hw_mma_key(const struct hw_mma *m, char *buf, size_t n);
/* The family an MMA path key names; *n gets its N.  NULL if none. */
const struct hw_mma *hw_mma_lookup(const struct hw_desc *d, const char *key, size_t len,
                                   unsigned *n, char *why, size_t nwhy);
/* FLOPs of one M x n x K instruction of the family. */
double hw_mma_flops(const struct hw_mma *m, unsigned n);

/*
** A value in unit u of quantity q, in the canonical unit.  mma and n give
** the instruction for "clk/inst"; d gives the SM clock for "clk" times.
** Returns -1 (and a reason in why) when it cannot be converted.
*/
int hw_convert(const struct hw_desc *d, enum hw_qty q, const struct hw_unit *u, double v,
               const struct hw_mma *mma, unsigned n, double *out, const char **why);
/* Range checks common to loading and --set: NULL or what is wrong. */
const char *hw_check_value(enum hw_qty q, double v);

#endif

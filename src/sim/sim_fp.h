/*
** sim_fp.h -- floating point of every Tile IR element type, without the
** host's floating-point environment: decoding, rounding in every mode,
** and the IEEE operations the interpreter needs, bit-exact everywhere.
*/
#ifndef TILESIM_SIM_FP_H
#define TILESIM_SIM_FP_H

#include <stdbool.h>
#include <stdint.h>

#include "ir.h"

/* The value of bits of float type e, exactly (NaN stays NaN). */
double fp_to_double(enum ty_elem e, uint64_t bits);

/* The bits of float type e nearest (by mode rm) to the exact value
** hi + lo, where hi = RNE(hi + lo) in double.  NaN results are the type's
** canonical NaN; overflow follows rm (to inf or the largest finite value,
** as IEEE says; types without inf: NaN, or the largest finite value when
** sat is set); ftz flushes a subnormal result to zero of the same sign. */
uint64_t fp_round(enum ty_elem e, double hi, double lo, enum ir_rounding rm,
                  bool ftz, bool sat);
uint64_t fp_from_double(enum ty_elem e, double v, enum ir_rounding rm);

/* One element of an IEEE operation in type e (f16, bf16, f32, f64; f16 and
** bf16 computed in f32 and rounded once, as the spec says), rounded by rm;
** ftz flushes subnormal inputs and results (f32 only, as the spec allows). */
uint64_t fp_add(enum ty_elem e, uint64_t a, uint64_t b, enum ir_rounding rm, bool ftz);
uint64_t fp_sub(enum ty_elem e, uint64_t a, uint64_t b, enum ir_rounding rm, bool ftz);
uint64_t fp_mul(enum ty_elem e, uint64_t a, uint64_t b, enum ir_rounding rm, bool ftz);
uint64_t fp_div(enum ty_elem e, uint64_t a, uint64_t b, enum ir_rounding rm, bool ftz);
uint64_t fp_fma(enum ty_elem e, uint64_t a, uint64_t b, uint64_t c, enum ir_rounding rm, bool ftz);
uint64_t fp_sqrt(enum ty_elem e, uint64_t a, enum ir_rounding rm, bool ftz);

/* Float e1 bits to float e2 (ftof), by rm. */
uint64_t fp_convert(enum ty_elem from, uint64_t bits, enum ty_elem to, enum ir_rounding rm);
/* Integer (width bits, signed or not) to float e, by rm (itof). */
uint64_t fp_from_int(enum ty_elem e, uint64_t v, int width, bool is_signed, enum ir_rounding rm);
/* Float to integer, truncating (ftoi): 0 and *out, or -1 when bits is NaN
** or out of range of the integer type (undefined in the spec) -- unless
** sat, which clamps (NaN -> 0). */
int fp_to_int(enum ty_elem e, uint64_t bits, int width, bool is_signed, bool sat, uint64_t *out);

/* The canonical NaN tilesim produces for type e (NVIDIA's: all ones but
** the sign, e.g. 0x7FFFFFFF for f32). */
uint64_t fp_canonical_nan(enum ty_elem e);
bool fp_is_nan(enum ty_elem e, uint64_t bits);

/* Fast round-to-nearest-even paths for the hot loops. */
float fp_f16_to_f32(uint16_t h);
uint16_t fp_f32_to_f16(float f);
float fp_bf16_to_f32(uint16_t h);
uint16_t fp_f32_to_bf16(float f);

#endif

/*
** sim_fp.h -- floating point of every Tile IR element type, without the
** host's floating-point environment: decoding, rounding in every mode,
** and the IEEE operations the interpreter needs, bit-exact everywhere.
**
** Bits are always the element's storage pattern, in the low bits of a
** uint64_t: tf32 as its f32 pattern (low 13 bits zero; ignored on input),
** f4E2M1FN in the low 4 bits.  Integer element types are not float types:
** these functions give 0 (false) for them.  The choices the spec leaves
** open (NaN, saturation, E8M0 zero and signs, f8E5M3FNU's layout, ftz) are
** written at fp_round and in sim_fp.c.
*/
#ifndef TILESIM_SIM_FP_H
#define TILESIM_SIM_FP_H

#include <stdbool.h>
#include <stdint.h>

#include "ir.h"

/* AMD's FNUZ encodings of the two fp8 types (MI300: exponent bias one
** more, no infinity, no -0, the pattern of -0, 0x80, the only NaN), for
** descriptions that say <numerics fp8="fnuz">.  No Tile IR type names
** them: these values extend enum ty_elem for the functions below only. */
enum { FP_F8E4M3FNUZ = EL_COUNT, FP_F8E5M2FNUZ, FP_NELEM };
/* e, or its FNUZ encoding when fnuz and e is f8E4M3FN or f8E5M2. */
enum ty_elem fp_fp8_encoding(enum ty_elem e, bool fnuz);

/* The value of bits of float type e, exactly (NaN stays NaN). */
double fp_to_double(enum ty_elem e, uint64_t bits);

/* The bits of float type e nearest (by mode rm) to the exact value
** hi + lo (any two doubles, typically hi = RNE(hi + lo) from an
** error-free transformation).  A zero keeps hi's sign when lo is 0; other
** exact zero sums give +0 (callers decide those signs, IEEE 754 6.3).
** NaN results are the type's canonical NaN; overflow follows rm (to inf
** or the largest finite value, as IEEE 754 7.4 says), and an infinity
** stays one -- unless sat (NVIDIA satfinite): then overflow and infinities
** give the largest finite value of that sign, whatever the type.  Types
** without inf give NaN where IEEE gives inf, f4E2M1FN (no NaN either)
** its largest value.  ftz flushes a subnormal result (after rounding) to
** zero of the same sign.  Unsigned types (f8E8M0FNU, f8E5M3FNU) round the
** magnitude, as NVIDIA's E8M0 conversions do; f8E8M0FNU has no zero, so
** zero and values that round to zero give 0x00 (2^-127). */
uint64_t fp_round(enum ty_elem e, double hi, double lo, enum ir_rounding rm,
                  bool ftz, bool sat);
/* The same rounding of (-1)^neg * (m + d) * 2^exp, where 0 < d < 1 when
** sticky (the bits below m, e.g. of a truncated fixed-point sum) and d = 0
** otherwise.  When sticky, m must have more bits than e's precision (half
** an ulp of the result >= 2^exp; m >= 2^54 always does); if not, d is
** ignored.  For accumulators wider than a double (mmaf block-FMA models). */
uint64_t fp_round_scaled(enum ty_elem e, bool neg, uint64_t m, int exp, bool sticky,
                         enum ir_rounding rm, bool ftz, bool sat);
/* fp_round(e, v, 0, rm, false, fp_default_sat(e)). */
uint64_t fp_from_double(enum ty_elem e, double v, enum ir_rounding rm);
/* Does finite v round (nearest even) to a finite value of float type e,
** without overflow (and, for the unsigned types, is it not negative)? */
bool fp_fits(enum ty_elem e, double v);
/* Whether conversions to e saturate by default: true for the fp8 and fp4
** types (PTX only has cvt...satfinite to them), false otherwise. */
bool fp_default_sat(enum ty_elem e);

/* One element of an IEEE operation in type e (f16, bf16, f32, f64; any
** other float type works the same way), rounded by rm; NaN results are
** canonical.  f16 and bf16 ("emulated in f32") are rounded once from the
** exact result into e in mode rm, which is what f32 emulation gives (see
** sim_fp.c).  ftz flushes subnormal inputs and results (the spec allows
** it for f32 only; callers check that). */
uint64_t fp_add(enum ty_elem e, uint64_t a, uint64_t b, enum ir_rounding rm, bool ftz);
uint64_t fp_sub(enum ty_elem e, uint64_t a, uint64_t b, enum ir_rounding rm, bool ftz);
uint64_t fp_mul(enum ty_elem e, uint64_t a, uint64_t b, enum ir_rounding rm, bool ftz);
uint64_t fp_div(enum ty_elem e, uint64_t a, uint64_t b, enum ir_rounding rm, bool ftz);
uint64_t fp_fma(enum ty_elem e, uint64_t a, uint64_t b, uint64_t c, enum ir_rounding rm, bool ftz);
uint64_t fp_sqrt(enum ty_elem e, uint64_t a, enum ir_rounding rm, bool ftz);

/* Float e1 bits to float e2 (ftof), by rm, saturating when sat (see
** fp_round); fp_convert saturates as fp_default_sat(to) says. */
uint64_t fp_convert(enum ty_elem from, uint64_t bits, enum ty_elem to, enum ir_rounding rm);
uint64_t fp_convert_sat(enum ty_elem from, uint64_t bits, enum ty_elem to, enum ir_rounding rm,
                        bool sat);
/* Integer (the low width bits of v, 1 <= width <= 64, signed or not) to
** float e, by rm (itof); saturates as fp_default_sat(e) says. */
uint64_t fp_from_int(enum ty_elem e, uint64_t v, int width, bool is_signed, enum ir_rounding rm);
/* Float to integer, truncating (ftoi): 0 and *out, or -1 when bits is NaN
** or out of range of the integer type (undefined in the spec) -- unless
** sat, which clamps (NaN -> 0).  *out is the result's width-bit two's
** complement pattern, zero above; on -1 it still holds the clamped value
** (NaN: 0), as the GPU's cvt.rzi would give. */
int fp_to_int(enum ty_elem e, uint64_t bits, int width, bool is_signed, bool sat, uint64_t *out);

/* The canonical NaN tilesim produces for type e (NVIDIA's: all ones but
** the sign, e.g. 0x7FFFFFFF for f32, 0x7FFFE000 for tf32, 0x7F for the
** signed fp8 types, 0xFF for the unsigned ones; f4E2M1FN has no NaN and
** gives 0x7 = +6, as NVIDIA's conversions turn NaN into +6). */
uint64_t fp_canonical_nan(enum ty_elem e);
bool fp_is_nan(enum ty_elem e, uint64_t bits);
/* NaN bits of type from carried into type to as IEEE 754 recommends (for
** descriptions that propagate NaNs): the sign, the payload's leading bits
** that fit, the quiet bit set; a type whose NaNs are all ones (f8E4M3FN)
** gets its NaN of that sign, one whose NaN is 0x80 (FNUZ) its NaN; from
** those, a quiet NaN without payload; f4E2M1FN, without NaN, gives its
** canonical value. */
uint64_t fp_nan_carry(enum ty_elem from, uint64_t bits, enum ty_elem to);

/* Fast round-to-nearest-even paths for the hot loops (NaN -> canonical). */
float fp_f16_to_f32(uint16_t h);
uint16_t fp_f32_to_f16(float f);
float fp_bf16_to_f32(uint16_t h);
uint16_t fp_f32_to_bf16(float f);

#endif

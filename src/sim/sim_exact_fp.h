/*
** sim_exact_fp.h -- included first by the files whose results depend on
** every double operation being one IEEE operation as written: no excess
** precision, no fast-math, no fused multiply-add the source does not ask
** for (sim_math.c and its vector paths must agree bit for bit).
*/
#ifndef TILESIM_SIM_EXACT_FP_H
#define TILESIM_SIM_EXACT_FP_H

#include <float.h>

#if !defined(FLT_EVAL_METHOD) || FLT_EVAL_METHOD != 0
#error "tilesim's math needs FLT_EVAL_METHOD == 0 (no excess precision, e.g. SSE2 on x86)"
#endif
#ifdef __FAST_MATH__
#error "tilesim's math must not be compiled with -ffast-math (it relies on exact IEEE arithmetic)"
#endif
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__) && !defined(__STRICT_ANSI__)
#pragma GCC optimize("fp-contract=off")
#endif

#endif

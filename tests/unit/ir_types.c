/*
** ir_types.c -- unit tests of type interning and printing (ty_intern.c):
** equal types are one pointer, whichever way they were built or spelled,
** and every kind prints in the short form cuda-tile-opt uses inside ops.
*/
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "ir_int.h"
#include "testlib.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static struct ir_module *m;

static void setup(void) { m = ir_module_new(); ck_assert_ptr_nonnull(m); }
static void teardown(void) { ir_module_free(m); }

static void assert_prints(const struct ty *t, const char *want) {
  struct ts_buf b = {0};
  ty_print(&b, t);
  ck_assert_msg(b.s && strcmp(b.s, want) == 0, "got '%s' want '%s'", b.s ? b.s : "", want);
  ts_buf_free(&b);
}

static const struct ty *tile(const struct ty *elt, int rank, const int64_t *shape) {
  return ty_tile_get(m->types, elt, rank, shape);
}

/* A 1-d or 2-d tensor_view of f32 with the given shape and strides. */
static const struct ty *tview(int rank, const int64_t *shape, const int64_t *strides) {
  struct ty t = { .kind = TY_TENSOR_VIEW, .elt = ty_elem_get(m->types, EL_F32), .rank = rank,
                  .shape = shape, .strides = strides };
  return ty_intern(m->types, &t);
}

static const struct ty *view(enum ty_kind k, const struct ty *tv, const int64_t *tile_shape,
                             const int64_t *strides, const int64_t *dim_map, int padding,
                             int sparse_dim) {
  struct ty t = { .kind = k, .elt = tv->elt, .tv = tv, .rank = tv->rank, .shape = tile_shape,
                  .strides = strides, .dim_map = dim_map, .padding = padding,
                  .sparse_dim = sparse_dim };
  return ty_intern(m->types, &t);
}

START_TEST(elements) {
  for (int e = 0; e < EL_COUNT; e++) {
    const struct ty *a = ty_elem_get(m->types, (enum ty_elem)e);
    ck_assert_ptr_eq(a, ty_elem_get(m->types, (enum ty_elem)e));
    ck_assert_int_eq(a->kind, e <= EL_I64 ? TY_INT : TY_FLOAT);
    ck_assert(ty_is_int(a) == (e <= EL_I64));
    ck_assert(ty_is_float(a) == (e > EL_I64));
    assert_prints(a, ty_elem_names[e]);
    for (int f = 0; f < e; f++) ck_assert_ptr_ne(a, ty_elem_get(m->types, (enum ty_elem)f));
  }
  ck_assert_int_eq(ty_elem_bits(EL_I1), 1);
  ck_assert_int_eq(ty_elem_bits(EL_I4), 4);
  ck_assert_int_eq(ty_elem_bits(EL_TF32), 19);
  ck_assert_int_eq(ty_elem_bits(EL_F4E2M1FN), 4);
  ck_assert_int_eq(ty_elem_bits(EL_F8E8M0FNU), 8);
  ck_assert_int_eq(ty_elem_bits(EL_F64), 64);
}
END_TEST

START_TEST(tiles_and_pointers) {
  const struct ty *f32 = ty_elem_get(m->types, EL_F32);
  static const int64_t s48[] = { 4, 8 }, s84[] = { 8, 4 }, s4[] = { 4 };
  int64_t copy[] = { 4, 8 };
  const struct ty *a = tile(f32, 2, s48);
  ck_assert_ptr_eq(a, tile(f32, 2, copy));          /* by value, not by address */
  ck_assert_ptr_ne(a, tile(f32, 2, s84));
  ck_assert_ptr_ne(a, tile(ty_elem_get(m->types, EL_F16), 2, s48));
  ck_assert_ptr_ne(tile(f32, 1, s4), tile(f32, 0, NULL));
  ck_assert_ptr_eq(tile(f32, 0, NULL), tile(f32, 0, s4)); /* rank 0 ignores the shape */
  assert_prints(a, "tile<4x8xf32>");
  assert_prints(tile(f32, 0, NULL), "tile<f32>");
  ck_assert_int_eq(ty_numel(a), 32);
  ck_assert_int_eq(ty_numel(tile(f32, 0, NULL)), 1);
  ck_assert_ptr_eq(ty_tile_elt(a), f32);
  ck_assert_ptr_null(ty_tile_elt(f32));

  const struct ty *p = ty_ptr_get(m->types, ty_elem_get(m->types, EL_F16));
  ck_assert_ptr_eq(p, ty_ptr_get(m->types, ty_elem_get(m->types, EL_F16)));
  ck_assert_ptr_ne(p, ty_ptr_get(m->types, f32));
  assert_prints(p, "ptr<f16>");
  assert_prints(tile(p, 1, (const int64_t[]){ 8 }), "tile<8xptr<f16>>");
  assert_prints(tile(p, 0, NULL), "tile<ptr<f16>>");

  const struct ty *tok = ty_token_get(m->types);
  ck_assert_ptr_eq(tok, ty_token_get(m->types));
  assert_prints(tok, "token");
}
END_TEST

START_TEST(tensor_views) {
  static const int64_t shape[] = { TY_DYNAMIC, 64 }, strides[] = { 64, 1 };
  static const int64_t dyn_strides[] = { TY_DYNAMIC, 1 };
  const struct ty *a = tview(2, shape, strides);
  ck_assert_ptr_eq(a, tview(2, (int64_t[]){ TY_DYNAMIC, 64 }, (int64_t[]){ 64, 1 }));
  ck_assert_ptr_ne(a, tview(2, shape, dyn_strides));
  assert_prints(a, "tensor_view<?x64xf32, strides=[64,1]>");
  assert_prints(tview(2, shape, dyn_strides), "tensor_view<?x64xf32, strides=[?,1]>");
  assert_prints(tview(0, NULL, NULL), "tensor_view<f32>");
}
END_TEST

START_TEST(tiled_views) {
  static const int64_t shape[] = { 64, 64 }, strides[] = { 64, 1 }, t8x16[] = { 8, 16 };
  static const int64_t ident[] = { 0, 1 }, swap[] = { 1, 0 }, trav[] = { 2, 4 };
  const struct ty *tv = tview(2, shape, strides);
  const struct ty *pv = view(TY_PARTITION_VIEW, tv, t8x16, NULL, NULL, PAD_NONE, -1);
  assert_prints(pv, "partition_view<tile=(8x16), tensor_view<64x64xf32, strides=[64,1]>>");
  /* the identity dim_map is the same type as no dim_map */
  ck_assert_ptr_eq(pv, view(TY_PARTITION_VIEW, tv, t8x16, NULL, ident, PAD_NONE, -1));
  ck_assert_ptr_null(view(TY_PARTITION_VIEW, tv, t8x16, NULL, ident, PAD_NONE, -1)->dim_map);
  const struct ty *pvs = view(TY_PARTITION_VIEW, tv, t8x16, NULL, swap, PAD_NONE, -1);
  ck_assert_ptr_ne(pv, pvs);
  assert_prints(pvs, "partition_view<tile=(8x16), tensor_view<64x64xf32, strides=[64,1]>, "
                     "dim_map=[1, 0]>");
  const struct ty *pvz = view(TY_PARTITION_VIEW, tv, t8x16, NULL, NULL, PAD_ZERO, -1);
  ck_assert_ptr_ne(pv, pvz);
  ck_assert_ptr_ne(pvz, view(TY_PARTITION_VIEW, tv, t8x16, NULL, NULL, PAD_NAN, -1));
  assert_prints(pvz, "partition_view<tile=(8x16), padding_value = zero, "
                     "tensor_view<64x64xf32, strides=[64,1]>>");
  static const char *const pads[] = { "zero", "neg_zero", "nan", "pos_inf", "neg_inf" };
  for (int i = PAD_ZERO; i <= PAD_NEG_INF; i++) {
    struct ts_buf b = {0};
    ty_print(&b, view(TY_PARTITION_VIEW, tv, t8x16, NULL, swap, i, -1));
    char want[200];
    snprintf(want, sizeof want, "partition_view<tile=(8x16), padding_value = %s, "
             "tensor_view<64x64xf32, strides=[64,1]>, dim_map=[1, 0]>", pads[i]);
    ck_assert_str_eq(b.s, want);
    ts_buf_free(&b);
  }

  const struct ty *sv = view(TY_STRIDED_VIEW, tv, t8x16, trav, NULL, PAD_NONE, -1);
  ck_assert_ptr_ne(sv, pv);
  ck_assert_ptr_eq(sv, view(TY_STRIDED_VIEW, tv, t8x16, trav, ident, PAD_NONE, -1));
  assert_prints(sv, "strided_view<tile=(8x16), traversal_strides=[2,4], "
                    "tensor_view<64x64xf32, strides=[64,1]>>");
  assert_prints(view(TY_STRIDED_VIEW, tv, t8x16, trav, swap, PAD_NEG_INF, -1),
                "strided_view<tile=(8x16), traversal_strides=[2,4], padding_value = neg_inf, "
                "tensor_view<64x64xf32, strides=[64,1]>, dim_map=[1, 0]>");

  const struct ty *gv = view(TY_GATHER_SCATTER_VIEW, tv, t8x16, NULL, NULL, PAD_NONE, 1);
  ck_assert_ptr_ne(gv, view(TY_GATHER_SCATTER_VIEW, tv, t8x16, NULL, NULL, PAD_NONE, 0));
  assert_prints(gv, "gather_scatter_view<tile=(8x16), tensor_view<64x64xf32, strides=[64,1]>, "
                    "sparse_dim=1>");
  assert_prints(view(TY_GATHER_SCATTER_VIEW, tv, t8x16, NULL, NULL, PAD_POS_INF, 0),
                "gather_scatter_view<tile=(8x16), padding_value = pos_inf, "
                "tensor_view<64x64xf32, strides=[64,1]>, sparse_dim=0>");
  ck_assert(ty_is_view(pv) && ty_is_view(sv) && ty_is_view(gv) && !ty_is_view(tv));
  ck_assert_int_eq(ty_view_index_rank(pv), 2);
  ck_assert_int_eq(ty_view_index_rank(tv), 0);
}
END_TEST

START_TEST(functions) {
  const struct ty *i32 = tile(ty_elem_get(m->types, EL_I32), 0, NULL);
  const struct ty *tok = ty_token_get(m->types);
  const struct ty *ins[] = { i32, tok }, *outs[] = { tok };
  struct ty f = { .kind = TY_FUNC, .nin = 2, .ins = ins, .nout = 1, .outs = outs };
  const struct ty *a = ty_intern(m->types, &f);
  const struct ty *ins2[] = { i32, tok };
  struct ty g = { .kind = TY_FUNC, .nin = 2, .ins = ins2, .nout = 1, .outs = outs };
  ck_assert_ptr_eq(a, ty_intern(m->types, &g));
  struct ty h = { .kind = TY_FUNC, .nin = 2, .ins = ins2 };
  ck_assert_ptr_ne(a, ty_intern(m->types, &h));
  assert_prints(a, "(tile<i32>, token) -> (token)");
}
END_TEST

/* Many types: the table grows and keeps every pointer. */
START_TEST(growth) {
  const struct ty *f16 = ty_elem_get(m->types, EL_F16);
  const struct ty *first[1000];
  for (int i = 0; i < 1000; i++) first[i] = tile(f16, 1, (int64_t[]){ i + 1 });
  for (int i = 0; i < 1000; i++) ck_assert_ptr_eq(first[i], tile(f16, 1, (int64_t[]){ i + 1 }));
  ck_assert_int_eq(first[999]->shape[0], 1000);
}
END_TEST

/* Through the parser: long and short spellings, and every way to write
** the same view, give the same pointer. */
START_TEST(spellings_intern_together) {
  static const char *const pairs[][2] = {
    { "tile<4x8xf32>", "!cuda_tile.tile<4x8xf32>" },
    { "tile<ptr<f16>>", "!cuda_tile.tile<!cuda_tile.ptr<f16>>" },
    { "tile<4xptr<f16>>", "tile<4x!cuda_tile.ptr<f16>>" },
    { "token", "!cuda_tile.token" },
    { "tensor_view<?x64xf32, strides=[64,1]>",
      "!cuda_tile.tensor_view<?x64xf32, strides = [64, 1]>" },
    { "partition_view<tile=(2x2), tensor_view<16x16xf32, strides=[16,1]>>",
      "partition_view<tile=(2x2), tensor_view<16x16xf32, strides=[16,1]>, dim_map=[0, 1]>" },
    { "partition_view<tile=(8), padding_value = nan, tensor_view<16xf32, strides=[1]>>",
      "!cuda_tile.partition_view<tile=(8), padding_value=nan, "
      "!cuda_tile.tensor_view<16xf32, strides=[1]>, dim_map=[0]>" },
    { "gather_scatter_view<tile=(4x8), tensor_view<?x?xf32, strides=[?,1]>, sparse_dim=0>",
      "gather_scatter_view<tile=(4x8), tensor_view<?x?xf32, strides=[?,1]>, sparse_dim = 0>" },
  };
  for (int i = 0; i < COUNT(pairs); i++) {
    char text[1024];
    snprintf(text, sizeof text,
             "cuda_tile.module @m {\n  testing$func @f(%%a: %s, %%b: %s) {\n  }\n}\n",
             pairs[i][0], pairs[i][1]);
    struct tt_diags d;
    tt_diags_init(&d);
    struct ir_module *pm = tt_parse(text, &d);
    ck_assert_msg(pm, "pair %d: %s", i, d.text);
    const struct ir_block *b = pm->op->regions[0].block->first->regions[0].block;
    ck_assert_msg(b->args[0].type == b->args[1].type, "pair %d: '%s' and '%s' differ", i,
                  pairs[i][0], pairs[i][1]);
    assert_prints(b->args[1].type, pairs[i][0]);
    ir_module_free(pm);
  }
}
END_TEST

Suite *suite_ir_types(void) {
  Suite *s = suite_create("ir_types");
  TCase *tc = tcase_create("intern");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, elements);
  tcase_add_test(tc, tiles_and_pointers);
  tcase_add_test(tc, tensor_views);
  tcase_add_test(tc, tiled_views);
  tcase_add_test(tc, functions);
  tcase_add_test(tc, growth);
  suite_add_tcase(s, tc);
  tc = tcase_create("parse");
  tcase_add_test(tc, spellings_intern_together);
  suite_add_tcase(s, tc);
  return s;
}

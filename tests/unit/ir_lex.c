/*
** ir_lex.c -- unit tests of the lexer (src/ir/ir_lex.c): every token kind,
** token positions, comments, the shapes MLIR spells as one word, and the
** errors the parser reports for bad characters and strings.
*/
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ir_int.h"
#include "testlib.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The first token of s. */
static struct token first(const char *s) {
  size_t pos = 0;
  struct token t;
  ir_lex(s, strlen(s), &pos, &t);
  return t;
}

/* One token that spans the whole text. */
static const struct { const char *text; enum tok_kind kind; } whole[] = {
  { "%x", T_VALUE }, { "%arg0", T_VALUE }, { "%0", T_VALUE }, { "%a.b$c_d", T_VALUE },
  { "%cst_1_i32-0", T_VALUE },
  { "@kernel", T_SYMBOL }, { "@\"quoted name\"", T_SYMBOL }, { "@_g$1.x", T_SYMBOL },
  { "addf", T_IDENT }, { "cuda_tile.addf", T_IDENT }, { "testing$func", T_IDENT },
  { "_x", T_IDENT }, { "f8E4M3FN", T_IDENT },
  { "!cuda_tile.tile", T_BANG }, { "#loc1", T_HASH }, { "#cuda_tile.div_by", T_HASH },
  { "^bb0", T_BLOCK },
  { "0", T_INT }, { "42", T_INT }, { "0x1F", T_INT }, { "0XffFF", T_INT },
  { "1.5", T_FLOAT }, { "1.", T_FLOAT }, { "0.25e-3", T_FLOAT }, { "6.0E+10", T_FLOAT },
  { "1.0e5", T_FLOAT },
  { "\"\"", T_STRING }, { "\"hello world\"", T_STRING }, { "\"a\\\"b\"", T_STRING },
  { "\"%d\\n\"", T_STRING },
  { "->", T_ARROW },
};

START_TEST(token_kinds) {
  struct token t = first(whole[_i].text);
  ck_assert_msg(t.kind == whole[_i].kind, "'%s': kind %d want %d", whole[_i].text, t.kind,
                whole[_i].kind);
  ck_assert_msg(t.off == 0 && t.len == strlen(whole[_i].text), "'%s': off %u len %u",
                whole[_i].text, t.off, t.len);
}
END_TEST

START_TEST(punctuation) {
  static const char punct[] = "()[]{}<>,:=?*+-";
  for (int i = 0; punct[i]; i++) {
    char s[2] = { punct[i], 0 };
    struct token t = first(s);
    ck_assert_msg(t.kind == T_PUNCT && t.c == punct[i] && t.len == 1, "'%s': kind %d c '%c'",
                  s, t.kind, t.c ? t.c : '?');
  }
}
END_TEST

/* Texts that lex as several tokens: kinds and texts in order. */
static const struct { const char *text; const char *toks[6]; enum tok_kind kinds[6]; } split[] = {
  /* a result of a group is a value followed by '#N' */
  { "%a#1", { "%a", "#1" }, { T_VALUE, T_HASH } },
  /* MLIR spells shapes as one word: the number, then the rest */
  { "4x8xf32", { "4", "x8xf32" }, { T_INT, T_IDENT } },
  /* '1e5' is not a float in MLIR (a float needs a '.') */
  { "1e5", { "1", "e5" }, { T_INT, T_IDENT } },
  { "0x", { "0", "x" }, { T_INT, T_IDENT } },
  { "-1", { "-", "1" }, { T_PUNCT, T_INT } },
  { "-> ->", { "->", "->" }, { T_ARROW, T_ARROW } },
  { "%a=%b", { "%a", "=", "%b" }, { T_VALUE, T_PUNCT, T_VALUE } },
  { "tile<f32>", { "tile", "<", "f32", ">" }, { T_IDENT, T_PUNCT, T_IDENT, T_PUNCT } },
  { "loc(\"f\":1:2)", { "loc", "(", "\"f\"", ":", "1", ":" },
    { T_IDENT, T_PUNCT, T_STRING, T_PUNCT, T_INT, T_PUNCT } },
  { "x // comment\n y", { "x", "y" }, { T_IDENT, T_IDENT } },
  { "// only a comment", { 0 }, { 0 } },
  { "a//b\n//c\n\n  //d\nb", { "a", "b" }, { T_IDENT, T_IDENT } },
  { "a / b", { "a" }, { T_IDENT } },
};

START_TEST(token_sequences) {
  const char *s = split[_i].text;
  size_t pos = 0, n = strlen(s);
  for (int k = 0; k < 6 && split[_i].toks[k]; k++) {
    struct token t;
    ir_lex(s, n, &pos, &t);
    ck_assert_msg(t.kind == split[_i].kinds[k], "'%s' token %d: kind %d want %d", s, k, t.kind,
                  split[_i].kinds[k]);
    ck_assert_msg(t.len == strlen(split[_i].toks[k]) &&
                      memcmp(s + t.off, split[_i].toks[k], t.len) == 0,
                  "'%s' token %d: got '%.*s' want '%s'", s, k, (int)t.len, s + t.off,
                  split[_i].toks[k]);
  }
}
END_TEST

/* Offsets and lengths across lines; the position ends after the token. */
START_TEST(positions) {
  const char *s = "  %0 = addf\n\t%a, %b // x\n  : tile<4xf32>\n";
  static const struct { uint32_t off, len; } want[] = {
    { 2, 2 }, { 5, 1 }, { 7, 4 }, { 13, 2 }, { 15, 1 }, { 17, 2 }, { 27, 1 }, { 29, 4 },
    { 33, 1 }, { 34, 1 }, { 35, 4 }, { 39, 1 }, { 41, 0 },
  };
  size_t pos = 0, n = strlen(s);
  for (int i = 0; i < COUNT(want); i++) {
    struct token t;
    ir_lex(s, n, &pos, &t);
    ck_assert_msg(t.off == want[i].off && t.len == want[i].len,
                  "token %d: off %u len %u, want off %u len %u", i, t.off, t.len, want[i].off,
                  want[i].len);
    ck_assert_msg(pos == (size_t)t.off + t.len, "token %d: pos %zu", i, pos);
  }
}
END_TEST

/* At the end, and after it, the lexer keeps returning EOF. */
START_TEST(end_of_file) {
  const char *s = "x  \n";
  size_t pos = 0;
  struct token t;
  ir_lex(s, 4, &pos, &t);
  for (int i = 0; i < 3; i++) {
    ir_lex(s, 4, &pos, &t);
    ck_assert_int_eq(t.kind, T_EOF);
    ck_assert_uint_eq(t.off, 4);
    ck_assert_uint_eq(t.len, 0);
  }
  /* the length bounds the text: nothing past n is read */
  pos = 0;
  ir_lex("abcdef", 3, &pos, &t);
  ck_assert_int_eq(t.kind, T_IDENT);
  ck_assert_uint_eq(t.len, 3);
}
END_TEST

static const char *const bad[] = {
  "\"unterminated", "\"no newline\nin strings\"", "$", ";", "&", "`", "\\", "%", "% x", "@",
  "!", "# x", "^", "\x01",
};

START_TEST(errors) {
  struct token t = first(bad[_i]);
  ck_assert_msg(t.kind == T_ERROR, "'%s': kind %d, want T_ERROR", bad[_i], t.kind);
  ck_assert_uint_eq(t.off, 0);
}
END_TEST

/* The parser turns lexer errors into diagnostics at the bad token. */
START_TEST(errors_in_parser) {
  static const struct { const char *text, *msg; unsigned line; } cases[] = {
    { "cuda_tile.module @m {\n  entry @k(%c: tile<i1>) {\n    assert %c, \"oops\n  }\n}\n",
      "unterminated string", 3 },
    { "cuda_tile.module @m {\n  entry @k() {\n    ;\n  }\n}\n", "unexpected character", 3 },
    { "cuda_tile.module @m {\n  entry @k() {\n  }\n}\n$", "unexpected character", 5 },
  };
  for (int i = 0; i < COUNT(cases); i++) {
    struct tt_diags d;
    tt_diags_init(&d);
    struct ir_module *m = tt_parse(cases[i].text, &d);
    ck_assert_msg(!m, "case %d parsed", i);
    ck_assert_msg(strstr(d.text, cases[i].msg), "case %d: got '%s' want '%s'", i, d.text,
                  cases[i].msg);
    ck_assert_msg(d.first_line == cases[i].line, "case %d: line %u want %u", i, d.first_line,
                  cases[i].line);
  }
}
END_TEST

/* Comments are whitespace to the parser, even between an op's parts. */
START_TEST(comments_in_parser) {
  const char *s =
      "// leading\ncuda_tile.module @m { // after the brace\n"
      "  entry @k() {\n"
      "    %c = constant // in the middle\n  <i32: 1> // here too\n : tile<i32>\n"
      "  } // end\n} // eof";
  char *out = tt_fmt(s);
  ck_assert_ptr_nonnull(out);
  ck_assert_str_eq(out, "cuda_tile.module @m {\n  entry @k() {\n"
                        "    %c = constant <i32: 1> : tile<i32>\n    return\n  }\n}\n");
  free(out);
}
END_TEST

/* ir_lex_canon re-spaces attribute text token by token. */
START_TEST(canon_spacing) {
  static const struct { const char *in, *out; } cases[] = {
    { "loc( \"f.py\" : 1 : 2 )", "loc(\"f.py\":1:2)" },
    { "callsite( loc(\"a\":1:2) at loc(\"b\":3 : 4) )", "callsite(loc(\"a\":1:2) at loc(\"b\":3:4))" },
    { "#cuda_tile.di_file < \"a\" in \"b\" >", "#cuda_tile.di_file<\"a\" in \"b\">" },
  };
  for (int i = 0; i < COUNT(cases); i++) {
    struct ts_buf b = {0};
    ir_lex_canon(&b, cases[i].in, strlen(cases[i].in), NULL, NULL);
    ck_assert_msg(b.s && strcmp(b.s, cases[i].out) == 0, "'%s': got '%s' want '%s'", cases[i].in,
                  b.s ? b.s : "", cases[i].out);
    ts_buf_free(&b);
  }
}
END_TEST

Suite *suite_ir_lex(void) {
  Suite *s = suite_create("ir_lex");
  TCase *tc = tcase_create("tokens");
  tcase_add_loop_test(tc, token_kinds, 0, COUNT(whole));
  tcase_add_test(tc, punctuation);
  tcase_add_loop_test(tc, token_sequences, 0, COUNT(split));
  tcase_add_test(tc, positions);
  tcase_add_test(tc, end_of_file);
  tcase_add_loop_test(tc, errors, 0, COUNT(bad));
  suite_add_tcase(s, tc);
  tc = tcase_create("parser");
  tcase_add_test(tc, errors_in_parser);
  tcase_add_test(tc, comments_in_parser);
  tcase_add_test(tc, canon_spacing);
  suite_add_tcase(s, tc);
  return s;
}

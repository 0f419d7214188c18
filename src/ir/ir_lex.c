/*
** ir_lex.c -- the tokens of Tile IR text.  The lexer is a pure function of
** the text and a position, so the parser can look ahead and back up.
*/
#include <config.h>
#include "ir_int.h"

#include <ctype.h>
#include <string.h>

static bool is_ident_start(int c) { return isalpha(c) || c == '_'; }
static bool is_ident_char(int c) {
  return isalnum(c) || c == '_' || c == '$' || c == '.';
}
/* SSA names may also hold '-' (MLIR's suffix-id). */
static bool is_name_char(int c) { return is_ident_char(c) || c == '-'; }

static size_t skip_blank(const char *s, size_t n, size_t i) {
  for (;;) {
    while (i < n && isspace((unsigned char)s[i])) i++;
    if (i + 1 < n && s[i] == '/' && s[i + 1] == '/') {
      while (i < n && s[i] != '\n') i++;
      continue;
    }
    return i;
  }
}

/* number -> digits | 0x hexdigits | digits '.' digits* [eE [+-] digits] */
static size_t lex_number(const char *s, size_t n, size_t i, enum tok_kind *k) {
  *k = T_INT;
  if (s[i] == '0' && i + 1 < n && (s[i + 1] == 'x' || s[i + 1] == 'X') &&
      i + 2 < n && isxdigit((unsigned char)s[i + 2])) {
    i += 2;
    while (i < n && isxdigit((unsigned char)s[i])) i++;
    return i;
  }
  while (i < n && isdigit((unsigned char)s[i])) i++;
  if (i < n && s[i] == '.') {
    *k = T_FLOAT;
    i++;
    while (i < n && isdigit((unsigned char)s[i])) i++;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
      size_t j = i + 1;
      if (j < n && (s[j] == '+' || s[j] == '-')) j++;
      if (j < n && isdigit((unsigned char)s[j])) {
        i = j;
        while (i < n && isdigit((unsigned char)s[i])) i++;
      }
    }
  }
  return i;
}

static size_t lex_string(const char *s, size_t n, size_t i, enum tok_kind *k) {
  for (i++; i < n && s[i] != '"' && s[i] != '\n'; i++)
    if (s[i] == '\\' && i + 1 < n) i++;
  if (i >= n || s[i] != '"') { *k = T_ERROR; return i; }
  *k = T_STRING;
  return i + 1;
}

void ir_lex(const char *s, size_t n, size_t *pos, struct token *t) {
  size_t i = skip_blank(s, n, *pos);
  t->off = (uint32_t)i;
  t->c = 0;
  if (i >= n) { t->kind = T_EOF; t->len = 0; *pos = i; return; }
  int c = (unsigned char)s[i];
  size_t e = i + 1;
  if ((c == '%' || c == '@' || c == '!' || c == '#' || c == '^') && e < n) {
    t->kind = c == '%' ? T_VALUE : c == '@' ? T_SYMBOL : c == '!' ? T_BANG
            : c == '#' ? T_HASH : T_BLOCK;
    if (c == '@' && s[e] == '"') {            /* @"quoted symbol" */
      enum tok_kind k;
      e = lex_string(s, n, e, &k);
      if (k == T_ERROR) t->kind = T_ERROR;
    } else if (c == '%') {
      while (e < n && is_name_char((unsigned char)s[e])) e++;
    } else if (c == '@') {
      while (e < n && is_ident_char((unsigned char)s[e])) e++;
    } else {
      while (e < n && is_ident_char((unsigned char)s[e])) e++;
    }
    if (e == i + 1) t->kind = T_ERROR;
  } else if (is_ident_start(c)) {
    t->kind = T_IDENT;
    while (e < n && is_ident_char((unsigned char)s[e])) e++;
  } else if (isdigit(c)) {
    e = lex_number(s, n, i, &t->kind);
  } else if (c == '"') {
    e = lex_string(s, n, i, &t->kind);
  } else if (c == '-' && e < n && s[e] == '>') {
    t->kind = T_ARROW;
    e++;
  } else if (strchr("()[]{}<>,:=?*+-", c)) {
    t->kind = T_PUNCT;
    t->c = (char)c;
  } else {
    t->kind = T_ERROR;
  }
  t->len = (uint32_t)(e - i);
  *pos = e;
}

/* Canonical spacing: one blank between tokens, except none after an
** opening bracket, none before a closing one or a comma, none around the
** colons of a location ("f.py":3:4), and none between a name and the
** bracket it opens (`loc(`, `di_file<`). */
void ir_lex_canon(struct ts_buf *b, const char *s, size_t n,
                  const char *(*rename)(void *ud, const char *name, size_t len),
                  void *ud) {
  size_t pos = 0;
  bool prev_tight = false, loc_chain = false;
  struct token t, prev = { T_EOF, 0, 0, 0 };
  for (;;) {
    ir_lex(s, n, &pos, &t);
    if (t.kind == T_EOF || t.kind == T_ERROR) break;
    bool space = prev.kind != T_EOF;
    /* the colons of a location, "file":line:col, are tight */
    bool tight = t.kind == T_PUNCT && t.c == ':' &&
                 (prev.kind == T_STRING || (prev.kind == T_INT && loc_chain));
    bool after_tight = prev_tight && t.kind == T_INT;
    if (prev.kind == T_PUNCT && strchr("(<[", prev.c)) space = false;
    if (t.kind == T_PUNCT && strchr(")>],", t.c)) space = false;
    if (tight || after_tight) space = false;
    if (t.kind == T_PUNCT && strchr("(<", t.c) && (prev.kind == T_IDENT || prev.kind == T_HASH))
      space = false;
    loc_chain = tight || after_tight;
    prev_tight = tight;
    if (space) ts_buf_putc(b, ' ');
    const char *r = NULL;
    if (t.kind == T_HASH && rename) r = rename(ud, s + t.off + 1, t.len - 1);
    if (r) ts_buf_printf(b, "#%s", r);
    else ts_buf_putn(b, s + t.off, t.len);
    prev = t;
  }
}

package store

import (
	"fmt"
	"strings"
	"unicode"
)

// Full-text search on PostgreSQL.
//
// Text is folded in Go (textsearch.Fold) exactly as for SQLite: Latin diacritics
// removed, every Han/Kana/Hangul character its own token, Devanagari kept whole.
// Each SQLite FTS5 table (message_search, note_search, contact_search) becomes a
// plain table (rowid, body, tsv) where tsv is computed by cd_fts_vector from the
// folded body: split where FTS5's tokenizer splits (any character that is not a
// letter, number, mark or private-use character, the same categories as
// textsearch.Tokenizer) and kept verbatim as lexemes with their positions. No
// PostgreSQL parser, dictionary or locale is involved, so what is found does not
// depend on the server's configuration ('simple' semantics, exactly). A GIN
// index serves the matches; phrases use positions (<->), prefixes :*.

// ftsMaxTokenRunes truncates very long tokens (PostgreSQL caps a lexeme at 2 KB).
const ftsMaxTokenRunes = 500

// isFTSTokenRune reports whether r belongs inside a token (FTS5 categories 'L* N* Co M*').
func isFTSTokenRune(r rune) bool {
	return unicode.In(r, unicode.L, unicode.N, unicode.Co, unicode.M)
}

// ftsSeparatorClass is a PostgreSQL regular expression bracket expression
// matching every character that is not a token character, written with \u
// escapes (for an E” literal, so backslashes are doubled).
func ftsSeparatorClass() string {
	var b strings.Builder
	b.WriteByte('[')
	esc := func(r rune) string {
		if r > 0xFFFF {
			return fmt.Sprintf(`\\U%08X`, r)
		}
		return fmt.Sprintf(`\\u%04X`, r)
	}
	start := rune(-1)
	flush := func(end rune) {
		if start < 0 {
			return
		}
		b.WriteString(esc(start))
		if end > start {
			b.WriteString("-" + esc(end))
		}
		start = -1
	}
	for r := rune(1); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			flush(0xD7FF)
			r = 0xDFFF
			continue
		}
		if isFTSTokenRune(r) {
			flush(r - 1)
			continue
		}
		if start < 0 {
			start = r
		}
	}
	flush(unicode.MaxRune)
	b.WriteByte(']')
	return b.String()
}

// pgFTSFunctionSQL creates cd_fts_vector: folded text -> tsvector with positions.
func pgFTSFunctionSQL() string {
	return `CREATE OR REPLACE FUNCTION cd_fts_vector(body text) RETURNS tsvector
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
	SELECT COALESCE(string_agg(
		chr(39) || replace(replace(left(t.tok, ` + fmt.Sprint(ftsMaxTokenRunes) + `), chr(92), chr(92) || chr(92)), chr(39), chr(39) || chr(39))
		|| chr(39) || ':' || LEAST(t.pos, 16383), ' '), '')::tsvector
	FROM unnest(regexp_split_to_array(btrim(regexp_replace(body, E'` + ftsSeparatorClass() + `+', ' ', 'g')), ' '))
		WITH ORDINALITY AS t(tok, pos)
	WHERE t.tok <> ''
	$fn$`
}

// pgFTSTableSQL is the PostgreSQL form of one FTS5 table.
func pgFTSTableSQL(table string) []string {
	return []string{
		`CREATE TABLE ` + table + ` (
			rowid BIGINT PRIMARY KEY,
			body TEXT NOT NULL DEFAULT '',
			tsv tsvector GENERATED ALWAYS AS (cd_fts_vector(body)) STORED
		)`,
		`CREATE INDEX ix_` + table + `_tsv ON ` + table + ` USING GIN (tsv)`,
	}
}

// ftsTokens splits folded text into tokens exactly as cd_fts_vector does.
func ftsTokens(s string) []string {
	toks := strings.FieldsFunc(s, func(r rune) bool { return !isFTSTokenRune(r) })
	for i, t := range toks {
		if r := []rune(t); len(r) > ftsMaxTokenRunes {
			toks[i] = string(r[:ftsMaxTokenRunes])
		}
	}
	return toks
}

// tsLexeme quotes a token as a tsquery lexeme.
func tsLexeme(tok string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(tok, `\`, `\\`), "'", "''") + "'"
}

// fts5ToTsquery converts an FTS5 match expression as textsearch.MatchExpression
// writes it (quoted strings, each optionally followed by *, joined by AND; a
// quoted string of several tokens is a phrase) into tsquery text. Bare words
// are terms too; OR and NOT are honoured. An expression without tokens becomes
// a query that matches nothing.
func fts5ToTsquery(expr string) string {
	var parts []string
	op := ""
	emit := func(phrase string, prefix bool) {
		toks := ftsTokens(phrase)
		if len(toks) == 0 {
			return
		}
		lex := make([]string, len(toks))
		for i, t := range toks {
			lex[i] = tsLexeme(t)
		}
		if prefix {
			lex[len(lex)-1] += ":*"
		}
		term := strings.Join(lex, " <-> ")
		if len(lex) > 1 {
			term = "(" + term + ")"
		}
		if len(parts) > 0 {
			if op == "" {
				op = "&"
			}
			parts = append(parts, op)
		}
		if strings.HasSuffix(op, "!") {
			parts[len(parts)-1] = "&"
			term = "!" + term
		}
		parts = append(parts, term)
		op = ""
	}
	for i := 0; i < len(expr); {
		switch c := expr[i]; {
		case c == '"':
			var b strings.Builder
			j := i + 1
			for j < len(expr) {
				if expr[j] == '"' {
					if j+1 < len(expr) && expr[j+1] == '"' {
						b.WriteByte('"')
						j += 2
						continue
					}
					break
				}
				b.WriteByte(expr[j])
				j++
			}
			j++ // closing quote
			prefix := j < len(expr) && expr[j] == '*'
			if prefix {
				j++
			}
			emit(b.String(), prefix)
			i = j
		case c == ' ' || c == '\t' || c == '\n' || c == '(' || c == ')':
			i++
		default:
			j := i
			for j < len(expr) && !strings.ContainsRune(" \t\n\"()", rune(expr[j])) {
				j++
			}
			word := expr[i:j]
			i = j
			switch word {
			case "AND":
				op = "&"
			case "OR":
				op = "|"
			case "NOT":
				op = "&!"
			default:
				prefix := strings.HasSuffix(word, "*")
				emit(strings.TrimSuffix(word, "*"), prefix)
			}
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, " ")
}

package store

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// The store's SQL is written once, in the SQLite spelling, with `?` placeholders.
// On PostgreSQL every statement passes through pgRewrite (inside the database/sql
// driver wrapper, pg_driver.go) which translates the few SQLite idioms the store
// uses into their PostgreSQL equivalents. Each rule is narrow, listed here, and
// unit-tested (pg_rewrite_test.go):
//
//   - `?` placeholders become `$1, $2, …` (never inside string literals,
//     quoted identifiers or comments);
//   - scalar MAX(a, b, …) / MIN(a, b, …) become GREATEST / LEAST (the one-argument
//     aggregates are left alone);
//   - GROUP_CONCAT(x[, sep]) becomes string_agg(CAST(x AS TEXT), sep);
//   - json_each(x) becomes json_array_elements_text(CAST(x AS json)) (its column
//     is `value`, as in SQLite);
//   - `<fts table> MATCH $n` becomes a tsvector match whose argument (an FTS5
//     expression from textsearch.MatchExpression) is converted to a tsquery in Go;
//   - a subquery in FROM/JOIN without an alias gets one (PostgreSQL 15 requires it);
//   - SQLite's index hints (INDEXED BY x, NOT INDEXED) are dropped;
//   - LIKE becomes ILIKE (SQLite's LIKE ignores ASCII case);
//   - CAST(x AS INTEGER|REAL) become BIGINT / DOUBLE PRECISION (SQLite integers are 64-bit);
//   - ifnull( becomes COALESCE(;
//   - sqlite_master and pragma_table_info(t) read PostgreSQL's catalog instead;
//   - a plain INSERT into a table with an identity id gets `RETURNING id`, so
//     Result.LastInsertId works (the driver reads the returned id).
//
// Statements no rule can translate are listed whole in pgStatementOverrides.

// pgRewritten is one translated statement.
type pgRewritten struct {
	sql string
	// ftsArgs are the 0-based argument positions holding an FTS5 expression.
	ftsArgs []int
	// returningID is set when the statement was given `RETURNING id` for LastInsertId.
	returningID bool
}

var (
	pgRewriteCache   sync.Map // string -> *pgRewritten
	pgRewriteCount   int64
	pgRewriteCacheMu sync.Mutex
)

// pgRewriteCacheLimit bounds the cache (statements with expanded IN lists vary).
const pgRewriteCacheLimit = 8192

// pgRewrite translates one SQLite-spelled statement for PostgreSQL, cached.
func pgRewrite(query string) *pgRewritten {
	if v, ok := pgRewriteCache.Load(query); ok {
		return v.(*pgRewritten)
	}
	rw := pgRewriteUncached(query)
	pgRewriteCacheMu.Lock()
	if pgRewriteCount < pgRewriteCacheLimit {
		if _, loaded := pgRewriteCache.LoadOrStore(query, rw); !loaded {
			pgRewriteCount++
		}
	}
	pgRewriteCacheMu.Unlock()
	return rw
}

// pgStatementOverrides maps statements (whitespace-normalized) that no generic
// rule translates to their PostgreSQL form (still with `?` placeholders).
var pgStatementOverrides = map[string]string{
	// ingest.go insFTSBatch: a JSON array of [rowid, folded text] pairs.
	normalizeSpace(`INSERT INTO message_search(rowid, body)
		SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)`): `INSERT INTO message_search(rowid, body)
		SELECT CAST(e.value->>0 AS BIGINT), e.value->>1 FROM json_array_elements(CAST(? AS json)) AS e(value)`,
}

// normalizeSpace collapses runs of white space to one space.
func normalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func pgRewriteUncached(query string) *pgRewritten {
	if o, ok := pgStatementOverrides[normalizeSpace(query)]; ok {
		query = o
	}
	masked, lits := maskLiterals(query)
	out := &pgRewritten{}
	masked = rebindPlaceholders(masked)
	masked = aliasSubqueries(masked)
	masked = rewriteScalarMinMax(masked)
	masked = rewriteGroupConcat(masked)
	masked = rewriteJSONEach(masked)
	masked, out.ftsArgs = rewriteMatch(masked)
	masked = rewriteMatchLiteral(masked, lits)
	masked = reIndexedBy.ReplaceAllString(masked, "")
	masked = reLike.ReplaceAllString(masked, "${1}ILIKE")
	masked = reCastInteger.ReplaceAllString(masked, "AS BIGINT")
	masked = reCastReal.ReplaceAllString(masked, "AS DOUBLE PRECISION")
	masked = reIfnull.ReplaceAllString(masked, "COALESCE(")
	masked = rewritePragmaTableInfo(masked)
	masked = reSqliteMaster.ReplaceAllString(masked, pgSqliteMaster)
	if m := reInsertInto.FindStringSubmatch(masked); m != nil && identityTables[strings.ToLower(m[1])] &&
		!reReturning.MatchString(masked) {
		masked = strings.TrimRight(masked, " \t\r\n;") + " RETURNING id"
		out.returningID = true
	}
	out.sql = unmaskLiterals(masked, lits)
	return out
}

var (
	reJSONEach     = regexp.MustCompile(`(?i)\bjson_each\s*\(`)
	reLike         = regexp.MustCompile(`(?i)(^|[^\w.])LIKE\b`)
	reCastInteger  = regexp.MustCompile(`(?i)\bAS\s+INTEGER\b`)
	reCastReal     = regexp.MustCompile(`(?i)\bAS\s+REAL\b`)
	reIfnull       = regexp.MustCompile(`(?i)\bifnull\s*\(`)
	reSqliteMaster = regexp.MustCompile(`(?i)\bsqlite_master\b`)
	reInsertInto   = regexp.MustCompile(`(?is)^\s*INSERT\s+INTO\s+"?(\w+)"?`)
	reReturning    = regexp.MustCompile(`(?i)\bRETURNING\b`)
	reMatch        = regexp.MustCompile(`(?i)\b(\w+)\s+MATCH\s+\$(\d+)`)
	reMatchLit     = regexp.MustCompile(`(?i)\b(\w+)\s+MATCH\s+\x00(\d+)\x00`)
	reIndexedBy    = regexp.MustCompile(`(?i)\s+(INDEXED\s+BY\s+\w+|NOT\s+INDEXED)\b`)
	reMinMax       = regexp.MustCompile(`(?i)\b(MAX|MIN)\s*\(`)
	reGroupConcat  = regexp.MustCompile(`(?i)\bGROUP_CONCAT\s*\(`)
	rePragmaTI     = regexp.MustCompile(`(?i)\bpragma_table_info\s*\(`)
)

// pgSqliteMaster stands in for sqlite_master: the schema's tables and indexes.
const pgSqliteMaster = `(SELECT CAST(table_name AS TEXT) AS name, 'table' AS type, CAST(table_name AS TEXT) AS tbl_name
	FROM information_schema.tables WHERE table_schema = current_schema()
	UNION ALL SELECT CAST(indexname AS TEXT), 'index', CAST(tablename AS TEXT) FROM pg_indexes WHERE schemaname = current_schema()) AS sqlite_master`

// literal masks: a masked literal is \x00<index>\x00, which cannot occur in SQL text.
const maskMark = "\x00"

// maskLiterals replaces string literals, quoted identifiers and comments with
// markers so that the rules never look inside them.
func maskLiterals(q string) (string, []string) {
	var b strings.Builder
	var lits []string
	for i := 0; i < len(q); {
		c := q[i]
		end := -1
		switch {
		case c == '\'' || c == '"':
			end = i + 1
			for end < len(q) {
				if q[end] == c {
					if end+1 < len(q) && q[end+1] == c {
						end += 2
						continue
					}
					end++
					break
				}
				end++
			}
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			end = strings.IndexByte(q[i:], '\n')
			if end < 0 {
				end = len(q)
			} else {
				end += i
			}
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			end = strings.Index(q[i+2:], "*/")
			if end < 0 {
				end = len(q)
			} else {
				end += i + 4
			}
		}
		if end < 0 {
			b.WriteByte(c)
			i++
			continue
		}
		b.WriteString(maskMark + strconv.Itoa(len(lits)) + maskMark)
		lits = append(lits, q[i:end])
		i = end
	}
	return b.String(), lits
}

// unmaskLiterals puts the masked literals back.
func unmaskLiterals(q string, lits []string) string {
	if len(lits) == 0 {
		return q
	}
	var b strings.Builder
	for {
		i := strings.Index(q, maskMark)
		if i < 0 {
			b.WriteString(q)
			return b.String()
		}
		j := strings.Index(q[i+1:], maskMark)
		n, _ := strconv.Atoi(q[i+1 : i+1+j])
		b.WriteString(q[:i])
		b.WriteString(lits[n])
		q = q[i+1+j+1:]
	}
}

// rebindPlaceholders numbers `?` placeholders as $1, $2, … (literals are masked).
func rebindPlaceholders(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// closingParen returns the index of the parenthesis closing the one at open, and
// the positions of the commas at its top level; -1 when unbalanced.
func closingParen(q string, open int) (int, []int) {
	depth := 0
	var commas []int
	for i := open; i < len(q); i++ {
		switch q[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i, commas
			}
		case ',':
			if depth == 1 {
				commas = append(commas, i)
			}
		}
	}
	return -1, nil
}

// rewriteScalarMinMax turns SQLite's multi-argument MAX/MIN into GREATEST/LEAST.
func rewriteScalarMinMax(q string) string {
	for from := 0; ; {
		loc := reMinMax.FindStringSubmatchIndex(q[from:])
		if loc == nil {
			return q
		}
		start, open := from+loc[0], from+loc[1]-1
		closeAt, commas := closingParen(q, open)
		if closeAt < 0 {
			return q
		}
		if len(commas) > 0 {
			name := "GREATEST"
			if strings.EqualFold(q[from+loc[2]:from+loc[3]], "MIN") {
				name = "LEAST"
			}
			q = q[:start] + name + q[from+loc[3]:]
			from = start + len(name)
			continue
		}
		from = open + 1
	}
}

// rewriteGroupConcat turns GROUP_CONCAT(x[, sep]) into string_agg(CAST(x AS TEXT), sep).
func rewriteGroupConcat(q string) string {
	for {
		loc := reGroupConcat.FindStringIndex(q)
		if loc == nil {
			return q
		}
		open := loc[1] - 1
		closeAt, commas := closingParen(q, open)
		if closeAt < 0 {
			return q
		}
		arg, sep := q[open+1:closeAt], "','"
		if len(commas) > 0 {
			arg, sep = q[open+1:commas[0]], strings.TrimSpace(q[commas[0]+1:closeAt])
		}
		arg = strings.TrimSpace(arg)
		distinct := ""
		if len(arg) > 9 && strings.EqualFold(arg[:9], "DISTINCT ") {
			distinct, arg = "DISTINCT ", strings.TrimSpace(arg[9:])
		}
		q = q[:loc[0]] + "string_agg(" + distinct + "CAST(" + arg + " AS TEXT), " + sep + ")" + q[closeAt+1:]
	}
}

// rewriteJSONEach turns json_each(x) into json_array_elements_text(CAST(x AS json)).
func rewriteJSONEach(q string) string {
	for {
		loc := reJSONEach.FindStringIndex(q)
		if loc == nil {
			return q
		}
		open := loc[1] - 1
		closeAt, _ := closingParen(q, open)
		if closeAt < 0 {
			return q
		}
		q = q[:loc[0]] + "json_array_elements_text(CAST(" + q[open+1:closeAt] + " AS json))" + q[closeAt+1:]
	}
}

// rewriteMatch turns `<table> MATCH $n` into a tsvector match and reports which
// arguments hold FTS5 expressions (converted to tsquery text by the driver).
func rewriteMatch(q string) (string, []int) {
	var args []int
	q = reMatch.ReplaceAllStringFunc(q, func(m string) string {
		sub := reMatch.FindStringSubmatch(m)
		n, _ := strconv.Atoi(sub[2])
		args = append(args, n-1)
		return sub[1] + ".tsv @@ CAST($" + sub[2] + " AS tsquery)"
	})
	return q, args
}

// rewriteMatchLiteral turns `<table> MATCH '<fts5 expression>'` into a tsvector
// match on the equivalent tsquery literal (it replaces the masked literal in lits).
func rewriteMatchLiteral(q string, lits []string) string {
	return reMatchLit.ReplaceAllStringFunc(q, func(m string) string {
		sub := reMatchLit.FindStringSubmatch(m)
		n, _ := strconv.Atoi(sub[2])
		lit := lits[n]
		if len(lit) < 2 || lit[0] != '\'' {
			return m
		}
		expr := strings.ReplaceAll(lit[1:len(lit)-1], "''", "'")
		lits[n] = "'" + strings.ReplaceAll(fts5ToTsquery(expr), "'", "''") + "'"
		return sub[1] + ".tsv @@ CAST(" + maskMark + sub[2] + maskMark + " AS tsquery)"
	})
}

// rewritePragmaTableInfo reads a table's columns from information_schema.
func rewritePragmaTableInfo(q string) string {
	for {
		loc := rePragmaTI.FindStringIndex(q)
		if loc == nil {
			return q
		}
		open := loc[1] - 1
		closeAt, _ := closingParen(q, open)
		if closeAt < 0 {
			return q
		}
		arg := q[open+1 : closeAt]
		q = q[:loc[0]] + "(SELECT CAST(column_name AS TEXT) AS name FROM information_schema.columns " +
			"WHERE table_schema = current_schema() AND table_name = CAST(" + arg + " AS TEXT)) AS pragma_table_info" + q[closeAt+1:]
	}
}

var (
	reFromSubquery = regexp.MustCompile(`(?i)\b(FROM|JOIN)\s*\(\s*SELECT\b`)
	reAfterAlias   = regexp.MustCompile(`(?i)^\s*(AS\b|[A-Za-z_]\w*)`)
	reNotAlias     = regexp.MustCompile(`(?i)^\s*(WHERE|ORDER|GROUP|LIMIT|OFFSET|JOIN|LEFT|RIGHT|INNER|OUTER|CROSS|FULL|NATURAL|ON|USING|UNION|INTERSECT|EXCEPT|HAVING|WINDOW|RETURNING|FOR)\b`)
)

// aliasSubqueries names every unnamed subquery in FROM or JOIN (_sq1, _sq2, …).
func aliasSubqueries(q string) string {
	n := 0
	for from := 0; ; {
		loc := reFromSubquery.FindStringIndex(q[from:])
		if loc == nil {
			return q
		}
		open := from + strings.IndexByte(q[from+loc[0]:], '(') + loc[0]
		closeAt, _ := closingParen(q, open)
		if closeAt < 0 {
			return q
		}
		rest := q[closeAt+1:]
		if !reAfterAlias.MatchString(rest) || reNotAlias.MatchString(rest) {
			n++
			alias := " AS _sq" + strconv.Itoa(n)
			q = q[:closeAt+1] + alias + rest
		}
		from = open + 1
	}
}

// Package orderimport reads order exports (Shopify, WooCommerce, or any CSV
// through a column mapping) into orders, checking every row first. It finds
// the delimiter (comma, semicolon, tab), drops a byte-order mark, reads quoted
// fields, dates in several formats and amounts with currency symbols,
// thousand separators and decimal commas. Bad rows are listed, each with why;
// the caller stores nothing until they are fixed or explicitly skipped.
package orderimport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"creatordesk/backend/campaigns/money"
	"creatordesk/backend/store"
)

// MaxFileSize caps an import file.
const MaxFileSize = 64 << 20

// sampleRows is how many rows a preview shows.
const sampleRows = 5

// Problem names what is wrong with a row (an i18n key suffix).
type Problem string

// Row problems.
const (
	ProblemMissingID    Problem = "missing_id"
	ProblemMissingDate  Problem = "missing_date"
	ProblemBadDate      Problem = "bad_date"
	ProblemMissingTotal Problem = "missing_total"
	ProblemBadAmount    Problem = "bad_amount"
	ProblemNoCurrency   Problem = "no_currency"
	ProblemDuplicate    Problem = "duplicate"
	ProblemColumnCount  Problem = "column_count"
)

// BadRow is one row that cannot be imported as it is.
type BadRow struct {
	// Line is the row's line number in the file (the header is line 1).
	Line    int
	Problem Problem
	Column  string
	Value   string
}

// Message is the English description of the problem.
func (b BadRow) Message() string {
	switch b.Problem {
	case ProblemMissingID:
		return "the order id is empty"
	case ProblemMissingDate:
		return "the date is empty"
	case ProblemBadDate:
		return fmt.Sprintf("%q is not a date", b.Value)
	case ProblemMissingTotal:
		return "the total is empty"
	case ProblemBadAmount:
		return fmt.Sprintf("%q is not an amount", b.Value)
	case ProblemNoCurrency:
		return "no currency: add a currency column or choose a default currency"
	case ProblemDuplicate:
		return fmt.Sprintf("order %q appears more than once", b.Value)
	case ProblemColumnCount:
		return "the row has a different number of columns than the header"
	}
	return string(b.Problem)
}

// Options tunes Parse.
type Options struct {
	// Format is FormatShopify, FormatWooCommerce, FormatCustom (with Mapping) or "" to detect.
	Format  string
	Mapping Mapping
	// Currency is the default for rows that name none (overrides Mapping.Currency when set).
	Currency string
	// DateOrder overrides Mapping.DateOrder.
	DateOrder string
	// Location reads times without a zone (UTC when nil).
	Location *time.Location
	// FileName is recorded on the orders.
	FileName string
}

// Preview is a parsed file: what would be imported, and what is wrong.
type Preview struct {
	Format    string
	Delimiter string
	Headers   []string
	Mapping   Mapping
	// Sample holds the first rows as read, for the mapping step.
	Sample  [][]string
	Rows    int
	Orders  []store.Order
	BadRows []BadRow
	// DateOrder is the order used for numeric dates; DateOrderGuessed says the file did not settle it.
	DateOrder        string
	DateOrderGuessed bool
}

// FileError is a problem with the whole file (nothing can be previewed).
type FileError struct {
	// Reason is empty, no_header, not_text, too_large, bad_quotes, unknown_format or missing_columns.
	Reason string
	// Line is where the problem was found (0 when not tied to a line).
	Line int
	// Columns lists the missing required fields for missing_columns.
	Columns []string
}

// Error implements error.
func (e *FileError) Error() string {
	s := "orders import: " + strings.ReplaceAll(e.Reason, "_", " ")
	if e.Line > 0 {
		s += fmt.Sprintf(" (line %d)", e.Line)
	}
	if len(e.Columns) > 0 {
		s += ": " + strings.Join(e.Columns, ", ")
	}
	return s
}

// ErrorKey implements the app's KeyedError.
func (e *FileError) ErrorKey() (string, string, map[string]string) {
	return "orders_file_" + e.Reason, "errors.campaigns.importFile." + e.Reason,
		map[string]string{"line": fmt.Sprint(e.Line), "columns": strings.Join(e.Columns, ", ")}
}

// Parse reads a whole CSV file and checks every row.
func Parse(r io.Reader, opts Options) (Preview, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return Preview{}, err
	}
	if len(data) > MaxFileSize {
		return Preview{}, &FileError{Reason: "too_large"}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return Preview{}, &FileError{Reason: "not_text"}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return Preview{}, &FileError{Reason: "empty"}
	}
	delim := detectDelimiter(data)
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	records, lines, err := readAll(cr)
	if err != nil {
		return Preview{}, err
	}
	if len(records) < 1 {
		return Preview{}, &FileError{Reason: "no_header"}
	}
	headers := make([]string, len(records[0]))
	for i, h := range records[0] {
		headers[i] = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
	}
	p := Preview{Delimiter: string(delim), Headers: headers, Rows: len(records) - 1}
	// The sample comes first: a file whose columns are not recognised still shows its rows in the mapping step.
	for _, rec := range records[1:min(len(records), 1+sampleRows)] {
		p.Sample = append(p.Sample, rec)
	}
	if err := p.resolveMapping(opts); err != nil {
		return p, err
	}
	p.readRows(records[1:], lines[1:], opts)
	return p, nil
}

// readAll reads every record with its starting line; a quoting error is a FileError.
func readAll(cr *csv.Reader) ([][]string, []int, error) {
	var records [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return records, lines, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, nil, &FileError{Reason: "bad_quotes", Line: pe.StartLine}
			}
			return nil, nil, err
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		records = append(records, rec)
		lines = append(lines, line)
	}
}

// detectDelimiter picks the separator that appears most in the header line outside quotes.
func detectDelimiter(data []byte) rune {
	counts := map[rune]int{}
	inQuotes := false
	for _, r := range string(data) {
		if r == '"' {
			inQuotes = !inQuotes
			continue
		}
		if !inQuotes && (r == '\n' || r == '\r') {
			break
		}
		if !inQuotes && (r == ',' || r == ';' || r == '\t') {
			counts[r]++
		}
	}
	best, n := ',', 0
	for _, r := range []rune{',', ';', '\t'} {
		if counts[r] > n {
			best, n = r, counts[r]
		}
	}
	return best
}

// resolveMapping picks the mapping and checks the required fields have columns.
func (p *Preview) resolveMapping(opts Options) error {
	format := opts.Format
	if format == "" {
		if len(opts.Mapping.Columns) > 0 {
			format = FormatCustom
		} else {
			format = detect(p.Headers)
		}
	}
	switch format {
	case FormatShopify, FormatWooCommerce:
		p.Mapping = builtin(format, p.Headers)
	case FormatCustom:
		p.Mapping = opts.Mapping
		p.Mapping.Format = FormatCustom
		cols := map[Field]string{}
		for f, col := range opts.Mapping.Columns {
			if col == "" {
				continue
			}
			if h := findHeader(p.Headers, col); h != "" {
				cols[f] = h
			} else {
				cols[f] = col // reported below as missing when required
			}
		}
		p.Mapping.Columns = cols
	default:
		p.Format = ""
		return &FileError{Reason: "unknown_format"}
	}
	p.Format = format
	if opts.Currency != "" {
		p.Mapping.Currency = strings.ToUpper(opts.Currency)
	} else if opts.Mapping.Currency != "" {
		p.Mapping.Currency = strings.ToUpper(opts.Mapping.Currency)
	}
	if opts.DateOrder != "" {
		p.Mapping.DateOrder = opts.DateOrder
	} else if opts.Mapping.DateOrder != "" {
		p.Mapping.DateOrder = opts.Mapping.DateOrder
	}
	var missing []string
	for _, f := range Required {
		if col := p.Mapping.Columns[f]; col == "" || findHeader(p.Headers, col) == "" {
			missing = append(missing, string(f))
		}
	}
	if len(missing) > 0 {
		return &FileError{Reason: "missing_columns", Columns: missing}
	}
	return nil
}

// rowReader reads mapped fields of one record.
type rowReader struct {
	index map[Field]int
	rec   []string
}

// get returns a field's trimmed text ("" when unmapped or absent).
func (r rowReader) get(f Field) string {
	i, ok := r.index[f]
	if !ok || i >= len(r.rec) {
		return ""
	}
	return strings.TrimSpace(r.rec[i])
}

// readRows turns records into orders and bad rows.
func (p *Preview) readRows(records [][]string, lines []int, opts Options) {
	loc := opts.Location
	if loc == nil {
		loc = time.UTC
	}
	index := map[Field]int{}
	for f, col := range p.Mapping.Columns {
		for i, h := range p.Headers {
			if h == col {
				index[f] = i
				break
			}
		}
	}
	p.DateOrder, p.DateOrderGuessed = p.Mapping.DateOrder, false
	if p.DateOrder == "" {
		p.DateOrder, p.DateOrderGuessed = guessDateOrder(records, index[FieldDate])
	}
	seen := map[string]int{} // id -> index in p.Orders
	for k, rec := range records {
		line := lines[k]
		rr := rowReader{index: index, rec: rec}
		if len(rec) != len(p.Headers) {
			p.BadRows = append(p.BadRows, BadRow{Line: line, Problem: ProblemColumnCount})
			continue
		}
		id := rr.get(FieldID)
		if id == "" {
			p.BadRows = append(p.BadRows, BadRow{Line: line, Problem: ProblemMissingID, Column: p.Mapping.Columns[FieldID]})
			continue
		}
		total := rr.get(FieldTotal)
		if _, dup := seen[id]; dup {
			// A Shopify export repeats the order on each further line item, with the totals empty.
			if p.Format == FormatShopify && total == "" {
				continue
			}
			p.BadRows = append(p.BadRows, BadRow{Line: line, Problem: ProblemDuplicate, Column: p.Mapping.Columns[FieldID], Value: id})
			continue
		}
		o, bad := p.readOrder(rr, id, loc)
		if bad != nil {
			bad.Line = line
			p.BadRows = append(p.BadRows, *bad)
			seen[id] = -1
			continue
		}
		o.ImportFile = opts.FileName
		seen[id] = len(p.Orders)
		p.Orders = append(p.Orders, o)
	}
	sort.SliceStable(p.BadRows, func(i, j int) bool { return p.BadRows[i].Line < p.BadRows[j].Line })
}

// readOrder reads one row into an order, or says what is wrong with it.
func (p *Preview) readOrder(rr rowReader, id string, loc *time.Location) (store.Order, *BadRow) {
	cols := p.Mapping.Columns
	dateText := rr.get(FieldDate)
	if dateText == "" {
		return store.Order{}, &BadRow{Problem: ProblemMissingDate, Column: cols[FieldDate]}
	}
	at, err := parseDate(dateText, p.DateOrder, loc)
	if err != nil {
		return store.Order{}, &BadRow{Problem: ProblemBadDate, Column: cols[FieldDate], Value: dateText}
	}
	totalText := rr.get(FieldTotal)
	if totalText == "" {
		return store.Order{}, &BadRow{Problem: ProblemMissingTotal, Column: cols[FieldTotal]}
	}
	currency := strings.ToUpper(rr.get(FieldCurrency))
	amount, err := money.Parse(totalText, currency)
	if err != nil {
		return store.Order{}, &BadRow{Problem: ProblemBadAmount, Column: cols[FieldTotal], Value: totalText}
	}
	if currency == "" {
		currency = amount.Currency
	}
	if currency == "" {
		currency = p.Mapping.Currency
		if currency != "" && currency != amount.Currency {
			// Re-read with the default currency's decimals (JPY has none, KWD three).
			if again, err := money.Parse(totalText, currency); err == nil {
				amount = again
			}
		}
	}
	if len(currency) != 3 {
		return store.Order{}, &BadRow{Problem: ProblemNoCurrency, Column: cols[FieldCurrency], Value: currency}
	}
	o := store.Order{Source: store.OrderSourceCSV, ExternalID: id, Name: firstNonEmpty(rr.get(FieldName), id),
		TotalMinor: amount.Minor, Currency: currency, CustomerRef: strings.ToLower(rr.get(FieldCustomer)),
		DiscountCodes: normalizeCodes(rr.get(FieldCodes)), LandingSite: rr.get(FieldLanding), ReferringSite: rr.get(FieldReferrer),
		UTMSource: rr.get(FieldUTMSource), UTMMedium: rr.get(FieldUTMMedium), UTMCampaign: rr.get(FieldUTMCampaign),
		UTMContent: rr.get(FieldUTMContent), UTMTerm: rr.get(FieldUTMTerm), OrderedAt: at.UnixMilli()}
	FillUTMFromLanding(&o)
	return o, nil
}

// FillUTMFromLanding copies utm_* parameters of the landing site into empty UTM fields.
func FillUTMFromLanding(o *store.Order) {
	if o.LandingSite == "" {
		return
	}
	raw := o.LandingSite
	if i := strings.Index(raw, "?"); i >= 0 {
		raw = raw[i+1:]
	} else {
		return
	}
	if j := strings.Index(raw, "#"); j >= 0 {
		raw = raw[:j]
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return
	}
	set := func(dst *string, key string) {
		if *dst == "" {
			*dst = strings.TrimSpace(q.Get(key))
		}
	}
	set(&o.UTMSource, "utm_source")
	set(&o.UTMMedium, "utm_medium")
	set(&o.UTMCampaign, "utm_campaign")
	set(&o.UTMContent, "utm_content")
	set(&o.UTMTerm, "utm_term")
}

// normalizeCodes splits "ana10, BEN15" into "ANA10,BEN15" (distinct, in order).
func normalizeCodes(s string) string {
	var out []string
	seen := map[string]bool{}
	for _, c := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '|' }) {
		c = store.NormalizeCode(c)
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return strings.Join(out, ",")
}

// NormalizeCodes is normalizeCodes for other importers (the Shopify sync).
func NormalizeCodes(codes []string) string { return normalizeCodes(strings.Join(codes, ",")) }

// guessDateOrder decides DMY or MDY from the numeric dates of a column.
func guessDateOrder(records [][]string, col int) (string, bool) {
	dmy, mdy, numeric := false, false, false
	for _, rec := range records {
		if col >= len(rec) {
			continue
		}
		a, b := numericParts(rec[col])
		numeric = numeric || a > 0
		if a > 12 {
			dmy = true
		}
		if b > 12 {
			mdy = true
		}
	}
	switch {
	case mdy && !dmy:
		return MDY, false
	case dmy:
		return DMY, false
	}
	return DMY, numeric
}

// firstNonEmpty returns the first non-empty string.
func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// Package money turns amounts as shops and spreadsheets write them ("€1.234,56",
// "1,234.56 USD", "45") into integer minor units, and back into text.
package money

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
)

// ErrAmount: the text is not an amount.
var ErrAmount = errors.New("money: not an amount")

// zeroDecimal and threeDecimal are the ISO 4217 currencies without the usual two decimals.
var (
	zeroDecimal  = map[string]bool{"JPY": true, "KRW": true, "VND": true, "CLP": true, "ISK": true, "UGX": true, "XAF": true, "XOF": true, "PYG": true}
	threeDecimal = map[string]bool{"BHD": true, "KWD": true, "OMR": true, "JOD": true, "TND": true, "IQD": true, "LYD": true}
)

// Decimals is the number of minor-unit digits of a currency.
func Decimals(currency string) int {
	c := strings.ToUpper(currency)
	switch {
	case zeroDecimal[c]:
		return 0
	case threeDecimal[c]:
		return 3
	}
	return 2
}

// symbols maps currency symbols and local abbreviations to ISO codes.
var symbols = map[string]string{"€": "EUR", "£": "GBP", "₹": "INR", "¥": "JPY", "元": "CNY", "NT$": "TWD", "US$": "USD", "$": "USD",
	"LEI": "RON", "RON": "RON", "RS": "INR", "RS.": "INR"}

// Parsed is an amount read from text.
type Parsed struct {
	Minor int64
	// Currency is the ISO code the text named (by code or symbol), or "".
	Currency string
}

// Parse reads text as an amount in currency (the text's own currency, if it
// names one, wins when currency is ""). It accepts currency symbols and codes,
// thousand separators (",", ".", space, apostrophe) and a decimal comma.
func Parse(text, currency string) (Parsed, error) {
	s := strings.TrimSpace(strings.ReplaceAll(text, "\u00a0", " "))
	if s == "" {
		return Parsed{}, ErrAmount
	}
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg, s = true, s[1:len(s)-1]
	}
	named := ""
	var digits strings.Builder
	var letters strings.Builder
	lettersAfterDigits := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == '.', r == ',':
			if lettersAfterDigits {
				return Parsed{}, ErrAmount // letters between digits: "12abc34"
			}
			digits.WriteRune(r)
		case r == '-':
			neg = true
		case r == ' ', r == '\'', r == '’', r == '+':
		case unicode.IsLetter(r) || unicode.IsSymbol(r) || r == '$':
			letters.WriteRune(r)
			lettersAfterDigits = digits.Len() > 0
		default:
			return Parsed{}, ErrAmount
		}
	}
	if l := strings.ToUpper(letters.String()); l != "" {
		if code, ok := symbols[l]; ok {
			named = code
		} else if len(l) == 3 && isUpperASCII(l) {
			named = l
		} else {
			return Parsed{}, ErrAmount
		}
	}
	if currency == "" {
		currency = named
	}
	minor, err := parseNumber(digits.String(), Decimals(currency))
	if err != nil {
		return Parsed{}, err
	}
	if neg {
		minor = -minor
	}
	return Parsed{Minor: minor, Currency: named}, nil
}

// isUpperASCII reports whether s is A-Z only.
func isUpperASCII(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// parseNumber reads digits with "." and "," as separators into minor units.
// The last separator is the decimal point when 1..decimals (or 1..2) digits
// follow it and it is the only one of its kind, or when both kinds appear.
func parseNumber(s string, decimals int) (int64, error) {
	if s == "" || strings.Trim(s, ".,") == "" {
		return 0, ErrAmount
	}
	lastDot, lastComma := strings.LastIndex(s, "."), strings.LastIndex(s, ",")
	dec := -1
	switch {
	case lastDot >= 0 && lastComma >= 0:
		dec = max(lastDot, lastComma)
	case lastDot >= 0 || lastComma >= 0:
		p := max(lastDot, lastComma)
		sep := s[p]
		after := len(s) - p - 1
		if strings.Count(s, string(sep)) == 1 && after > 0 && (after != 3 || decimals == 3) {
			dec = p
		}
	}
	intPart, frac := s, ""
	if dec >= 0 {
		intPart, frac = s[:dec], s[dec+1:]
		if strings.ContainsAny(frac, ".,") {
			return 0, ErrAmount
		}
	}
	if !validGroups(intPart) {
		return 0, ErrAmount
	}
	intPart = strings.NewReplacer(".", "", ",", "").Replace(intPart)
	if intPart == "" {
		intPart = "0"
	}
	if len(frac) > decimals {
		// Round half away from zero on the first dropped digit.
		round := frac[decimals] >= '5'
		frac = frac[:decimals]
		v, err := combine(intPart, frac, decimals)
		if err != nil {
			return 0, err
		}
		if round {
			v++
		}
		return v, nil
	}
	return combine(intPart, frac, decimals)
}

// validGroups checks thousand separators: one kind only, and groups of three
// digits after the first ("1,234,567" yes; "1.2.3" no).
func validGroups(intPart string) bool {
	if !strings.ContainsAny(intPart, ".,") {
		return true
	}
	if strings.Contains(intPart, ".") && strings.Contains(intPart, ",") {
		return false
	}
	groups := strings.FieldsFunc(intPart, func(r rune) bool { return r == '.' || r == ',' })
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return strings.Count(intPart, ".")+strings.Count(intPart, ",") == len(groups)-1
}

// combine builds minor units from an integer part and a short fraction.
func combine(intPart, frac string, decimals int) (int64, error) {
	frac += strings.Repeat("0", decimals-len(frac))
	v, err := strconv.ParseInt(intPart+frac, 10, 64)
	if err != nil {
		return 0, ErrAmount
	}
	return v, nil
}

// Format writes minor units as a plain decimal ("1234.50").
func Format(minor int64, currency string) string {
	d := Decimals(currency)
	neg := minor < 0
	if neg {
		minor = -minor
	}
	s := strconv.FormatInt(minor, 10)
	if d > 0 {
		for len(s) <= d {
			s = "0" + s
		}
		s = s[:len(s)-d] + "." + s[len(s)-d:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

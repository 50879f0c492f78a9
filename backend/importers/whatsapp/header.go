package whatsapp

import "strings"

// header is the timestamp that starts a message line, as written.
type header struct {
	f1, f2, f3 int  // the three date numbers in file order
	len1, len3 int  // digit counts of the first and third numbers (a 4-digit first one is a year)
	hour, min  int  //
	sec        int  //
	meridiem   byte // 0 for a 24-hour clock, 'a' or 'p'
	sep        byte // the date separator: / . or -
	rest       string
}

// yearFirst reports an ISO-like date (2023-12-31).
func (h header) yearFirst() bool { return h.len1 == 4 }

// parseHeader recognises the timestamp at the start of a line in any of the
// layouts WhatsApp writes:
//
//	12/31/23, 9:41 PM - Ana: text        Android, US
//	31/12/2023, 21:41 - Ana: text        Android, most of Europe
//	31.12.23, 21:41 - Ana: text          Android, German-speaking
//	2023-12-31 21:41 - Ana: text         Android, some locales
//	[31.12.23, 21:41:05] Ana: text       iOS
//	[12/31/23, 9:41:05 PM] Ana: text     iOS, US
//
// The date numbers may be separated by / . or -, the year has 2 or 4 digits, the
// time 12- or 24-hour with optional seconds and ':' or '.' between its parts,
// AM/PM in either case with or without dots, after any space (iOS puts a narrow
// no-break space U+202F there). The line must have had its leading direction
// marks removed. rest is what follows the timestamp and its " - " or "] ".
func parseHeader(s string) (header, bool) {
	var h header
	bracket := strings.HasPrefix(s, "[")
	if bracket {
		s = s[1:]
	}
	var ok bool
	if h.f1, h.len1, s, ok = number(s, 1, 4); !ok || h.len1 == 3 || s == "" {
		return h, false
	}
	sep := s[0]
	if sep != '/' && sep != '.' && sep != '-' {
		return h, false
	}
	h.sep = sep
	if h.f2, _, s, ok = number(s[1:], 1, 2); !ok || !strings.HasPrefix(s, string(sep)) {
		return h, false
	}
	maxLen3 := 4
	if h.yearFirst() {
		maxLen3 = 2
	}
	if h.f3, h.len3, s, ok = number(s[1:], 1, maxLen3); !ok || h.len3 == 3 || (!h.yearFirst() && h.len3 == 1) {
		return h, false
	}
	s = strings.TrimPrefix(s, ".") // "31.12.23., 21:41" in a few locales
	s = strings.TrimPrefix(s, ",")
	if s2 := trimSpaces(s); len(s2) == len(s) {
		return h, false
	} else {
		s = s2
	}
	if h.hour, _, s, ok = number(s, 1, 2); !ok || s == "" || (s[0] != ':' && s[0] != '.') {
		return h, false
	}
	if h.min, _, s, ok = number(s[1:], 2, 2); !ok {
		return h, false
	}
	if s != "" && (s[0] == ':' || s[0] == '.') {
		if h.sec, _, s, ok = number(s[1:], 2, 2); !ok {
			return h, false
		}
	}
	if m, after, ok := meridiem(trimSpaces(s)); ok {
		h.meridiem, s = m, after
	}
	if bracket {
		var found bool
		if s, found = strings.CutPrefix(s, "]"); !found {
			return h, false
		}
		h.rest = trimSpaces(s)
		return h, true
	}
	s = trimSpaces(s)
	for _, dash := range []string{"- ", "– ", "— "} {
		if rest, found := strings.CutPrefix(s, dash); found {
			h.rest = rest
			return h, true
		}
	}
	if s == "-" || s == "–" { // an empty system line
		return h, true
	}
	return h, false
}

// number reads min..max ASCII digits.
func number(s string, min, max int) (n, digits int, rest string, ok bool) {
	for digits < len(s) && digits < max && s[digits] >= '0' && s[digits] <= '9' {
		n = n*10 + int(s[digits]-'0')
		digits++
	}
	if digits < min || (digits < len(s) && s[digits] >= '0' && s[digits] <= '9') {
		return 0, 0, s, false
	}
	return n, digits, s[digits:], true
}

// trimSpaces drops leading spaces, including no-break and narrow no-break spaces.
func trimSpaces(s string) string {
	return strings.TrimLeft(s, " \t\u00a0\u202f\u2009")
}

// meridiem reads AM/PM written as "PM", "pm", "p.m.", "p. m." at the start of s.
func meridiem(s string) (byte, string, bool) {
	if s == "" {
		return 0, s, false
	}
	m := s[0] | 0x20
	if m != 'a' && m != 'p' {
		return 0, s, false
	}
	rest := strings.TrimPrefix(s[1:], ".")
	rest = trimSpaces(rest)
	if rest == "" || rest[0]|0x20 != 'm' {
		return 0, s, false
	}
	rest = strings.TrimPrefix(rest[1:], ".")
	return m, rest, true
}

package mastodon

import (
	"html"
	"strings"
)

// blockTags separate paragraphs; lineTags start a new line.
var (
	blockTags = map[string]bool{
		"p": true, "div": true, "blockquote": true, "pre": true, "ul": true, "ol": true, "dl": true,
		"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hr": true,
		"table": true, "section": true, "article": true, "header": true, "footer": true, "figure": true,
	}
	lineTags = map[string]bool{"li": true, "tr": true, "dt": true, "dd": true}
	// rawTextTags hold text up to their end tag; it is kept literally (with
	// character references decoded only in the escapable ones).
	rawTextTags = map[string]bool{"script": false, "style": false, "xmp": false, "textarea": true, "title": true}
)

// htmlToText turns status HTML into plain text. Tags are dropped and their
// text kept; <br> is a line break; paragraphs and other blocks are separated by
// a blank line (so text the author wrote as "a\n\nb" comes back as written;
// Mastodon's own PlainTextFormatter uses a single "\n"); list items start a new
// line; character references are decoded. Comments, doctypes and processing
// instructions vanish, and a tag cut off by the end of input is dropped. The
// contents of script and style elements stay as literal text. No markup ever
// survives: a "<" in the result was "&lt;" (or a stray "<" that starts no tag)
// in the input.
func htmlToText(s string) string {
	var w textWriter
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			w.text(html.UnescapeString(s[i : i+j]))
			i += j
			continue
		}
		t, next := scanMarkup(s, i)
		i = next
		switch {
		case t.literal:
			w.text("<")
		case t.name == "br":
			w.pending++
		case blockTags[t.name]:
			w.pending = max(w.pending, 2)
		case lineTags[t.name]:
			w.pending = max(w.pending, 1)
		}
		if escapable, raw := rawTextTags[t.name]; raw && !t.end && !t.selfClosing {
			end := indexFold(s[i:], "</"+t.name)
			if end < 0 {
				end = len(s) - i
			}
			body := s[i : i+end]
			if escapable {
				body = html.UnescapeString(body)
			}
			w.text(body)
			i += end
		}
	}
	return strings.TrimSpace(w.String())
}

// textWriter collects text, owing line breaks until text follows them, so
// breaks at the start or the end, and whitespace between blocks, leave nothing.
type textWriter struct {
	out     []byte
	pending int
}

// text appends s after any line breaks owed.
func (w *textWriter) text(s string) {
	if s == "" {
		return
	}
	if w.pending > 0 {
		if strings.TrimSpace(s) == "" {
			return
		}
		if len(w.out) > 0 {
			w.out = []byte(strings.TrimRight(string(w.out), " \t\r\n"))
			for range w.pending {
				w.out = append(w.out, '\n')
			}
		}
		w.pending = 0
		s = strings.TrimLeft(s, " \t\r\n")
	}
	w.out = append(w.out, s...)
}

// String returns the text so far.
func (w *textWriter) String() string { return string(w.out) }

// markup is what scanMarkup found at a "<".
type markup struct {
	// name is a tag's lower-case name ("" for comments and the like).
	name             string
	end, selfClosing bool
	// literal: the "<" starts no markup and is text.
	literal bool
}

// scanMarkup reads the markup starting at s[i] == '<' and returns it with the
// index after it, following the HTML tokenizer's rules closely enough for
// sanitized status HTML: quoted attribute values may contain ">", "<!--" runs to
// "-->", other "<!" and "<?" run to ">", "</>" is ignored, and markup cut off by
// the end of the input swallows the rest.
func scanMarkup(s string, i int) (markup, int) {
	rest := s[i+1:]
	switch {
	case strings.HasPrefix(rest, "!--"):
		if end := strings.Index(rest[3:], "-->"); end >= 0 {
			return markup{}, i + 1 + 3 + end + 3
		}
		return markup{}, len(s)
	case strings.HasPrefix(rest, "!"), strings.HasPrefix(rest, "?"):
		return markup{}, skipPast(s, i+1, '>')
	case strings.HasPrefix(rest, "/>"):
		return markup{}, i + 3
	case strings.HasPrefix(rest, "/") && len(rest) > 1 && isASCIILetter(rest[1]):
		name, j := tagName(s, i+2)
		return markup{name: name, end: true}, skipPast(s, j, '>')
	case strings.HasPrefix(rest, "/"):
		return markup{}, skipPast(s, i+2, '>')
	case len(rest) > 0 && isASCIILetter(rest[0]):
		name, j := tagName(s, i+1)
		end, selfClosing := skipAttributes(s, j)
		return markup{name: name, selfClosing: selfClosing}, end
	}
	return markup{literal: true}, i + 1
}

// tagName reads a tag name from s[i:] and returns it in lower case with the index after it.
func tagName(s string, i int) (string, int) {
	j := i
	for j < len(s) && !strings.ContainsRune(" \t\n\r\f/>", rune(s[j])) {
		j++
	}
	return strings.ToLower(s[i:j]), j
}

// skipAttributes skips a start tag's attributes from s[i:] to just after its
// ">", honouring quoted values, and reports whether the tag ended with "/>".
func skipAttributes(s string, i int) (int, bool) {
	var prev byte
	for i < len(s) {
		c := s[i]
		switch {
		case c == '>':
			return i + 1, prev == '/'
		case (c == '"' || c == '\'') && prev == '=':
			end := strings.IndexByte(s[i+1:], c)
			if end < 0 {
				return len(s), false
			}
			i += end + 2
			prev = c
			continue
		}
		if !strings.ContainsRune(" \t\n\r\f", rune(c)) {
			prev = c
		}
		i++
	}
	return len(s), false
}

// skipPast returns the index just after the next c at or after i, or len(s).
func skipPast(s string, i int, c byte) int {
	if i > len(s) {
		return len(s)
	}
	if j := strings.IndexByte(s[i:], c); j >= 0 {
		return i + j + 1
	}
	return len(s)
}

// indexFold is strings.Index, ignoring ASCII case.
func indexFold(s, sub string) int {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if strings.EqualFold(s[i:i+n], sub) {
			return i
		}
	}
	return -1
}

// isASCIILetter reports whether c is an ASCII letter.
func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

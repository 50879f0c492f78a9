package mastodon

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"

	"creatordesk/backend/platforms"
)

// FuzzDecodeStatus feeds arbitrary bytes to the status decoder: it must never
// panic, and whatever it accepts must map to a well-formed message.
func FuzzDecodeStatus(f *testing.F) {
	for _, seed := range []string{
		`{"id":"113000000000000001","created_at":"2026-03-01T12:00:00.000Z","visibility":"direct","content":"<p>hi &amp; bye<br>x</p>","account":{"id":"101","username":"alice","acct":"alice","display_name":"Alice","bot":false}}`,
		`{"id":42,"created_at":"2026-03-01T12:00:00Z","edited_at":"2026-03-01T12:01:00.5+02:00","in_reply_to_id":"41","spoiler_text":"cw","content":"<script>x</script>","account":{"id":7},"media_attachments":[{"type":"image","url":"https://x/a.png?x=1","description":"d"},{"type":"weird"}],"mentions":[{"id":"1","acct":"brand"}]}`,
		`{"id":{"x":1},"created_at":"2026-03-01T12:00:00Z","account":{"id":"1"}}`,
		`{"id":"1","created_at":"yesterday","account":{"id":"1"}}`,
		`{"id":"a/b","created_at":"2026-03-01T12:00:00Z","account":{"id":"1"}}`,
		`{"id":"1","created_at":"2026-03-01T12:00:00Z","account":null}`,
		`null`, `[]`, `"x"`, `{`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := decodeStatus(data)
		if err != nil {
			return
		}
		m := st.message("101", thread{id: "t", kind: platforms.ThreadDM})
		if !validID(m.ExternalID) || !validID(m.Author.ExternalID) || (m.ReplyToExternalID != "" && !validID(m.ReplyToExternalID)) {
			t.Fatalf("bad ids in %+v from %q", m, data)
		}
		if m.SentAt.IsZero() || m.SentAt.Location().String() != "UTC" || (m.EditedAt != nil && m.EditedAt.Location().String() != "UTC") {
			t.Fatalf("bad times in %+v from %q", m, data)
		}
		if (m.Direction == platforms.DirectionOut) != (m.Author.ExternalID == "101") {
			t.Fatalf("direction %s for author %s", m.Direction, m.Author.ExternalID)
		}
		if utf8.Valid(data) && !utf8.ValidString(m.Text) {
			t.Fatalf("invalid UTF-8 text %q from %q", m.Text, data)
		}
	})
}

// FuzzHTMLToText checks the HTML converter on arbitrary input: it must never
// panic, must keep valid UTF-8 valid, and text escaped into a paragraph (as
// Mastodon renders plain text) must come back exactly, trimmed.
func FuzzHTMLToText(f *testing.F) {
	for _, seed := range []string{
		"<p>a<br>b</p><p>c</p>", "&lt;script&gt;", "<script>a<b</script>", "<!-- x", "a < b", "<a title='>'>x</a>",
		"<p>\n</p>", "&#0;&#xD800;&bogus;", "<textarea>&amp;", "\x00<\xff>", "  lead\n\ntrail  ",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := htmlToText(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("htmlToText(%q) = %q is not valid UTF-8", s, out)
		}
		if got, want := htmlToText("<p>"+html.EscapeString(s)+"</p>"), strings.TrimSpace(s); got != want {
			t.Fatalf("escaped %q came back as %q", want, got)
		}
	})
}

package mastodonfake

import (
	"encoding/json"
	"html"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// timeFormat is how Mastodon writes datetimes: UTC with milliseconds.
const timeFormat = "2006-01-02T15:04:05.000Z"

// formatTime renders t the way Mastodon does.
func formatTime(t time.Time) string { return t.UTC().Format(timeFormat) }

// entityPattern finds the parts of a status text Mastodon turns into markup:
// links, @mentions (local or remote) and hashtags.
var entityPattern = regexp.MustCompile(`https?://[^\s<>"']+|@[A-Za-z0-9_]+(?:@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)?|#[\p{L}\p{N}_]+`)

// paragraphBreak separates paragraphs, as in Rails' simple_format.
var paragraphBreak = regexp.MustCompile(`\n{2,}`)

// renderTextLocked turns a plain status text into Mastodon's HTML (paragraphs,
// <br />, links, hashtags and h-card mentions of known accounts) and returns the
// ids of the accounts it mentions.
func (s *Server) renderTextLocked(text string) (string, []string) {
	text = strings.Trim(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	if text == "" {
		return "", nil
	}
	var b strings.Builder
	var mentions []string
	for _, para := range paragraphBreak.Split(text, -1) {
		b.WriteString("<p>")
		for i, line := range strings.Split(para, "\n") {
			if i > 0 {
				b.WriteString("<br />")
			}
			s.renderLineLocked(&b, line, &mentions)
		}
		b.WriteString("</p>")
	}
	return b.String(), mentions
}

// renderLineLocked renders one line of text.
func (s *Server) renderLineLocked(b *strings.Builder, line string, mentions *[]string) {
	last := 0
	for _, m := range entityPattern.FindAllStringIndex(line, -1) {
		start, end := m[0], m[1]
		if start < last {
			continue
		}
		if prev, _ := utf8.DecodeLastRuneInString(line[:start]); start > 0 && (isWordRune(prev) || prev == '/') {
			continue
		}
		token := line[start:end]
		var markup string
		switch token[0] {
		case 'h':
			token = strings.TrimRight(token, ".,!?;:)")
			end = start + len(token)
			markup = renderLink(token)
		case '@':
			acc, ok := s.accountByAcctLocked(token[1:])
			if !ok {
				continue
			}
			markup = renderMention(acc, s.domain)
			if !containsString(*mentions, acc.ID) {
				*mentions = append(*mentions, acc.ID)
			}
		case '#':
			tag := token[1:]
			markup = `<a href="https://` + s.domain + `/tags/` + html.EscapeString(tag) + `" class="mention hashtag" rel="tag">#<span>` + html.EscapeString(tag) + `</span></a>`
		}
		b.WriteString(html.EscapeString(line[last:start]))
		b.WriteString(markup)
		last = end
	}
	b.WriteString(html.EscapeString(line[last:]))
}

// renderLink writes a link the way Mastodon shortens it: the scheme hidden, the
// first 30 characters shown and the rest hidden behind an ellipsis.
func renderLink(u string) string {
	prefix := "https://"
	if strings.HasPrefix(u, "http://") {
		prefix = "http://"
	}
	rest := u[len(prefix):]
	shown, hidden := rest, ""
	if utf8.RuneCountInString(rest) > 30 {
		cut := 0
		for range 30 {
			_, size := utf8.DecodeRuneInString(rest[cut:])
			cut += size
		}
		shown, hidden = rest[:cut], rest[cut:]
	}
	class := ""
	if hidden != "" {
		class = "ellipsis"
	}
	return `<a href="` + html.EscapeString(u) + `" target="_blank" rel="nofollow noopener" translate="no">` +
		`<span class="invisible">` + prefix + `</span><span class="` + class + `">` + html.EscapeString(shown) +
		`</span><span class="invisible">` + html.EscapeString(hidden) + `</span></a>`
}

// renderMention writes an h-card mention; like Mastodon it shows only the username.
func renderMention(a Account, localDomain string) string {
	return `<span class="h-card" translate="no"><a href="` + html.EscapeString(profileURL(a, localDomain)) +
		`" class="u-url mention">@<span>` + html.EscapeString(a.Username) + `</span></a></span>`
}

// profileURL is an account's public profile address.
func profileURL(a Account, localDomain string) string {
	domain := localDomain
	if _, d, ok := strings.Cut(a.acct(), "@"); ok {
		domain = d
	}
	return "https://" + domain + "/@" + a.Username
}

// isWordRune reports whether r may be part of a username or word.
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// containsString reports whether list holds s.
func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// accountByAcctLocked finds a known account by "username", "username@domain"
// or, for local accounts, "username@<this instance>"; case-insensitively.
func (s *Server) accountByAcctLocked(acct string) (Account, bool) {
	acct = strings.ToLower(acct)
	if user, domain, ok := strings.Cut(acct, "@"); ok && domain == strings.ToLower(s.domain) {
		acct = user
	}
	for _, a := range s.accountsInOrderLocked() {
		if strings.ToLower(a.acct()) == acct {
			return a, true
		}
	}
	return Account{}, false
}

// accountsInOrderLocked lists the known accounts, the fake's own first, then by id.
func (s *Server) accountsInOrderLocked() []Account {
	out := []Account{s.Self}
	for _, id := range s.accountOrder {
		if id != s.Self.ID {
			out = append(out, s.accounts[id])
		}
	}
	return out
}

// accountJSONLocked renders an account.
func (s *Server) accountJSONLocked(a Account) accountJSON {
	name := a.DisplayName
	return accountJSON{
		ID: a.ID, Username: a.Username, Acct: a.acct(), DisplayName: name, Bot: a.Bot,
		CreatedAt: "2020-01-01T00:00:00.000Z", URL: profileURL(a, s.domain),
		Avatar: "https://" + s.domain + "/avatars/original/missing.png",
		Header: "https://" + s.domain + "/headers/original/missing.png",
		Emojis: []any{}, Fields: []any{},
	}
}

// statusID renders a numeric status id.
func statusID(id int64) string { return strconv.FormatInt(id, 10) }

// statusJSONLocked renders a stored status, or its raw replacement.
func (s *Server) statusJSONLocked(st *status, withSource bool) json.RawMessage {
	if st.raw != nil {
		return st.raw
	}
	author := s.accounts[st.accountID]
	out := statusJSON{
		ID:               statusID(st.id),
		CreatedAt:        formatTime(st.createdAt),
		SpoilerText:      st.spoilerText,
		Sensitive:        st.spoilerText != "",
		Visibility:       st.visibility,
		URI:              "https://" + s.domain + "/users/" + author.Username + "/statuses/" + statusID(st.id),
		URL:              "https://" + s.domain + "/@" + author.Username + "/" + statusID(st.id),
		Content:          st.content,
		Account:          s.accountJSONLocked(author),
		MediaAttachments: []mediaJSON{},
		Mentions:         []mentionJSON{},
		Tags:             []any{},
		Emojis:           []any{},
	}
	if st.language != "" {
		lang := st.language
		out.Language = &lang
	}
	if st.inReplyTo != 0 {
		id, acc := statusID(st.inReplyTo), st.inReplyToAccountID
		out.InReplyToID, out.InReplyToAccountID = &id, &acc
	}
	if st.editedAt != nil {
		e := formatTime(*st.editedAt)
		out.EditedAt = &e
	}
	if withSource {
		text := st.text
		out.Text = &text
	}
	for _, id := range st.mentions {
		a := s.accounts[id]
		out.Mentions = append(out.Mentions, mentionJSON{ID: a.ID, Username: a.Username, URL: profileURL(a, s.domain), Acct: a.acct()})
	}
	for i, m := range st.media {
		mj := mediaJSON{ID: statusID(st.id*10 + int64(i)), Type: m.Type, URL: m.URL, PreviewURL: m.URL}
		if m.Description != "" {
			d := m.Description
			mj.Description = &d
		}
		out.MediaAttachments = append(out.MediaAttachments, mj)
	}
	raw, _ := json.Marshal(out) // plain structs always encode
	return raw
}

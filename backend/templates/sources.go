package templates

import (
	"context"
	"strings"
	"unicode"

	"creatordesk/backend/store"
)

// Source supplies token values for a conversation (the contact, the workspace,
// an order system...). A source leaves out what it does not know.
type Source interface {
	Values(ctx context.Context, conversationID int64) (map[string]string, error)
}

// SourceFunc adapts a function to Source.
type SourceFunc func(ctx context.Context, conversationID int64) (map[string]string, error)

// Values implements Source.
func (f SourceFunc) Values(ctx context.Context, conversationID int64) (map[string]string, error) {
	return f(ctx, conversationID)
}

// ContactSource fills first_name, full_name and author_name from the
// conversation's contact and thread.
type ContactSource struct{ Store *store.Store }

// Values implements Source.
func (c ContactSource) Values(ctx context.Context, conversationID int64) (map[string]string, error) {
	if conversationID == 0 {
		return map[string]string{}, nil
	}
	f, err := c.Store.TemplateFacts(ctx, conversationID)
	if err != nil {
		return nil, err
	}
	return FactsValues(f), nil
}

// FactsValues derives the contact and thread tokens from a conversation's facts.
// first_name is the contact's first name, else the first word of the contact's
// display name, of a DM's title, or of the last inbound author; handles (@...)
// and numbers are never used as names.
func FactsValues(f store.TemplateFacts) map[string]string {
	out := map[string]string{}
	candidates := []string{f.ContactFirstName, firstWord(f.ContactDisplayName)}
	if f.Kind == "dm" {
		candidates = append(candidates, firstWord(f.Title))
	}
	candidates = append(candidates, firstWord(f.LastInboundAuthor))
	for _, c := range candidates {
		if looksLikeName(c) {
			out["first_name"] = c
			break
		}
	}
	full := f.ContactDisplayName
	if !looksLikeName(full) && f.Kind == "dm" {
		full = f.Title
	}
	if looksLikeName(full) {
		out["full_name"] = strings.TrimSpace(full)
	}
	if a := strings.TrimSpace(f.LastInboundAuthor); a != "" {
		out["author_name"] = a
	}
	return out
}

// firstWord is the text before the first space.
func firstWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// looksLikeName reports whether s can address a person: not empty, not a
// handle, and holding at least one letter.
func looksLikeName(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "@") {
		return false
	}
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// Settings keys of the templates area.
const (
	// SettingBrand is the brand name {brand} is filled with.
	SettingBrand = "templates.brand"
	// SettingDefaultLanguage is the reply language used when a conversation's is unknown.
	SettingDefaultLanguage = "templates.default_language"
)

// BrandSource fills brand from the workspace setting.
type BrandSource struct{ Store *store.Store }

// Values implements Source.
func (b BrandSource) Values(ctx context.Context, _ int64) (map[string]string, error) {
	brand, err := b.Store.Setting(ctx, SettingBrand, "")
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(brand) == "" {
		return map[string]string{}, nil
	}
	return map[string]string{"brand": strings.TrimSpace(brand)}, nil
}

package templates

import (
	"errors"
	"strings"

	"creatordesk/backend/store"
)

// Languages are the languages a template can have a body in, in the order
// "any" falls back through.
var Languages = []string{"en", "zh-Hans", "zh-Hant", "ro", "hi"}

// IsLanguage reports whether lang is one of Languages.
func IsLanguage(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// Why a variant was chosen.
const (
	// ChosenExplicit: the caller asked for that language.
	ChosenExplicit = "chosen"
	// ChosenConversation: the conversation's detected language.
	ChosenConversation = "conversation"
	// ChosenContact: the contact's language.
	ChosenContact = "contact"
	// ChosenWorkspace: the workspace's default reply language.
	ChosenWorkspace = "workspace"
	// ChosenEnglish: English, as the next fallback.
	ChosenEnglish = "english"
	// ChosenAny: the first variant there is.
	ChosenAny = "any"
)

// ErrNoVariant: the template has no body in any language.
var ErrNoVariant error = &Error{Kind: KindNoVariant, Args: map[string]string{}}

// LanguagePrefs are the languages a reply would ideally be in, best first.
type LanguagePrefs struct {
	// Explicit is a language the person picked ("" = choose automatically).
	Explicit     string
	Conversation string
	Contact      string
	Workspace    string
}

// NormalizeLanguage maps a language tag (a platform's "zh-TW", "ro-RO", "EN")
// to one of Languages, or "" when it is none of them.
func NormalizeLanguage(tag string) string {
	t := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	switch {
	case t == "":
		return ""
	case t == "zh-hant" || strings.HasPrefix(t, "zh-hant-") || t == "zh-tw" || t == "zh-hk" || t == "zh-mo":
		return "zh-Hant"
	case t == "zh" || strings.HasPrefix(t, "zh-"):
		return "zh-Hans"
	}
	base, _, _ := strings.Cut(t, "-")
	switch base {
	case "en", "ro", "hi":
		return base
	}
	return ""
}

// ChooseVariant picks the body to use and says why: the explicit language, the
// conversation's, the contact's, the workspace default, English, else the first
// variant in Languages order. Blank bodies count as absent.
func ChooseVariant(variants []store.TemplateVariant, prefs LanguagePrefs) (lang, why, body string, err error) {
	bodies := map[string]string{}
	for _, v := range variants {
		if strings.TrimSpace(v.Body) != "" {
			bodies[v.Language] = v.Body
		}
	}
	for _, c := range []struct{ lang, why string }{
		{prefs.Explicit, ChosenExplicit}, {prefs.Conversation, ChosenConversation}, {prefs.Contact, ChosenContact},
		{prefs.Workspace, ChosenWorkspace}, {"en", ChosenEnglish},
	} {
		l := NormalizeLanguage(c.lang)
		if b, ok := bodies[l]; ok && l != "" {
			return l, c.why, b, nil
		}
	}
	for _, l := range Languages {
		if b, ok := bodies[l]; ok {
			return l, ChosenAny, b, nil
		}
	}
	return "", "", "", ErrNoVariant
}

// Rendered is a body with its tokens filled.
type Rendered struct {
	Text string
	// Missing lists the tokens with no value and no fallback, in order of first
	// appearance; each is left in Text as {name}, and the text cannot be sent.
	Missing []string
}

// RenderBody fills body's tokens from values. A value that is only spaces
// counts as none. A body with parse problems is refused with the first one.
func RenderBody(body string, values map[string]string) (Rendered, error) {
	parts, problems := Parse(body)
	if len(problems) > 0 {
		return Rendered{}, problems[0]
	}
	var out strings.Builder
	var missing []string
	seen := map[string]bool{}
	for _, p := range parts {
		if p.Name == "" {
			out.WriteString(p.Text)
			continue
		}
		if v := strings.TrimSpace(values[p.Name]); v != "" {
			out.WriteString(v)
			continue
		}
		if p.HasFallback {
			out.WriteString(p.Fallback)
			continue
		}
		out.WriteString("{" + p.Name + "}")
		if !seen[p.Name] {
			seen[p.Name] = true
			missing = append(missing, p.Name)
		}
	}
	return Rendered{Text: out.String(), Missing: missing}, nil
}

// Result is a template rendered for one conversation.
type Result struct {
	Rendered
	// Language is the variant used and LanguageReason why (a Chosen* constant).
	Language       string
	LanguageReason string
	// Values are the token values it was filled from.
	Values map[string]string
}

// Render chooses t's variant by prefs and fills it from values.
func Render(t store.Template, prefs LanguagePrefs, values map[string]string) (Result, error) {
	lang, why, body, err := ChooseVariant(t.Variants, prefs)
	if err != nil {
		return Result{}, err
	}
	r, err := RenderBody(body, values)
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			pe.Language = lang
		}
		return Result{}, err
	}
	return Result{Rendered: r, Language: lang, LanguageReason: why, Values: values}, nil
}

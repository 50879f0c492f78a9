package governance

import (
	"context"
	"strings"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// Default disclosure texts per language. The label ends every automated
// message; the notice opens the first automated message to a contact on a
// channel. The label can be replaced in the settings (one text for all languages).
var (
	defaultLabels = map[string]string{
		"en": "— automated reply", "zh-Hans": "— 自动回复", "zh-Hant": "— 自動回覆",
		"ro": "— răspuns automat", "hi": "— स्वचालित जवाब",
	}
	defaultNotices = map[string]string{
		"en":      "Hi! This is our automated assistant. To talk to a person, reply HUMAN and someone from the team will answer.",
		"zh-Hans": "你好！这是我们的自动助手。如需人工服务，请回复“人工”，团队成员会尽快回复你。",
		"zh-Hant": "你好！這是我們的自動小幫手。需要真人協助的話，請回覆「真人」，團隊成員會盡快回覆你。",
		"ro":      "Bună! Acesta este asistentul nostru automat. Dacă vrei să vorbești cu un om, răspunde OM și cineva din echipă îți va scrie.",
		"hi":      "नमस्ते! यह हमारा स्वचालित सहायक है। किसी व्यक्ति से बात करने के लिए इंसान लिखकर भेजें, टीम का कोई सदस्य जवाब देगा।",
	}
)

// languageOf picks a supported language for a conversation ("en" by default).
func languageOf(lang string) string {
	switch {
	case strings.HasPrefix(lang, "zh-Hant"), lang == "zh-TW", lang == "zh-HK":
		return "zh-Hant"
	case strings.HasPrefix(lang, "zh"):
		return "zh-Hans"
	case strings.HasPrefix(lang, "ro"):
		return "ro"
	case strings.HasPrefix(lang, "hi"):
		return "hi"
	}
	return "en"
}

// Label returns the disclosure label for a channel and language: the
// channel's configured label, else the one label set for every channel, else
// the built-in label of the language.
func Label(ctx context.Context, st *store.Store, channel, lang string) string {
	if v := strings.TrimSpace(readMap(ctx, st, KeyChannelLabels)[channel]); v != "" {
		return v
	}
	if v, _ := st.Setting(ctx, KeyDisclosureLabel, ""); strings.TrimSpace(v) != "" {
		return strings.TrimSpace(v)
	}
	return DefaultLabel(lang)
}

// Notice returns the first-message assistant notice for a language (the configured one when set).
func Notice(ctx context.Context, st *store.Store, lang string) string {
	lang = languageOf(lang)
	if v := strings.TrimSpace(readMap(ctx, st, KeyNotices)[lang]); v != "" {
		return v
	}
	return DefaultNotice(lang)
}

// addDisclosure labels automated messages, and opens the first one to a
// contact on this channel with the assistant notice.
func (g *Gate) addDisclosure(ctx context.Context, conv store.Conversation, req *inbox.SendRequest) error {
	if req.Origin != inbox.OriginAutomation && req.Origin != inbox.OriginAway {
		return nil
	}
	text := strings.TrimRight(req.Text, " \n") + "\n" + Label(ctx, g.Store, conv.Platform, conv.Language)
	if conv.ContactID != nil {
		done, err := g.Store.Disclosed(ctx, *conv.ContactID, conv.Platform)
		if err != nil {
			return err
		}
		if !done {
			text = Notice(ctx, g.Store, conv.Language) + "\n\n" + text
		}
	}
	req.Text = text
	return nil
}

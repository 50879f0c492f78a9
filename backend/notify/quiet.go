package notify

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// MaxHeldConversations caps the conversations a Held summary remembers.
const MaxHeldConversations = 200

// Silenced says whether c is an urgent message that only the do-not-disturb
// hours keep from notifying at now: one to Hold for the summary shown when
// they end.
func Silenced(s Settings, c Candidate, now time.Time, loc *time.Location) (reason string, ok bool) {
	reason, ok = urgent(s, c, now)
	if !ok || !s.DND || !InQuietHours(s, now, loc) {
		return "", false
	}
	return reason, true
}

// Held gathers the urgent messages quiet hours silenced, so that one summary
// notification can tell about them when the quiet hours end. The zero value
// holds nothing. It is a plain value: the caller keeps it (and may persist it
// as JSON) and guards it.
type Held struct {
	// Danger and HighIntent count the silenced messages by reason.
	Danger     int `json:"danger"`
	HighIntent int `json:"highIntent"`
	// ConversationIDs are the conversations they arrived in, each once, in
	// order of arrival (at most MaxHeldConversations).
	ConversationIDs []int64 `json:"conversationIds"`
	// Since is when the first one arrived.
	Since time.Time `json:"since"`
}

// Hold adds a message Silenced reported, with the reason it gave.
func (h *Held) Hold(reason string, conversationID int64, at time.Time) {
	if reason == ReasonDanger {
		h.Danger++
	} else {
		h.HighIntent++
	}
	if h.Since.IsZero() || at.Before(h.Since) {
		h.Since = at
	}
	if !slices.Contains(h.ConversationIDs, conversationID) && len(h.ConversationIDs) < MaxHeldConversations {
		h.ConversationIDs = append(h.ConversationIDs, conversationID)
	}
}

// Count is the number of messages held.
func (h Held) Count() int { return h.Danger + h.HighIntent }

// Due reports whether the summary should be shown at now: something was held,
// notifications are on and the quiet hours are over (or were switched off).
func (h Held) Due(s Settings, now time.Time, loc *time.Location) bool {
	return h.Count() > 0 && s.Enabled && !(s.DND && InQuietHours(s, now, loc))
}

// Summary is the one notification that tells about everything held, worded in
// lang (en, zh-Hans, zh-Hant, ro, hi; anything else is English). It is urgent
// when a danger message is among them. Open carries the conversations, so a
// click can show the inbox filtered to them.
func (h Held) Summary(lang string) Notification {
	t, ok := summaryTexts[lang]
	if !ok {
		t = summaryTexts["en"]
	}
	n := h.Count()
	body := t.many
	if n == 1 {
		body = t.one
	} else if lang == "ro" && (n%100 >= 20 || n >= 100 && n%100 == 0) {
		body = t.manyDe // Romanian: "20 de mesaje", "3 mesaje"
	}
	return Notification{
		Title:           t.title,
		Body:            strings.ReplaceAll(body, "{n}", strconv.Itoa(n)),
		Urgent:          h.Danger > 0,
		ConversationIDs: slices.Clone(h.ConversationIDs),
	}
}

// summaryText is the summary's wording in one language.
type summaryText struct{ title, one, many, manyDe string }

// summaryTexts word the summary; {n} is the number of messages.
var summaryTexts = map[string]summaryText{
	"en": {title: "Quiet hours are over",
		one:  "While quiet hours were on, 1 urgent message arrived.",
		many: "While quiet hours were on, {n} urgent messages arrived."},
	"zh-Hans": {title: "免打扰时段已结束",
		one:  "免打扰期间收到 1 条紧急消息。",
		many: "免打扰期间收到 {n} 条紧急消息。"},
	"zh-Hant": {title: "勿擾時段已結束",
		one:  "勿擾時段內收到 1 則緊急訊息。",
		many: "勿擾時段內收到 {n} 則緊急訊息。"},
	"ro": {title: "Orele de liniște s-au încheiat",
		one:    "Cât timp au fost active orele de liniște, a sosit 1 mesaj urgent.",
		many:   "Cât timp au fost active orele de liniște, au sosit {n} mesaje urgente.",
		manyDe: "Cât timp au fost active orele de liniște, au sosit {n} de mesaje urgente."},
	"hi": {title: "शांत समय समाप्त हुआ",
		one:  "शांत समय के दौरान 1 ज़रूरी संदेश आया।",
		many: "शांत समय के दौरान {n} ज़रूरी संदेश आए।"},
}

package kpi

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"

	"creatordesk/backend/store"
)

// Settings keys of the KPI area.
const (
	keyCSATEnabled     = "kpi.csat.enabled"
	keyCSATTemplate    = "kpi.csat.template"
	keyCSATSince       = "kpi.csat.since"
	keyMinutesPerReply = "kpi.minutesPerReply"
)

// CSATTemplateSeedKey marks the saved reply CreatorDesk writes for rating requests.
const CSATTemplateSeedKey = "kpi-csat-request"

// Settings are the KPI area's choices: whether a rating request follows a
// resolution (off by default), which saved reply asks for it, and the
// minutes-per-reply assumption behind "hours saved".
type Settings struct {
	CSATEnabled     bool
	CSATTemplateID  int64
	MinutesPerReply float64
}

// LoadSettings reads the KPI settings (defaults where none are stored).
func LoadSettings(ctx context.Context, st *store.Store) (Settings, error) {
	out := Settings{MinutesPerReply: DefaultMinutesPerReply}
	vals := map[string]string{}
	for _, k := range []string{keyCSATEnabled, keyCSATTemplate, keyMinutesPerReply} {
		v, err := st.Setting(ctx, k, "")
		if err != nil {
			return out, err
		}
		vals[k] = v
	}
	out.CSATEnabled = vals[keyCSATEnabled] == "true"
	out.CSATTemplateID, _ = strconv.ParseInt(vals[keyCSATTemplate], 10, 64)
	if m, err := strconv.ParseFloat(vals[keyMinutesPerReply], 64); err == nil && m > 0 {
		out.MinutesPerReply = m
	}
	return out, nil
}

// SaveSettings validates and stores the KPI settings and audits the change.
// Switching rating requests on starts from now (earlier resolutions are not
// asked), and without a chosen saved reply CreatorDesk writes one in five languages.
func SaveSettings(ctx context.Context, st *store.Store, in Settings, actor string) (Settings, error) {
	before, err := LoadSettings(ctx, st)
	if err != nil {
		return before, err
	}
	if in.MinutesPerReply < 0.5 || in.MinutesPerReply > 60 {
		return before, InvalidSettingError{Field: "minutesPerReply"}
	}
	if in.CSATTemplateID != 0 {
		if _, err := st.TemplateByID(ctx, in.CSATTemplateID); err != nil {
			return before, InvalidSettingError{Field: "csatTemplate"}
		}
	}
	if in.CSATEnabled && in.CSATTemplateID == 0 {
		if in.CSATTemplateID, err = ensureCSATTemplate(ctx, st); err != nil {
			return before, err
		}
	}
	if in.CSATEnabled && !before.CSATEnabled {
		if err := st.SetSetting(ctx, keyCSATSince, strconv.FormatInt(st.Now().UnixMilli()+1, 10)); err != nil {
			return before, err
		}
	}
	for k, v := range map[string]string{keyCSATEnabled: strconv.FormatBool(in.CSATEnabled),
		keyCSATTemplate: strconv.FormatInt(in.CSATTemplateID, 10), keyMinutesPerReply: strconv.FormatFloat(in.MinutesPerReply, 'f', -1, 64)} {
		if err := st.SetSetting(ctx, k, v); err != nil {
			return before, err
		}
	}
	b, _ := json.Marshal(before)
	a, _ := json.Marshal(in)
	_, err = st.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "kpi.settings", TargetType: "settings", TargetID: "kpi",
		BeforeJSON: string(b), AfterJSON: string(a)})
	return in, err
}

// ensureCSATTemplate returns the saved reply CreatorDesk wrote for rating
// requests, writing it first when there is none.
func ensureCSATTemplate(ctx context.Context, st *store.Store) (int64, error) {
	all, err := st.Templates(ctx, store.TemplateFilter{})
	if err != nil {
		return 0, err
	}
	for _, t := range all {
		if t.SeedKey == CSATTemplateSeedKey {
			return t.ID, nil
		}
	}
	t := store.Template{Name: "Rating request (1–5)", Shortcut: "rating", Kind: "dm", SeedKey: CSATTemplateSeedKey}
	for _, lang := range []string{"en", "zh-Hans", "zh-Hant", "ro", "hi"} {
		t.Variants = append(t.Variants, store.TemplateVariant{Language: lang, Body: csatRequestText[lang]})
	}
	for _, shortcut := range []string{"rating", "csat", "rating-1-5"} {
		t.ID, t.Shortcut = 0, shortcut
		err = st.CreateTemplate(ctx, &t)
		if !errors.Is(err, store.ErrDuplicate) {
			break
		}
	}
	return t.ID, err
}

// csatRequestText is the rating request in each language.
var csatRequestText = map[string]string{
	"en":      "Glad we could sort this out! How happy are you with our help? Reply with a number from 1 (not at all) to 5 (very happy).",
	"zh-Hans": "很高兴帮你解决了问题！你对这次服务满意吗？请回复 1（很不满意）到 5（非常满意）之间的数字。",
	"zh-Hant": "很高興幫你處理好了！你對這次的服務滿意嗎？請回覆 1（很不滿意）到 5（非常滿意）之間的數字。",
	"ro":      "Ne bucurăm că am rezolvat! Cât de mulțumit ești de ajutorul nostru? Răspunde cu o cifră de la 1 (deloc) la 5 (foarte mulțumit).",
	"hi":      "खुशी है कि आपकी बात सुलझ गई! हमारी मदद से आप कितने संतुष्ट हैं? 1 (बिल्कुल नहीं) से 5 (बहुत संतुष्ट) के बीच कोई अंक भेजें।",
}

package governance

import (
	"context"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"creatordesk/backend/store"
)

// Setting keys of the per-channel disclosure labels and the per-language
// assistant notices (each a JSON object; a missing or blank entry falls back).
const (
	KeyChannelLabels = "automation.disclosure_labels"
	KeyNotices       = "automation.assistant_notices"
)

// Limits on what a person types into the automation settings.
const (
	MaxLabelRunes     = 80
	MaxNoticeRunes    = 500
	MaxContactHourly  = 100
	MaxAccountDaily   = 10000
	MaxReviewSharePct = 100
)

// Languages are the languages a notice is written in.
var Languages = []string{"en", "zh-Hans", "zh-Hant", "ro", "hi"}

// Config is what a person sets for automated messages: the caps, the share
// sent to the quality review, the disclosure label per channel and the
// first-message assistant notice per language. Blank labels and notices mean
// the built-in text.
type Config struct {
	ContactHourly int
	AccountDaily  int
	ReviewShare   int
	// Labels maps a channel (platform name) to its label.
	Labels map[string]string
	// Notices maps a language to its notice.
	Notices map[string]string
}

// channelPattern is the shape of a channel name.
var channelPattern = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

// readMap reads a JSON object setting (empty on absence or damage).
func readMap(ctx context.Context, st *store.Store, key string) map[string]string {
	out := map[string]string{}
	if v, err := st.Setting(ctx, key, ""); err == nil && v != "" {
		_ = json.Unmarshal([]byte(v), &out)
	}
	return out
}

// ReadConfig returns the configured values (blank labels and notices are not listed).
func ReadConfig(ctx context.Context, st *store.Store) Config {
	l := ReadLimits(ctx, st)
	return Config{ContactHourly: l.ContactHourly, AccountDaily: l.AccountDaily, ReviewShare: ReviewShare(ctx, st),
		Labels: readMap(ctx, st, KeyChannelLabels), Notices: readMap(ctx, st, KeyNotices)}
}

// DefaultLabel is the built-in disclosure label of a language.
func DefaultLabel(lang string) string { return defaultLabels[languageOf(lang)] }

// DefaultNotice is the built-in assistant notice of a language.
func DefaultNotice(lang string) string { return defaultNotices[languageOf(lang)] }

// cleanTexts trims the entries, drops blank ones and checks keys and lengths.
func cleanTexts(in map[string]string, validKey func(string) bool, maxRunes int, field string) (map[string]string, error) {
	out := map[string]string{}
	for k, v := range in {
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if !validKey(k) || utf8.RuneCountInString(v) > maxRunes {
			return nil, &InvalidError{Field: field}
		}
		out[k] = v
	}
	return out, nil
}

// SaveConfig validates and stores the settings and records the change (before and after) in the audit trail.
func SaveConfig(ctx context.Context, st *store.Store, actor string, c Config) (Config, error) {
	switch {
	case c.ContactHourly < 1 || c.ContactHourly > MaxContactHourly:
		return c, &InvalidError{Field: "contactHourly"}
	case c.AccountDaily < 1 || c.AccountDaily > MaxAccountDaily:
		return c, &InvalidError{Field: "accountDaily"}
	case c.ReviewShare < 0 || c.ReviewShare > MaxReviewSharePct:
		return c, &InvalidError{Field: "reviewShare"}
	}
	labels, err := cleanTexts(c.Labels, channelPattern.MatchString, MaxLabelRunes, "label")
	if err != nil {
		return c, err
	}
	notices, err := cleanTexts(c.Notices, func(k string) bool {
		for _, l := range Languages {
			if l == k {
				return true
			}
		}
		return false
	}, MaxNoticeRunes, "notice")
	if err != nil {
		return c, err
	}
	before := ReadConfig(ctx, st)
	lj, _ := json.Marshal(labels)
	nj, _ := json.Marshal(notices)
	for _, kv := range [][2]string{{KeyContactHourly, strconv.Itoa(c.ContactHourly)}, {KeyAccountDaily, strconv.Itoa(c.AccountDaily)},
		{KeyReviewShare, strconv.Itoa(c.ReviewShare)}, {KeyChannelLabels, string(lj)}, {KeyNotices, string(nj)}} {
		if err := st.SetSetting(ctx, kv[0], kv[1]); err != nil {
			return c, err
		}
	}
	after := ReadConfig(ctx, st)
	return after, audit(ctx, st, actor, "automation.settings_saved", "automation", 0, "", configJSON(before), configJSON(after))
}

// configJSON is a Config as the audit trail keeps it.
func configJSON(c Config) map[string]any {
	return map[string]any{"contactHourlyCap": c.ContactHourly, "accountDailyCap": c.AccountDaily, "reviewSharePercent": c.ReviewShare,
		"labels": c.Labels, "notices": c.Notices}
}

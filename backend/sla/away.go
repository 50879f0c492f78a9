package sla

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Languages the away acknowledgement is written in.
var Languages = []string{"en", "zh-Hans", "zh-Hant", "ro", "hi"}

// NextPlaceholder is replaced by the next opening time in an away text.
const NextPlaceholder = "{next}"

// MaxAwayText bounds an away text (it must fit every platform's limit).
const MaxAwayText = 900

// AwaySettings configure the out-of-hours acknowledgement.
type AwaySettings struct {
	// Enabled is off until the user turns it on.
	Enabled bool `json:"enabled"`
	// Texts are the acknowledgement per language; a missing one uses the default.
	Texts map[string]string `json:"texts"`
}

// DefaultAwayTexts are the built-in acknowledgements; {next} is the next opening.
var DefaultAwayTexts = map[string]string{
	"en":      "Thanks for getting in touch! We're offline right now. We'll be back on {next} and will answer you then.",
	"ro":      "Mulțumim că ne-ai scris! Momentan nu suntem online. Revenim {next} și îți răspundem atunci.",
	"zh-Hans": "感谢您的留言！我们现在暂时不在线，将于{next}回来，届时会尽快回复您。",
	"zh-Hant": "謝謝您的訊息！我們目前暫時離線，會在{next}回來，屆時再為您回覆。",
	"hi":      "संदेश भेजने के लिए धन्यवाद! हम अभी ऑफ़लाइन हैं। हम {next} को वापस आएँगे और तब आपको जवाब देंगे।",
}

// Validate checks the user's texts.
func (a AwaySettings) Validate() error {
	for lang, text := range a.Texts {
		if !isLanguage(lang) {
			return &ValidationError{Reason: ReasonBadLanguage, Field: "texts", Value: lang}
		}
		if strings.TrimSpace(text) == "" {
			continue // falls back to the default
		}
		if !strings.Contains(text, NextPlaceholder) {
			return &ValidationError{Reason: ReasonMissingPlaceholder, Field: lang, Value: NextPlaceholder}
		}
		if utf8.RuneCountInString(text) > MaxAwayText {
			return &ValidationError{Reason: ReasonTooLong, Field: lang, Value: fmt.Sprint(MaxAwayText)}
		}
	}
	return nil
}

// Text is the acknowledgement in lang (falling back to English), with the next
// opening written in that language.
func (a AwaySettings) Text(lang string, next time.Time) string {
	lang = PickLanguage(lang)
	tpl := strings.TrimSpace(a.Texts[lang])
	if tpl == "" {
		tpl = DefaultAwayTexts[lang]
	}
	return strings.ReplaceAll(tpl, NextPlaceholder, FormatOpening(lang, next))
}

// isLanguage reports a supported language tag.
func isLanguage(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// NormalizeLanguage maps a contact's or platform's language tag (zh-TW, ro-RO,
// hi_IN, EN...) to one of Languages; unknown tags become "" (the caller falls
// back to the workspace language, then English).
func NormalizeLanguage(tag string) string {
	t := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	switch {
	case t == "":
		return ""
	case t == "zh-hant" || strings.HasPrefix(t, "zh-hant") || t == "zh-tw" || t == "zh-hk" || t == "zh-mo":
		return "zh-Hant"
	case strings.HasPrefix(t, "zh"):
		return "zh-Hans"
	case strings.HasPrefix(t, "ro"):
		return "ro"
	case strings.HasPrefix(t, "hi"):
		return "hi"
	case strings.HasPrefix(t, "en"):
		return "en"
	}
	return ""
}

// PickLanguage is the first supported language of the candidates (the
// conversation's, the contact's, the workspace's), else English.
func PickLanguage(candidates ...string) string {
	for _, c := range candidates {
		if l := NormalizeLanguage(c); l != "" {
			return l
		}
	}
	return "en"
}

var (
	weekdayNames = map[string][7]string{
		"en":      {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		"ro":      {"duminică", "luni", "marți", "miercuri", "joi", "vineri", "sâmbătă"},
		"zh-Hans": {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"},
		"zh-Hant": {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"},
		"hi":      {"रविवार", "सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार"},
	}
	monthNames = map[string][12]string{
		"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		"ro": {"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie"},
		"hi": {"जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"},
	}
)

// FormatOpening writes an instant (in its own zone) the way lang writes a
// date and time, with the UTC offset so a customer elsewhere can convert it:
// "Monday 2 March, 09:00 (UTC+2)", "luni, 2 martie, 09:00 (UTC+2)",
// "3月2日（星期一）09:00（UTC+2）", "सोमवार, 2 मार्च, 09:00 (UTC+2)".
func FormatOpening(lang string, t time.Time) string {
	lang = PickLanguage(lang)
	wd := weekdayNames[lang][t.Weekday()]
	clock := t.Format("15:04")
	zone := utcOffset(t)
	switch lang {
	case "zh-Hans", "zh-Hant":
		return fmt.Sprintf("%d月%d日（%s）%s（%s）", int(t.Month()), t.Day(), wd, clock, zone)
	case "ro", "hi":
		return fmt.Sprintf("%s, %d %s, %s (%s)", wd, t.Day(), monthNames[lang][t.Month()-1], clock, zone)
	}
	return fmt.Sprintf("%s %d %s, %s (%s)", wd, t.Day(), monthNames["en"][t.Month()-1], clock, zone)
}

// utcOffset writes t's offset as UTC+2, UTC-5 or UTC+5:30.
func utcOffset(t time.Time) string {
	_, off := t.Zone()
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	h, m := off/3600, off%3600/60
	if m == 0 {
		return fmt.Sprintf("UTC%s%d", sign, h)
	}
	return fmt.Sprintf("UTC%s%d:%02d", sign, h, m)
}

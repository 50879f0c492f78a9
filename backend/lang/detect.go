// Package lang guesses which of CreatorDesk's five languages a message is written in.
package lang

import (
	"strings"
	"unicode"
)

// Supported BCP 47 tags.
const (
	English            = "en"
	ChineseSimplified  = "zh-Hans"
	ChineseTraditional = "zh-Hant"
	Romanian           = "ro"
	Hindi              = "hi"
)

// Characters that exist in only one of the two Chinese scripts (frequent in chat).
const (
	traditionalOnly = "們這個說貨嗎買謝價錢還運單問題會請時間號碼麼為於與發們東係對從開關點樣應該實寄嗎謝讓給進認識"
	simplifiedOnly  = "们这个说货吗买谢价钱还运单问题会请时间号码么为于与发东系对从开关点样应该实寄让给进认识"
)

// romanianLetters are letters that mark Romanian among Latin-script texts.
const romanianLetters = "ăâîșşțţĂÂÎȘŞȚŢ"

// romanianWords are frequent Romanian words, as typed without diacritics.
var romanianWords = map[string]bool{
	"si": true, "este": true, "pentru": true, "vreau": true, "cand": true, "buna": true, "multumesc": true,
	"pret": true, "pretul": true, "comanda": true, "comenzii": true, "livrare": true, "livrarea": true,
	"aveti": true, "sunt": true, "unde": true, "cat": true, "costa": true, "coletul": true,
}

// Detect returns the most likely language of text. hint, a platform-reported
// language tag such as Telegram's language_code, breaks ties and wins for text
// too short to judge. It returns "" when nothing can be said.
func Detect(text, hint string) string {
	var han, deva, latin int
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Devanagari, r):
			deva++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	switch {
	case deva > 0 && deva >= han && deva*2 >= latin:
		return Hindi
	case han > 0 && han*2 >= latin:
		return chineseVariant(text, hint)
	case latin > 0:
		if strings.ContainsAny(text, romanianLetters) || hasRomanianWord(text) || strings.HasPrefix(hint, "ro") {
			return Romanian
		}
		return English
	}
	return normalizeHint(hint)
}

// chineseVariant tells Traditional from Simplified Chinese by script-specific characters.
func chineseVariant(text, hint string) string {
	var trad, simp int
	for _, r := range text {
		if strings.ContainsRune(traditionalOnly, r) {
			trad++
		}
		if strings.ContainsRune(simplifiedOnly, r) {
			simp++
		}
	}
	switch {
	case trad > simp:
		return ChineseTraditional
	case simp > trad:
		return ChineseSimplified
	case normalizeHint(hint) == ChineseTraditional:
		return ChineseTraditional
	}
	return ChineseSimplified
}

// hasRomanianWord looks for common Romanian words typed without diacritics,
// comparing whole words ("pret" must not match inside "prettier").
func hasRomanianWord(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	for _, w := range words {
		if romanianWords[w] {
			return true
		}
	}
	return false
}

// normalizeHint maps a platform language tag onto a supported tag ("" if none fits).
func normalizeHint(hint string) string {
	h := strings.ToLower(hint)
	switch {
	case h == "":
		return ""
	case strings.HasPrefix(h, "zh-hant"), h == "zh-tw", h == "zh-hk", h == "zh-mo":
		return ChineseTraditional
	case strings.HasPrefix(h, "zh"):
		return ChineseSimplified
	case strings.HasPrefix(h, "ro"):
		return Romanian
	case strings.HasPrefix(h, "hi"):
		return Hindi
	case strings.HasPrefix(h, "en"):
		return English
	}
	return ""
}

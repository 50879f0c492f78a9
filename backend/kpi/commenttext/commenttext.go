// Package commenttext reads what a comment's text says for the KPI figures:
// whether it asks a question and whether it has enough substance to act on. It
// depends on nothing else in CreatorDesk, so the store can precompute both when
// a comment arrives (kpi_comment_marks) and the KPI area can explain them.
package commenttext

import (
	"strings"
	"unicode"
)

// questionWords open a question in English, Romanian and Hindi (lower case,
// Romanian also without diacritics, as people often type it).
var questionWords = map[string]bool{
	// English
	"what": true, "how": true, "when": true, "where": true, "why": true, "who": true, "which": true,
	"can": true, "could": true, "do": true, "does": true, "is": true, "are": true, "will": true,
	"would": true, "should": true, "any": true,
	// Română
	"ce": true, "cum": true, "când": true, "cand": true, "unde": true, "cine": true, "care": true,
	"cât": true, "cat": true, "câte": true, "cate": true, "câți": true, "cati": true, "poți": true,
	"poti": true, "puteți": true, "puteti": true, "aveți": true, "aveti": true, "există": true, "exista": true,
	// हिन्दी
	"क्या": true, "कब": true, "कहाँ": true, "कहां": true, "क्यों": true, "कैसे": true, "कौन": true,
	"कितना": true, "कितने": true, "कितनी": true, "किसका": true,
}

// cjkQuestion are Chinese question markers (simplified and traditional).
var cjkQuestion = []string{"吗", "嗎", "什么", "什麼", "怎么", "怎麼", "为什么", "為什麼", "哪", "多少", "几", "幾",
	"是否", "能不能", "可不可以", "有没有", "有沒有", "呢"}

// IsQuestion reports whether a message reads as a question: it has a question
// mark (Latin, full-width or Arabic), starts with a question word (English,
// Romanian, Hindi), or carries a Chinese question marker.
func IsQuestion(text string) bool {
	if strings.ContainsAny(text, "?？؟") {
		return true
	}
	for _, m := range cjkQuestion {
		if strings.Contains(text, m) {
			return true
		}
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '.' || r == '!' || r == '।'
	})
	if len(words) > 0 && questionWords[words[0]] {
		return true
	}
	// Hindi puts क्या (yes/no question) or a question word anywhere in the sentence.
	for _, w := range words {
		if w == "क्या" || w == "कब" || w == "कहाँ" || w == "कहां" || w == "क्यों" || w == "कैसे" || w == "कितने" || w == "कितना" || w == "कितनी" {
			return true
		}
	}
	return false
}

// Substantial reports whether text has enough to act on: at least 12 words, or
// 24 Han characters for Chinese.
func Substantial(text string) bool {
	if len(strings.Fields(text)) >= 12 {
		return true
	}
	han := 0
	for _, r := range text {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	return han >= 24
}

// Package governance keeps automation safe and lawful: the opt-out and consent
// ledgers and the send-gate policies that enforce them (with rate limits, the
// loop guard and the disclosure notice), retention with legal holds, and
// data-subject requests.
package governance

import (
	"slices"
	"strings"

	"creatordesk/backend/textsearch"
)

// Command is what a whole inbound message asks of us.
type Command string

// Commands recognised in an inbound message.
const (
	CommandNone  Command = ""
	CommandStop  Command = "stop"
	CommandStart Command = "start"
)

// stopWords and startWords are the whole-message commands, per language.
// A message counts only when it is nothing but the command (plus punctuation
// and "please"), so "don't stop posting!" or "stop by the shop" never opt
// anyone out. They are compared folded (lower case, Latin diacritics removed):
//
//   - English: STOP, STOP ALL, UNSUBSCRIBE, OPT OUT, END, QUIT are the
//     usual carrier keywords (CANCEL is left out: alone it usually means an order); START, UNSTOP, SUBSCRIBE, OPT IN, RESUME opt back in.
//   - Simplified Chinese: 退订 (the standard SMS unsubscribe reply), 取消订阅,
//     停止, 停止发送, 不要再发; back in: 订阅, 重新订阅, 开始.
//   - Traditional Chinese (Taiwan): 退訂, 取消訂閱, 停止, 停止傳送, 不要再傳; back in: 訂閱, 重新訂閱, 開始.
//   - Romanian: STOP is what Romanian senders print; DEZABONARE, DEZABONEAZĂ-MĂ,
//     RENUNȚ, NU MAI TRIMITEȚI; back in: START, ABONARE, REABONARE, PORNEȘTE.
//   - Hindi: बंद करें / बंद करो / बंद ("turn off"), रोकें / रोको ("stop"),
//     सदस्यता समाप्त ("end subscription"), अनसब्सक्राइब; back in: शुरू करें /
//     शुरू करो / शुरू, फिर से शुरू, सब्सक्राइब. Typed Latin STOP/START work too.
var (
	stopWords = []string{
		"stop", "stop all", "stopall", "unsubscribe", "opt out", "optout", "end", "quit", "stop messages",
		"退订", "取消订阅", "停止", "停止发送", "不要再发",
		"退訂", "取消訂閱", "停止傳送", "不要再傳",
		"dezabonare", "dezabonează-mă", "dezaboneaza ma", "renunț", "nu mai trimiteți", "nu mai trimiteti",
		"बंद करें", "बंद करो", "बंद", "रोकें", "रोको", "सदस्यता समाप्त", "अनसब्सक्राइब",
	}
	startWords = []string{
		"start", "unstop", "subscribe", "opt in", "optin", "resume",
		"订阅", "重新订阅", "开始",
		"訂閱", "重新訂閱", "開始",
		"abonare", "reabonare", "pornește",
		"शुरू करें", "शुरू करो", "शुरू", "फिर से शुरू", "सब्सक्राइब",
	}
	// politeWords may surround a command without changing it.
	politeWords = map[string]bool{"please": true, "pls": true, "plz": true, "thanks": true, "va rog": true, "vă rog": true,
		"谢谢": true, "謝謝": true, "请": true, "請": true, "कृपया": true}
	stopSet, startSet = foldSet(stopWords), foldSet(startWords)
	// politeFolded are politeWords normalized once, longest first.
	politeFolded = foldedPoliteWords()
	// stopCompact and startCompact map a command written in ideographs, with
	// the spaces folding puts between them removed, to its keyword.
	stopCompact, startCompact = compactSet(stopWords), compactSet(startWords)
)

// foldedPoliteWords normalizes politeWords, longest first so that a longer
// word is trimmed before a word it contains.
func foldedPoliteWords() []string {
	out := make([]string, 0, len(politeWords))
	for w := range politeWords {
		out = append(out, normalize(w))
	}
	slices.SortFunc(out, func(a, b string) int {
		if d := len(b) - len(a); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return slices.Compact(out)
}

// compactSet maps the space-free normalized form of every entry written in
// ideographs to the entry (the first one when two share a form).
func compactSet(words []string) map[string]string {
	out := map[string]string{}
	for _, w := range words {
		c := strings.ReplaceAll(normalize(w), " ", "")
		if _, seen := out[c]; !seen && hasIdeograph(c) {
			out[c] = w
		}
	}
	return out
}

// foldSet folds every entry the way messages are folded.
func foldSet(words []string) map[string]string {
	out := make(map[string]string, len(words))
	for _, w := range words {
		out[normalize(w)] = w
	}
	return out
}

// normalize folds text and keeps only letters, digits and marks, one space between words.
func normalize(text string) string {
	folded := textsearch.Fold(text)
	var b strings.Builder
	for _, r := range folded {
		if r == ' ' || isWordRune(r) {
			b.WriteRune(r)
		} else {
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// DetectCommand tells whether a whole message is a STOP or START command and
// returns the keyword as written in the list.
func DetectCommand(text string) (Command, string) {
	n := normalize(text)
	for _, p := range politeFolded {
		n = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(n, p+" "), " "+p))
	}
	if n == "" || len(n) > 80 {
		return CommandNone, ""
	}
	if w, ok := stopSet[n]; ok {
		return CommandStop, w
	}
	if w, ok := startSet[n]; ok {
		return CommandStart, w
	}
	// Chinese is folded one character per word: compare without spaces too.
	compact := strings.ReplaceAll(n, " ", "")
	if w, ok := stopCompact[compact]; ok {
		return CommandStop, w
	}
	if w, ok := startCompact[compact]; ok {
		return CommandStart, w
	}
	return CommandNone, ""
}

// hasIdeograph reports any Han/Kana/Hangul character.
func hasIdeograph(s string) bool {
	for _, r := range s {
		if textsearch.IsIdeographic(r) {
			return true
		}
	}
	return false
}

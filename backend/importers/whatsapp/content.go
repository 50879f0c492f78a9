package whatsapp

import (
	"path"
	"regexp"
	"strings"

	"creatordesk/backend/importers/archive"
	"creatordesk/backend/platforms"
)

// filePrefixes are the localised names WhatsApp gives an exported chat
// ("WhatsApp Chat with Ana.txt"), with the date order of that language's
// countries (empty when the language spans both orders, as English does).
var filePrefixes = []struct {
	prefix string
	order  archive.DateOrder
	lang   string
}{
	{"WhatsApp Chat with ", "", "English"},
	{"WhatsApp Chat - ", "", "English"},
	{"WhatsApp-Chat mit ", archive.DayFirst, "German"},
	{"Chat de WhatsApp con ", archive.DayFirst, "Spanish"},
	{"Conversa do WhatsApp com ", archive.DayFirst, "Portuguese"},
	{"Discussion WhatsApp avec ", archive.DayFirst, "French"},
	{"Chat WhatsApp con ", archive.DayFirst, "Italian"},
	{"WhatsApp-chat met ", archive.DayFirst, "Dutch"},
	{"WhatsApp Chat met ", archive.DayFirst, "Dutch"},
	{"Czat WhatsApp z ", archive.DayFirst, "Polish"},
	{"Conversație WhatsApp cu ", archive.DayFirst, "Romanian"},
	{"Чат WhatsApp с ", archive.DayFirst, "Russian"},
	{"WhatsApp Sohbeti: ", archive.DayFirst, "Turkish"},
}

// copySuffix matches the " (1)" a browser or file manager adds to a second download.
var copySuffix = regexp.MustCompile(`\s*\(\d+\)$`)

// titleFromName reads the chat title and a date-order hint from the file name.
func titleFromName(name string) (title string, hint archive.DateOrder, hintWhy string) {
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	for _, ext := range []string{".txt", ".zip", ".TXT", ".ZIP"} {
		base = strings.TrimSuffix(base, ext)
	}
	base = strings.TrimSpace(copySuffix.ReplaceAllString(base, ""))
	for _, p := range filePrefixes {
		if len(base) > len(p.prefix) && strings.EqualFold(base[:len(p.prefix)], p.prefix) {
			why := ""
			if p.order != "" {
				why = "the file name is in " + p.lang
			}
			return strings.TrimSpace(base[len(p.prefix):]), p.order, why
		}
	}
	if base == "_chat" || base == "." || base == "/" || base == "" {
		return "", "", ""
	}
	return base, "", ""
}

// mediaOmitted is the placeholder Android writes for media left out of an
// export, in the languages most exports come in.
var mediaOmitted = map[string]bool{
	"<Media omitted>":         true,
	"<Medien ausgeschlossen>": true,
	"<Multimedia omitido>":    true,
	"<Mídia oculta>":          true,
	"<Médias omis>":           true,
	"<Media omessi>":          true,
	"<Media weggelaten>":      true,
	"<Без медиафайлов>":       true,
}

// iosOmitted maps iOS's "image omitted" lines to attachment kinds.
var iosOmitted = map[string]string{
	"image omitted":        "photo",
	"video omitted":        "video",
	"audio omitted":        "voice",
	"sticker omitted":      "sticker",
	"GIF omitted":          "animation",
	"document omitted":     "document",
	"Contact card omitted": "contact",
}

// attachedSuffixes end Android's line for an exported file ("IMG-1.jpg (file attached)").
var attachedSuffixes = []string{" (file attached)", " (Datei angehängt)", " (archivo adjunto)", " (arquivo anexado)", " (fichier joint)", " (file allegato)"}

// attachment recognises a first line that stands for media and returns it; ok
// is false for ordinary text.
func attachment(line string) (platforms.Attachment, bool) {
	line = strings.TrimLeft(line, marks)
	if mediaOmitted[line] {
		return platforms.Attachment{Kind: "media"}, true
	}
	if kind, ok := iosOmitted[line]; ok {
		return platforms.Attachment{Kind: kind}, true
	}
	if name, ok := strings.CutPrefix(line, "<attached: "); ok && strings.HasSuffix(name, ">") {
		name = strings.TrimSuffix(name, ">")
		return platforms.Attachment{Kind: kindOf(name), Name: name}, true
	}
	for _, suffix := range attachedSuffixes {
		if name, ok := strings.CutSuffix(line, suffix); ok && name != "" && !strings.Contains(name, " ") {
			return platforms.Attachment{Kind: kindOf(name), Name: name}, true
		}
	}
	return platforms.Attachment{}, false
}

// kindOf guesses an attachment's kind from WhatsApp's file naming
// (IMG-…, VID-…, PTT-…, STK-…; iOS: …-PHOTO-…, …-VIDEO-…) and its extension.
func kindOf(name string) string {
	upper := strings.ToUpper(name)
	ext := strings.ToLower(path.Ext(name))
	switch {
	case strings.HasPrefix(upper, "STK-") || strings.Contains(upper, "-STICKER-") || ext == ".webp":
		return "sticker"
	case strings.HasPrefix(upper, "PTT-") || strings.Contains(upper, "-AUDIO-") || ext == ".opus":
		return "voice"
	case strings.HasPrefix(upper, "IMG-") || strings.Contains(upper, "-PHOTO-") || ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".heic":
		return "photo"
	case strings.HasPrefix(upper, "VID-") || strings.Contains(upper, "-VIDEO-") || ext == ".mp4" || ext == ".mov":
		return "video"
	case strings.HasPrefix(upper, "AUD-") || ext == ".m4a" || ext == ".mp3" || ext == ".aac" || ext == ".ogg":
		return "audio"
	case strings.Contains(upper, "-GIF-") || ext == ".gif":
		return "animation"
	case ext == ".vcf":
		return "contact"
	}
	return "document"
}

// deletedTexts are what a deleted message leaves in an export.
var deletedTexts = map[string]bool{
	"This message was deleted":  true,
	"This message was deleted.": true,
	"You deleted this message":  true,
	"You deleted this message.": true,
}

// editedMarker ends the text of an edited message in newer exports.
const editedMarker = "<This message was edited>"

// marks are the invisible direction marks WhatsApp puts around names, phone
// numbers and iOS's special lines, plus a byte order mark.
const marks = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"

// cleanAuthor normalises a sender: no direction marks, no "~ " that iOS puts
// before people who are not in the address book.
func cleanAuthor(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(marks, r) {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, "~"); ok {
		s = strings.TrimSpace(strings.TrimLeft(rest, " \u00a0\u202f"))
	}
	return s
}

// splitAuthor splits "Name: text" on the first line of a message. System lines
// ("Ana added Bob", "Messages and calls are end-to-end encrypted...") have no
// such name and report ok false.
func splitAuthor(first string) (author, text string, ok bool) {
	i := strings.Index(first, ": ")
	switch {
	case i > 0:
		author, text = first[:i], first[i+2:]
	case strings.HasSuffix(first, ":") && len(first) > 1:
		author = first[:len(first)-1]
	default:
		return "", "", false
	}
	// A colon inside a quoted group subject is no author separator.
	if strings.ContainsAny(author, "\"“”«»") || len([]rune(author)) > 80 {
		return "", "", false
	}
	author = cleanAuthor(author)
	return author, text, author != ""
}

// Package importers reads chat history exports into platforms.Message values
// for the local inbox: Telegram Desktop's result.json ("telegram-desktop"),
// WhatsApp's exported chat .txt or iOS .zip ("whatsapp") and Meta's "Download
// your information" JSON for Instagram and Facebook Messenger, one
// message_N.json or the whole .zip ("meta").
//
// A file is parsed completely before anything is returned: a file that is
// broken as a whole (not the format asked for, truncated JSON, an empty file, a
// zip without message files, no recognisable WhatsApp line) gives a
// *ParseError and no Archive, so the caller stores nothing; a single item that
// is not a message (a service event, a call, a deleted or unsent message) or
// cannot be read goes to Archive.Skipped with the reason.
//
// Ids are deterministic: importing the same file twice, or two overlapping
// exports of the same chats, yields the same ExternalIDs, which the store
// deduplicates per account (Archive.AccountID). Telegram keeps the connector's
// "<chat id>:<message id>"; WhatsApp and Meta, which have no message ids, hash
// (thread, time as written, author, text, occurrence index).
//
// Ambiguities, each resolved the same way every time and reported in
// Archive.Notes (details in each package's doc):
//   - Time zones: every SentAt is UTC. Formats that write local times without
//     a zone (WhatsApp; Telegram "date" when date_unixtime is missing) are read
//     in Options.Location, UTC when unset.
//   - WhatsApp day/month order: a date that can only be read one way decides
//     for the whole file; else Options.DateOrder; else the language of the file
//     name; else month-first for "/" dates with AM/PM, day-first otherwise.
//   - The owner (Direction out): Telegram's personal_information, else
//     Options.Owner, else the one user besides the other party in personal
//     chats; WhatsApp: Options.Owner only; Meta: Options.Owner, else the one
//     participant of every conversation in a zip. Otherwise all messages are in.
//   - Instagram or Facebook: Options.Platform, else the download's folders
//     (your_instagram_activity/, your_facebook_activity/...), else media paths,
//     else the file name; if nothing tells, a ParseError asks for it.
//
// Memory: JSON is streamed with encoding/json tokens, one message at a time; a
// WhatsApp file line by line; zips are read in place from an *os.File. Any one
// file is limited to 2 GiB. The parsed messages themselves are kept in memory.
package importers

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/importers/archive"
	"creatordesk/backend/importers/meta"
	"creatordesk/backend/importers/telegramdesktop"
	"creatordesk/backend/importers/whatsapp"
)

// Archive is everything one export file holds, fully parsed before anything is stored.
type Archive = archive.Archive

// Problem is one item of an export that was not imported, with where and why.
type Problem = archive.Problem

// ParseError is a file that cannot be imported at all: Where and Why say what to fix.
type ParseError = archive.ParseError

// Options tune a parse: owner name, time zone, WhatsApp date order, Meta platform.
type Options = archive.Options

// DateOrder resolves ambiguous WhatsApp dates: DayFirst ("dmy") or MonthFirst ("mdy").
type DateOrder = archive.DateOrder

// Date orders for Options.DateOrder.
const (
	DateOrderAuto = archive.DateOrderAuto
	DayFirst      = archive.DayFirst
	MonthFirst    = archive.MonthFirst
)

// Import kinds.
const (
	KindTelegramDesktop = telegramdesktop.Kind
	KindWhatsApp        = whatsapp.Kind
	KindMeta            = meta.Kind
)

// parsers maps each kind to its reader.
var parsers = map[string]func(io.Reader, string, archive.Options) (archive.Archive, error){
	KindTelegramDesktop: telegramdesktop.Parse,
	KindWhatsApp:        whatsapp.Parse,
	KindMeta:            meta.Parse,
}

// Kinds lists the import kinds Parse accepts.
func Kinds() []string {
	return []string{KindTelegramDesktop, KindWhatsApp, KindMeta}
}

// Parse reads one export file of the given kind with default options. name is
// the file's name (its base name is used for WhatsApp chat titles and for the
// Meta platform); it appears in errors.
func Parse(kind string, r io.Reader, name string) (Archive, error) {
	return ParseWith(kind, r, name, Options{})
}

// ParseWith reads one export file of the given kind.
func ParseWith(kind string, r io.Reader, name string, opts Options) (Archive, error) {
	parse, ok := parsers[kind]
	if !ok {
		return Archive{}, &ParseError{File: name, Where: "kind",
			Why: fmt.Sprintf("unknown import kind %q: say one of %s", kind, strings.Join(Kinds(), ", "))}
	}
	return parse(r, name, opts)
}

// ParseFile opens path and reads it (a zip is then read in place, not into memory).
func ParseFile(kind, path string, opts Options) (Archive, error) {
	f, err := os.Open(path)
	if err != nil {
		return Archive{}, &ParseError{File: filepath.Base(path), Where: "file", Why: "cannot open the file: " + err.Error()}
	}
	defer f.Close()
	return ParseWith(kind, f, filepath.Base(path), opts)
}

// ParseDateOrder reads a --date-order flag: "dmy", "mdy" or "" (automatic).
func ParseDateOrder(s string) (DateOrder, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return DateOrderAuto, nil
	case "dmy", "day-first":
		return DayFirst, nil
	case "mdy", "month-first":
		return MonthFirst, nil
	}
	return "", fmt.Errorf("unknown date order %q: say dmy (31/12/23) or mdy (12/31/23)", s)
}

// offsetZone matches fixed offsets such as +02:00, -0530, UTC+2.
var offsetZone = regexp.MustCompile(`^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$`)

// ParseZone reads a --tz flag: an IANA name ("Europe/Bucharest"), "UTC",
// "Local", or a fixed offset ("+02:00", "-0530", "UTC+2"). Empty means UTC.
func ParseZone(s string) (*time.Location, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.UTC, nil
	}
	if m := offsetZone.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[2])
		mins, _ := strconv.Atoi(m[3])
		if h > 14 || mins > 59 {
			return nil, fmt.Errorf("time zone offset %q is out of range", s)
		}
		off := h*3600 + mins*60
		if m[1] == "-" {
			off = -off
		}
		return time.FixedZone(s, off), nil
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q: give a name such as Europe/Bucharest or an offset such as +02:00", s)
	}
	return loc, nil
}

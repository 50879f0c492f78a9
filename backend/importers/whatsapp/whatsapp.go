// Package whatsapp reads WhatsApp's "Export chat" text file (Android's
// "WhatsApp Chat with Ana.txt", or the zip iOS makes with _chat.txt inside).
//
// Lines: a line that starts with a timestamp starts a message ("12/31/23, 9:41
// PM - Ana: text", "[31.12.23, 21:41:05] Ana: text", see parseHeader for every
// layout); any other line continues the message above it. A timestamped line
// without "Name: " is a system line (encryption notice, someone joined...) and
// goes to Skipped, as do iOS's system lines (text starting with U+200E that is
// not a media placeholder) and deleted messages. "<Media omitted>",
// "image omitted", "<attached: FILE>" and "FILE (file attached)" become an
// attachment; a caption on the following lines stays the text. The
// "<This message was edited>" marker of newer exports is removed.
//
// Dates: day/month order is decided once for the whole file. A date whose first
// number is above 12 proves day-first, one whose second number is above 12
// proves month-first (both in one file is an error unless an order is given).
// When no date decides, Options.DateOrder is used; else the language of the
// file name ("WhatsApp-Chat mit …" is German, so day-first); else month-first
// for "/" dates with AM/PM (the US layout) and day-first for everything else.
// Two-digit years are 20YY. Times are the phone's local time without a zone and
// are read in Options.Location (UTC when unset); the Notes say which.
//
// Ids: ThreadExternalID is the chat title (from the file name, else the name
// iOS puts on its system lines, else the participants) plus a hash of the
// sorted participants. ExternalID hashes (thread, local date and time as
// written, author, text, occurrence index), so re-importing a file, or an
// overlapping later export of the same chat, adds nothing twice.
//
// The file does not say who exported it: Options.Owner names that person; their
// messages are Direction out. Without it every message is Direction in.
package whatsapp

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"creatordesk/backend/importers/archive"
)

// Kind is this importer's kind name.
const Kind = "whatsapp"

// maxLine caps one line (WhatsApp messages hold at most 65,536 characters).
const maxLine = 4 << 20

// entry is one timestamped line and its continuation lines.
type entry struct {
	line  int
	h     header
	lines []string
}

// Parse reads one WhatsApp chat export.
func Parse(r io.Reader, name string, opts archive.Options) (archive.Archive, error) {
	in, err := archive.Open(r, name)
	if err != nil {
		return archive.Archive{}, err
	}
	src, inner := io.Reader(in.R), ""
	if in.IsZip {
		rc, entryName, err := chatInZip(in)
		if err != nil {
			return archive.Archive{}, err
		}
		defer rc.Close()
		src, inner = rc, entryName
	}
	entries, skipped, err := scan(src, name)
	if err != nil {
		return archive.Archive{}, err
	}
	return build(entries, skipped, name, inner, opts)
}

// chatInZip finds the chat text in an iOS export zip (_chat.txt).
func chatInZip(in *archive.Input) (io.ReadCloser, string, error) {
	zr, err := in.Zip()
	if err != nil {
		return nil, "", err
	}
	var txt []string
	for _, f := range zr.File {
		if strings.HasSuffix(strings.ToLower(f.Name), ".txt") && !strings.HasPrefix(f.Name, "__MACOSX/") {
			txt = append(txt, f.Name)
		}
	}
	sort.Slice(txt, func(i, j int) bool {
		ci, cj := strings.HasSuffix(txt[i], "_chat.txt"), strings.HasSuffix(txt[j], "_chat.txt")
		if ci != cj {
			return ci
		}
		return txt[i] < txt[j]
	})
	if len(txt) == 0 {
		return nil, "", archive.Errorf(in.Name, "zip", "the zip holds no .txt chat file (an iOS export has _chat.txt inside)")
	}
	f, err := zr.Open(txt[0])
	if err != nil {
		return nil, "", archive.Errorf(in.Name, txt[0], "this file of the zip cannot be opened (%v)", err)
	}
	return struct {
		io.Reader
		io.Closer
	}{archive.LimitReader(f, archive.MaxFileSize), f}, txt[0], nil
}

// scan splits the file into timestamped entries; lines before the first one are skipped.
func scan(src io.Reader, name string) ([]entry, []archive.Problem, error) {
	sc := bufio.NewScanner(src)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	var entries []entry
	var skipped []archive.Problem
	n := 0
	opening := ""
	for sc.Scan() {
		n++
		raw := sc.Text()
		if n == 1 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		raw = strings.ToValidUTF8(raw, "\ufffd")
		if opening == "" && strings.TrimSpace(raw) != "" {
			opening = fmt.Sprintf("%q", archive.Preview(raw, 60))
		}
		if h, ok := parseHeader(strings.TrimLeft(raw, marks)); ok {
			entries = append(entries, entry{line: n, h: h, lines: []string{h.rest}})
			continue
		}
		if len(entries) > 0 {
			last := &entries[len(entries)-1]
			last.lines = append(last.lines, raw)
		} else if strings.TrimSpace(raw) != "" {
			skipped = append(skipped, archive.Problem{Where: fmt.Sprintf("line %d", n), Why: "text before the first message: " + archive.Preview(raw, 60)})
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, nil, archive.Errorf(name, fmt.Sprintf("line %d", n+1), "the line is longer than 4 MiB: this is not a WhatsApp chat export")
		}
		return nil, nil, archive.ReadError(name, err)
	}
	if len(entries) == 0 && strings.HasPrefix(strings.Trim(opening, `"`), "{") {
		return nil, nil, archive.Errorf(name, "file",
			"this is a JSON file, not a WhatsApp chat export (a .txt): a Telegram Desktop result.json is imported as telegram-desktop, an Instagram or Facebook message_1.json as meta")
	}
	if len(entries) == 0 {
		return nil, nil, archive.Errorf(name, "file",
			"no line looks like a WhatsApp message (such as \"12/31/23, 9:41 PM - Ana: Hi\" or \"[31.12.23, 21:41:05] Ana: Hi\"); the file starts with %s. In WhatsApp open the chat, then More → Export chat → Without media", opening)
	}
	return entries, skipped, nil
}

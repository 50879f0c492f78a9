// Package archive holds the types every history importer shares: the parsed
// Archive, the per-item Problem, the file-level ParseError and the Options a
// user can give. Package importers re-exports them; the format packages
// (telegramdesktop, whatsapp, meta) produce them.
package archive

import (
	"fmt"
	"time"

	"creatordesk/backend/platforms"
)

// Archive is everything one export file holds, fully parsed before anything is stored.
type Archive struct {
	// Kind is the import kind that read the file: "telegram-desktop", "whatsapp" or "meta".
	Kind string
	// Platform is "telegram", "whatsapp", "instagram" or "facebook".
	Platform string
	// Owner is the person who exported (their messages are Direction out), when
	// the file or the options say who; else the zero Person.
	Owner platforms.Person
	// AccountName names the local account the archive goes into, e.g. "Telegram export (Ana Pop)".
	AccountName string
	// AccountID is a stable key for that account: the owner's platform id when the
	// file has one (Telegram), else the owner's name, else "export". Two imports
	// with the same AccountID belong in the same account, where ExternalIDs dedupe.
	AccountID string
	// Messages are the importable messages, in the file's chronological order.
	Messages []platforms.Message
	// Skipped lists items that were not messages (service events, calls, deleted
	// or unsent messages) or could not be read, each with the reason.
	Skipped []Problem
	// Notes explain decisions the importer took on the user's behalf (date order,
	// time zone, who the owner is, which platform), for the caller to show.
	Notes []string
}

// Problem is one item of an export that was not imported.
type Problem struct {
	// Where locates the item: "message 1234", "chat 42 message 7", "line 87", ...
	Where string
	// Why says in plain words why it was left out.
	Why string
}

// String renders the problem as "where: why".
func (p Problem) String() string { return p.Where + ": " + p.Why }

// ParseError is a file that cannot be imported at all (wrong format, truncated
// JSON, no recognisable line...). Nothing of such a file should be stored.
type ParseError struct {
	// File is the name the caller gave for the file (may be empty).
	File string
	// Where locates the fault: "byte 1834", "line 1", "zip", "file".
	Where string
	// Why is a sentence a user can act on.
	Why string
}

// Error renders "import FILE: WHERE: WHY".
func (e *ParseError) Error() string {
	file := e.File
	if file == "" {
		file = "file"
	}
	return fmt.Sprintf("import %s: %s: %s", file, e.Where, e.Why)
}

// Errorf builds a *ParseError for the named file.
func Errorf(file, where, format string, args ...any) *ParseError {
	return &ParseError{File: file, Where: where, Why: fmt.Sprintf(format, args...)}
}

// DateOrder says how to read the first two numbers of an ambiguous date such as 03/04/23.
type DateOrder string

// Date orders.
const (
	// DateOrderAuto decides from the file (see package whatsapp).
	DateOrderAuto DateOrder = ""
	// DayFirst reads 03/04/23 as 3 April 2023.
	DayFirst DateOrder = "dmy"
	// MonthFirst reads 03/04/23 as 4 March 2023.
	MonthFirst DateOrder = "mdy"
)

// Options tune a parse. The zero value is valid: UTC, automatic date order,
// owner and platform taken from the file when it says.
type Options struct {
	// Owner is the exporter's display name as it appears in the file. WhatsApp
	// and Meta files do not say who exported them; without it every message is
	// Direction in (unless the importer can tell, see each package). For Telegram
	// it is used only when the file has no personal_information.
	Owner string
	// Location is the time zone of timestamps written without one (WhatsApp
	// lines, Telegram dates without date_unixtime). Nil means UTC.
	Location *time.Location
	// DateOrder resolves WhatsApp dates when the file itself cannot.
	DateOrder DateOrder
	// Platform forces "instagram" or "facebook" for a Meta download.
	Platform string
}

// Loc returns the options' time zone, UTC when unset.
func (o Options) Loc() *time.Location {
	if o.Location == nil {
		return time.UTC
	}
	return o.Location
}

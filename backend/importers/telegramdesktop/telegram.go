// Package telegramdesktop reads a Telegram Desktop "Export chat history" JSON
// file (result.json): a single-chat export {name, type, id, messages} or a full
// export {personal_information, chats: {list: [...]}, left_chats: {list: [...]}}.
//
// The file is streamed with encoding/json tokens, one message at a time.
//
// Ids follow the Telegram connector's scheme: ThreadExternalID is the Bot API
// chat id ("<id>" for people and bots, "-<id>" for basic groups, "-100<id>"
// for supergroups and channels; the export writes the bare id plus the chat
// type) and ExternalID is "<chat id>:<message id>". Authors' ExternalIDs map
// from_id the same way ("user123" → "123", "channel9" → "-1009").
//
// Times: date_unixtime (written by newer Telegram Desktop versions) is exact.
// Older files only have "date", the exporting computer's local time without a
// zone; it is then read in Options.Location (UTC when unset) and a Note says so.
// "edited"/"edited_unixtime" become EditedAt the same way.
//
// Service messages (calls, joins, pins...), messages Telegram Desktop could
// not export, messages without text or media, repeated ids and unreadable
// messages go to Skipped with the reason. Text given as a list of strings and
// {type, text} entities is flattened to its visible text.
//
// The owner (Direction out) is, in order: personal_information.user_id (full
// exports); else the author whose name equals Options.Owner; else, from the
// personal chats (whose id is the other person's user id), the one user who
// writes in them besides that person. When none applies every message is in.
package telegramdesktop

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"creatordesk/backend/importers/archive"
	"creatordesk/backend/importers/internal/jsonwalk"
	"creatordesk/backend/platforms"
)

// Kind is this importer's kind name.
const Kind = "telegram-desktop"

// what names the expected file in error messages.
const what = "a Telegram Desktop export (result.json)"

// personalInfo is the exporter's own profile in a full export.
type personalInfo struct {
	UserID    json.Number `json:"user_id"`
	FirstName string      `json:"first_name"`
	LastName  string      `json:"last_name"`
	Username  string      `json:"username"`
}

// parser accumulates one file's chats.
type parser struct {
	name     string
	opts     archive.Options
	dec      *jsonwalk.Decoder
	full     bool // a full export: messages are located as "chat N message M"
	personal *personalInfo
	chats    []*chat
	skipped  []archive.Problem
	notes    []string
	zoneless int // messages dated without date_unixtime
}

// Parse reads one Telegram Desktop JSON export.
func Parse(r io.Reader, name string, opts archive.Options) (archive.Archive, error) {
	in, err := archive.Open(r, name)
	if err != nil {
		return archive.Archive{}, err
	}
	if in.IsZip {
		return archive.Archive{}, zipError(in)
	}
	in.SkipBOM()
	if !in.LooksLikeJSON() {
		return archive.Archive{}, archive.Errorf(name, "line 1",
			"this is not JSON (it starts with %s), so it is not %s; in Telegram Desktop choose Export chat history, format JSON", in.Opening(), what)
	}
	p := &parser{name: name, opts: opts, dec: jsonwalk.New(in.R)}
	if err := p.top(); err != nil {
		return archive.Archive{}, jsonwalk.FileError(name, p.dec, err, what)
	}
	if _, err := p.dec.Token(); err != io.EOF {
		return archive.Archive{}, archive.Errorf(name, p.dec.Where(p.dec.InputOffset()),
			"there is more data after the end of the JSON document: is this several files joined together?")
	}
	return p.archive()
}

// zipError explains what to do with a zip given as a Telegram export.
func zipError(in *archive.Input) error {
	why := "this is a zip archive, not a Telegram Desktop result.json"
	if zr, err := in.Zip(); err == nil {
	entries:
		for _, f := range zr.File {
			switch {
			case strings.HasSuffix(f.Name, "result.json"):
				why = "this is a zip archive: unzip it and import the result.json inside"
			case strings.Contains(f.Name, "messages/inbox/"):
				why = "this is an Instagram or Facebook download: import it as meta"
			case strings.HasSuffix(f.Name, "_chat.txt"):
				why = "this is a WhatsApp chat export: import it as whatsapp"
			default:
				continue
			}
			break entries
		}
	}
	return archive.Errorf(in.Name, "file", "%s", why)
}

// top walks the document's outer object.
func (p *parser) top() error {
	var single chat
	seen := map[string]bool{}
	err := jsonwalk.Object(p.dec, func(key string) error {
		seen[key] = true
		switch key {
		case "personal_information":
			var pi personalInfo
			if err := p.dec.Decode(&pi); err != nil {
				if jsonwalk.StreamBroken(err) {
					return err
				}
				p.skip("personal_information", "it cannot be read ("+jsonwalk.Explain(err)+"), so the owner is not taken from it")
				return nil
			}
			p.personal = &pi
			return nil
		case "chats", "left_chats":
			p.full = true
			return p.chatList()
		case "participants", "thread_path":
			return archive.Errorf(p.name, "file", "this looks like an Instagram or Facebook message file (it has %q), not %s: import it as meta", key, what)
		}
		if ok, err := single.field(p, key); ok {
			return err
		}
		return jsonwalk.Skip(p.dec)
	})
	if err != nil {
		return err
	}
	switch {
	case seen["messages"] && !p.full:
		if !single.hasID {
			return archive.Errorf(p.name, "file", "the chat has no \"id\", so its messages cannot be given stable ids; is this file complete?")
		}
		p.chats = append(p.chats, &single)
	case !p.full:
		return archive.Errorf(p.name, "file", "there is neither a \"messages\" list (single-chat export) nor a \"chats\" list (full export): this is not %s", what)
	}
	return nil
}

// chatList walks {"about": ..., "list": [chat, ...]}.
func (p *parser) chatList() error {
	return jsonwalk.Object(p.dec, func(key string) error {
		if key != "list" {
			return jsonwalk.Skip(p.dec)
		}
		return jsonwalk.Array(p.dec, func(i int) error {
			c := &chat{}
			err := jsonwalk.Object(p.dec, func(key string) error {
				if ok, err := c.field(p, key); ok {
					return err
				}
				return jsonwalk.Skip(p.dec)
			})
			var shape *jsonwalk.ShapeError
			if errors.As(err, &shape) {
				p.skip(fmt.Sprintf("chat #%d", i+1), "not a chat object ("+shape.Error()+")")
				return nil
			}
			if err != nil {
				return err
			}
			if !c.hasID {
				if len(c.raw) > 0 {
					p.skip(fmt.Sprintf("chat #%d (%s)", i+1, c.title()), fmt.Sprintf("the chat has no id; its %d messages were left out", len(c.raw)))
				}
				return nil
			}
			p.chats = append(p.chats, c)
			return nil
		})
	})
}

// skip records an item that was not imported.
func (p *parser) skip(where, why string) {
	p.skipped = append(p.skipped, archive.Problem{Where: where, Why: why})
}

// archive converts the collected chats and decides the owner.
func (p *parser) archive() (archive.Archive, error) {
	a := archive.Archive{Kind: Kind, Platform: "telegram"}
	seen := map[string]bool{}
	for _, c := range p.chats {
		for _, m := range c.raw {
			msg, ok := p.convert(c, m)
			if !ok {
				continue
			}
			if seen[msg.ExternalID] {
				p.skip(p.where(c, m), "the same message id appears twice in this chat; the first one was kept")
				continue
			}
			seen[msg.ExternalID] = true
			a.Messages = append(a.Messages, msg)
		}
		c.raw = nil
	}
	owner, how := p.owner(a.Messages)
	if owner.ExternalID != "" {
		a.Owner = owner
		a.AccountID = owner.ExternalID
		a.AccountName = "Telegram export (" + ownerLabel(owner) + ")"
		for i := range a.Messages {
			if a.Messages[i].Author.ExternalID == owner.ExternalID {
				a.Messages[i].Direction = platforms.DirectionOut
			}
		}
		p.notes = append(p.notes, how)
	} else {
		a.AccountID = "export"
		a.AccountName = "Telegram export"
		p.notes = append(p.notes, "the file does not say who exported it and no owner was given: every message is imported as received")
	}
	if p.zoneless > 0 {
		p.notes = append(p.notes, fmt.Sprintf("%d messages have no date_unixtime; their local times were read in the %s time zone", p.zoneless, p.opts.Loc()))
	}
	a.Skipped, a.Notes = p.skipped, p.notes
	return a, nil
}

package whatsapp

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"creatordesk/backend/importers/archive"
	"creatordesk/backend/platforms"
)

// pending is a message whose thread id is not known yet.
type pending struct {
	line        int
	author      string
	text        string // the text as imported
	raw         string // the text as written, for the id
	wall        string // local date and time as written, normalised
	sent        time.Time
	attachments []platforms.Attachment
	edited      bool
}

// readEntry turns one timestamped entry into a message, or says why it is none.
// system is the name an iOS system line is attributed to.
func readEntry(e entry, order archive.DateOrder, loc *time.Location) (m pending, why, system string) {
	y, mo, d, hh, mi, ss, ok := wallClock(e.h, order)
	if !ok {
		return m, "the date or time is impossible when read " + orderWords(order), ""
	}
	author, first, ok := splitAuthor(e.lines[0])
	if !ok {
		return m, "a system message, not a message: " + archive.Preview(strings.Join(e.lines, " "), 80), ""
	}
	raw := strings.TrimRight(strings.Join(append([]string{first}, e.lines[1:]...), "\n"), " \t\r\n")
	m = pending{line: e.line, author: author, raw: raw, text: raw,
		wall: fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, hh, mi, ss),
		sent: time.Date(y, time.Month(mo), d, hh, mi, ss, 0, loc).UTC()}
	switch att, isAtt := attachment(first); {
	case isAtt:
		m.attachments = []platforms.Attachment{att}
		m.text = strings.TrimSpace(strings.Join(e.lines[1:], "\n"))
	case deletedTexts[strings.Trim(raw, marks)]:
		return m, "a deleted message (nothing left to import)", ""
	case strings.HasPrefix(first, "\u200e"):
		return m, "a system message, not a message: " + archive.Preview(strings.Trim(raw, marks), 80), author
	}
	if t, ok := strings.CutSuffix(m.text, editedMarker); ok {
		m.text, m.edited = strings.TrimRight(t, " \t\n"), true
	}
	if m.text == "" && len(m.attachments) == 0 {
		return m, "an empty message", ""
	}
	return m, "", ""
}

// build resolves dates, authors and ids.
func build(entries []entry, skipped []archive.Problem, name, inner string, opts archive.Options) (archive.Archive, error) {
	title, hint, hintWhy := titleFromName(name)
	if title == "" && inner != "" {
		title, hint, hintWhy = titleFromName(inner)
	}
	var ev evidence
	for _, e := range entries {
		ev.gather(e.h, e.line)
	}
	order, orderNote, err := decideOrder(ev, opts.DateOrder, hint, hintWhy, name)
	if err != nil {
		return archive.Archive{}, err
	}
	msgs := make([]pending, 0, len(entries))
	iosTitle := ""
	edited := 0
	for _, e := range entries {
		m, why, system := readEntry(e, order, opts.Loc())
		if why != "" {
			// iOS writes its system lines as if the chat (its name) had sent them.
			if system != "" && iosTitle == "" {
				iosTitle = system
			}
			skipped = append(skipped, archive.Problem{Where: fmt.Sprintf("line %d", e.line), Why: why})
			continue
		}
		if m.edited {
			edited++
		}
		msgs = append(msgs, m)
	}
	return assemble(msgs, skipped, title, iosTitle, orderNote, edited, opts)
}

// assemble names the thread, sets directions and ids.
func assemble(msgs []pending, skipped []archive.Problem, title, iosTitle, orderNote string, edited int, opts archive.Options) (archive.Archive, error) {
	owner := cleanAuthor(opts.Owner)
	set := map[string]bool{}
	ownerSeen := false
	for _, m := range msgs {
		set[m.author] = true
		if owner != "" && strings.EqualFold(m.author, owner) {
			owner, ownerSeen = m.author, true
		}
	}
	participants := make([]string, 0, len(set))
	for p := range set {
		participants = append(participants, p)
	}
	sort.Strings(participants)
	if title == "" {
		title = iosTitle
	}
	if title == "" {
		var others []string
		for _, p := range participants {
			if p != owner {
				others = append(others, p)
			}
		}
		title = strings.Join(others, ", ")
	}
	if title == "" {
		title = "WhatsApp chat"
	}
	thread := title + "#" + archive.HashID(participants...)[:12]

	a := archive.Archive{Kind: Kind, Platform: "whatsapp", AccountID: "export", AccountName: "WhatsApp export", Skipped: skipped}
	a.Notes = append(a.Notes, orderNote, "times are the exporting phone's local time, read in the "+opts.Loc().String()+" time zone")
	switch {
	case ownerSeen:
		a.Owner = platforms.Person{ExternalID: owner, DisplayName: owner}
		a.AccountID, a.AccountName = owner, "WhatsApp export ("+owner+")"
		a.Notes = append(a.Notes, "messages by "+owner+" are imported as sent")
	case owner != "":
		a.Notes = append(a.Notes, "nobody named "+fmt.Sprintf("%q", owner)+" wrote in this chat: every message is imported as received")
	default:
		a.Notes = append(a.Notes, "a WhatsApp export does not say who made it and no owner was given: every message is imported as received")
	}
	if edited > 0 {
		a.Notes = append(a.Notes, fmt.Sprintf("edited messages: %d; the export keeps only their last text, without the time of the edit", edited))
	}
	seen := archive.Occurrences{}
	a.Messages = make([]platforms.Message, 0, len(msgs))
	for _, m := range msgs {
		occ := seen.Next(thread, m.wall, m.author, m.raw)
		dir := platforms.DirectionIn
		if ownerSeen && m.author == owner {
			dir = platforms.DirectionOut
		}
		a.Messages = append(a.Messages, platforms.Message{
			ExternalID:       archive.HashID(thread, m.wall, m.author, m.raw, fmt.Sprint(occ)),
			ThreadExternalID: thread,
			ThreadKind:       platforms.ThreadDM,
			ThreadTitle:      title,
			Author:           platforms.Person{ExternalID: m.author, DisplayName: m.author},
			Direction:        dir,
			Text:             m.text,
			SentAt:           m.sent,
			Attachments:      m.attachments,
		})
	}
	return a, nil
}

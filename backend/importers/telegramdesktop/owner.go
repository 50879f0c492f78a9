package telegramdesktop

import (
	"strconv"
	"strings"

	"creatordesk/backend/platforms"
)

// ownerLabel is the owner's name, else @username, else id.
func ownerLabel(o platforms.Person) string {
	switch {
	case o.DisplayName != "":
		return o.DisplayName
	case o.Handle != "":
		return "@" + o.Handle
	}
	return o.ExternalID
}

// owner decides who exported the file (see the package doc) and says how.
func (p *parser) owner(msgs []platforms.Message) (platforms.Person, string) {
	if pi := p.personal; pi != nil {
		if id, err := strconv.ParseInt(string(pi.UserID), 10, 64); err == nil && id > 0 {
			o := platforms.Person{
				ExternalID:  strconv.FormatInt(id, 10),
				Handle:      strings.TrimPrefix(pi.Username, "@"),
				DisplayName: strings.TrimSpace(pi.FirstName + " " + pi.LastName),
			}
			return o, "the owner is the exporting account from personal_information (" + ownerLabel(o) + ")"
		}
	}
	if want := strings.TrimSpace(p.opts.Owner); want != "" {
		for _, m := range msgs {
			if strings.EqualFold(m.Author.DisplayName, want) && m.Author.ExternalID != "" {
				return m.Author, "the owner is " + m.Author.DisplayName + ", as given"
			}
		}
		p.notes = append(p.notes, "nobody named "+strconv.Quote(want)+" wrote in this file")
	}
	// In a personal chat the chat id is the other person's user id, so any other
	// user writing there is the exporter.
	personal := map[string]bool{}
	for _, c := range p.chats {
		if c.Type == "personal_chat" {
			personal[c.threadID()] = true
		}
	}
	candidates := map[string]platforms.Person{}
	for _, m := range msgs {
		if personal[m.ThreadExternalID] && m.Author.ExternalID != m.ThreadExternalID &&
			m.Author.ExternalID != "" && !strings.HasPrefix(m.Author.ExternalID, "-") {
			if _, ok := candidates[m.Author.ExternalID]; !ok {
				candidates[m.Author.ExternalID] = m.Author
			}
		}
	}
	if len(candidates) == 1 {
		for _, o := range candidates {
			return o, "the owner is " + ownerLabel(o) + ": the one person besides the other party who writes in the personal chats"
		}
	}
	return platforms.Person{}, ""
}

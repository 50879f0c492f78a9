package telegramdesktop

import (
	"encoding/json"
	"fmt"
	"strconv"

	"creatordesk/backend/importers/internal/jsonwalk"
	"creatordesk/backend/platforms"
)

// chat is one exported chat while its messages are read.
type chat struct {
	Name  string
	Type  string
	bare  int64 // the export's bare id
	hasID bool
	raw   []tgMessage
}

// field reads one key of a chat object; it reports false for keys it does not
// know (the caller skips their values). A mistyped chat field is recorded in
// Skipped; only a broken stream is returned.
func (c *chat) field(p *parser, key string) (bool, error) {
	var err error
	switch key {
	case "name":
		var s *string
		if err = p.dec.Decode(&s); err == nil && s != nil {
			c.Name = *s
		}
	case "type":
		var s *string
		if err = p.dec.Decode(&s); err == nil && s != nil {
			c.Type = *s
		}
	case "id":
		var n json.Number
		if err = p.dec.Decode(&n); err == nil {
			id, perr := strconv.ParseInt(string(n), 10, 64)
			c.bare, c.hasID = id, perr == nil && id != 0
		}
	case "messages":
		err = jsonwalk.Array(p.dec, func(i int) error {
			var m tgMessage
			if err := p.dec.Decode(&m); err != nil {
				if jsonwalk.StreamBroken(err) {
					return err
				}
				m = tgMessage{ID: m.ID, bad: jsonwalk.Explain(err)}
			}
			m.index = i + 1
			c.raw = append(c.raw, m)
			return nil
		})
	default:
		return false, nil
	}
	if err != nil {
		if jsonwalk.StreamBroken(err) {
			return true, err
		}
		p.skip("chat "+c.title(), fmt.Sprintf("the chat's %q cannot be read (%s)", key, jsonwalk.Explain(err)))
	}
	return true, nil
}

// threadID is the chat's id as the Bot API writes it (see the package doc).
func (c *chat) threadID() string {
	switch c.Type {
	case "private_group":
		return strconv.FormatInt(-c.bare, 10)
	case "private_supergroup", "public_supergroup", "private_channel", "public_channel":
		return "-100" + strconv.FormatInt(c.bare, 10)
	}
	return strconv.FormatInt(c.bare, 10)
}

// title is the chat's name, or a stand-in for the chats the export leaves unnamed.
func (c *chat) title() string {
	switch {
	case c.Name != "":
		return c.Name
	case c.Type == "saved_messages":
		return "Saved Messages"
	case c.Type == "replies":
		return "Replies"
	case c.hasID:
		return "chat " + strconv.FormatInt(c.bare, 10)
	}
	return "without a name"
}

// where locates a message for Skipped.
func (p *parser) where(c *chat, m tgMessage) string {
	id := string(m.ID)
	if _, err := strconv.ParseInt(id, 10, 64); err != nil {
		id = fmt.Sprintf("at position %d", m.index)
	}
	if p.full {
		return fmt.Sprintf("chat %d message %s", c.bare, id)
	}
	return "message " + id
}

// convert maps one exported message, or records why it was left out.
func (p *parser) convert(c *chat, m tgMessage) (platforms.Message, bool) {
	where := p.where(c, m)
	if m.bad != "" {
		p.skip(where, "the message cannot be read ("+m.bad+")")
		return platforms.Message{}, false
	}
	id, err := strconv.ParseInt(string(m.ID), 10, 64)
	if err != nil || id <= 0 {
		p.skip(where, "the message has no id")
		return platforms.Message{}, false
	}
	switch m.Type {
	case "message":
	case "service":
		why := "a service message, not a message"
		if m.Action != "" {
			why = "a service message (" + m.Action + "), not a message"
		}
		p.skip(where, why)
		return platforms.Message{}, false
	case "unsupported":
		p.skip(where, "Telegram Desktop could not export this kind of message")
		return platforms.Message{}, false
	default:
		p.skip(where, fmt.Sprintf("unknown message type %q", m.Type))
		return platforms.Message{}, false
	}
	sent, zoneless, ok := parseTime(m.DateUnix, m.Date, p.opts.Loc())
	if !ok {
		p.skip(where, "the message has no readable date")
		return platforms.Message{}, false
	}
	text, err := flatten(m.Text)
	if err == nil && len(m.Text) == 0 {
		text, err = flatten(m.Entities)
	}
	if err != nil {
		p.skip(where, err.Error())
		return platforms.Message{}, false
	}
	thread := c.threadID()
	msg := platforms.Message{
		ExternalID:       thread + ":" + strconv.FormatInt(id, 10),
		ThreadExternalID: thread,
		ThreadKind:       platforms.ThreadDM,
		ThreadTitle:      c.title(),
		Author:           author(m),
		Direction:        platforms.DirectionIn,
		Text:             text,
		SentAt:           sent,
		Attachments:      attachments(m),
	}
	if msg.Text == "" && len(msg.Attachments) == 0 {
		p.skip(where, "the message has no text or media to import")
		return platforms.Message{}, false
	}
	if zoneless {
		p.zoneless++
	}
	if edited, _, ok := parseTime(m.EditedUnix, m.Edited, p.opts.Loc()); ok {
		msg.EditedAt = &edited
	}
	if r, err := strconv.ParseInt(string(m.ReplyTo), 10, 64); err == nil && r > 0 {
		peer := thread
		if id, ok := peerID(m.ReplyPeer); ok {
			peer = id
		}
		msg.ReplyToExternalID = peer + ":" + strconv.FormatInt(r, 10)
	}
	return msg, true
}

// author is the sender; the export writes a null name for deleted accounts.
func author(m tgMessage) platforms.Person {
	a := platforms.Person{}
	if id, ok := peerID(m.FromID); ok {
		a.ExternalID = id
	} else {
		a.ExternalID = m.FromID
	}
	if m.From != nil {
		a.DisplayName = *m.From
	}
	if a.DisplayName == "" && a.ExternalID != "" {
		a.DisplayName = "Deleted Account"
	}
	return a
}

package telegram

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// decodedUpdate is what one raw getUpdates item yields.
type decodedUpdate struct {
	// id is the update_id; hasID is false when it could not be read.
	id    int64
	hasID bool
	// msg is nil for update types this connector does not map.
	msg *platforms.Message
}

// origin tells which update field carried a message.
type origin struct {
	edited, channel, business bool
}

// decodeUpdate decodes one getUpdates item. botID is the bot's own user id
// (0 if unknown). On error the update_id is still reported when readable, so
// the caller can log it and move the cursor past the item.
func decodeUpdate(raw []byte, botID int64) (decodedUpdate, error) {
	var u apiUpdate
	if err := json.Unmarshal(raw, &u); err != nil {
		id, ok := readUpdateID(raw)
		return decodedUpdate{id: id, hasID: ok}, err
	}
	if u.UpdateID == nil {
		return decodedUpdate{}, errors.New("missing update_id")
	}
	d := decodedUpdate{id: *u.UpdateID, hasID: true}
	m, o := u.payload()
	if m == nil {
		return d, nil
	}
	msg, err := mapMessage(m, o, botID)
	if err != nil {
		return d, err
	}
	d.msg = &msg
	return d, nil
}

// readUpdateID reads only update_id from an item that failed to decode as a whole.
func readUpdateID(raw []byte) (int64, bool) {
	var head struct {
		UpdateID *int64 `json:"update_id"`
	}
	if json.Unmarshal(raw, &head) != nil || head.UpdateID == nil {
		return 0, false
	}
	return *head.UpdateID, true
}

// payload returns the message an update carries and where it came from.
func (u *apiUpdate) payload() (*apiMessage, origin) {
	for _, p := range []struct {
		m *apiMessage
		o origin
	}{
		{u.Message, origin{}},
		{u.EditedMessage, origin{edited: true}},
		{u.ChannelPost, origin{channel: true}},
		{u.EditedChannelPost, origin{edited: true, channel: true}},
		{u.BusinessMessage, origin{business: true}},
		{u.EditedBusinessMessage, origin{edited: true, business: true}},
	} {
		if p.m != nil {
			return p.m, p.o
		}
	}
	return nil, origin{}
}

// mapMessage turns a Telegram Message into a platforms.Message.
func mapMessage(m *apiMessage, o origin, botID int64) (platforms.Message, error) {
	switch {
	case m.Chat == nil || m.Chat.ID == 0:
		return platforms.Message{}, errors.New("message without chat id")
	case m.MessageID <= 0:
		return platforms.Message{}, errors.New("message without message_id")
	case m.Date <= 0:
		return platforms.Message{}, errors.New("message without date")
	}
	text := m.Text
	if text == "" {
		text = m.Caption
	}
	msg := platforms.Message{
		ExternalID:       messageKey(m.Chat.ID, m.MessageID),
		ThreadExternalID: strconv.FormatInt(m.Chat.ID, 10),
		ThreadKind:       platforms.ThreadDM,
		ThreadTitle:      chatTitle(m.Chat),
		Author:           author(m),
		Direction:        direction(m, o, botID),
		Text:             text,
		SentAt:           time.Unix(m.Date, 0).UTC(),
		Attachments:      attachments(m),
	}
	if o.edited {
		// edit_date is always sent with an edit; if it is not, the edit still counts.
		edited := m.EditDate
		if edited <= 0 {
			edited = m.Date
		}
		t := time.Unix(edited, 0).UTC()
		msg.EditedAt = &t
	}
	if r := m.ReplyToMessage; r != nil && r.MessageID > 0 {
		chatID := m.Chat.ID
		if r.Chat != nil && r.Chat.ID != 0 {
			chatID = r.Chat.ID
		}
		msg.ReplyToExternalID = messageKey(chatID, r.MessageID)
	}
	return msg, nil
}

// direction tells the account's own messages from received ones. Channel posts
// come from a channel the bot administers, so they are the account's own output.
// In a private chat the chat id is the other person's user id, so a business
// message from anyone else was written by the business account's owner.
func direction(m *apiMessage, o origin, botID int64) platforms.Direction {
	switch {
	case o.channel,
		m.From != nil && botID != 0 && m.From.ID == botID,
		o.business && m.From != nil && m.Chat.Type == "private" && m.From.ID != m.Chat.ID:
		return platforms.DirectionOut
	default:
		return platforms.DirectionIn
	}
}

// author is the chat a message was sent on behalf of, else its sender, else its chat.
func author(m *apiMessage) platforms.Person {
	switch {
	case m.SenderChat != nil:
		return chatPerson(m.SenderChat)
	case m.From != nil:
		return platforms.Person{
			ExternalID:  strconv.FormatInt(m.From.ID, 10),
			Handle:      m.From.Username,
			DisplayName: fullName(m.From.FirstName, m.From.LastName),
			Language:    m.From.LanguageCode,
			IsBot:       m.From.IsBot,
		}
	default:
		return chatPerson(m.Chat)
	}
}

// chatPerson describes a chat acting as an author (a channel, an anonymous admin).
func chatPerson(c *apiChat) platforms.Person {
	return platforms.Person{
		ExternalID:  strconv.FormatInt(c.ID, 10),
		Handle:      c.Username,
		DisplayName: chatTitle(c),
	}
}

// chatTitle is a group's title, else the other person's name, else their @username.
func chatTitle(c *apiChat) string {
	if c.Title != "" {
		return c.Title
	}
	if name := fullName(c.FirstName, c.LastName); name != "" {
		return name
	}
	if c.Username != "" {
		return "@" + c.Username
	}
	return ""
}

// fullName joins a first and last name, either of which may be empty.
func fullName(first, last string) string {
	return strings.TrimSpace(first + " " + last)
}

package telegramfake

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// AddMessage queues a "message" update from user from in chat and returns its
// update_id. The fake remembers the chat, so the bot can answer it. Message ids
// count up from 1 in each chat, shared with the bot's own sent messages.
func (s *Server) AddMessage(chat Chat, from User, text string, at time.Time) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	chat = s.rememberChatLocked(chat)
	m := message{MessageID: s.nextMessageIDLocked(chat.ID), From: &from, Chat: chat, Date: at.Unix(), Text: text}
	s.messages[msgKey{chat.ID, m.MessageID}] = m
	return s.queueLocked(update{Message: &m})
}

// EditMessage queues an "edited_message" update giving a known message
// newText, edited at at, and returns its update_id.
func (s *Server) EditMessage(chatID, messageID int64, newText string, at time.Time) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.messages[msgKey{chatID, messageID}]
	if !ok {
		return 0, fmt.Errorf("telegramfake: no message %d in chat %d", messageID, chatID)
	}
	m.Text, m.EditDate = newText, at.Unix()
	s.messages[msgKey{chatID, messageID}] = m
	return s.queueLocked(update{EditedMessage: &m}), nil
}

// AddRawUpdate queues raw verbatim, for malformed or unusual updates, and
// returns the update_id the fake files it under. A JSON object without
// update_id gets the next id added; a numeric update_id is used as is;
// anything else (not an object, a non-numeric id) stays unchanged under the
// next id, which clients cannot read. Chats in message-like fields are
// remembered so the bot can answer them. It panics if raw is not valid JSON:
// that would break the whole response (TruncateNext simulates that instead).
func (s *Server) AddRawUpdate(raw json.RawMessage) int64 {
	if !json.Valid(raw) {
		panic("telegramfake: AddRawUpdate needs valid JSON")
	}
	raw = slices.Clone(raw)
	s.mu.Lock()
	defer s.mu.Unlock()
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil || obj == nil {
		id := s.takeIDLocked()
		s.enqueueLocked(id, raw)
		return id
	}
	s.learnChatsLocked(obj)
	idRaw, has := obj["update_id"]
	var id *int64
	if has && json.Unmarshal(idRaw, &id) == nil && id != nil {
		s.enqueueLocked(*id, raw)
		return *id
	}
	next := s.takeIDLocked()
	if !has {
		obj["update_id"] = json.RawMessage(strconv.FormatInt(next, 10))
		raw, _ = json.Marshal(obj) // re-encoding decoded JSON cannot fail
	}
	s.enqueueLocked(next, raw)
	return next
}

// Sent returns the messages the bot has sent, oldest first.
func (s *Server) Sent() []SentMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.sent)
}

// Pending returns how many updates are not yet confirmed by an offset.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue)
}

// Polling reports whether a getUpdates call is in progress (for example
// waiting in a long poll), so tests can act while one is.
func (s *Server) Polling() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.polling
}

// queueLocked assigns the next update_id to u and queues it.
func (s *Server) queueLocked(u update) int64 {
	u.UpdateID = s.takeIDLocked()
	raw, _ := json.Marshal(u) // plain structs always encode
	s.enqueueLocked(u.UpdateID, raw)
	return u.UpdateID
}

// rememberChatLocked records chat (a private one by default) as known.
func (s *Server) rememberChatLocked(chat Chat) Chat {
	if chat.Type == "" {
		chat.Type = "private"
	}
	s.chats[chat.ID] = chat
	return chat
}

// nextMessageIDLocked returns the next message id in a chat.
func (s *Server) nextMessageIDLocked(chatID int64) int64 {
	s.nextMsgID[chatID]++
	return s.nextMsgID[chatID]
}

// messageFields are the update fields that carry a Message.
var messageFields = []string{
	"message", "edited_message", "channel_post", "edited_channel_post",
	"business_message", "edited_business_message",
}

// learnChatsLocked remembers the chats of a raw update's messages and keeps
// the chat's message ids ahead of the ones seen.
func (s *Server) learnChatsLocked(obj map[string]json.RawMessage) {
	for _, field := range messageFields {
		var m struct {
			MessageID int64 `json:"message_id"`
			Chat      Chat  `json:"chat"`
		}
		if json.Unmarshal(obj[field], &m) != nil || m.Chat.ID == 0 {
			continue
		}
		s.rememberChatLocked(m.Chat)
		s.nextMsgID[m.Chat.ID] = max(s.nextMsgID[m.Chat.ID], m.MessageID)
	}
}

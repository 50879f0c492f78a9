package telegramfake

import (
	"context"
	"net/http"
	"strings"
	"time"
	"unicode/utf16"
)

// maxTextLen is sendMessage's limit in UTF-16 code units, as Telegram counts.
const maxTextLen = 4096

// sendMessage validates chat_id (a numeric id, or "@username" of a channel),
// text and reply_parameters, records the message and returns it like Telegram
// does. In a channel the message has no sender user, as on Telegram.
func (s *Server) sendMessage(_ context.Context, p params) reply {
	if p["chat_id"] == "" {
		return fail(http.StatusBadRequest, "Bad Request: chat_id is empty")
	}
	text := p["text"]
	var rp struct {
		MessageID                int64 `json:"message_id"`
		AllowSendingWithoutReply bool  `json:"allow_sending_without_reply"`
	}
	if err := p.object("reply_parameters", &rp); err != nil {
		return fail(http.StatusBadRequest, "Bad Request: "+err.Error())
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	chat, known := s.resolveChatLocked(p["chat_id"])
	chatID := chat.ID
	switch {
	case !known:
		return fail(http.StatusBadRequest, "Bad Request: chat not found")
	case strings.TrimSpace(text) == "":
		return fail(http.StatusBadRequest, "Bad Request: message text is empty")
	case len(utf16.Encode([]rune(text))) > maxTextLen:
		return fail(http.StatusBadRequest, "Bad Request: message is too long")
	}
	var replyTo *message
	if rp.MessageID != 0 {
		orig, found := s.messages[msgKey{chatID, rp.MessageID}]
		if !found && !rp.AllowSendingWithoutReply {
			return fail(http.StatusBadRequest, "Bad Request: message to be replied not found")
		}
		if found {
			orig.ReplyToMessage = nil
			replyTo = &orig
		}
	}
	bot := s.Bot
	from := &bot
	if chat.Type == "channel" {
		from = nil
	}
	now := time.Now()
	m := message{
		MessageID:      s.nextMessageIDLocked(chatID),
		From:           from,
		Chat:           chat,
		Date:           now.Unix(),
		Text:           text,
		ReplyToMessage: replyTo,
	}
	s.messages[msgKey{chatID, m.MessageID}] = m
	s.sent = append(s.sent, SentMessage{
		ChatID:           chatID,
		MessageID:        m.MessageID,
		Text:             text,
		ReplyToMessageID: rp.MessageID,
		Date:             time.Unix(m.Date, 0),
		Method:           "sendMessage",
	})
	return success(m)
}

package telegramfake

import (
	"strconv"
	"strings"
)

// AddChannel makes the bot an administrator of a channel (id is negative,
// -100…, as on Telegram), so sendMessage can post into it by id or by
// "@username". It returns the channel as the fake reports it.
func (s *Server) AddChannel(id int64, username, title string) Chat {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rememberChatLocked(Chat{ID: id, Type: "channel", Title: title, Username: strings.TrimPrefix(username, "@")})
}

// ChannelPosts returns the messages the bot posted into channel chatID, oldest first.
func (s *Server) ChannelPosts(chatID int64) []SentMessage {
	var out []SentMessage
	for _, m := range s.Sent() {
		if m.ChatID == chatID {
			out = append(out, m)
		}
	}
	return out
}

// resolveChatLocked finds a known chat by its numeric id or a channel's
// "@username" (usernames match case-insensitively, as on Telegram).
func (s *Server) resolveChatLocked(raw string) (Chat, bool) {
	raw = strings.TrimSpace(raw)
	if name, ok := strings.CutPrefix(raw, "@"); ok {
		for _, c := range s.chats {
			if c.Username != "" && strings.EqualFold(c.Username, name) && c.Type != "private" {
				return c, true
			}
		}
		return Chat{}, false
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return Chat{}, false
	}
	c, ok := s.chats[id]
	return c, ok
}

package telegramfake

import (
	"encoding/json"
	"net/http"
)

// InspectSentPath lists, as JSON, what the bot sent. It is not part of the Bot
// API: it lets an end-to-end test in another process (a browser driving the demo)
// check what reached the platform. The fake only ever listens on loopback.
const InspectSentPath = "/_fake/sent"

// sentView is one sent message as InspectSentPath shows it.
type sentView struct {
	ChatID    int64  `json:"chatId"`
	MessageID int64  `json:"messageId"`
	Text      string `json:"text"`
}

// serveSent writes the sent messages as a JSON array.
func (s *Server) serveSent(w http.ResponseWriter) {
	sent := s.Sent()
	out := make([]sentView, len(sent))
	for i, m := range sent {
		out[i] = sentView{ChatID: m.ChatID, MessageID: m.MessageID, Text: m.Text}
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

package telegramfake

import (
	"net/http"

	"creatordesk/backend/platforms/fakekit"
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
	Method    string `json:"method,omitempty"`
	FileName  string `json:"fileName,omitempty"`
	FileType  string `json:"fileType,omitempty"`
	FileSize  int64  `json:"fileSize,omitempty"`
}

// serveSent writes the sent messages as a JSON array.
func (s *Server) serveSent(w http.ResponseWriter) {
	fakekit.WriteList(w, s.Sent(), func(m SentMessage) sentView {
		return sentView{ChatID: m.ChatID, MessageID: m.MessageID, Text: m.Text, Method: m.Method,
			FileName: m.FileName, FileType: m.FileType, FileSize: m.FileSize}
	})
}

package telegramfake

import "time"

// Chat is a Telegram chat as the fake reports it.
type Chat struct {
	ID int64 `json:"id"`
	// Type is "private", "group", "supergroup" or "channel"; empty means "private".
	Type      string `json:"type"`
	Title     string `json:"title,omitempty"`
	FirstName string `json:"first_name,omitempty"`
	LastName  string `json:"last_name,omitempty"`
	Username  string `json:"username,omitempty"`
}

// User is a Telegram user or bot as the fake reports it.
type User struct {
	ID           int64  `json:"id"`
	IsBot        bool   `json:"is_bot"`
	FirstName    string `json:"first_name"`
	LastName     string `json:"last_name,omitempty"`
	Username     string `json:"username,omitempty"`
	LanguageCode string `json:"language_code,omitempty"`
}

// SentMessage is a message the bot sent through sendMessage.
type SentMessage struct {
	ChatID    int64
	MessageID int64
	Text      string
	// ReplyToMessageID is the reply_parameters.message_id the bot sent, or 0.
	ReplyToMessageID int64
	Date             time.Time
	// Method is the API method ("sendMessage", "sendPhoto", "sendVideo", "sendDocument").
	Method string
	// FileName, FileType and FileSize describe an uploaded file (sendPhoto and the like).
	FileName string
	FileType string
	FileSize int64
}

// message is the Message JSON the fake stores and returns.
type message struct {
	MessageID      int64    `json:"message_id"`
	From           *User    `json:"from,omitempty"`
	Chat           Chat     `json:"chat"`
	Date           int64    `json:"date"`
	EditDate       int64    `json:"edit_date,omitempty"`
	Text           string   `json:"text,omitempty"`
	ReplyToMessage *message `json:"reply_to_message,omitempty"`
	// Caption, Photo, Video and Document are set on sent files.
	Caption  string      `json:"caption,omitempty"`
	Photo    []photoSize `json:"photo,omitempty"`
	Video    *fileObject `json:"video,omitempty"`
	Document *fileObject `json:"document,omitempty"`
}

// photoSize is one size of a sent photo.
type photoSize struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	FileSize     int64  `json:"file_size"`
}

// fileObject is a sent video or document.
type fileObject struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	FileName     string `json:"file_name,omitempty"`
	MimeType     string `json:"mime_type,omitempty"`
	FileSize     int64  `json:"file_size"`
}

// update is the Update JSON for the update kinds the fake creates itself.
type update struct {
	UpdateID      int64    `json:"update_id"`
	Message       *message `json:"message,omitempty"`
	EditedMessage *message `json:"edited_message,omitempty"`
}

// msgKey identifies a message: message ids are unique only within a chat.
type msgKey struct {
	chat, id int64
}

package telegram

// The Bot API objects this connector reads, limited to the fields it maps.
// Unknown fields are ignored; a field of the wrong JSON type fails the update.

// apiUpdate is one item of getUpdates. At most one payload field is set.
type apiUpdate struct {
	UpdateID              *int64      `json:"update_id"`
	Message               *apiMessage `json:"message"`
	EditedMessage         *apiMessage `json:"edited_message"`
	ChannelPost           *apiMessage `json:"channel_post"`
	EditedChannelPost     *apiMessage `json:"edited_channel_post"`
	BusinessMessage       *apiMessage `json:"business_message"`
	EditedBusinessMessage *apiMessage `json:"edited_business_message"`
}

// apiMessage is a Telegram Message.
type apiMessage struct {
	MessageID      int64       `json:"message_id"`
	From           *apiUser    `json:"from"`
	SenderChat     *apiChat    `json:"sender_chat"`
	Chat           *apiChat    `json:"chat"`
	Date           int64       `json:"date"`
	EditDate       int64       `json:"edit_date"`
	Text           string      `json:"text"`
	Caption        string      `json:"caption"`
	ReplyToMessage *apiMessage `json:"reply_to_message"`
	Photo          []apiFile   `json:"photo"`
	Document       *apiFile    `json:"document"`
	Video          *apiFile    `json:"video"`
	Voice          *apiFile    `json:"voice"`
	Audio          *apiFile    `json:"audio"`
	Sticker        *apiFile    `json:"sticker"`
}

// apiUser is a Telegram User.
type apiUser struct {
	ID           int64  `json:"id"`
	IsBot        bool   `json:"is_bot"`
	FirstName    string `json:"first_name"`
	LastName     string `json:"last_name"`
	Username     string `json:"username"`
	LanguageCode string `json:"language_code"`
}

// apiChat is a Telegram Chat.
type apiChat struct {
	ID        int64  `json:"id"`
	Type      string `json:"type"`
	Title     string `json:"title"`
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	Username  string `json:"username"`
}

// apiFile holds the fields shared by PhotoSize, Document, Video, Voice, Audio and Sticker.
type apiFile struct {
	FileID   string `json:"file_id"`
	FileName string `json:"file_name"`
	MimeType string `json:"mime_type"`
	FileSize int64  `json:"file_size"`
	Width    int64  `json:"width"`
	Height   int64  `json:"height"`
	Title    string `json:"title"`
	Emoji    string `json:"emoji"`
}

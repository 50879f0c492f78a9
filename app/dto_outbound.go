package app

// AttachmentRuleDTO is one kind of file a conversation's platform takes.
type AttachmentRuleDTO struct {
	// Kind is image, video, audio or document.
	Kind string `json:"kind"`
	// MimeTypes are the accepted types ("*" for any).
	MimeTypes []string `json:"mimeTypes"`
	// Extensions are the usual file endings (".jpg"); empty when any file goes.
	Extensions []string `json:"extensions"`
	// MaxBytes is the largest file of this kind the app sends here.
	MaxBytes int64 `json:"maxBytes"`
}

// AttachmentRulesDTO says what files can be sent in a conversation.
type AttachmentRulesDTO struct {
	Platform string `json:"platform"`
	// Supported is false when CreatorDesk sends no files here (Rules is then empty).
	Supported bool                `json:"supported"`
	Rules     []AttachmentRuleDTO `json:"rules"`
	// MaxFiles is how many files one message may carry.
	MaxFiles int `json:"maxFiles"`
	// BlockedExtensions are programs and scripts never sent.
	BlockedExtensions []string `json:"blockedExtensions"`
}

// AttachmentUploadDTO is one file the composer sends, its bytes in base64.
type AttachmentUploadDTO struct {
	Name       string `json:"name"`
	MimeType   string `json:"mimeType"`
	DataBase64 string `json:"dataBase64"`
}

// WhatsAppTemplateDTO is an approved WhatsApp template the account may send.
type WhatsAppTemplateDTO struct {
	Name     string `json:"name"`
	Language string `json:"language"`
	// Category is MARKETING, UTILITY or AUTHENTICATION (marketing needs the contact's consent).
	Category string `json:"category"`
	// Body is the text with its {{n}} placeholders.
	Body string `json:"body"`
	// Params is how many {{n}} placeholders the body has.
	Params int `json:"params"`
}

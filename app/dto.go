package app

import (
	"encoding/json"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
	"creatordesk/backend/textsearch"
)

// KeyringStatus says whether tokens can be stored on this machine.
type KeyringStatus struct {
	Available bool      `json:"available"`
	Error     *AppError `json:"error"`
}

// WorkspaceStatus describes the open workspace.
type WorkspaceStatus struct {
	Mode         string        `json:"mode"` // empty, ready or demo
	DataDir      string        `json:"dataDir"`
	Version      string        `json:"version"`
	Keyring      KeyringStatus `json:"keyring"`
	AccountCount int           `json:"accountCount"`
}

// SettingsDTO holds the user's preferences.
type SettingsDTO struct {
	Language string `json:"language"`
	Theme    string `json:"theme"`
}

// AccountDTO is a connected account as the UI shows it.
type AccountDTO struct {
	ID          int64     `json:"id"`
	Platform    string    `json:"platform"`
	Name        string    `json:"name"`
	Handle      string    `json:"handle"`
	Status      string    `json:"status"`
	LastSyncAt  string    `json:"lastSyncAt"`
	LastError   *AppError `json:"lastError"`
	ItemsSynced int64     `json:"itemsSynced"`
	CreatedAt   string    `json:"createdAt"`
}

// ConnectTelegramRequest is the Telegram connect form.
type ConnectTelegramRequest struct {
	Token   string `json:"token"`
	Name    string `json:"name"`
	BaseURL string `json:"baseUrl"`
}

// ConnectRequest connects an account of any supported platform with a pasted token.
type ConnectRequest struct {
	Platform string `json:"platform"`
	Token    string `json:"token"`
	Name     string `json:"name"`
	BaseURL  string `json:"baseUrl"`
	// Extra holds non-secret settings the platform needs (for Bluesky: identifier).
	Extra map[string]string `json:"extra"`
}

// ConversationQuery filters and pages the inbox list.
type ConversationQuery struct {
	Cursor     string `json:"cursor"`
	Limit      int    `json:"limit"`
	Platform   string `json:"platform"`
	Kind       string `json:"kind"`
	Status     string `json:"status"`
	UnreadOnly bool   `json:"unreadOnly"`
	AccountID  int64  `json:"accountId"`
	TagID      int64  `json:"tagId"`
	// Assignee is "" (anyone), "none", "me" or a member id.
	Assignee string `json:"assignee"`
	SLAState string `json:"slaState"`
	Language string `json:"language"`
	// WaitingMinMinutes keeps conversations whose customer's last, unanswered message waited at least this long (0 = any).
	WaitingMinMinutes int `json:"waitingMinMinutes"`
}

// ConversationDTO is one inbox row.
type ConversationDTO struct {
	ID            int64   `json:"id"`
	AccountID     int64   `json:"accountId"`
	Platform      string  `json:"platform"`
	Kind          string  `json:"kind"`
	Title         string  `json:"title"`
	Snippet       string  `json:"snippet"`
	LastMessageAt string  `json:"lastMessageAt"`
	Unread        int     `json:"unread"`
	Status        string  `json:"status"`
	Assignee      string  `json:"assignee"`
	Language      string  `json:"language"`
	ContactID     int64   `json:"contactId"`
	TagIDs        []int64 `json:"tagIds"`
	// SLAState is none|ok|warning|breached|met ("" without a timer); SLADueAt RFC 3339 or "".
	SLAState     string `json:"slaState"`
	SLADueAt     string `json:"slaDueAt"`
	SnoozedUntil string `json:"snoozedUntil"`
	// Limit is the platform's length limit for a reply here (nil: none known).
	Limit *LimitDTO `json:"limit"`
	// WindowClosesAt is when the messaging window closes ("" when the platform has none;
	// WindowApplies says whether there is one, so a closed window is not mistaken for none).
	WindowClosesAt string `json:"windowClosesAt"`
	WindowApplies  bool   `json:"windowApplies"`
	// HasHidden is true when a comment of the conversation is hidden on its platform.
	HasHidden bool `json:"hasHidden"`
}

// LimitDTO is a reply length limit and the unit it is measured in (bytes,
// graphemes, characters, mastodon).
type LimitDTO struct {
	Max  int    `json:"max"`
	Unit string `json:"unit"`
}

// ConversationPage is one page of the inbox.
type ConversationPage struct {
	Items      []ConversationDTO `json:"items"`
	NextCursor string            `json:"nextCursor"`
}

// AttachmentDTO names an attachment.
type AttachmentDTO struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
	// MimeType and Size are known for files sent from the app and for what a platform reports ("" / 0 otherwise).
	MimeType string `json:"mimeType"`
	Size     int64  `json:"size"`
}

// MessageDTO is one message of a thread.
type MessageDTO struct {
	ID             int64           `json:"id"`
	ConversationID int64           `json:"conversationId"`
	ExternalID     string          `json:"externalId"`
	Direction      string          `json:"direction"`
	AuthorName     string          `json:"authorName"`
	Text           string          `json:"text"`
	SentAt         string          `json:"sentAt"`
	EditedAt       string          `json:"editedAt"`
	Deleted        bool            `json:"deleted"`
	State          string          `json:"state"`
	Error          *AppError       `json:"error"`
	Attachments    []AttachmentDTO `json:"attachments"`
	// Hidden is true when the comment is hidden from public view on its platform.
	Hidden bool `json:"hidden"`
	// PrivateReplyTo is the comment this message answered privately (0: a normal message).
	PrivateReplyTo int64 `json:"privateReplyTo"`
	// PrivatelyAnswered is true on a comment that already has a private reply.
	PrivatelyAnswered bool `json:"privatelyAnswered"`
}

// Thread is a conversation with its messages, oldest first.
type Thread struct {
	Conversation ConversationDTO `json:"conversation"`
	Messages     []MessageDTO    `json:"messages"`
}

// InboxCountsDTO holds the inbox counters for the navigation and the list header.
type InboxCountsDTO struct {
	UnreadMessages      int64 `json:"unreadMessages"`
	UnreadConversations int64 `json:"unreadConversations"`
	// Waiting counts open conversations whose customer has waited longer than the response target.
	Waiting int64 `json:"waiting"`
}

// SearchHitDTO is one search result.
type SearchHitDTO struct {
	ConversationID int64                 `json:"conversationId"`
	MessageID      int64                 `json:"messageId"`
	Title          string                `json:"title"`
	Platform       string                `json:"platform"`
	SentAt         string                `json:"sentAt"`
	Fragments      []textsearch.Fragment `json:"fragments"`
}

// rfc3339 formats Unix milliseconds as RFC 3339 in UTC ("" for 0).
func rfc3339(ms int64) string {
	if ms == 0 {
		return ""
	}
	return time.UnixMilli(ms).UTC().Format(time.RFC3339Nano)
}

// toAccountDTO converts a stored account.
func toAccountDTO(a store.Account) AccountDTO {
	return AccountDTO{ID: a.ID, Platform: a.Platform, Name: a.Name, Handle: a.Handle, Status: a.Status,
		LastSyncAt: rfc3339(a.LastSyncAt), LastError: storedError(a.LastErrorKind, a.LastError),
		ItemsSynced: a.ItemsSynced, CreatedAt: rfc3339(a.CreatedAt)}
}

// toConversationDTO converts a stored conversation.
func toConversationDTO(c store.Conversation) ConversationDTO {
	return toRowDTO(store.ConversationRow{Conversation: c})
}

// toRowDTO converts a list row with its triage columns, limit and messaging window.
func toRowDTO(r store.ConversationRow) ConversationDTO {
	c := r.Conversation
	dto := ConversationDTO{ID: c.ID, AccountID: c.AccountID, Platform: c.Platform, Kind: c.Kind, Title: c.Title,
		Snippet: c.Snippet, LastMessageAt: rfc3339(c.LastMessageAt), Unread: c.UnreadCount, Status: c.Status,
		Assignee: c.Assignee, Language: c.Language, TagIDs: r.TagIDs, SLAState: r.SLAState, SLADueAt: rfc3339(r.SLADueAt),
		SnoozedUntil: rfc3339(r.SnoozedUntil), HasHidden: r.HasHidden}
	if dto.TagIDs == nil {
		dto.TagIDs = []int64{}
	}
	if c.ContactID != nil {
		dto.ContactID = *c.ContactID
	}
	if l, ok := inbox.LimitFor(c.Platform, c.Kind); ok {
		dto.Limit = &LimitDTO{Max: l.Max, Unit: l.Unit}
	}
	if at, ok := inbox.WindowClosesAt(c); ok {
		dto.WindowApplies = true
		if !at.IsZero() {
			dto.WindowClosesAt = at.UTC().Format(time.RFC3339Nano)
		}
	}
	return dto
}

// toMessageDTO converts a stored message.
func toMessageDTO(m store.Message) MessageDTO {
	dto := MessageDTO{ID: m.ID, ConversationID: m.ConversationID, ExternalID: m.ExternalID, Direction: m.Direction,
		AuthorName: m.AuthorName, Text: m.Text, SentAt: rfc3339(m.SentAt), EditedAt: rfc3339(m.EditedAt),
		Deleted: m.Deleted, State: m.State, Error: storedError(m.ErrorKind, m.ErrorDetail), Attachments: []AttachmentDTO{}}
	if m.Attachments != "" {
		var raw []struct {
			Kind, Name, MimeType string
			Size                 int64
		}
		if json.Unmarshal([]byte(m.Attachments), &raw) == nil {
			for _, a := range raw {
				dto.Attachments = append(dto.Attachments, AttachmentDTO{Kind: a.Kind, Name: a.Name, MimeType: a.MimeType, Size: a.Size})
			}
		}
	}
	return dto
}

// toSearchHitDTO converts a search hit.
func toSearchHitDTO(h inbox.SearchHit) SearchHitDTO {
	return SearchHitDTO{ConversationID: h.ConversationID, MessageID: h.MessageID, Title: h.Title, Platform: h.Platform,
		SentAt: rfc3339(h.SentAt), Fragments: h.Fragments}
}

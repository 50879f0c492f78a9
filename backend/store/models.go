package store

import "encoding/json"

// Account is a connected platform account. Its token is in the vault, never here.
type Account struct {
	ID            int64  `gorm:"column:id;primaryKey"`
	Platform      string `gorm:"column:platform"`
	Name          string `gorm:"column:name"`
	ExternalID    string `gorm:"column:external_id"`
	Handle        string `gorm:"column:handle"`
	BaseURL       string `gorm:"column:base_url"`
	Status        string `gorm:"column:status"`
	SyncCursor    string `gorm:"column:sync_cursor"`
	LastSyncAt    int64  `gorm:"column:last_sync_at"`
	LastErrorKind string `gorm:"column:last_error_kind"`
	LastError     string `gorm:"column:last_error"`
	ItemsSynced   int64  `gorm:"column:items_synced"`
	// TokenExpiresAt is when the platform said the token lapses (0 = never or unknown).
	TokenExpiresAt int64 `gorm:"column:token_expires_at"`
	// Settings is a JSON object of non-secret connector settings (Credentials.Extra).
	Settings  string `gorm:"column:settings"`
	CreatedAt int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (Account) TableName() string { return "accounts" }

// Syncable reports whether the account has a platform stream to sync: not an
// imported archive and not disconnected.
func (a Account) Syncable() bool {
	return a.Status != AccountImported && a.Status != AccountDisconnected
}

// Extra decodes Settings into a map ("" or invalid JSON gives an empty map).
func (a Account) Extra() map[string]string {
	out := map[string]string{}
	if a.Settings != "" {
		_ = json.Unmarshal([]byte(a.Settings), &out)
	}
	return out
}

// SetExtra encodes m into Settings.
func (a *Account) SetExtra(m map[string]string) {
	if len(m) == 0 {
		a.Settings = "{}"
		return
	}
	b, _ := json.Marshal(m)
	a.Settings = string(b)
}

// Account statuses.
const (
	AccountConnected      = "connected"
	AccountSyncing        = "syncing"
	AccountError          = "error"
	AccountNeedsReconnect = "needs_reconnect"
	AccountDisconnected   = "disconnected"
	// AccountImported is an archive made from an export file: never synced, read-only.
	AccountImported = "imported"
)

// Conversation is a DM thread or a comment thread, with its denormalized list columns.
type Conversation struct {
	ID            int64  `gorm:"column:id;primaryKey"`
	AccountID     int64  `gorm:"column:account_id"`
	Platform      string `gorm:"column:platform;->"` // joined from accounts, read-only
	ExternalID    string `gorm:"column:external_id"`
	Kind          string `gorm:"column:kind"`
	Title         string `gorm:"column:title"`
	ContactID     *int64 `gorm:"column:contact_id"`
	Snippet       string `gorm:"column:snippet"`
	LastMessageAt int64  `gorm:"column:last_message_at"`
	LastInboundAt int64  `gorm:"column:last_inbound_at"`
	UnreadCount   int    `gorm:"column:unread_count"`
	MessageCount  int    `gorm:"column:message_count"`
	Status        string `gorm:"column:status"`
	Assignee      string `gorm:"column:assignee"`
	Language      string `gorm:"column:language"`
	Priority      int    `gorm:"column:priority"`
	CreatedAt     int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt     int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (Conversation) TableName() string { return "conversations" }

// Conversation statuses.
const (
	StatusOpen     = "open"
	StatusPending  = "pending"
	StatusSnoozed  = "snoozed"
	StatusResolved = "resolved"
)

// Message is one stored message, inbound or outbound.
type Message struct {
	ID                int64  `gorm:"column:id;primaryKey"`
	ConversationID    int64  `gorm:"column:conversation_id"`
	AccountID         int64  `gorm:"column:account_id"`
	ExternalID        string `gorm:"column:external_id"`
	Direction         string `gorm:"column:direction"`
	AuthorIdentityID  *int64 `gorm:"column:author_identity_id"`
	AuthorName        string `gorm:"column:author_name"`
	Text              string `gorm:"column:text"`
	SentAt            int64  `gorm:"column:sent_at"`
	EditedAt          int64  `gorm:"column:edited_at"`
	Deleted           bool   `gorm:"column:deleted"`
	State             string `gorm:"column:state"`
	ErrorKind         string `gorm:"column:error_kind"`
	ErrorDetail       string `gorm:"column:error_detail"`
	ReplyToExternalID string `gorm:"column:reply_to_external_id"`
	Attachments       string `gorm:"column:attachments"` // JSON array of platforms.Attachment
	CreatedAt         int64  `gorm:"column:created_at;autoCreateTime:false"`
}

// TableName implements gorm's Tabler.
func (Message) TableName() string { return "messages" }

// Message states.
const (
	StateReceived = "received"
	StateQueued   = "queued"
	StateSent     = "sent"
	StateFailed   = "failed"
)

// AuditEvent is one entry of the audit trail.
type AuditEvent struct {
	ID         int64  `gorm:"column:id;primaryKey"`
	At         int64  `gorm:"column:at"`
	Actor      string `gorm:"column:actor"`
	Action     string `gorm:"column:action"`
	TargetType string `gorm:"column:target_type"`
	TargetID   string `gorm:"column:target_id"`
	Reason     string `gorm:"column:reason"`
	BeforeJSON string `gorm:"column:before_json"`
	AfterJSON  string `gorm:"column:after_json"`
	PrevHash   string `gorm:"column:prev_hash"`
	Hash       string `gorm:"column:hash"`
}

// TableName implements gorm's Tabler.
func (AuditEvent) TableName() string { return "audit_events" }

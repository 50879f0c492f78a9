package app

// AuditQueryDTO narrows an audit search; empty fields match everything.
// Actor ending in "*" matches as a prefix ("automation:*"). From and To are
// RFC 3339 or "YYYY-MM-DD" (To exclusive). BeforeID pages to older entries.
type AuditQueryDTO struct {
	Actor      string `json:"actor"`
	Action     string `json:"action"`
	TargetType string `json:"targetType"`
	TargetID   string `json:"targetId"`
	Text       string `json:"text"`
	From       string `json:"from"`
	To         string `json:"to"`
	BeforeID   int64  `json:"beforeId"`
	Limit      int    `json:"limit"`
}

// AuditEntryDTO is one audit trail entry.
type AuditEntryDTO struct {
	ID         int64  `json:"id"`
	At         string `json:"at"`
	Actor      string `json:"actor"`
	Action     string `json:"action"`
	TargetType string `json:"targetType"`
	TargetID   string `json:"targetId"`
	Reason     string `json:"reason"`
	Before     string `json:"before"`
	After      string `json:"after"`
}

// AuditPageDTO is a page of entries, newest first; NextBeforeID is 0 on the last page.
type AuditPageDTO struct {
	Items        []AuditEntryDTO `json:"items"`
	NextBeforeID int64           `json:"nextBeforeId"`
}

// AuditVerifyDTO is the chain check: OK, or the first bad entry and what is wrong
// (Problem is changed, deleted or truncated; Error is its translated form).
type AuditVerifyDTO struct {
	OK        bool      `json:"ok"`
	Checked   int       `json:"checked"`
	BrokenID  int64     `json:"brokenId"`
	Problem   string    `json:"problem"`
	Error     *AppError `json:"error"`
	CheckedAt string    `json:"checkedAt"`
}

// FileDTO is a file the UI offers for download: text content (CSV, JSON) or
// base64 (zip) with its name and type.
type FileDTO struct {
	Filename string `json:"filename"`
	MimeType string `json:"mimeType"`
	Encoding string `json:"encoding"`
	Content  string `json:"content"`
	Bytes    int    `json:"bytes"`
	Entries  int    `json:"entries"`
}

// GovernanceContactDTO is a contact to pick in the Privacy screens, with its opt-out state.
type GovernanceContactDTO struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	OptedOut bool   `json:"optedOut"`
	OnHold   bool   `json:"onHold"`
}

// OptOutDTO is one ledger row: a STOP (optedOut) or START for a scope
// (automated or marketing), with the message or person that did it.
type OptOutDTO struct {
	ID          int64  `json:"id"`
	ContactID   int64  `json:"contactId"`
	ContactName string `json:"contactName"`
	Scope       string `json:"scope"`
	OptedOut    bool   `json:"optedOut"`
	At          string `json:"at"`
	MessageID   int64  `json:"messageId"`
	Channel     string `json:"channel"`
	Keyword     string `json:"keyword"`
	Actor       string `json:"actor"`
}

// ConsentDTO is a consent given or withdrawn for a purpose.
type ConsentDTO struct {
	ID                int64  `json:"id"`
	ContactID         int64  `json:"contactId"`
	ContactName       string `json:"contactName"`
	Purpose           string `json:"purpose"`
	Granted           bool   `json:"granted"`
	At                string `json:"at"`
	Channel           string `json:"channel"`
	EvidenceMessageID int64  `json:"evidenceMessageId"`
	Note              string `json:"note"`
	Actor             string `json:"actor"`
}

// ConsentInputDTO records a consent a person collected.
type ConsentInputDTO struct {
	ContactID int64  `json:"contactId"`
	Purpose   string `json:"purpose"`
	Granted   bool   `json:"granted"`
	Channel   string `json:"channel"`
	Note      string `json:"note"`
}

// RetentionPolicyDTO keeps conversations of a kind ("dm", "comment"), with a
// tag, or all of them for KeepDays after their last message.
type RetentionPolicyDTO struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	MatchType  string `json:"matchType"`
	MatchValue string `json:"matchValue"`
	KeepDays   int    `json:"keepDays"`
	Enabled    bool   `json:"enabled"`
}

// PurgeCandidateDTO is a conversation a purge would delete now.
type PurgeCandidateDTO struct {
	ConversationID int64  `json:"conversationId"`
	Title          string `json:"title"`
	Kind           string `json:"kind"`
	LastMessageAt  string `json:"lastMessageAt"`
	MessageCount   int    `json:"messageCount"`
	KeepDays       int    `json:"keepDays"`
}

// PurgeResultDTO is what a purge deleted.
type PurgeResultDTO struct {
	Conversations int `json:"conversations"`
	Messages      int `json:"messages"`
}

// LegalHoldDTO keeps a contact or conversation out of purges and erasure.
type LegalHoldDTO struct {
	ID         int64  `json:"id"`
	TargetType string `json:"targetType"`
	TargetID   int64  `json:"targetId"`
	TargetName string `json:"targetName"`
	Reason     string `json:"reason"`
	Actor      string `json:"actor"`
	CreatedAt  string `json:"createdAt"`
	ReleasedAt string `json:"releasedAt"`
}

// DataRequestDTO is a recorded export or erasure of a contact.
type DataRequestDTO struct {
	ID        int64  `json:"id"`
	ContactID int64  `json:"contactId"`
	Kind      string `json:"kind"`
	Actor     string `json:"actor"`
	Detail    string `json:"detail"`
	At        string `json:"at"`
}

// EraseResultDTO counts what an erasure deleted.
type EraseResultDTO struct {
	Conversations int `json:"conversations"`
	Messages      int `json:"messages"`
}

// AppealDTO is a person's objection to a moderation decision. Status is open,
// reviewing, upheld (the decision stands) or overturned.
type AppealDTO struct {
	ID         int64  `json:"id"`
	TargetType string `json:"targetType"`
	TargetID   string `json:"targetId"`
	ContactID  int64  `json:"contactId"`
	Reason     string `json:"reason"`
	Status     string `json:"status"`
	Resolution string `json:"resolution"`
	DueAt      string `json:"dueAt"`
	Overdue    bool   `json:"overdue"`
	Actor      string `json:"actor"`
	CreatedAt  string `json:"createdAt"`
	ResolvedAt string `json:"resolvedAt"`
}

// AppealInputDTO logs an appeal; DueAt "" means a week from now.
type AppealInputDTO struct {
	TargetType string `json:"targetType"`
	TargetID   string `json:"targetId"`
	ContactID  int64  `json:"contactId"`
	Reason     string `json:"reason"`
	DueAt      string `json:"dueAt"`
}

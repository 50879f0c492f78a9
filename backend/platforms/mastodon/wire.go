package mastodon

import (
	"bytes"
	"encoding/json"
	"errors"
)

// The Mastodon entities this connector reads, limited to the fields it maps.
// Unknown fields are ignored; a field of the wrong JSON type fails the item.

// apiID is an entity id. Mastodon sends strings; some servers send numbers,
// which are accepted as their decimal text. Anything else fails the item.
type apiID string

// UnmarshalJSON accepts a string, an integer or null.
func (id *apiID) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*id = ""
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*id = apiID(s)
		return nil
	case isInteger(b):
		*id = apiID(b)
		return nil
	}
	return errors.New("id is neither a string nor an integer")
}

// isInteger reports whether b is a JSON integer without sign or exponent.
func isInteger(b []byte) bool {
	if len(b) == 0 || len(b) > 20 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// validID reports whether id can be used in a URL path, a log line and a
// cursor as it is: 1 to 128 characters of [A-Za-z0-9._~-] (Mastodon's
// snowflakes, GoToSocial's ULIDs and Pleroma's flake ids all qualify).
func validID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '~' || c == '-') {
			return false
		}
	}
	return true
}

// apiAccount is an Account.
type apiAccount struct {
	ID          apiID  `json:"id"`
	Username    string `json:"username"`
	Acct        string `json:"acct"`
	DisplayName string `json:"display_name"`
	Bot         bool   `json:"bot"`
}

// name is the display name, else the username.
func (a *apiAccount) name() string {
	if a.DisplayName != "" {
		return a.DisplayName
	}
	return a.Username
}

// handle is the acct, else the username.
func (a *apiAccount) handle() string {
	if a.Acct != "" {
		return a.Acct
	}
	return a.Username
}

// apiStatus is a Status.
type apiStatus struct {
	ID                 apiID        `json:"id"`
	CreatedAt          string       `json:"created_at"`
	EditedAt           *string      `json:"edited_at"`
	InReplyToID        apiID        `json:"in_reply_to_id"`
	InReplyToAccountID apiID        `json:"in_reply_to_account_id"`
	Visibility         string       `json:"visibility"`
	Content            string       `json:"content"`
	SpoilerText        string       `json:"spoiler_text"`
	Account            *apiAccount  `json:"account"`
	MediaAttachments   []apiMedia   `json:"media_attachments"`
	Mentions           []apiMention `json:"mentions"`
}

// apiMedia is a MediaAttachment.
type apiMedia struct {
	Type        string `json:"type"`
	URL         string `json:"url"`
	RemoteURL   string `json:"remote_url"`
	Description string `json:"description"`
}

// apiMention is a Status.Mention.
type apiMention struct {
	ID       apiID  `json:"id"`
	Username string `json:"username"`
	Acct     string `json:"acct"`
}

// apiConversation is a Conversation; last_status is decoded on its own, so a
// malformed status can be told from a malformed conversation.
type apiConversation struct {
	ID         apiID           `json:"id"`
	Accounts   []apiAccount    `json:"accounts"`
	LastStatus json.RawMessage `json:"last_status"`
}

// apiNotification is a Notification; status is decoded on its own.
type apiNotification struct {
	ID        apiID           `json:"id"`
	Type      string          `json:"type"`
	CreatedAt string          `json:"created_at"`
	Status    json.RawMessage `json:"status"`
}

// apiContext is a Context; its statuses are decoded one by one.
type apiContext struct {
	Ancestors   []json.RawMessage `json:"ancestors"`
	Descendants []json.RawMessage `json:"descendants"`
}

// apiInstance holds the status length limit of /api/v2/instance and
// /api/v1/instance (configuration.statuses.max_characters; some servers put
// max_toot_chars at the top level of v1).
type apiInstance struct {
	Configuration struct {
		Statuses struct {
			MaxCharacters int `json:"max_characters"`
		} `json:"statuses"`
	} `json:"configuration"`
	MaxTootChars int `json:"max_toot_chars"`
}

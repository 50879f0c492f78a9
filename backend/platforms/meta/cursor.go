package meta

import (
	"encoding/base64"
	"encoding/json"
)

// cursorVersion is written into every cursor; another version is refused.
const cursorVersion = 1

// maxCursor caps the length of a cursor the connector accepts.
const maxCursor = 512 << 10

// cursorState is the position of both streams, encoded as base64url JSON.
type cursorState struct {
	V  int     `json:"v"`
	DM dmState `json:"dm"`
	// Media remembers, per tracked post, what its comments looked like at the last read.
	Media map[string]mediaState `json:"md,omitempty"`
	// Cycle is when the last full cycle started (Unix ms).
	Cycle int64 `json:"cy,omitempty"`
}

// dmState is where the conversations walk stands.
//
// Conversations come newest-updated first. A walk reads pages until it meets
// a conversation not updated since Since (or the last page), then moves Since
// up to Top, the newest update the walk's first page showed. A conversation
// updated during a walk is newer than Top, so the next walk reads it: nothing
// falls in a gap; re-reading with an older cursor only repeats (overlap).
type dmState struct {
	// Since is the newest conversation update already read (Unix ms).
	Since int64 `json:"s,omitempty"`
	// Top is the newest update seen by the walk in progress (Unix ms).
	Top int64 `json:"t,omitempty"`
	// After is the page cursor of the walk in progress ("" when none runs).
	After string `json:"a,omitempty"`
}

// mediaState is what a post's comments were at the last read.
type mediaState struct {
	// Ver is the post's comment count (Instagram) or update time (Facebook).
	Ver string `json:"v"`
	// IDs are the comment ids seen, so the ones that disappear can be reported deleted.
	IDs []string `json:"i,omitempty"`
}

// decodeCursor reads a cursor; "" is the start.
func (c *connector) decodeCursor(cursor string) (cursorState, error) {
	st := cursorState{V: cursorVersion}
	if cursor == "" {
		return st, nil
	}
	bad := c.errPermanent("poll: invalid cursor")
	if len(cursor) > maxCursor {
		return st, bad
	}
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil || json.Unmarshal(raw, &st) != nil || st.V != cursorVersion {
		return st, bad
	}
	return st, nil
}

// encode writes the cursor.
func (st cursorState) encode() string {
	st.V = cursorVersion
	raw, _ := json.Marshal(st) // plain structs always encode
	return base64.RawURLEncoding.EncodeToString(raw)
}

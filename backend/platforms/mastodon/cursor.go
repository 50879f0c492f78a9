package mastodon

import (
	"encoding/base64"
	"encoding/json"
)

// cursorVersion is written into every cursor; another version is refused.
const cursorVersion = 1

// maxCursor caps the length of a cursor the connector accepts.
const maxCursor = 4096

// cursorState is the position of both streams. It is encoded as base64url
// JSON, opaque to the engine.
type cursorState struct {
	V int `json:"v"`
	// DM is the conversations stream; its ids are status ids (Mastodon pages
	// conversations by their last status).
	DM streamState `json:"dm"`
	// Mentions is the mention notifications stream; its ids are notification ids.
	Mentions streamState `json:"mn"`
}

// streamState is where one newest-first stream stands.
//
// The first sync walks back from the newest page through the Link "next" pages
// (Back holds the next page's max_id) after noting in Top the "prev" link's
// min_id of the newest page. Once the walk ends, every later poll pages forward
// with min_id=Top, which returns the items immediately newer than Top, oldest
// page first, and moves Top up. Items that arrive during the walk are newer
// than Top, so they are fetched after it: nothing falls in a gap. At the head
// of a stream Top stays below items younger than settleWindow, since a server
// may still file an item with a smaller key (see settleWindow); those are
// fetched again until they settle. Re-polling with an older cursor repeats
// requests, which only re-fetches (overlap).
type streamState struct {
	// Started is set once the newest page has been fetched.
	Started bool `json:"s,omitempty"`
	// Top is the min_id to fetch newer items from.
	Top string `json:"t,omitempty"`
	// Back is the max_id of the next older page of the first walk; "" when done.
	Back string `json:"b,omitempty"`
}

// decodeCursor reads a cursor; "" is the start of both streams.
func decodeCursor(cursor string) (cursorState, error) {
	st := cursorState{V: cursorVersion}
	if cursor == "" {
		return st, nil
	}
	// The cursor is not echoed: it came from outside and could hold anything.
	bad := errPermanent("poll: invalid cursor")
	if len(cursor) > maxCursor {
		return st, bad
	}
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil || json.Unmarshal(raw, &st) != nil || st.V != cursorVersion {
		return st, bad
	}
	for _, id := range []string{st.DM.Top, st.DM.Back, st.Mentions.Top, st.Mentions.Back} {
		if id != "" && !validID(id) {
			return st, bad
		}
	}
	return st, nil
}

// encode writes the cursor.
func (st cursorState) encode() string {
	st.V = cursorVersion
	raw, _ := json.Marshal(st) // plain structs always encode
	return base64.RawURLEncoding.EncodeToString(raw)
}

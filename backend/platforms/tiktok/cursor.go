package tiktok

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"

	"creatordesk/backend/platforms"
)

// cursorVersion is written into every cursor; another version is refused.
const cursorVersion = 1

// maxCursor caps the length of a cursor the connector accepts.
const maxCursor = 512 << 10

// cursorState is where polling stands, encoded as base64url JSON.
//
// A cycle lists the newest videos and queues those whose comment count
// changed since they were last read completely; a walk then reads the queued
// videos' comments one page per Poll. The walk's position (the queue, the
// page cursor inside the first video, the ids seen there so far) is part of
// the cursor, so a restart continues exactly where the persisted page ended:
// nothing is read twice and nothing is skipped.
type cursorState struct {
	V int `json:"v"`
	// Videos remembers, per tracked video, what its comments were at its last complete read.
	Videos map[string]videoState `json:"vd,omitempty"`
	// Walk is the walk in progress (nil between walks).
	Walk *walk `json:"w,omitempty"`
	// Cycle is when the last cycle started (Unix ms).
	Cycle int64 `json:"cy,omitempty"`
}

// videoState is a video's comments at its last complete read.
type videoState struct {
	// C is the comment count the video list reported.
	C int64 `json:"c"`
	// IDs are the comment ids seen, so the ones that disappear can be reported deleted.
	IDs []string `json:"i,omitempty"`
}

// walk is a walk through the queued videos' comments.
type walk struct {
	Queue []queued `json:"q"`
	// Cursor is TikTok's page cursor inside Queue[0] (0: its first page).
	Cursor int64 `json:"c,omitempty"`
	// IDs are the comment ids of Queue[0] seen so far in this walk.
	IDs []string `json:"i,omitempty"`
}

// queued is a video waiting to be read.
type queued struct {
	ID    string `json:"id"`
	Title string `json:"t,omitempty"`
	C     int64  `json:"c"`
}

// decodeCursor reads a cursor; "" is the start.
func decodeCursor(cursor string) (cursorState, error) {
	st := cursorState{V: cursorVersion}
	if cursor == "" {
		return st, nil
	}
	bad := newError(platforms.KindPermanent, 0, "poll: invalid cursor")
	if len(cursor) > maxCursor {
		return st, bad
	}
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil || json.Unmarshal(raw, &st) != nil || st.V != cursorVersion || st.Walk != nil && len(st.Walk.Queue) == 0 {
		return cursorState{V: cursorVersion}, bad
	}
	return st, nil
}

// encode writes the cursor.
func (st cursorState) encode() string {
	st.V = cursorVersion
	raw, _ := json.Marshal(st) // plain structs always encode
	return base64.RawURLEncoding.EncodeToString(raw)
}

// flexInt is a number TikTok sends as a JSON number or a numeric string.
type flexInt int64

// UnmarshalJSON accepts 1712345678 and "1712345678".
func (f *flexInt) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "" || s == "null" {
		*f = 0
		return nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return err
	}
	*f = flexInt(n)
	return nil
}

package bluesky

import (
	"encoding/json"
	"errors"
)

// cursorVersion is written into every cursor, so a later format can tell old ones apart.
const cursorVersion = 1

// pollState is the opaque cursor: the position of both streams. It moves
// only when a page is returned, so persisting the page and its cursor together
// and passing the cursor back resumes exactly there (a restart repeats at most
// one page, which the store ignores as already known).
type pollState struct {
	V     int        `json:"v"`
	Chat  chatState  `json:"chat"`
	Notif notifState `json:"notif"`
}

// Chat phases.
const (
	// phaseList fetches the listConvos page after Next ("" is the first page).
	phaseList = "list"
	// phaseWalk walks the messages of Pending[0] back to its first message.
	phaseWalk = "walk"
	// phaseLog follows getLog from Log.
	phaseLog = "log"
)

// chatState is the DM stream's position.
//
// The first sync walks every convo (pass 1). Before it lists anything it
// takes the newest convo rev as the getLog position, so every change made
// during the walk is also in the log. Pass 2 walks again the convos whose
// rev moved past that position while pass 1 ran: one that jumped ahead of the
// listing position (a new message in a not yet listed convo) would otherwise
// miss its history. Then getLog takes over.
type chatState struct {
	Phase string `json:"phase,omitempty"`
	Pass  int    `json:"pass,omitempty"`
	// Log is the getLog position, a rev; Started tells it has been taken ("" is valid).
	Log     string `json:"log,omitempty"`
	Started bool   `json:"started,omitempty"`
	// Next is the listConvos cursor of the next page ("" after the last one).
	Next string `json:"next,omitempty"`
	// Pending are the convos of the current listing page still to walk.
	Pending []string `json:"pending,omitempty"`
	// Msgs is the getMessages cursor inside Pending[0].
	Msgs string `json:"msgs,omitempty"`
}

// notifState is the comment stream's position.
//
// Notifications come newest first. A walk pages back until it meets one
// already seen (or the end), and only then moves the high-water mark Seen
// to the newest notification of the walk (Top), so a walk cut short by a
// restart is resumed from its page cursor and nothing between is lost.
type notifState struct {
	// Seen is the indexedAt (RFC 3339) of the newest notification of the last
	// finished walk; SeenURIs are the notifications at exactly that time.
	Seen     string   `json:"seen,omitempty"`
	SeenURIs []string `json:"seenUris,omitempty"`
	// Cursor is the listNotifications cursor of the walk in progress.
	Cursor string `json:"cursor,omitempty"`
	// Top and TopURIs become Seen and SeenURIs when the walk in progress ends.
	Top     string   `json:"top,omitempty"`
	TopURIs []string `json:"topUris,omitempty"`
}

// walking reports a notification walk in progress.
func (n *notifState) walking() bool { return n.Cursor != "" }

// decodeCursor reads a cursor made by encode ("" is the start of everything).
func decodeCursor(cursor string) (pollState, error) {
	if cursor == "" {
		return pollState{V: cursorVersion}, nil
	}
	var st pollState
	if err := json.Unmarshal([]byte(cursor), &st); err != nil || st.V != cursorVersion {
		return pollState{}, errors.New("invalid cursor")
	}
	switch st.Chat.Phase {
	case "", phaseList, phaseWalk, phaseLog:
	default:
		return pollState{}, errors.New("invalid cursor")
	}
	return st, nil
}

// encode writes the state as the opaque cursor.
func (st pollState) encode() string {
	st.V = cursorVersion
	raw, _ := json.Marshal(st) // plain strings and slices always encode
	return string(raw)
}

package youtube

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"slices"
	"strings"
	"time"
)

const (
	// cursorVersion is written into every cursor; another version is refused.
	cursorVersion = 1
	// maxCursor caps the length of a cursor the connector accepts.
	maxCursor = 64 << 10
	// maxMemo caps the reply counts a stream remembers.
	maxMemo = 300
	// maxPageToken caps a page token taken from a cursor.
	maxPageToken = 1024
)

// cursorState is where Poll stands, encoded as base64url JSON, opaque to the
// engine. Times are Unix microseconds.
type cursorState struct {
	V int `json:"v"`
	// Next is the earliest start (Unix seconds) of the next incremental cycle
	// when the engine polls in a loop (see ExtraPollInterval).
	Next int64 `json:"n,omitempty"`
	// Pub is the walk over published threads, Held the one over threads held
	// for review (only used with ExtraIncludeHeld).
	Pub  streamState `json:"p"`
	Held streamState `json:"h"`
	// Spam is the walk over threads YouTube marked likelySpam (with Held).
	Spam streamState `json:"s"`
	// HNext is the earliest start (Unix seconds) of the next walk over the
	// held and spam comments, which are walked in full but less often.
	HNext int64 `json:"hn,omitempty"`
	// HGen numbers the walks over the held and spam comments; HOpen is set
	// while one is in progress and HBad when one of its streams failed (its
	// listing is then incomplete, so nothing is concluded from it).
	HGen  int64 `json:"hg,omitempty"`
	HOpen bool  `json:"ho,omitempty"`
	HBad  bool  `json:"hb,omitempty"`
	// Hid are the comments reported hidden (held, spam), with the hidden walk
	// that last listed them. One that a complete walk no longer lists was
	// published, rejected or deleted meanwhile: the connector looks it up.
	Hid map[string]int64 `json:"x,omitempty"`
}

// maxHid caps the hidden comments a cursor follows.
const maxHid = 500

// streamState is one stream's walk over commentThreads.list, newest first.
//
// The first walk reads every page. Each later walk starts again at the
// newest page and stops after the first page whose last thread, both by its
// top-level comment and by its latest known activity, is older than Floor:
// Mark (the newest activity seen by the walks so far) minus the reply
// lookback. That catches new threads whichever way YouTube sorts (by the
// top-level comment or by the latest reply: the documentation does not say),
// and new replies and edits on threads up to the lookback older than Mark.
// Tok is the next page of a walk in progress, so a restart resumes it; a walk
// repeated from an older cursor only re-reads (overlap), never skips.
type streamState struct {
	// Mark is the newest activity of the completed walks; 0 before the first.
	Mark int64 `json:"m,omitempty"`
	// Walking is set while a walk is in progress.
	Walking bool `json:"w,omitempty"`
	// Tok is the page token of the walk's next page ("" for its first page).
	Tok string `json:"t,omitempty"`
	// Floor is the walk's stop time; 0 walks every page.
	Floor int64 `json:"f,omitempty"`
	// Top is the newest activity this walk has seen.
	Top int64 `json:"top,omitempty"`
	// Gen numbers the walks.
	Gen int64 `json:"g,omitempty"`
	// Memo remembers the totalReplyCount of the threads whose replies YouTube
	// does not all include, as the latest walk saw them, so the next walk
	// fetches their replies again only when the count changed.
	Memo map[string]memoEntry `json:"r,omitempty"`
}

// memoEntry is a thread's reply count, its top-level comment's time and the
// walk that last saw it.
type memoEntry struct {
	N int   `json:"n"`
	T int64 `json:"t"`
	G int64 `json:"g"`
}

// decodeCursor reads a cursor; "" is the start.
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
	if len(st.Hid) > maxHid {
		return st, bad
	}
	for id := range st.Hid {
		if !validID(id) {
			return st, bad
		}
	}
	for _, s := range []*streamState{&st.Pub, &st.Held, &st.Spam} {
		if !validPageToken(s.Tok) || len(s.Memo) > maxMemo*2 {
			return st, bad
		}
		for id, e := range s.Memo {
			if !validID(id) || e.N < 0 {
				return st, bad
			}
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

// validPageToken reports whether a page token from a cursor may be sent back:
// YouTube's tokens are short base64url-like strings.
func validPageToken(tok string) bool {
	if len(tok) > maxPageToken {
		return false
	}
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '=' || c == '.' || c == '+' || c == '/') {
			return false
		}
	}
	return true
}

// start begins a walk: a full one before the first walk completed, else one
// that stops below Mark minus lookback.
func (s *streamState) start(lookback time.Duration) {
	s.Walking, s.Tok, s.Top, s.Floor = true, "", 0, 0
	s.Gen++
	if s.Mark != 0 {
		s.Floor = s.Mark - lookback.Microseconds()
	}
}

// startFull begins a walk over every page, whatever the earlier walks saw.
func (s *streamState) startFull() {
	s.start(0)
	s.Floor = 0
}

// finish ends the walk: Mark moves up to the newest activity seen and the
// memo keeps only the threads this walk saw.
func (s *streamState) finish() {
	s.Mark = max(s.Mark, s.Top)
	s.Walking, s.Tok, s.Top, s.Floor = false, "", 0, 0
	s.pruneMemo(s.Gen)
}

// remember records a thread's reply count as seen by the current walk.
func (s *streamState) remember(id string, n int, t int64) {
	if s.Memo == nil {
		s.Memo = map[string]memoEntry{}
	}
	s.Memo[id] = memoEntry{N: n, T: t, G: s.Gen}
	if len(s.Memo) > maxMemo*2 {
		s.pruneMemo(0)
	}
}

// pruneMemo drops entries last seen before walk gen and, past maxMemo, the
// threads with the oldest top-level comments (the ones a later walk is least
// likely to reach).
func (s *streamState) pruneMemo(gen int64) {
	type kv struct {
		id string
		e  memoEntry
	}
	var keep []kv
	for id, e := range s.Memo {
		if e.G >= gen {
			keep = append(keep, kv{id, e})
		}
	}
	slices.SortFunc(keep, func(a, b kv) int {
		if c := cmp.Compare(b.e.T, a.e.T); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	if len(keep) > maxMemo {
		keep = keep[:maxMemo]
	}
	if len(keep) == 0 {
		s.Memo = nil
		return
	}
	s.Memo = make(map[string]memoEntry, len(keep))
	for _, x := range keep {
		s.Memo[x.id] = x.e
	}
}

package notify

import (
	"sync"
	"time"
)

// QuietGate puts Decide, Silenced and Held together for the service that
// raises notifications: message by message it says whether to notify now,
// holds the urgent ones quiet hours silence, and hands out the one summary
// when the quiet hours are over. It is safe for concurrent use; the zero
// value holds nothing.
type QuietGate struct {
	mu   sync.Mutex
	held Held
	// Save, when set, is called (under the gate's lock) with the held state
	// after every change, so it can be kept across a restart (see Restore).
	Save func(Held)
}

// Restore sets the held state, for example the one Save kept before a restart.
func (g *QuietGate) Restore(h Held) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.held = h
}

// Held returns a copy of what is held now.
func (g *QuietGate) Held() Held {
	g.mu.Lock()
	defer g.mu.Unlock()
	h := g.held
	h.ConversationIDs = append([]int64(nil), h.ConversationIDs...)
	return h
}

// Consider decides for one new message of conversationID: notify now (with
// the reason), or hold it for the summary, or neither.
func (g *QuietGate) Consider(s Settings, c Candidate, conversationID int64, now time.Time, loc *time.Location) (reason string, notifyNow bool) {
	if reason, ok := Decide(s, c, now, loc); ok {
		return reason, true
	}
	if reason, ok := Silenced(s, c, now, loc); ok {
		g.mu.Lock()
		defer g.mu.Unlock()
		g.held.Hold(reason, conversationID, c.SentAt)
		g.saveLocked()
	}
	return "", false
}

// TakeSummary returns the summary notification, worded in lang, once the
// quiet hours are over, and forgets what it held; ok is false while there is
// nothing to tell or the quiet hours go on. With notifications switched off
// the held messages are forgotten without a summary.
func (g *QuietGate) TakeSummary(s Settings, now time.Time, loc *time.Location, lang string) (n Notification, ok bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.held.Count() == 0 {
		return Notification{}, false
	}
	if !s.Enabled {
		g.held = Held{}
		g.saveLocked()
		return Notification{}, false
	}
	if !g.held.Due(s, now, loc) {
		return Notification{}, false
	}
	n = g.held.Summary(lang)
	g.held = Held{}
	g.saveLocked()
	return n, true
}

// saveLocked hands the held state to Save.
func (g *QuietGate) saveLocked() {
	if g.Save != nil {
		g.Save(g.held)
	}
}

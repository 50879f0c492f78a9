package mastodonfake

import (
	"net/http"
	"slices"

	"creatordesk/backend/platforms/fakekit"
)

// InspectSentPath lists, as JSON, the statuses created through the API. It is
// not part of the Mastodon API: it lets an end-to-end test in another process
// (a browser driving the demo) check what reached the platform. The fake only
// ever listens on loopback.
const InspectSentPath = "/_fake/sent"

// Sent returns the statuses created through POST /api/v1/statuses, oldest
// first; a repeated Idempotency-Key adds nothing.
func (s *Server) Sent() []SentStatus {
	return fakekit.SnapshotWith(&s.mu, &s.sent, func(m *SentStatus) { m.MentionedIDs = slices.Clone(m.MentionedIDs) })
}

// Blocks returns the account ids blocked through the API, in call order.
func (s *Server) Blocks() []string { return fakekit.Snapshot(&s.mu, &s.blocks) }

// Mutes returns the mute calls, in order.
func (s *Server) Mutes() []Mute { return fakekit.Snapshot(&s.mu, &s.mutes) }

// Reports returns the reports filed, in order.
func (s *Server) Reports() []Report {
	return fakekit.SnapshotWith(&s.mu, &s.reports, func(r *Report) { r.StatusIDs = slices.Clone(r.StatusIDs) })
}

// Deleted returns the status ids deleted through the API, in order.
func (s *Server) Deleted() []string { return fakekit.Snapshot(&s.mu, &s.deleted) }

// Requests returns every API request received so far, in order.
func (s *Server) Requests() []Request { return fakekit.Snapshot(&s.mu, &s.requests) }

// sentView is one sent status as InspectSentPath shows it.
type sentView struct {
	ID          string `json:"id"`
	Text        string `json:"text"`
	Visibility  string `json:"visibility"`
	InReplyToID string `json:"inReplyToId,omitempty"`
}

// serveSent writes the sent statuses as a JSON array.
func (s *Server) serveSent(w http.ResponseWriter) {
	fakekit.WriteList(w, s.Sent(), func(m SentStatus) sentView {
		return sentView{ID: m.ID, Text: m.Text, Visibility: m.Visibility, InReplyToID: m.InReplyToID}
	})
}

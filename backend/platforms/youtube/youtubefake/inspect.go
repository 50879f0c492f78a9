package youtubefake

import (
	"net/http"
	"slices"

	"creatordesk/backend/platforms/fakekit"
)

// InspectSentPath lists, as JSON, the replies created through comments.insert.
// It is not part of the YouTube API: it lets an end-to-end test in another
// process (a browser driving the demo) check what reached the platform. The
// fake only ever listens on loopback.
const InspectSentPath = "/_fake/sent"

// Sent returns the replies created through comments.insert, oldest first.
func (s *Server) Sent() []SentReply { return fakekit.Snapshot(&s.mu, &s.sent) }

// Moderations returns the successful setModerationStatus calls, in order.
func (s *Server) Moderations() []Moderation {
	return fakekit.SnapshotWith(&s.mu, &s.moderations, func(m *Moderation) { m.IDs = slices.Clone(m.IDs) })
}

// Deleted returns the comment ids deleted through comments.delete, in order.
func (s *Server) Deleted() []string { return fakekit.Snapshot(&s.mu, &s.deleted) }

// Requests returns every request received so far, in order.
func (s *Server) Requests() []Request { return fakekit.Snapshot(&s.mu, &s.requests) }

// Charges returns the quota charged for each request, in order.
func (s *Server) Charges() []Charge { return fakekit.Snapshot(&s.mu, &s.charges) }

// sentView is one sent reply as InspectSentPath shows it.
type sentView struct {
	ID       string `json:"id"`
	ParentID string `json:"parentId"`
	Text     string `json:"text"`
}

// serveSent writes the sent replies as a JSON array.
func (s *Server) serveSent(w http.ResponseWriter) {
	fakekit.WriteList(w, s.Sent(), func(m SentReply) sentView {
		return sentView{ID: m.ID, ParentID: m.ParentID, Text: m.Text}
	})
}

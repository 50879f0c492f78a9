package mastodonfake

import (
	"net/http"
	"strconv"
	"unicode/utf8"
)

// maxReportComment is Mastodon's default limit on a report's comment.
const maxReportComment = 1000

// relationshipJSON is the Relationship entity.
type relationshipJSON struct {
	ID                  string `json:"id"`
	Following           bool   `json:"following"`
	ShowingReblogs      bool   `json:"showing_reblogs"`
	Notifying           bool   `json:"notifying"`
	FollowedBy          bool   `json:"followed_by"`
	Blocking            bool   `json:"blocking"`
	BlockedBy           bool   `json:"blocked_by"`
	Muting              bool   `json:"muting"`
	MutingNotifications bool   `json:"muting_notifications"`
	Requested           bool   `json:"requested"`
	DomainBlocking      bool   `json:"domain_blocking"`
	Endorsed            bool   `json:"endorsed"`
	Note                string `json:"note"`
}

// block serves POST /api/v1/accounts/:id/block.
func (s *Server) block(r *http.Request) reply {
	id := r.PathValue("id")
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, known := s.accounts[id]; !known {
		return fail(http.StatusNotFound, "Record not found")
	}
	if id == s.Self.ID {
		return fail(http.StatusForbidden, "This action is not allowed")
	}
	s.blocks = append(s.blocks, id)
	return ok(relationshipJSON{ID: id, Blocking: true, Muting: s.mutedLocked(id)})
}

// mute serves POST /api/v1/accounts/:id/mute with notifications (default true)
// and duration (seconds, default 0 for indefinite).
func (s *Server) mute(r *http.Request) reply {
	p, err := readParams(r)
	if err != nil {
		return fail(http.StatusBadRequest, err.Error())
	}
	m := Mute{AccountID: r.PathValue("id"), Notifications: p.Get("notifications") != "false"}
	if d := p.Get("duration"); d != "" {
		if m.Duration, err = strconv.Atoi(d); err != nil || m.Duration < 0 {
			return fail(http.StatusUnprocessableEntity, "Validation failed: Duration is invalid")
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, known := s.accounts[m.AccountID]; !known {
		return fail(http.StatusNotFound, "Record not found")
	}
	if m.AccountID == s.Self.ID {
		return fail(http.StatusForbidden, "This action is not allowed")
	}
	s.mutes = append(s.mutes, m)
	return ok(relationshipJSON{ID: m.AccountID, Muting: true, MutingNotifications: m.Notifications, Blocking: containsString(s.blocks, m.AccountID)})
}

// mutedLocked reports whether the account was muted.
func (s *Server) mutedLocked(id string) bool {
	for _, m := range s.mutes {
		if m.AccountID == id {
			return true
		}
	}
	return false
}

// reportJSON is the Report entity.
type reportJSON struct {
	ID            string      `json:"id"`
	ActionTaken   bool        `json:"action_taken"`
	Category      string      `json:"category"`
	Comment       string      `json:"comment"`
	Forwarded     bool        `json:"forwarded"`
	CreatedAt     string      `json:"created_at"`
	StatusIDs     []string    `json:"status_ids"`
	TargetAccount accountJSON `json:"target_account"`
}

// report serves POST /api/v1/reports. The account must be known and every
// reported status must be one of its statuses (else 404, as on Mastodon).
func (s *Server) report(r *http.Request) reply {
	p, err := readParams(r)
	if err != nil {
		return fail(http.StatusBadRequest, err.Error())
	}
	rep := Report{
		AccountID: p.Get("account_id"), StatusIDs: p["status_ids[]"], Comment: p.Get("comment"),
		Forward: p.Get("forward") == "true", Category: p.Get("category"),
	}
	if rep.Category == "" {
		rep.Category = "other"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	acc, known := s.accounts[rep.AccountID]
	if !known {
		return fail(http.StatusNotFound, "Record not found")
	}
	for _, id := range rep.StatusIDs {
		if st := s.liveStatusLocked(id); st == nil || st.accountID != acc.ID {
			return fail(http.StatusNotFound, "Record not found")
		}
	}
	if utf8.RuneCountInString(rep.Comment) > maxReportComment {
		return fail(http.StatusUnprocessableEntity, "Validation failed: Comment is too long (maximum is 1000 characters)")
	}
	rep.ID = strconv.FormatInt(s.nextReport, 10)
	s.nextReport++
	s.reports = append(s.reports, rep)
	return ok(reportJSON{
		ID: rep.ID, Category: rep.Category, Comment: rep.Comment, Forwarded: rep.Forward,
		CreatedAt: formatTime(s.nowLocked()), StatusIDs: append([]string{}, rep.StatusIDs...), TargetAccount: s.accountJSONLocked(acc),
	})
}

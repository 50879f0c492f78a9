package templates

import (
	"context"
	"sort"
	"strings"

	"creatordesk/backend/store"
	"creatordesk/backend/textsearch"
)

// Query narrows and ranks the template list.
type Query struct {
	// Text is what was typed after "/" (or in the Settings search box): it
	// matches shortcuts, names and bodies, without regard to case or Latin diacritics.
	Text string
	// FolderID keeps one folder (0 = all); Unfiled keeps templates in no folder.
	FolderID int64
	Unfiled  bool
	// Kind and Platform describe the conversation the reply is for: templates
	// whose hints match come first (templates hinted for another kind or
	// platform stay in the list, after them).
	Kind     string
	Platform string
	// Limit caps the result (0 = no cap).
	Limit int
}

// List returns the templates matching q: shortcut matches first, then name
// matches, then body matches; within each, suited hints first, then the most used.
func (s *Service) List(ctx context.Context, q Query) ([]store.Template, error) {
	all, err := s.Store.Templates(ctx, store.TemplateFilter{FolderID: q.FolderID, Unfiled: q.Unfiled, Order: store.TemplatesByUsage})
	if err != nil {
		return nil, err
	}
	needle := textsearch.Fold(strings.TrimPrefix(strings.TrimSpace(q.Text), "/"))
	type ranked struct {
		t          store.Template
		match, fit int
		pos        int
	}
	var keep []ranked
	for i, t := range all {
		m := matchRank(t, needle)
		if m < 0 {
			continue
		}
		keep = append(keep, ranked{t: t, match: m, fit: fitRank(t, q), pos: i})
	}
	sort.SliceStable(keep, func(i, j int) bool {
		a, b := keep[i], keep[j]
		if a.match != b.match {
			return a.match < b.match
		}
		if a.fit != b.fit {
			return a.fit < b.fit
		}
		return a.pos < b.pos
	})
	if q.Limit > 0 && len(keep) > q.Limit {
		keep = keep[:q.Limit]
	}
	out := make([]store.Template, len(keep))
	for i, r := range keep {
		out[i] = r.t
	}
	return out, nil
}

// matchRank is 0 for a shortcut prefix, 1 for a name or shortcut match, 2 for
// a body match, -1 for none ("" matches everything with 0).
func matchRank(t store.Template, needle string) int {
	if needle == "" {
		return 0
	}
	shortcut := textsearch.Fold(t.Shortcut)
	switch {
	case strings.HasPrefix(shortcut, needle):
		return 0
	case strings.Contains(shortcut, needle), strings.Contains(textsearch.Fold(t.Name), needle):
		return 1
	}
	for _, v := range t.Variants {
		if strings.Contains(textsearch.Fold(v.Body), needle) {
			return 2
		}
	}
	return -1
}

// fitRank is 0 when the template's hints suit the conversation, 1 otherwise.
func fitRank(t store.Template, q Query) int {
	if (t.Kind != "" && q.Kind != "" && t.Kind != q.Kind) || (t.Channel != "" && q.Platform != "" && t.Channel != q.Platform) {
		return 1
	}
	return 0
}

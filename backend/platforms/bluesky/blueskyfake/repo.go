package blueskyfake

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/rivo/uniseg"
)

// ownRepoLocked tells whether repo names the account (by DID or handle).
func (s *Server) ownRepoLocked(repo string) bool {
	return repo == s.Account.DID || strings.EqualFold(repo, s.Account.Handle)
}

// validateLocked checks a record the account writes, like the PDS's lexicon
// validation. Replies must also point at known posts with their current
// CIDs (stricter than a PDS, to catch wrong references). It returns "" when valid.
func (s *Server) validateLocked(collection, rkey string, raw json.RawMessage) string {
	var head struct {
		Type      string `json:"$type"`
		CreatedAt string `json:"createdAt"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return "Invalid record: not an object"
	}
	if head.Type != collection {
		return "Invalid $type: must be " + collection
	}
	if collection == collectionPost || collection == collectionBlock || collection == collectionThreadgate {
		if _, err := time.Parse(time.RFC3339Nano, head.CreatedAt); err != nil {
			return "Record/createdAt must be an valid atproto datetime"
		}
	}
	switch collection {
	case collectionPost:
		return s.validatePostLocked(raw)
	case collectionBlock:
		var b struct {
			Subject string `json:"subject"`
		}
		if json.Unmarshal(raw, &b) != nil || !strings.HasPrefix(b.Subject, "did:") {
			return "Record/subject must be a did"
		}
	case collectionThreadgate:
		return s.validateThreadgateLocked(rkey, raw)
	}
	return ""
}

// validatePostLocked checks a post's text and reply references.
func (s *Server) validatePostLocked(raw json.RawMessage) string {
	var p struct {
		Text  *string `json:"text"`
		Reply *struct {
			Root, Parent *StrongRef
		} `json:"reply"`
	}
	if err := json.Unmarshal(raw, &p); err != nil || p.Text == nil {
		return "Record must have the property \"text\""
	}
	if uniseg.GraphemeClusterCount(*p.Text) > 300 || len(*p.Text) > 3000 {
		return "Record/text must not be longer than 300 graphemes"
	}
	if p.Reply != nil {
		for _, ref := range []*StrongRef{p.Reply.Root, p.Reply.Parent} {
			if ref == nil || ref.URI == "" || ref.CID == "" {
				return "Record/reply must have root and parent strong refs"
			}
			if target, ok := s.records[ref.URI]; !ok || target.cid != ref.CID {
				return "Record/reply refers to an unknown post or an old CID: " + ref.URI
			}
		}
	}
	return ""
}

// validateThreadgateLocked checks a threadgate: it belongs to the account's
// post with the same rkey and hides at most MaxHiddenReplies replies.
func (s *Server) validateThreadgateLocked(rkey string, raw json.RawMessage) string {
	var g struct {
		Post          string             `json:"post"`
		Allow         *[]json.RawMessage `json:"allow"`
		HiddenReplies *[]string          `json:"hiddenReplies"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return "Record is not a valid threadgate"
	}
	want := "at://" + s.Account.DID + "/" + collectionPost + "/" + rkey
	if g.Post != want {
		return "Record/post must be the post with the threadgate's rkey: " + want
	}
	if _, ok := s.records[want]; !ok {
		return "Record/post refers to an unknown post"
	}
	if g.Allow != nil && len(*g.Allow) > 5 {
		return "Record/allow must not have more than 5 elements"
	}
	if g.HiddenReplies != nil && len(*g.HiddenReplies) > MaxHiddenReplies {
		return "Record/hiddenReplies must not have more than 300 elements"
	}
	return ""
}

// writeInput reads the common createRecord/putRecord input.
func writeInput(r *request) (repo, collection, rkey string, rec json.RawMessage) {
	return r.str("repo"), r.str("collection"), r.str("rkey"), r.body["record"]
}

// createRecord writes a new record to the account's repository.
func (s *Server) createRecord(r *request) reply {
	repo, collection, rkey, raw := writeInput(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ownRepoLocked(repo) {
		return invalid("Invalid repo: only the account's own repository can be written")
	}
	if collection == "" || len(raw) == 0 {
		return invalid("Input must have the properties \"repo\", \"collection\" and \"record\"")
	}
	if rkey == "" {
		rkey = s.nextTIDLocked()
	}
	uri := "at://" + s.Account.DID + "/" + collection + "/" + rkey
	if _, exists := s.records[uri]; exists {
		return invalid("Record already exists: %s", uri)
	}
	if msg := s.validateLocked(collection, rkey, raw); msg != "" {
		return invalid("%s", msg)
	}
	rec := &record{uri: uri, repo: s.Account.DID, collection: collection, rkey: rkey, indexedAt: time.Now(), createdByClient: true}
	s.setValueLocked(rec, slices.Clone(raw))
	s.records[uri] = rec
	return success(map[string]any{"uri": uri, "cid": rec.cid, "validationStatus": "valid",
		"commit": map[string]string{"cid": cidOf([]byte(uri + rec.cid)), "rev": s.nextTIDLocked()}})
}

// putRecord creates or replaces a record, honouring swapRecord.
func (s *Server) putRecord(r *request) reply {
	repo, collection, rkey, raw := writeInput(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ownRepoLocked(repo) {
		return invalid("Invalid repo: only the account's own repository can be written")
	}
	if collection == "" || rkey == "" || len(raw) == 0 {
		return invalid("Input must have the properties \"repo\", \"collection\", \"rkey\" and \"record\"")
	}
	uri := "at://" + s.Account.DID + "/" + collection + "/" + rkey
	old, exists := s.records[uri]
	if swap, ok := r.body["swapRecord"]; ok {
		var want *string
		_ = json.Unmarshal(swap, &want)
		switch {
		case want == nil && exists:
			return fail(http.StatusBadRequest, "InvalidSwap", "Record was at "+old.cid)
		case want != nil && (!exists || old.cid != *want):
			current := "null"
			if exists {
				current = old.cid
			}
			return fail(http.StatusBadRequest, "InvalidSwap", "Record was at "+current)
		}
	}
	if msg := s.validateLocked(collection, rkey, raw); msg != "" {
		return invalid("%s", msg)
	}
	rec := &record{uri: uri, repo: s.Account.DID, collection: collection, rkey: rkey, indexedAt: time.Now(), createdByClient: true}
	s.setValueLocked(rec, slices.Clone(raw))
	s.records[uri] = rec
	return success(map[string]any{"uri": uri, "cid": rec.cid, "validationStatus": "valid"})
}

// getRecord reads any record.
func (s *Server) getRecord(r *request) reply {
	repo, collection, rkey := r.q.Get("repo"), r.q.Get("collection"), r.q.Get("rkey")
	s.mu.Lock()
	defer s.mu.Unlock()
	did := repo
	for _, p := range s.profiles {
		if strings.EqualFold(p.Handle, repo) {
			did = p.DID
		}
	}
	uri := "at://" + did + "/" + collection + "/" + rkey
	rec, ok := s.records[uri]
	if !ok {
		return fail(http.StatusBadRequest, "RecordNotFound", "Could not locate record: "+uri)
	}
	return success(map[string]any{"uri": rec.uri, "cid": rec.cid, "value": rec.value})
}

// deleteRecord removes a record of the account (deleting a missing one is fine).
func (s *Server) deleteRecord(r *request) reply {
	repo, collection, rkey := r.str("repo"), r.str("collection"), r.str("rkey")
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ownRepoLocked(repo) {
		return invalid("Invalid repo: only the account's own repository can be written")
	}
	delete(s.records, "at://"+s.Account.DID+"/"+collection+"/"+rkey)
	return success(map[string]any{})
}

// muteActor mutes a known account by DID or handle.
func (s *Server) muteActor(r *request) reply {
	actor := r.str("actor")
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.profiles {
		if p.DID == actor || (actor != "" && strings.EqualFold(p.Handle, actor)) {
			if p.DID == s.Account.DID {
				return invalid("Cannot mute oneself")
			}
			if !slices.Contains(s.mutes, p.DID) {
				s.mutes = append(s.mutes, p.DID)
			}
			return reply{status: http.StatusOK, body: []byte("{}")}
		}
	}
	return invalid("Actor not found")
}

// createReport records a report about a post (strongRef) or an account (repoRef).
func (s *Server) createReport(r *request) reply {
	var in struct {
		ReasonType string `json:"reasonType"`
		Reason     string `json:"reason"`
		Subject    struct {
			Type string `json:"$type"`
			URI  string `json:"uri"`
			CID  string `json:"cid"`
			DID  string `json:"did"`
		} `json:"subject"`
	}
	raw, _ := json.Marshal(r.body)
	if err := json.Unmarshal(raw, &in); err != nil {
		return invalid("Input is not a valid report")
	}
	if !strings.HasPrefix(in.ReasonType, "com.atproto.moderation.defs#reason") && !strings.HasPrefix(in.ReasonType, "tools.ozone.report.defs#reason") {
		return invalid("Input/reasonType must be a known reason")
	}
	if uniseg.GraphemeClusterCount(in.Reason) > 2000 {
		return invalid("Input/reason must not be longer than 2000 graphemes")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rep := Report{ReasonType: in.ReasonType, Reason: in.Reason}
	switch in.Subject.Type {
	case "com.atproto.repo.strongRef":
		rec, ok := s.records[in.Subject.URI]
		if !ok || rec.cid != in.Subject.CID {
			return invalid("Input/subject refers to an unknown record")
		}
		rep.SubjectURI, rep.SubjectCID = in.Subject.URI, in.Subject.CID
	case "com.atproto.admin.defs#repoRef":
		if !strings.HasPrefix(in.Subject.DID, "did:") {
			return invalid("Input/subject/did must be a did")
		}
		rep.SubjectDID = in.Subject.DID
	default:
		return invalid("Input/subject must be a strongRef or a repoRef")
	}
	s.reports = append(s.reports, rep)
	return success(map[string]any{"id": len(s.reports), "reasonType": in.ReasonType, "reason": in.Reason,
		"subject": r.body["subject"], "reportedBy": s.Account.DID, "createdAt": stamp(time.Now())})
}

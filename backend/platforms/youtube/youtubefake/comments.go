package youtubefake

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"
)

// listComments serves comments.list by parentId (a thread's published
// replies, oldest first, paged) or by id (no moderationStatus, as on YouTube).
func (s *Server) listComments(r *http.Request) reply {
	q := r.URL.Query()
	if rep, valid := checkParts(q.Get("part"), "id", "snippet"); !valid {
		return rep
	}
	if (q.Get("id") == "") == (q.Get("parentId") == "") {
		return badRequest("missingRequiredParameter", "Exactly one filter is required: id or parentId.")
	}
	plain := q.Get("textFormat") == "plainText"
	s.mu.Lock()
	defer s.mu.Unlock()
	if ids := q.Get("id"); ids != "" {
		items := []any{}
		for _, id := range strings.Split(ids, ",") {
			if cm := s.liveCommentLocked(id); cm != nil && cm.status != StatusRejected {
				items = append(items, s.renderCommentLocked(cm, plain, false))
			}
		}
		return ok(listResponse("youtube#commentListResponse", items, "", len(items)))
	}
	limit, rep, valid := maxResults(q)
	if !valid {
		return rep
	}
	th := s.threadLocked(q.Get("parentId"))
	if th == nil || th.top.deleted || th.top.status == StatusRejected {
		return fail(http.StatusNotFound, "youtube.comment", "commentNotFound", "The comment identified by the parentId parameter could not be found.")
	}
	replies := publicReplies(th)
	if tok := q.Get("pageToken"); tok != "" {
		pos, valid := decodeToken(tok, "r"+th.top.id)
		if !valid {
			return badRequest("invalidPageToken", "The request specifies an invalid page token.")
		}
		replies = slices.DeleteFunc(replies, func(c *comment) bool {
			k := c.published.UnixNano()
			return k < pos.Key || (k == pos.Key && c.id <= pos.ID)
		})
	}
	next := ""
	if len(replies) > limit {
		replies = replies[:limit]
		last := replies[limit-1]
		next = encodeToken(position{Key: last.published.UnixNano(), ID: last.id, Scope: "r" + th.top.id})
	}
	items := make([]any, len(replies))
	for i, c := range replies {
		items[i] = s.renderCommentLocked(c, plain, true)
	}
	return ok(listResponse("youtube#commentListResponse", items, next, limit))
}

// insertRequest is the comment resource comments.insert takes.
type insertRequest struct {
	Snippet *struct {
		ParentID     string `json:"parentId"`
		TextOriginal string `json:"textOriginal"`
	} `json:"snippet"`
}

// insertComment serves comments.insert: a reply by the fake's channel to a
// top-level comment.
func (s *Server) insertComment(r *http.Request) reply {
	if r.URL.Query().Get("part") != "snippet" {
		return badRequest("invalidPart", "The part parameter must be snippet.")
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var req insertRequest
	if err != nil || json.Unmarshal(raw, &req) != nil || req.Snippet == nil {
		return badRequest("invalidCommentMetadata", "The request metadata is invalid.")
	}
	switch {
	case req.Snippet.ParentID == "":
		return badRequest("parentIdMissing", "The comment that is being inserted must be linked to a parent comment.")
	case strings.TrimSpace(req.Snippet.TextOriginal) == "":
		return badRequest("commentTextRequired", "The comment resource that is being inserted must specify a value for the snippet.textOriginal property.")
	case utf8.RuneCountInString(req.Snippet.TextOriginal) > MaxCommentLength:
		return badRequest("commentTextTooLong", "The comment resource that is being inserted contains too many characters in the snippet.textOriginal property.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	th := s.threadLocked(req.Snippet.ParentID)
	if th == nil || th.top.deleted || th.top.status == StatusRejected || th.raw != nil {
		return fail(http.StatusNotFound, "youtube.comment", "parentCommentNotFound", "The specified parent comment could not be found.")
	}
	cm := s.addReplyLocked(th, Comment{Author: s.Self, Text: req.Snippet.TextOriginal})
	s.sent = append(s.sent, SentReply{ID: cm.id, ParentID: th.top.id, Text: cm.text, At: cm.published})
	return ok(s.renderCommentLocked(cm, true, false))
}

// setModerationStatus serves comments.setModerationStatus: 204 with no body.
// All ids are checked before any changes; a rejected comment cannot be
// published again; banAuthor needs rejected; only comments on the fake's
// channel can be moderated.
func (s *Server) setModerationStatus(r *http.Request) reply {
	q := r.URL.Query()
	status := q.Get("moderationStatus")
	if q.Get("id") == "" || status == "" {
		return badRequest("missingRequiredParameter", "Required parameters: id, moderationStatus")
	}
	if status != StatusHeldForReview && status != StatusPublished && status != StatusRejected {
		return badRequest("invalidParameter", "Invalid value for moderationStatus.")
	}
	ban := q.Get("banAuthor") == "true"
	if ban && status != StatusRejected {
		return badRequest("banWithoutReject", "The banAuthor parameter can only be used if the moderationStatus parameter value is rejected.")
	}
	ids := strings.Split(q.Get("id"), ",")
	if len(ids) > 50 {
		return badRequest("invalidParameter", "At most 50 comment ids can be moderated at once.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var targets []*comment
	for _, id := range ids {
		cm := s.liveCommentLocked(id)
		if cm == nil {
			return fail(http.StatusNotFound, "youtube.comment", "commentNotFound", "One or more comments that the request is trying to update cannot be found.")
		}
		if status == StatusPublished && cm.status == StatusRejected {
			return badRequest("processingFailure", "A rejected comment cannot be published again.")
		}
		targets = append(targets, cm)
	}
	for _, cm := range targets {
		cm.status = status
		if ban && cm.author.ID != s.Self.ID {
			s.banned[cm.author.ID] = true
		}
	}
	s.moderations = append(s.moderations, Moderation{IDs: slices.Clone(ids), Status: status, BanAuthor: ban})
	return noContent()
}

// deleteComment serves comments.delete, which only a comment's author may use.
func (s *Server) deleteComment(r *http.Request) reply {
	id := r.URL.Query().Get("id")
	if id == "" {
		return badRequest("missingRequiredParameter", "Required parameter: id")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cm := s.liveCommentLocked(id)
	if cm == nil {
		return fail(http.StatusNotFound, "youtube.comment", "commentNotFound", "The specified comment could not be found.")
	}
	if cm.author.ID != s.Self.ID {
		return fail(http.StatusForbidden, "youtube.comment", "forbidden", "The comment could not be deleted due to insufficient permissions.")
	}
	cm.deleted = true
	s.deleted = append(s.deleted, id)
	return noContent()
}

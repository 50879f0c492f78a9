package youtubefake

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// AddVideo adds a video of the fake's channel (or renames a known one).
func (s *Server) AddVideo(id, title string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.videos[id] = Video{ID: id, Title: title}
}

// AddThread adds a top-level comment on a video of the fake's channel and
// returns its id, which is also the thread's id. videoID "" makes it a comment
// about the channel itself.
func (s *Server) AddThread(videoID string, c Comment) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	top := s.newCommentLocked(fmt.Sprintf("UgxFake%012s4AaABAg", strconv.FormatInt(int64(s.nextID), 36)), c)
	top.videoID = videoID
	s.threads = append(s.threads, &thread{top: top})
	return top.id
}

// AddReply adds a reply to a thread and returns its id ("<thread id>.<suffix>",
// as on YouTube). It panics if the thread is unknown: that is a test bug.
func (s *Server) AddReply(threadID string, c Comment) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	th := s.threadLocked(threadID)
	if th == nil {
		panic("youtubefake: unknown thread " + threadID)
	}
	return s.addReplyLocked(th, c).id
}

// addReplyLocked stores a reply in th.
func (s *Server) addReplyLocked(th *thread, c Comment) *comment {
	s.nextID++
	r := s.newCommentLocked(fmt.Sprintf("%s.9Fake%017s", th.top.id, strconv.FormatInt(int64(s.nextID), 36)), c)
	r.parentID, r.videoID = th.top.id, th.top.videoID
	th.replies = append(th.replies, r)
	return r
}

// newCommentLocked stores a new comment.
func (s *Server) newCommentLocked(id string, c Comment) *comment {
	at := c.At
	if at.IsZero() {
		at = s.nowLocked()
	}
	at = at.UTC().Truncate(time.Second)
	status := c.Status
	if status == "" {
		status = StatusPublished
	}
	if s.banned[c.Author.ID] {
		status = StatusRejected
	}
	cm := &comment{id: id, author: c.Author, text: c.Text, status: status, published: at, updated: at}
	s.comments[id] = cm
	return cm
}

// EditComment gives a comment new text and a later updatedAt, as its author's
// edit does. Like on YouTube an edit does not move the thread.
func (s *Server) EditComment(id, text string, at time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	cm := s.liveCommentLocked(id)
	if cm == nil {
		return fmt.Errorf("youtubefake: no comment %s", id)
	}
	cm.text, cm.updated = text, at.UTC().Truncate(time.Second)
	return nil
}

// SetCommentStatus sets a comment's moderation status, as YouTube's automatic
// filters or a moderator in YouTube Studio would.
func (s *Server) SetCommentStatus(id, status string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	cm := s.liveCommentLocked(id)
	if cm == nil {
		return fmt.Errorf("youtubefake: no comment %s", id)
	}
	cm.status = status
	return nil
}

// DeleteComment deletes a comment as its author would: it stops being listed.
func (s *Server) DeleteComment(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	cm := s.liveCommentLocked(id)
	if cm == nil {
		return fmt.Errorf("youtubefake: no comment %s", id)
	}
	cm.deleted = true
	return nil
}

// AddRawThread adds a commentThread item served verbatim in published
// listings, sorted as if its top-level comment was published at at, for
// malformed or unusual items. It returns the id the fake files it under.
func (s *Server) AddRawThread(raw json.RawMessage, at time.Time) string {
	if !json.Valid(raw) {
		panic("youtubefake: AddRawThread needs valid JSON")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	top := s.newCommentLocked(fmt.Sprintf("UgxRaw%013s4AaABAg", strconv.FormatInt(int64(s.nextID), 36)), Comment{At: at})
	s.threads = append(s.threads, &thread{top: top, raw: slices.Clone(raw)})
	return top.id
}

// SetRawComment makes the fake serve raw, verbatim, wherever it would render
// the comment (in a thread's replies, in comments.list). The fake keeps using
// the stored comment for ordering and counting.
func (s *Server) SetRawComment(id string, raw json.RawMessage) error {
	if !json.Valid(raw) {
		panic("youtubefake: SetRawComment needs valid JSON")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cm := s.liveCommentLocked(id)
	if cm == nil {
		return fmt.Errorf("youtubefake: no comment %s", id)
	}
	cm.raw = slices.Clone(raw)
	return nil
}

// SetOrderByActivity makes order=time sort threads by their latest visible
// reply (true) instead of by the top-level comment (false, the default).
func (s *Server) SetOrderByActivity(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.orderByActivity = on
}

// SetIncludedReplies sets how many replies a commentThreads item carries at
// most (default 5); the rest must be fetched with comments.list.
func (s *Server) SetIncludedReplies(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.includedReplies = max(n, 0)
}

// Banned returns the channel ids banned with banAuthor, sorted.
func (s *Server) Banned() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for id := range s.banned {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// CommentStatus returns a comment's moderation status, and whether it exists
// and is not deleted.
func (s *Server) CommentStatus(id string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cm := s.liveCommentLocked(id)
	if cm == nil {
		return "", false
	}
	return cm.status, true
}

// threadLocked finds a thread by its id.
func (s *Server) threadLocked(id string) *thread {
	for _, th := range s.threads {
		if th.top.id == id {
			return th
		}
	}
	return nil
}

// liveCommentLocked finds a comment that is not deleted.
func (s *Server) liveCommentLocked(id string) *comment {
	cm, ok := s.comments[id]
	if !ok || cm.deleted {
		return nil
	}
	return cm
}

// isReplyID reports whether id names a reply ("<parent>.<suffix>").
func isReplyID(id string) bool { return strings.Contains(id, ".") }

package metafake

import (
	"net/http"
	"slices"
	"time"

	"creatordesk/backend/platforms/fakekit"
)

// InspectSentPath lists, as JSON, what the accounts sent (not part of Graph:
// it lets a test in another process check what reached the platform).
const InspectSentPath = "/_fake/sent"

// AddConversation starts a DM thread of platform (Instagram or Messenger) with a person.
func (s *Server) AddConversation(platform string, with Person) *Conversation {
	s.mu.Lock()
	defer s.mu.Unlock()
	prefix := "aWdfc"
	if platform == Messenger {
		prefix = "t_"
	}
	c := &Conversation{ID: s.newID(prefix), Platform: platform, With: with}
	s.convs = append(s.convs, c)
	return c
}

// AddMessage appends a message from the conversation's person (or, with
// fromAccount, from the account) and returns it.
func (s *Server) AddMessage(c *Conversation, text string, at time.Time, fromAccount bool) *Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	from := c.With
	if fromAccount {
		from = s.self(c.Platform)
	}
	return s.appendMessage(c, from, text, at, "")
}

// appendMessage adds a message in time order.
func (s *Server) appendMessage(c *Conversation, from Person, text string, at time.Time, tag string) *Message {
	m := &Message{ID: s.newID("aWdGG"), From: from, Text: text, At: at.UTC(), Tag: tag}
	c.Messages = append(c.Messages, m)
	slices.SortStableFunc(c.Messages, func(a, b *Message) int { return a.At.Compare(b.At) })
	return m
}

// Unsend removes a message, as when its author unsends it.
func (s *Server) Unsend(messageID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.convs {
		for i, m := range c.Messages {
			if m.ID == messageID {
				c.Messages = slices.Delete(c.Messages, i, i+1)
				return true
			}
		}
	}
	return false
}

// CorruptConversation makes a conversation render with an unusable id.
func (s *Server) CorruptConversation(c *Conversation) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c.Corrupt = true
}

// AddPost publishes a post of platform (Instagram media or a Messenger Page post).
func (s *Server) AddPost(platform, caption string, at time.Time) *Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	prefix := "1790000"
	if platform == Messenger {
		prefix = s.Page.ID + "_"
	}
	p := &Post{ID: s.newID(prefix), Platform: platform, Caption: caption, At: at.UTC(), Updated: at.UTC()}
	s.posts = append(s.posts, p)
	return p
}

// AddComment adds a comment (a reply when parentID is set) from a person.
func (s *Server) AddComment(p *Post, from Person, text string, at time.Time, parentID string) *Comment {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addComment(p, from, text, at, parentID)
}

// addComment adds a comment in time order and marks the post updated.
func (s *Server) addComment(p *Post, from Person, text string, at time.Time, parentID string) *Comment {
	prefix := "1800000"
	if p.Platform == Messenger {
		prefix = p.ID + "_"
	}
	c := &Comment{ID: s.newID(prefix), From: from, Text: text, At: at.UTC(), ParentID: parentID}
	p.Comments = append(p.Comments, c)
	slices.SortStableFunc(p.Comments, func(a, b *Comment) int { return a.At.Compare(b.At) })
	p.Updated = maxTime(p.Updated, at.UTC())
	return c
}

// DeleteComment removes a comment and its replies, as when its author deletes it.
func (s *Server) DeleteComment(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.deleteComment(id)
}

func (s *Server) deleteComment(id string) bool {
	p, _ := s.findComment(id)
	if p == nil {
		return false
	}
	p.Comments = slices.DeleteFunc(p.Comments, func(c *Comment) bool { return c.ID == id || c.ParentID == id })
	p.Updated = maxTime(p.Updated, s.Clock.Now().UTC())
	return true
}

// SetHidden hides or shows a comment.
func (s *Server) SetHidden(id string, hidden bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, c := s.findComment(id)
	if c == nil {
		return false
	}
	c.Hidden = hidden
	p.Updated = maxTime(p.Updated, s.Clock.Now().UTC())
	return true
}

// CorruptComment makes a comment render with an unreadable time.
func (s *Server) CorruptComment(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, c := s.findComment(id); c != nil {
		c.Corrupt = true
	}
}

// Comment returns a copy of a comment and whether it exists.
func (s *Server) Comment(id string) (Comment, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, c := s.findComment(id); c != nil {
		return *c, true
	}
	return Comment{}, false
}

// Messages returns copies of a conversation's messages, oldest first.
func (s *Server) Messages(c *Conversation) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Message, len(c.Messages))
	for i, m := range c.Messages {
		out[i] = *m
	}
	return out
}

// Sent lists what the accounts sent, oldest first.
func (s *Server) Sent() []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.sent)
}

// inspectSent serves InspectSentPath.
func (s *Server) inspectSent(w http.ResponseWriter) {
	fakekit.WriteJSON(w, s.Sent())
}

// findComment finds a comment and its post.
func (s *Server) findComment(id string) (*Post, *Comment) {
	for _, p := range s.posts {
		for _, c := range p.Comments {
			if c.ID == id {
				return p, c
			}
		}
	}
	return nil, nil
}

// self is the account of a platform.
func (s *Server) self(platform string) Person {
	if platform == Messenger {
		return s.Page
	}
	return s.IG
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

package mastodon_test

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/mastodon/mastodonfake"
)

// hexKey is the shape of the connector's Idempotency-Key.
var hexKey = regexp.MustCompile(`^[0-9a-f]{32}$`)

// posts returns the POST /api/v1/statuses requests since the n-th request.
func posts(srv *mastodonfake.Server, from int) []mastodonfake.Request {
	var out []mastodonfake.Request
	for _, r := range srv.Requests()[from:] {
		if r.Method == "POST" && r.Path == "/api/v1/statuses" {
			out = append(out, r)
		}
	}
	return out
}

func TestSendDirectMessage(t *testing.T) {
	type setup struct {
		conv, replyTo string
	}
	tests := []struct {
		name       string
		prepare    func(*mastodonfake.Server) setup
		text       string
		noReplyTo  bool
		wantText   string
		wantParent func(setup) string
	}{
		{"mention added", func(s *mastodonfake.Server) setup {
			conv := s.AddConversation(alice)
			return setup{conv, s.AddDirect(conv, mastodonfake.Post{From: alice, Text: "@brand is it vegan?", At: t0})}
		}, "Yes, 100%!", false, "@alice Yes, 100%!", func(s setup) string { return s.replyTo }},
		{"mention already there", func(s *mastodonfake.Server) setup {
			conv := s.AddConversation(alice)
			return setup{conv, s.AddDirect(conv, mastodonfake.Post{From: alice, Text: "@brand hi", At: t0})}
		}, "Hi @Alice, thanks!", false, "Hi @Alice, thanks!", func(s setup) string { return s.replyTo }},
		{"remote member", func(s *mastodonfake.Server) setup {
			conv := s.AddConversation(bob)
			return setup{conv, s.AddDirect(conv, mastodonfake.Post{From: bob, Text: "@brand hello", At: t0})}
		}, "Hello Bob", false, "@bob@remote.example Hello Bob", func(s setup) string { return s.replyTo }},
		{"group conversation reaches everyone", func(s *mastodonfake.Server) setup {
			conv := s.AddConversation(alice, bob)
			return setup{conv, s.AddDirect(conv, mastodonfake.Post{From: alice, Text: "@brand @bob@remote.example shall we?", At: t0})}
		}, "Sure", false, "@alice @bob@remote.example Sure", func(s setup) string { return s.replyTo }},
		{"answering the brand's own status", func(s *mastodonfake.Server) setup {
			conv := s.AddConversation(alice)
			s.AddDirect(conv, mastodonfake.Post{From: alice, Text: "@brand hi", At: t0})
			return setup{conv, s.AddDirect(conv, mastodonfake.Post{From: s.Self, Text: "@alice one sec", At: t0})}
		}, "Found it", false, "@alice Found it", func(s setup) string { return s.replyTo }},
		{"no reply target: the conversation's last status", func(s *mastodonfake.Server) setup {
			other := s.AddConversation(bob)
			s.AddDirect(other, mastodonfake.Post{From: bob, Text: "@brand later", At: t0})
			conv := s.AddConversation(alice)
			s.AddDirect(conv, mastodonfake.Post{From: alice, Text: "@brand one", At: t0})
			return setup{conv, s.AddDirect(conv, mastodonfake.Post{From: alice, Text: "@brand two", At: t0})}
		}, "Got both", true, "@alice Got both", func(s setup) string { return s.replyTo }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			s := tt.prepare(srv)
			msg := platforms.OutgoingMessage{ThreadExternalID: s.conv, ThreadKind: platforms.ThreadDM, Text: tt.text, ReplyToExternalID: s.replyTo}
			if tt.noReplyTo {
				msg.ReplyToExternalID = ""
			}
			got, err := c.Send(context.Background(), msg)
			if err != nil {
				t.Fatal(err)
			}
			sent := srv.Sent()
			if len(sent) != 1 {
				t.Fatalf("fake received %d statuses", len(sent))
			}
			st := sent[0]
			if st.Text != tt.wantText || st.Visibility != "direct" || st.InReplyToID != tt.wantParent(s) || !hexKey.MatchString(st.IdempotencyKey) {
				t.Fatalf("fake received %+v; want text %q, direct, in reply to %s, a random key", st, tt.wantText, tt.wantParent(s))
			}
			if got.ExternalID != st.ID || !got.SentAt.Equal(st.CreatedAt) {
				t.Fatalf("Send returned %+v, fake created %s at %v", got, st.ID, st.CreatedAt)
			}
			// The reply shows up in the same thread as an outgoing message.
			m := byID(poll(t, c, "", 0).Messages)[got.ExternalID]
			if m.ThreadExternalID != s.conv || m.Direction != platforms.DirectionOut || m.ThreadKind != platforms.ThreadDM {
				t.Fatalf("sent status polled as %+v", m)
			}
		})
	}
}

func TestSendCommentReply(t *testing.T) {
	tests := []struct {
		name           string
		visibility     string
		from           mastodonfake.Account
		noReplyTo      bool
		wantVisibility string
		wantText       string
	}{
		{"public mention", "public", alice, false, "public", "@alice Glad you like it"},
		{"remote author", "public", bob, false, "public", "@bob@remote.example Glad you like it"},
		{"unlisted stays unlisted", "unlisted", alice, false, "unlisted", "@alice Glad you like it"},
		{"followers-only stays followers-only", "private", alice, false, "private", "@alice Glad you like it"},
		{"no reply target: the thread's root post", "public", alice, true, "public", "Glad you like it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			post := srv.AddStatus(mastodonfake.Post{From: srv.Self, Text: "New drop", At: t0})
			mention := srv.AddMention(mastodonfake.Post{From: tt.from, Text: "@brand nice", Visibility: tt.visibility, InReplyTo: post, At: t0})
			msg := platforms.OutgoingMessage{ThreadExternalID: post, ThreadKind: platforms.ThreadComment, Text: "Glad you like it", ReplyToExternalID: mention}
			wantParent := mention
			if tt.noReplyTo {
				msg.ReplyToExternalID, wantParent = "", post
			}
			got, err := c.Send(context.Background(), msg)
			if err != nil {
				t.Fatal(err)
			}
			sent := srv.Sent()
			if len(sent) != 1 || sent[0].Text != tt.wantText || sent[0].Visibility != tt.wantVisibility || sent[0].InReplyToID != wantParent ||
				!hexKey.MatchString(sent[0].IdempotencyKey) || got.ExternalID != sent[0].ID {
				t.Fatalf("fake received %+v (Send returned %+v); want %q %s in reply to %s", sent, got, tt.wantText, tt.wantVisibility, wantParent)
			}
		})
	}
}

// TestReplyChainStaysInThread: an answer to the brand's reply belongs to the
// same comment thread, known from the sent reply without a context request.
func TestReplyChainStaysInThread(t *testing.T) {
	srv, c := start(t)
	post := srv.AddStatus(mastodonfake.Post{From: srv.Self, Text: "New drop", At: t0})
	mention := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand when?", InReplyTo: post, At: t0})
	_, cursor, _ := syncAll(t, c, "", 0)
	sent, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: post, ThreadKind: platforms.ThreadComment, Text: "Friday!", ReplyToExternalID: mention})
	if err != nil {
		t.Fatal(err)
	}
	before := len(srv.Requests())
	answer := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand yay", InReplyTo: sent.ExternalID, At: t0.Add(time.Minute)})
	msgs, _, _ := syncAll(t, c, cursor, 0)
	m := byID(msgs)[answer]
	if m.ThreadExternalID != post || m.ThreadKind != platforms.ThreadComment || m.ReplyToExternalID != sent.ExternalID {
		t.Fatalf("answer polled as %+v, want thread %s", m, post)
	}
	for _, r := range srv.Requests()[before:] {
		if strings.HasSuffix(r.Path, "/context") {
			t.Fatalf("looked up %s although the thread was known", r.Path)
		}
	}
}

// TestSendRepeatsLostAnswerOnce: when the answer to the POST is lost, the POST
// is repeated with the same Idempotency-Key, and the instance creates one status.
func TestSendRepeatsLostAnswerOnce(t *testing.T) {
	tests := []struct {
		name      string
		inject    func(*mastodonfake.Server)
		wantPosts int
		wantSent  int
		wantKind  platforms.ErrorKind // empty: success
	}{
		{"answer cut off (status created)", func(s *mastodonfake.Server) { s.TruncateNext(1) }, 2, 1, ""},
		{"503 (nothing created)", func(s *mastodonfake.Server) { s.FailNext(1, 503) }, 2, 1, ""},
		{"502 twice", func(s *mastodonfake.Server) { s.FailNext(2, 502) }, 2, 0, platforms.KindTransient},
		{"429 is not repeated", func(s *mastodonfake.Server) { s.RateLimitNext(1, time.Minute) }, 1, 0, platforms.KindRateLimited},
		{"422 is not repeated", func(s *mastodonfake.Server) { s.FailNext(1, 422) }, 1, 0, platforms.KindPermanent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			mention := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand hi", At: t0})
			warm(t, c)
			before := len(srv.Requests())
			srv.SetFaultScope("POST", "/api/v1/statuses")
			tt.inject(srv)
			got, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: mention, ThreadKind: platforms.ThreadComment, Text: "hello", ReplyToExternalID: mention})
			if tt.wantKind != "" {
				wantKind(t, err, tt.wantKind)
			} else if err != nil {
				t.Fatal(err)
			}
			reqs, sent := posts(srv, before), srv.Sent()
			if len(reqs) != tt.wantPosts || len(sent) != tt.wantSent {
				t.Fatalf("%d POSTs, %d statuses; want %d, %d", len(reqs), len(sent), tt.wantPosts, tt.wantSent)
			}
			for _, r := range reqs {
				if r.IdempotencyKey != reqs[0].IdempotencyKey || !hexKey.MatchString(r.IdempotencyKey) {
					t.Fatalf("keys %q and %q", reqs[0].IdempotencyKey, r.IdempotencyKey)
				}
			}
			if tt.wantSent == 1 && got.ExternalID != sent[0].ID {
				t.Fatalf("Send returned %s, fake created %s", got.ExternalID, sent[0].ID)
			}
		})
	}
}

func TestSendUsesNewKeyEachTime(t *testing.T) {
	srv, c := start(t)
	mention := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand hi", At: t0})
	for range 2 {
		if _, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: mention, ThreadKind: platforms.ThreadComment, Text: "same text", ReplyToExternalID: mention}); err != nil {
			t.Fatal(err)
		}
	}
	if sent := srv.Sent(); len(sent) != 2 || sent[0].IdempotencyKey == sent[1].IdempotencyKey {
		t.Fatalf("sent %+v, want two statuses with different keys", sent)
	}
}

// TestSendRejectsBeforePosting: nothing reaches POST /api/v1/statuses.
func TestSendRejectsBeforePosting(t *testing.T) {
	tests := []struct {
		name     string
		msg      func(conv, last string) platforms.OutgoingMessage
		wantKind platforms.ErrorKind
		wantText string
	}{
		{"empty text", func(conv, last string) platforms.OutgoingMessage {
			return platforms.OutgoingMessage{ThreadExternalID: conv, Text: "", ReplyToExternalID: last}
		}, platforms.KindPermanent, "empty"},
		{"blank text", func(conv, last string) platforms.OutgoingMessage {
			return platforms.OutgoingMessage{ThreadExternalID: conv, Text: " \n\t", ReplyToExternalID: last}
		}, platforms.KindPermanent, "empty"},
		{"501 characters", func(conv, last string) platforms.OutgoingMessage {
			return platforms.OutgoingMessage{ThreadExternalID: conv, Text: strings.Repeat("a", 501), ReplyToExternalID: last}
		}, platforms.KindPermanent, "too long (501 characters, at most 500)"},
		{"501 emoji with skin tones", func(conv, last string) platforms.OutgoingMessage {
			return platforms.OutgoingMessage{ThreadExternalID: conv, Text: strings.Repeat("👍🏽", 501), ReplyToExternalID: last}
		}, platforms.KindPermanent, "too long (501 characters"},
		{"too long once the mention is added", func(conv, last string) platforms.OutgoingMessage {
			return platforms.OutgoingMessage{ThreadExternalID: conv, Text: strings.Repeat("a", 495), ReplyToExternalID: last}
		}, platforms.KindPermanent, "too long (502 characters"},
		{"invalid thread id", func(_, last string) platforms.OutgoingMessage {
			return platforms.OutgoingMessage{ThreadExternalID: "1/../2", Text: "hi", ReplyToExternalID: last}
		}, platforms.KindPermanent, "invalid thread id"},
		{"unknown thread kind", func(conv, last string) platforms.OutgoingMessage {
			return platforms.OutgoingMessage{ThreadExternalID: conv, ThreadKind: "story", Text: "hi", ReplyToExternalID: last}
		}, platforms.KindPermanent, "thread kind"},
		{"reply target gone", func(conv, _ string) platforms.OutgoingMessage {
			return platforms.OutgoingMessage{ThreadExternalID: conv, Text: "hi", ReplyToExternalID: "113999999999999999"}
		}, platforms.KindPermanent, "Record not found"},
		{"conversation not found", func(string, string) platforms.OutgoingMessage {
			return platforms.OutgoingMessage{ThreadExternalID: "999", ThreadKind: platforms.ThreadDM, Text: "hi"}
		}, platforms.KindPermanent, "ReplyToExternalID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			conv := srv.AddConversation(alice)
			last := srv.AddDirect(conv, mastodonfake.Post{From: alice, Text: "@brand hi", At: t0})
			_, err := c.Send(context.Background(), tt.msg(conv, last))
			if pe := wantKind(t, err, tt.wantKind); !strings.Contains(pe.Message, tt.wantText) {
				t.Fatalf("error %q lacks %q", pe.Message, tt.wantText)
			}
			if p := posts(srv, 0); len(p) != 0 {
				t.Fatalf("%d POSTs reached the fake", len(p))
			}
		})
	}
}

func TestSendLengthRules(t *testing.T) {
	tests := []struct {
		name     string
		maxChars int
		text     string
		wantErr  bool
	}{
		{"exactly 500", 0, strings.Repeat("a", 493), false}, // plus "@alice "
		{"links count 23", 0, strings.Repeat("a", 460) + " https://example.com/" + strings.Repeat("x", 300), false},
		{"instance allows 1000", 1000, strings.Repeat("a", 900), false},
		{"instance allows 1000, not more", 1000, strings.Repeat("a", 994), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := mastodonfake.New(token)
			if tt.maxChars > 0 {
				srv.MaxCharacters = tt.maxChars
			}
			c := connect(t, srv.Start(), token)
			t.Cleanup(srv.Close)
			conv := srv.AddConversation(alice)
			last := srv.AddDirect(conv, mastodonfake.Post{From: alice, Text: "@brand hi", At: t0})
			_, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: conv, Text: tt.text, ReplyToExternalID: last})
			if tt.wantErr {
				wantKind(t, err, platforms.KindPermanent)
				if len(posts(srv, 0)) != 0 {
					t.Fatal("the POST was made")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if n, err := c.(maxCharacterer).MaxCharacters(context.Background()); err != nil || n != max(tt.maxChars, 500) {
				t.Fatalf("MaxCharacters = %d, %v", n, err)
			}
		})
	}
}

// TestSendServerRefusal: the instance's 422 text reaches the error.
func TestSendServerRefusal(t *testing.T) {
	srv, c := start(t)
	mention := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand hi", At: t0})
	srv.SetFaultScope("POST", "/api/v1/statuses")
	srv.FailNextWith(1, 422, "Validation failed: Text character limit of 500 exceeded")
	_, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: mention, ThreadKind: platforms.ThreadComment, Text: "hi", ReplyToExternalID: mention})
	if pe := wantKind(t, err, platforms.KindPermanent); pe.Code != 422 || !strings.Contains(pe.Message, "Text character limit of 500 exceeded") {
		t.Fatalf("error %v", pe)
	}
}

func TestPublish(t *testing.T) {
	tests := []struct {
		name           string
		post           platforms.Post
		wantVisibility string
		wantKind       platforms.ErrorKind
	}{
		{"default is public", platforms.Post{Text: "Spring drop is live"}, "public", ""},
		{"unlisted", platforms.Post{Text: "Quiet update", Visibility: "unlisted"}, "unlisted", ""},
		{"followers only", platforms.Post{Text: "For followers", Visibility: "private"}, "private", ""},
		{"unknown visibility", platforms.Post{Text: "x", Visibility: "friends"}, "", platforms.KindPermanent},
		{"empty", platforms.Post{Text: " "}, "", platforms.KindPermanent},
		{"too long", platforms.Post{Text: strings.Repeat("é", 501)}, "", platforms.KindPermanent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			got, err := c.(platforms.Publisher).Publish(context.Background(), tt.post)
			sent := srv.Sent()
			if tt.wantKind != "" {
				wantKind(t, err, tt.wantKind)
				if len(posts(srv, 0)) != 0 {
					t.Fatal("the POST was made")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(sent) != 1 || sent[0].Text != tt.post.Text || sent[0].Visibility != tt.wantVisibility || sent[0].InReplyToID != "" ||
				!hexKey.MatchString(sent[0].IdempotencyKey) || got.ExternalID != sent[0].ID || !got.SentAt.Equal(sent[0].CreatedAt) {
				t.Fatalf("fake received %+v, Publish returned %+v", sent, got)
			}
		})
	}
}

// TestCommentsOnPublishedPost: replies to a post published through the
// connector belong to it without a context request.
func TestCommentsOnPublishedPost(t *testing.T) {
	srv, c := start(t)
	pub, err := c.(platforms.Publisher).Publish(context.Background(), platforms.Post{Text: "Ask me anything"})
	if err != nil {
		t.Fatal(err)
	}
	q := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand favourite colour?", InReplyTo: pub.ExternalID, At: t0})
	m := byID(poll(t, c, "", 0).Messages)[q]
	if m.ThreadExternalID != pub.ExternalID || m.ThreadTitle != "Ask me anything" {
		t.Fatalf("comment polled as %+v", m)
	}
	if slices.ContainsFunc(srv.Requests(), func(r mastodonfake.Request) bool { return strings.HasSuffix(r.Path, "/context") }) {
		t.Fatal("a context request was made")
	}
}

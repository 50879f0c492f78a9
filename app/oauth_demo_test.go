package app

import (
	"testing"

	"creatordesk/backend/demo"
)

func TestDemoConnectsYouTubeToItsFakeGoogle(t *testing.T) {
	s, _, _, _ := newSession(t) // its runtime cannot open a browser
	if _, err := NewWorkspace(s).OpenDemo(); err != nil {
		t.Fatal(err)
	}
	d := s.Workspace().Demo()
	if d == nil || d.Google == nil {
		t.Fatal("the demo workspace has no fake Google")
	}
	oa, inboxAPI := NewOAuth(s), NewInbox(s)
	saved, err := oa.SavedClient("google")
	if err != nil || saved.ClientID != demo.GoogleClientID || !saved.HasSecret {
		t.Fatalf("the demo's Google client is not offered: %+v %v", saved, err)
	}
	// What the form sends: the offered client id, no secret, no endpoints.
	flow, err := oa.Start(OAuthStartRequest{Platform: "youtube", ClientID: saved.ClientID})
	if err != nil {
		t.Fatal(err)
	}
	if !flow.BrowserOpened {
		t.Fatalf("the demo did not walk its own consent page: %+v", flow)
	}
	waitFor(t, "the demo sign-in", func() bool {
		flow, _ = oa.Status(flow.ID)
		return flow.State != "waiting" && flow.State != "connecting"
	})
	if flow.State != "done" || flow.Account == nil || flow.Account.Platform != "youtube" {
		t.Fatalf("sign-in ended %+v (error %+v)", flow, flow.Error)
	}
	var page ConversationPage
	waitFor(t, "the channel's comments in the inbox", func() bool {
		page, _ = inboxAPI.ListConversations(ConversationQuery{Limit: 50, AccountID: flow.Account.ID})
		return len(page.Items) >= 5
	})
	var question int64
	for _, c := range page.Items {
		if c.Title == "Glazing day: celadon and ocean blue" && question == 0 {
			question = c.ID
		}
	}
	if question == 0 {
		t.Fatalf("no thread under the glazing video: %+v", page.Items)
	}
	m, err := inboxAPI.Reply(question, "Thank you! It is our ocean blue glaze.")
	if err != nil || m.State != "sent" {
		t.Fatalf("reply %+v %v", m, err)
	}
	if sent := d.Google.API.Sent(); len(sent) != 1 || sent[0].Text != "Thank you! It is our ocean blue glaze." {
		t.Fatalf("sent %+v", sent)
	}
	// A sign-in page of any other server is not walked by the demo.
	if d.Google.Consent("https://accounts.google.com/o/oauth2/v2/auth?client_id=x") == nil {
		t.Fatal("the demo would walk a real Google page")
	}
}

package app

import (
	"net"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/oauth/oauthfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/workspace"
)

func TestClosingTheWorkspaceEndsAWaitingSignIn(t *testing.T) {
	auth := oauthfake.New("/o").Start()
	t.Cleanup(auth.Close)
	auth.AddClient(oauthfake.Client{ID: "c", Secret: "s"})
	cfg := workspace.Config{Dir: filepath.Join(t.TempDir(), "ws"), Vault: secrets.NewMemory()}
	ws, err := workspace.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := NewSession(ws, false, cfg)
	s.SetRuntime(&recorder{}) // no browser: the sign-in keeps waiting
	oa := NewOAuth(s)
	flow, err := oa.Start(OAuthStartRequest{Platform: "youtube", ClientID: "c", ClientSecret: "s", AuthURL: auth.AuthURL(), TokenURL: auth.TokenURL()})
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(flow.AuthURL)
	redirect, err := url.Parse(u.Query().Get("redirect_uri"))
	if err != nil || redirect.Host == "" {
		t.Fatalf("redirect in %s", flow.AuthURL)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the sign-in to be canceled", func() bool {
		flow, _ = oa.Status(flow.ID)
		return flow.State == "canceled"
	})
	if flow.Error == nil || flow.Error.Key != "errors.oauth.canceled" {
		t.Fatalf("flow %+v", flow)
	}
	waitFor(t, "the loopback port to be refused", func() bool {
		c, err := net.DialTimeout("tcp", redirect.Host, time.Second)
		if err == nil {
			_ = c.Close()
		}
		return err != nil
	})
}

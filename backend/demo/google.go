package demo

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"creatordesk/backend/oauth/oauthfake"
	"creatordesk/backend/platforms/youtube"
	"creatordesk/backend/platforms/youtube/youtubefake"
)

// The demo's Google Cloud OAuth client. Both only open the local fakes.
const (
	GoogleClientID     = "1000000000-demo.apps.googleusercontent.com"
	GoogleClientSecret = "GOCSPX-demo-only-secret"
)

// consentTimeout bounds the demo's own walk through the fake consent page.
const consentTimeout = 30 * time.Second

// Google is the demo's fake Google: an authorization server that approves
// every sign-in at once (there is no consent screen to click in the demo) and
// a YouTube Data API whose channel has comments waiting.
type Google struct {
	Auth *oauthfake.Server
	API  *youtubefake.Server
	// APIURL is the YouTube API root to connect to.
	APIURL string
}

// startGoogle starts the fake Google and seeds the channel's comments.
func startGoogle(now time.Time) *Google {
	auth := oauthfake.New("/o").Start()
	auth.AddClient(oauthfake.Client{ID: GoogleClientID, Secret: GoogleClientSecret})
	api := youtubefake.New("unused-demo-token")
	api.Self = youtubefake.Channel{ID: "UCglazeGlazeGlazeGlaze01", Title: "Glaze & Co.", Handle: "@glazeandco"}
	g := &Google{Auth: auth, API: api, APIURL: api.Start()}
	api.AcceptTokens(func(tok string) bool {
		scope, ok := auth.ValidAccess(tok)
		return ok && strings.Contains(scope, youtube.Scope)
	})
	seedYouTube(api, now)
	return g
}

// Close stops the fake Google.
func (g *Google) Close() {
	g.API.Close()
	g.Auth.Close()
}

// OwnsAuthURL reports whether u is a sign-in page of the demo's fake Google.
func (g *Google) OwnsAuthURL(u string) bool {
	return strings.HasPrefix(u, g.Auth.AuthURL()+"?")
}

// Consent plays the browser for a sign-in page of the fake Google: it asks
// for the page and follows its redirect back to the app's loopback listener,
// which completes the sign-in. It returns at once; the walk runs in the
// background, as a browser would. Pages of any other server are refused.
func (g *Google) Consent(u string) error {
	if !g.OwnsAuthURL(u) {
		return errors.New("demo: not a sign-in page of the demo's Google")
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), consentTimeout)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
		_ = resp.Body.Close()
	}()
	return nil
}

// YouTube comments of the demo channel: questions and praise under two
// videos, one held for review.
var youtubeComments = []struct {
	video, author, name, text string
	ago                       time.Duration
	held                      bool
}{
	{"vidGlazeDay01", "UCfanMaraMaraMaraMara001", "Mara Ionescu", "Which glaze did you use on the blue mug at 4:12? It looks like the sea.", 5 * time.Hour, false},
	{"vidGlazeDay01", "UCfanKaiKaiKaiKaiKaiK002", "Kai Berg", "Do you ship to Germany? I would love two of these bowls.", 3 * time.Hour, false},
	{"vidKilnTour01", "UCfanPriyaPriyaPriyaPr03", "Priya Sharma", "क्या आप शुरुआती लोगों के लिए कार्यशाला करते हैं?", 2 * time.Hour, false},
	{"vidKilnTour01", "UCfanLinLinLinLinLinLi04", "林小雨", "請問窯燒溫度是多少？", 90 * time.Minute, false},
	{"vidKilnTour01", "UCspamSpamSpamSpamSpam05", "Promo Deals", "Get 10k followers fast, link in my profile", time.Hour, true},
}

// seedYouTube adds the demo channel's videos and comments.
func seedYouTube(api *youtubefake.Server, now time.Time) {
	api.AddVideo("vidGlazeDay01", "Glazing day: celadon and ocean blue")
	api.AddVideo("vidKilnTour01", "A tour of our kiln")
	for _, c := range youtubeComments {
		status := ""
		if c.held {
			status = youtubefake.StatusHeldForReview
		}
		api.AddThread(c.video, youtubefake.Comment{Author: youtubefake.Channel{ID: c.author, Title: c.name}, Text: c.text, At: now.Add(-c.ago), Status: status})
	}
}

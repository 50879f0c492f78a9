package whatsapp_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/whatsapp"
	"creatordesk/backend/platforms/whatsapp/whatsappfake"
)

const (
	token   = "EAAGtest-system-user-token-whatsapp"
	wabaID  = "102290129340398"
	phoneID = "106540352242922"
	fan     = "40721000111"
)

var t0 = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// env is a fake plus a factory whose clock and sleeps are the fake's.
type env struct {
	fake    *whatsappfake.Server
	url     string
	factory *whatsapp.Factory

	mu     sync.Mutex
	sleeps []time.Duration
}

func newEnv(t *testing.T) *env {
	t.Helper()
	f := whatsappfake.New(wabaID, whatsappfake.Phone{ID: phoneID, Display: "+1 555-010-2030", VerifiedName: "Glaze & Co."})
	f.Clock.Set(t0)
	f.AddToken(token, 0)
	f.AddTemplate(whatsappfake.Template{ID: "1", Name: "order_update", Language: "en_US", Status: "APPROVED", Category: "UTILITY",
		Body: "Hi {{1}}, your order {{2}} is on its way."})
	f.AddTemplate(whatsappfake.Template{ID: "2", Name: "spring_sale", Language: "en_US", Status: "PENDING", Category: "MARKETING", Body: "Spring sale!"})
	e := &env{fake: f, url: f.Start()}
	t.Cleanup(f.Close)
	e.factory = whatsapp.NewFactory(whatsapp.Options{
		Now: f.Clock.Now,
		Sleep: func(ctx context.Context, d time.Duration) error {
			e.mu.Lock()
			e.sleeps = append(e.sleeps, d)
			e.mu.Unlock()
			f.Clock.Advance(d)
			return ctx.Err()
		},
	})
	return e
}

func (e *env) conn(t *testing.T, extra map[string]string) platforms.Connector {
	t.Helper()
	x := map[string]string{whatsapp.ExtraPhoneNumberID: phoneID, whatsapp.ExtraWABAID: wabaID}
	for k, v := range extra {
		x[k] = v
	}
	c, err := e.factory.New(platforms.Credentials{BaseURL: e.url, Token: token, Extra: x})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func wantKind(t *testing.T, err error, kind platforms.ErrorKind) *platforms.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("want a %s error, got nil", kind)
	}
	if got := platforms.KindOf(err); got != kind {
		t.Fatalf("want a %s error, got %s: %v", kind, got, err)
	}
	if strings.Contains(err.Error(), token) {
		t.Fatalf("the token leaked into an error: %v", err)
	}
	pe, _ := err.(*platforms.Error)
	return pe
}

func TestVerifyReadsThePhoneNumberAndChecksItsAccount(t *testing.T) {
	e := newEnv(t)
	info, err := e.conn(t, nil).Verify(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if info.ExternalID != phoneID || info.Handle != "+1 555-010-2030" || info.DisplayName != "Glaze & Co." {
		t.Errorf("account = %+v", info)
	}
	// A number of another account is refused.
	e.fake.AddPhone(whatsappfake.Phone{ID: "999990000011111", Display: "+1 555-0199"})
	other := e.conn(t, map[string]string{whatsapp.ExtraWABAID: "555550000000001"})
	wantKind(t, mustVerify(other), platforms.KindPermanent)
}

func mustVerify(c platforms.Connector) error {
	_, err := c.Verify(context.Background())
	return err
}

func TestNoPollingCapability(t *testing.T) {
	e := newEnv(t)
	c := e.conn(t, nil)
	if platforms.SyncsMessages(c.Capabilities()) {
		t.Error("the WhatsApp connector must not declare polling: the Cloud API has no way to read messages")
	}
	for _, want := range []platforms.Capability{platforms.CapSend, platforms.CapSendTemplate, platforms.CapMarkRead} {
		if !platforms.Has(c.Capabilities(), want) {
			t.Errorf("missing capability %s", want)
		}
	}
	p, err := c.Poll(context.Background(), "kept", platforms.PollOptions{})
	if err != nil || len(p.Messages) != 0 || p.Cursor != "kept" || p.More {
		t.Errorf("poll = %+v, %v; want an empty page with the cursor unchanged", p, err)
	}
	w := c.(platforms.WindowReporter).MessagingWindow(platforms.ThreadDM)
	if w.Open != 24*time.Hour {
		t.Errorf("window = %v, want 24h", w.Open)
	}
}

func TestSendTextInsideTheWindow(t *testing.T) {
	e := newEnv(t)
	inbound := e.fake.Receive(fan)
	e.fake.Clock.Advance(3 * time.Hour)
	sent, err := e.conn(t, nil).Send(context.Background(), platforms.OutgoingMessage{
		ThreadExternalID: "+" + fan, ThreadKind: platforms.ThreadDM, Text: "Mulțumim! Comanda pleacă mâine 📦", ReplyToExternalID: inbound})
	if err != nil {
		t.Fatal(err)
	}
	got := e.fake.Sent()
	if len(got) != 1 || got[0].ID != sent.ExternalID || got[0].To != fan || got[0].Text != "Mulțumim! Comanda pleacă mâine 📦" || got[0].ReplyTo != inbound {
		t.Errorf("sent = %+v (returned %+v)", got, sent)
	}
	if !sent.SentAt.Equal(t0.Add(3 * time.Hour)) {
		t.Errorf("sent at %v", sent.SentAt)
	}
}

func TestWindowClosedThenTemplateGoesThrough(t *testing.T) {
	e := newEnv(t)
	e.fake.Receive(fan)
	e.fake.Clock.Advance(25 * time.Hour)
	c := e.conn(t, nil)
	ctx := context.Background()
	_, err := c.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: fan, Text: "Are you still there?"})
	pe := wantKind(t, err, platforms.KindWindowClosed)
	if pe.Code != whatsapp.CodeReengagement || !strings.Contains(pe.Message, "template") {
		t.Errorf("window error = %+v", pe)
	}
	ts := c.(platforms.TemplateSender)
	sent, err := ts.SendTemplate(ctx, platforms.TemplateMessage{ThreadExternalID: fan, Name: "order_update", Language: "en_US",
		BodyParams: []string{"Ana", "#1042"}})
	if err != nil {
		t.Fatal(err)
	}
	got := e.fake.Sent()
	if len(got) != 1 || got[0].ID != sent.ExternalID || got[0].Template != "order_update" || strings.Join(got[0].Params, "|") != "Ana|#1042" {
		t.Errorf("sent = %+v", got)
	}
	// Wrong parameter count, a template under review, an unknown one: refused for good.
	_, err = ts.SendTemplate(ctx, platforms.TemplateMessage{ThreadExternalID: fan, Name: "order_update", Language: "en_US", BodyParams: []string{"Ana"}})
	if pe := wantKind(t, err, platforms.KindPermanent); pe.Code != whatsapp.CodeTemplateParams {
		t.Errorf("param mismatch code = %d", pe.Code)
	}
	_, err = ts.SendTemplate(ctx, platforms.TemplateMessage{ThreadExternalID: fan, Name: "spring_sale", Language: "en_US"})
	if pe := wantKind(t, err, platforms.KindPermanent); pe.Code != whatsapp.CodeTemplateMissing {
		t.Errorf("pending template code = %d", pe.Code)
	}
	_, err = ts.SendTemplate(ctx, platforms.TemplateMessage{ThreadExternalID: fan, Name: "Bad Name", Language: "en_US"})
	wantKind(t, err, platforms.KindPermanent)
}

func TestUndeliverableNumber(t *testing.T) {
	e := newEnv(t)
	_, err := e.conn(t, nil).Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: "15550000000", Text: "hello"})
	if pe := wantKind(t, err, platforms.KindPermanent); pe.Code != whatsapp.CodeUndeliverable {
		t.Errorf("code = %d", pe.Code)
	}
	_, err = e.conn(t, nil).Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: "not-a-number", Text: "hello"})
	wantKind(t, err, platforms.KindPermanent)
}

func TestThroughputLimitWaitsThenSucceeds(t *testing.T) {
	e := newEnv(t)
	e.fake.Receive(fan)
	e.fake.ThrottleNext(1, whatsapp.CodeThroughput)
	_, err := e.conn(t, nil).Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: fan, Text: "hi"})
	if err != nil {
		t.Fatalf("after a short throughput limit the send should have waited and gone through: %v", err)
	}
	e.mu.Lock()
	sleeps := append([]time.Duration(nil), e.sleeps...)
	e.mu.Unlock()
	if len(sleeps) != 1 || sleeps[0] != 2*time.Second {
		t.Errorf("slept %v, want [2s]", sleeps)
	}
	if n := len(e.fake.Sent()); n != 1 {
		t.Errorf("%d messages sent, want exactly 1", n)
	}
}

func TestAccountThrottlingIsReturnedWithItsWait(t *testing.T) {
	e := newEnv(t)
	e.fake.Receive(fan)
	e.fake.ThrottleNext(1, whatsapp.CodeBUCThrottle)
	c := e.conn(t, nil)
	_, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: fan, Text: "hi"})
	pe := wantKind(t, err, platforms.KindRateLimited)
	if pe.Code != whatsapp.CodeBUCThrottle || pe.RetryAfter != time.Minute {
		t.Errorf("throttled: %+v", pe)
	}
	// The caller waits as asked; then the send succeeds.
	e.fake.Clock.Advance(pe.RetryAfter)
	if _, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: fan, Text: "hi"}); err != nil {
		t.Fatal(err)
	}
}

func TestExpiredTokenNeedsReconnect(t *testing.T) {
	e := newEnv(t)
	e.fake.AddToken("EAAGshort-lived", time.Hour)
	c, err := e.factory.New(platforms.Credentials{BaseURL: e.url, Token: "EAAGshort-lived", Extra: map[string]string{whatsapp.ExtraPhoneNumberID: phoneID}})
	if err != nil {
		t.Fatal(err)
	}
	if err := mustVerify(c); err != nil {
		t.Fatal(err)
	}
	e.fake.Clock.Advance(2 * time.Hour)
	if pe := wantKind(t, mustVerify(c), platforms.KindAuth); pe.Code != whatsapp.CodeAuth {
		t.Errorf("code = %d", pe.Code)
	}
}

func TestMarkRead(t *testing.T) {
	e := newEnv(t)
	id := e.fake.Receive(fan)
	rm := e.conn(t, nil).(platforms.ReadMarker)
	if err := rm.MarkRead(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	if got := e.fake.Read(); len(got) != 1 || got[0] != id {
		t.Errorf("read = %v", got)
	}
	wantKind(t, rm.MarkRead(context.Background(), "wamid.unknown"), platforms.KindPermanent)
}

func TestTemplatesAcrossPagesSkipAMalformedOne(t *testing.T) {
	e := newEnv(t)
	for i := 0; i < 120; i++ {
		e.fake.AddTemplate(whatsappfake.Template{ID: fmt.Sprint(100 + i), Name: fmt.Sprintf("follow_up_%03d", i), Language: "ro", Status: "APPROVED", Category: "MARKETING", Body: "Bună {{1}}!"})
	}
	e.fake.AddRawTemplate(json.RawMessage(`{"id":"bad","name":42,"language":null}`))
	list, err := e.conn(t, nil).(platforms.TemplateLister).ListTemplates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 122 {
		t.Fatalf("%d templates, want 122 (the malformed one skipped)", len(list))
	}
	seen := map[string]bool{}
	for _, tpl := range list {
		if seen[tpl.Name+tpl.Language] {
			t.Fatalf("template %s listed twice", tpl.Name)
		}
		seen[tpl.Name+tpl.Language] = true
	}
	first := list[0]
	if first.Name != "order_update" || first.BodyParams != 2 || !first.Approved() || list[1].Approved() {
		t.Errorf("first templates = %+v, %+v", first, list[1])
	}
	// Without the account id the list cannot be read.
	c, _ := e.factory.New(platforms.Credentials{BaseURL: e.url, Token: token, Extra: map[string]string{whatsapp.ExtraPhoneNumberID: phoneID}})
	_, err = c.(platforms.TemplateLister).ListTemplates(context.Background())
	wantKind(t, err, platforms.KindPermanent)
}

func TestTransientFailureAndBadSettings(t *testing.T) {
	e := newEnv(t)
	e.fake.Faults.FailNext(1, 500)
	wantKind(t, mustVerify(e.conn(t, nil)), platforms.KindTransient)
	for _, extra := range []map[string]string{
		{whatsapp.ExtraPhoneNumberID: ""},
		{whatsapp.ExtraPhoneNumberID: "12/../34"},
		{whatsapp.ExtraPhoneNumberID: phoneID, whatsapp.ExtraVersion: "latest"},
	} {
		if _, err := e.factory.New(platforms.Credentials{BaseURL: e.url, Token: token, Extra: extra}); platforms.KindOf(err) != platforms.KindPermanent {
			t.Errorf("extra %v: err = %v", extra, err)
		}
	}
	if _, err := e.factory.New(platforms.Credentials{BaseURL: "http://example.com", Token: token,
		Extra: map[string]string{whatsapp.ExtraPhoneNumberID: phoneID}}); err == nil {
		t.Error("plain http to another machine must be refused")
	}
}

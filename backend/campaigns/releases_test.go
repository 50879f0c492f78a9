package campaigns

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// fakeCalendar records the reminders the release job puts on the calendar.
type fakeCalendar struct {
	added   map[int64]time.Time
	removed []int64
	next    int64
}

func (f *fakeCalendar) AddReminder(_ context.Context, _, title, _ string, day time.Time) (int64, error) {
	f.next++
	if f.added == nil {
		f.added = map[int64]time.Time{}
	}
	f.added[f.next] = day
	return f.next, nil
}

func (f *fakeCalendar) RemoveReminder(_ context.Context, _ string, id int64) error {
	f.removed = append(f.removed, id)
	return nil
}

func TestReleaseValidationStatusAndAudit(t *testing.T) {
	w := newInboxWorld(t, 1)
	ctx := context.Background()
	conv := w.convs[0]
	var ie *InvalidError
	for _, c := range []struct {
		in    ReleaseInput
		field string
	}{
		{ReleaseInput{Author: "Ana"}, "link"},
		{ReleaseInput{Author: "Ana", ContentURL: "instagram.com/p/1"}, "link"},
		{ReleaseInput{ContentURL: "https://instagram.com/p/1"}, "author"},
		{ReleaseInput{Author: "Ana", ContentURL: "https://instagram.com/p/1", Channels: []string{"billboards"}}, "channels"},
		{ReleaseInput{Author: "Ana", ContentURL: "https://instagram.com/p/1", StartsAt: now.UnixMilli(), ExpiresAt: now.Add(-time.Hour).UnixMilli()}, "expiry"},
		{ReleaseInput{Author: "Ana", ContentURL: "https://instagram.com/p/1", ConversationID: 999}, "conversation"},
	} {
		if _, err := w.svc.SaveRelease(ctx, c.in, "dana"); !errors.As(err, &ie) || ie.Field != c.field {
			t.Errorf("%+v: %v, want a %s problem", c.in, err, c.field)
		}
	}
	msgs, _ := w.st.Messages(ctx, conv.ID, 10)
	r, err := w.svc.SaveRelease(ctx, ReleaseInput{Author: "Ana", Title: "Mug unboxing", ContentURL: "https://instagram.com/p/1",
		ConversationID: conv.ID, Channels: []string{"Instagram", "website", "instagram"}, Territories: []string{"EU", " RO "},
		ExpiresAt: now.AddDate(0, 6, 0).UnixMilli(), PaidUse: true}, "dana")
	if err != nil || r.Status != store.ReleaseRequested || r.Channels != "instagram,website" || r.Territories != "EU,RO" {
		t.Fatalf("saved %+v %v", r, err)
	}
	if _, err := w.svc.SetReleaseStatus(ctx, r.ID, "lost", 0, "", "dana"); !errors.As(err, &ie) {
		t.Fatalf("unknown status: %v", err)
	}
	r, err = w.svc.SetReleaseStatus(ctx, r.ID, store.ReleaseGranted, msgs[0].ID, "said yes in DM", "dana")
	if err != nil || r.Status != store.ReleaseGranted || r.MessageID == nil || *r.MessageID != msgs[0].ID || r.StartsAt != now.UnixMilli() {
		t.Fatalf("granted %+v %v", r, err)
	}
	past, _ := w.svc.SaveRelease(ctx, ReleaseInput{Author: "Bo", ContentURL: "https://tiktok.com/@bo/1", ExpiresAt: now.Add(-time.Hour).UnixMilli()}, "dana")
	if _, err := w.svc.SetReleaseStatus(ctx, past.ID, store.ReleaseGranted, 0, "", "dana"); !errors.As(err, &ie) || ie.Reason != "inPast" {
		t.Fatalf("granting an expired release: %v", err)
	}
	if got := auditActions(t, w.st, "ugc_release", r.ID); strings.Join(got, ",") != "release.created,release.status" {
		t.Fatalf("audit %v", got)
	}
	if d := DaysLeft(r, now); d != 182 && d != 183 {
		t.Fatalf("days left %d", d)
	}
}

// The release request goes out as a DM through the send gate from the seeded
// saved reply, with the terms, and the release records it.
func TestRequestReleaseSendsTheSavedReplyWithTerms(t *testing.T) {
	w := newInboxWorld(t, 1)
	ctx := context.Background()
	id, err := w.svc.EnsureReleaseTemplate(ctx, "ro")
	if err != nil || id == 0 {
		t.Fatalf("seed: %d %v", id, err)
	}
	tpl, _ := w.st.TemplateByID(ctx, id)
	if tpl.Name != releaseTemplateNames["ro"] || len(tpl.Variants) != 5 || tpl.Shortcut != "release" {
		t.Fatalf("template %+v", tpl)
	}
	if again, _ := w.svc.EnsureReleaseTemplate(ctx, "en"); again != id {
		t.Fatalf("seeded twice: %d then %d", id, again)
	}
	noConv, _ := w.svc.SaveRelease(ctx, ReleaseInput{Author: "Ana", ContentURL: "https://instagram.com/p/9"}, "dana")
	if _, err := w.svc.RequestRelease(ctx, noConv.ID, "dana"); !errors.As(err, &NoConversationError{}) {
		t.Fatalf("no conversation: %v", err)
	}
	r, _ := w.svc.SaveRelease(ctx, ReleaseInput{Author: "Ana", Title: "Mug unboxing", ContentURL: "https://instagram.com/p/1", ConversationID: w.convs[0].ID,
		Channels: []string{"instagram", "ads"}, PaidUse: true, StartsAt: now.UnixMilli(), ExpiresAt: now.AddDate(1, 0, 0).UnixMilli(), Compensation: "EUR 50",
		EditsAllowed: true}, "dana")
	m, err := w.svc.RequestRelease(ctx, r.ID, "dana")
	if err != nil || m.State != store.StateSent {
		t.Fatalf("request %+v %v", m, err)
	}
	sent := w.fake.Sent()
	if len(sent) != 1 {
		t.Fatalf("sent %+v", sent)
	}
	text := sent[0].Text
	for _, want := range []string{"I agree", "https://instagram.com/p/1", "Instagram, online ads", "In paid ads: yes", "from 2026-06-10 until 2027-06-10",
		"Countries: worldwide", "In return: EUR 50", "we may crop it"} {
		if !strings.Contains(text, want) {
			t.Errorf("the request lacks %q:\n%s", want, text)
		}
	}
	got, _ := w.st.ReleaseByID(ctx, r.ID)
	if got.RequestMessageID != m.ID || got.RequestedAt != now.UnixMilli() {
		t.Fatalf("release after request %+v", got)
	}
	if uses, _ := w.st.TemplateByID(ctx, id); uses.ID == 0 {
		t.Fatal("template gone")
	}
	// The terms read naturally in the other languages too.
	if terms := ReleaseTerms(got, "hi"); !strings.Contains(terms, "2026-06-10 से 2027-06-10 तक") {
		t.Errorf("hindi terms %s", terms)
	}
	var _ = inbox.OriginTemplate
}

// Reminders fire 30 and 7 days before expiry, once each, on a fixed clock; a
// release granted inside the last week only gets the 7-day one; after the
// expiry the release is marked expired and its calendar reminder is kept.
func TestReleaseRemindersOnAFixedClock(t *testing.T) {
	w := newInboxWorld(t, 1)
	ctx := context.Background()
	cal := &fakeCalendar{}
	type note struct{ title, body string }
	var notes []note
	w.svc.Calendar = cal
	w.svc.Notify = func(_ context.Context, title, body string) error {
		notes = append(notes, note{title, body})
		return nil
	}
	expiry := now.AddDate(0, 0, 45)
	r, _ := w.svc.SaveRelease(ctx, ReleaseInput{Author: "Ana Pop", ContentURL: "https://instagram.com/p/1", ExpiresAt: expiry.UnixMilli()}, "dana")
	if _, err := w.svc.SetReleaseStatus(ctx, r.ID, store.ReleaseGranted, 0, "", "dana"); err != nil {
		t.Fatal(err)
	}
	short, _ := w.svc.SaveRelease(ctx, ReleaseInput{Author: "Bo", ContentURL: "https://tiktok.com/@bo/1", ExpiresAt: now.AddDate(0, 0, 5).UnixMilli()}, "dana")
	_, _ = w.svc.SetReleaseStatus(ctx, short.ID, store.ReleaseGranted, 0, "", "dana")
	ungranted, _ := w.svc.SaveRelease(ctx, ReleaseInput{Author: "Cy", ContentURL: "https://tiktok.com/@cy/1", ExpiresAt: now.AddDate(0, 0, 20).UnixMilli()}, "dana")

	fired, err := w.svc.RunReleaseReminders(ctx, "en")
	if err != nil || len(fired) != 1 || fired[0].Release.ID != short.ID || fired[0].DaysBefore != 7 {
		t.Fatalf("day 0: %+v %v", fired, err)
	}
	w.clock.Set(expiry.AddDate(0, 0, -31))
	if fired, _ := w.svc.RunReleaseReminders(ctx, "en"); len(fired) != 0 {
		t.Fatalf("31 days before: %+v", fired)
	}
	w.clock.Set(expiry.AddDate(0, 0, -30).Add(time.Hour))
	fired, _ = w.svc.RunReleaseReminders(ctx, "en")
	if len(fired) != 1 || fired[0].Release.ID != r.ID || fired[0].DaysBefore != 30 || fired[0].DaysLeft != 29 {
		t.Fatalf("30 days before: %+v", fired)
	}
	if fired, _ := w.svc.RunReleaseReminders(ctx, "en"); len(fired) != 0 {
		t.Fatalf("the 30-day reminder fired twice: %+v", fired)
	}
	w.clock.Set(expiry.AddDate(0, 0, -7).Add(time.Hour))
	fired, _ = w.svc.RunReleaseReminders(ctx, "en")
	if len(fired) != 1 || fired[0].DaysBefore != 7 {
		t.Fatalf("7 days before: %+v", fired)
	}
	w.clock.Set(expiry.Add(time.Minute))
	if fired, _ := w.svc.RunReleaseReminders(ctx, "en"); len(fired) != 0 {
		t.Fatalf("after expiry: %+v", fired)
	}
	got, _ := w.st.ReleaseByID(ctx, r.ID)
	if got.Status != store.ReleaseExpired {
		t.Fatalf("status after expiry %s", got.Status)
	}
	if u, _ := w.st.ReleaseByID(ctx, ungranted.ID); u.Status != store.ReleaseRequested {
		t.Fatalf("a requested release changed: %+v", u)
	}
	if len(notes) != 3 || !strings.Contains(notes[1].title, "29 days") || !strings.Contains(notes[1].body, "Ana Pop") {
		t.Fatalf("notifications %+v", notes)
	}
	if len(cal.added) != 2 || !cal.added[2].Equal(expiry.UTC()) {
		t.Fatalf("calendar %+v", cal.added)
	}
	if got := auditActions(t, w.st, "ugc_release", r.ID); strings.Join(got, ",") != "release.created,release.status,release.reminder,release.reminder,release.status" {
		t.Fatalf("audit %v", got)
	}
	// Moving the expiry of a granted release forgets its reminders and calendar entry.
	w.clock.Set(now)
	_, _ = w.svc.SetReleaseStatus(ctx, r.ID, store.ReleaseGranted, 0, "", "dana")
	if _, err := w.svc.SaveRelease(ctx, ReleaseInput{ID: r.ID, Author: "Ana Pop", ContentURL: "https://instagram.com/p/1", ExpiresAt: now.AddDate(0, 0, 10).UnixMilli()}, "dana"); err != nil {
		t.Fatal(err)
	}
	if len(cal.removed) == 0 {
		t.Fatal("the old calendar reminder was not removed")
	}
	if fired, _ := w.svc.RunReleaseReminders(ctx, "en"); len(fired) != 1 || fired[0].Release.ID != r.ID {
		t.Fatalf("after moving the expiry: %+v", fired)
	}
}

func TestReleaseExport(t *testing.T) {
	w := newInboxWorld(t, 1)
	ctx := context.Background()
	_, _ = w.svc.SaveRelease(ctx, ReleaseInput{Author: "=cmd()", Title: "Mug, glazed", ContentURL: "https://instagram.com/p/1", Channels: []string{"instagram", "print"},
		Territories: []string{"EU", "US"}, ExpiresAt: now.AddDate(0, 1, 0).UnixMilli()}, "dana")
	_, _ = w.svc.SaveRelease(ctx, ReleaseInput{Author: "Bo", ContentURL: "https://tiktok.com/@bo/1"}, "dana")
	var b bytes.Buffer
	n, err := w.svc.ExportReleases(ctx, &b, FormatCSV, "dana")
	if err != nil || n != 2 {
		t.Fatalf("csv %d %v", n, err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil || len(rows) != 3 || strings.Join(rows[0], ",") != strings.Join(releaseCSVHeader, ",") {
		t.Fatalf("csv rows %v %v", rows, err)
	}
	if rows[1][3] != "'=cmd()" || rows[1][4] != "Mug, glazed" || rows[1][6] != "instagram; print" || rows[1][9] != "2026-07-10" || rows[2][9] != "" {
		t.Fatalf("csv first rows %v / %v", rows[1], rows[2])
	}
	b.Reset()
	if _, err := w.svc.ExportReleases(ctx, &b, FormatJSON, "dana"); err != nil {
		t.Fatal(err)
	}
	var js []ReleaseRow
	if err := json.Unmarshal(b.Bytes(), &js); err != nil || len(js) != 2 || js[0].Territories[1] != "US" {
		t.Fatalf("json %s %v", b.String(), err)
	}
	if _, err := w.svc.ExportReleases(ctx, &b, "xml", "dana"); err == nil {
		t.Fatal("xml accepted")
	}
	if got := auditActions(t, w.st, "ugc_release", 0); len(got) != 2 || got[0] != "release.exported" {
		t.Fatalf("audit %v", got)
	}
}

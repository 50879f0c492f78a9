package calendar

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

func TestDueJobPublishesOnceAtItsTime(t *testing.T) {
	h := newHarness(t)
	it := h.schedule(h.mAcc, "New spring collection drops today", t0.Add(10*time.Minute), "", "Europe/Bucharest")

	h.tick()
	if got := h.item(it.ID).Status; got != store.ItemScheduled {
		t.Fatalf("published early: status %q", got)
	}
	if n := len(h.masto.Sent()); n != 0 {
		t.Fatalf("posted %d statuses before the time", n)
	}

	h.clock.Advance(10 * time.Minute)
	h.tick()
	h.tick() // a second look must not post again
	got := h.item(it.ID)
	if got.Status != store.ItemPublished || got.ExternalID == "" || got.LateMs != 0 {
		t.Fatalf("item after its time = %+v", got)
	}
	sent := h.masto.Sent()
	if len(sent) != 1 || sent[0].Text != "New spring collection drops today" || sent[0].IdempotencyKey != h.sched.IdemKey(it.ID, it.StartAt) {
		t.Fatalf("mastodon got %+v", sent)
	}
	js := h.jobs(it.ID)
	if len(js) != 1 || js[0].State != store.JobPublished || js[0].Attempts != 1 {
		t.Fatalf("jobs = %+v", js)
	}
}

func TestPublishesToThreePlatforms(t *testing.T) {
	h := newHarness(t)
	at := t0.Add(time.Minute)
	tg := h.schedule(h.tgAcc, "Live on Thursday at 19:00!", at, "", "UTC")
	ma := h.schedule(h.mAcc, "Behind the scenes of our dye lab", at, "", "UTC")
	bs := h.schedule(h.bAcc, "Three ways to wear the linen shirt 🧵", at, "", "UTC")
	h.clock.Advance(time.Minute)
	h.tick()
	for _, it := range []store.CalendarItem{tg, ma, bs} {
		if got := h.item(it.ID); got.Status != store.ItemPublished || got.ExternalID == "" {
			t.Errorf("%s item = %+v", it.Platform, got)
		}
	}
	if posts := h.tg.ChannelPosts(h.tgChan.ID); len(posts) != 1 || posts[0].Text != "Live on Thursday at 19:00!" {
		t.Errorf("telegram channel posts = %+v", posts)
	}
	if n := len(h.masto.Sent()); n != 1 {
		t.Errorf("mastodon statuses = %d", n)
	}
	posts := h.bsky.Posts()
	if len(posts) != 1 || posts[0].Text != "Three ways to wear the linen shirt 🧵" || posts[0].URI != h.item(bs.ID).ExternalID {
		t.Errorf("bluesky posts = %+v", posts)
	}
}

func TestJobsMissedWhileClosedRunLateOnStart(t *testing.T) {
	h := newHarness(t)
	// Scheduled yesterday for three hours ago; the app was closed since.
	h.clock.Set(t0.Add(-24 * time.Hour))
	it := h.schedule(h.bAcc, "Morning drop", t0.Add(-3*time.Hour), "", "UTC")
	h.clock.Set(t0)

	stop, err := h.sched.Start(h.ctx)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return h.item(it.ID).Status == store.ItemPublished })
	stop()
	got := h.item(it.ID)
	if got.LateMs != (3 * time.Hour).Milliseconds() {
		t.Fatalf("late = %v, want 3h", time.Duration(got.LateMs)*time.Millisecond)
	}
	audit, _ := h.st.AuditEvents(h.ctx, "calendar_item", "", 10)
	if len(audit) == 0 || audit[0].Action != "calendar.published" || !strings.Contains(audit[0].Reason, "late by 3h") {
		t.Fatalf("audit = %+v", audit)
	}
}

func TestJobTooLateIsNotPublished(t *testing.T) {
	h := newHarness(t)
	h.clock.Set(t0.Add(-10 * 24 * time.Hour))
	it := h.schedule(h.mAcc, "Flash sale ends tonight", t0.Add(-4*24*time.Hour), "", "UTC")
	h.clock.Set(t0)
	h.tick()
	got := h.item(it.ID)
	if got.Status != store.ItemFailed || got.LastError != ReasonMissed {
		t.Fatalf("item = %+v", got)
	}
	if n := len(h.masto.Sent()); n != 0 {
		t.Fatalf("a stale post went out (%d)", n)
	}
}

func TestFailingPublishIsRetriedWithBackoff(t *testing.T) {
	h := newHarness(t)
	it := h.schedule(h.bAcc, "Restock alert", t0.Add(time.Minute), "", "UTC")

	h.bsky.FailNext(2, http.StatusBadGateway)
	h.clock.Advance(time.Minute)
	h.tick()
	js := h.jobs(it.ID)
	if js[0].State != store.JobPending || js[0].Attempts != 1 || js[0].NextAttemptAt != h.clock.Now().Add(time.Minute).UnixMilli() || js[0].LastError == "" {
		t.Fatalf("after 1st failure: %+v", js[0])
	}
	h.clock.Advance(59 * time.Second)
	h.tick()
	if js := h.jobs(it.ID); js[0].Attempts != 1 {
		t.Fatalf("retried before the backoff: %+v", js[0])
	}
	h.clock.Advance(time.Second)
	h.tick()
	if js := h.jobs(it.ID); js[0].Attempts != 2 || js[0].NextAttemptAt != h.clock.Now().Add(5*time.Minute).UnixMilli() {
		t.Fatalf("after 2nd failure: %+v", js[0])
	}
	h.clock.Advance(5 * time.Minute)
	h.tick()
	js = h.jobs(it.ID)
	if js[0].State != store.JobPublished || js[0].Attempts != 3 || len(h.bsky.Posts()) != 1 {
		t.Fatalf("after recovery: %+v, posts %d", js[0], len(h.bsky.Posts()))
	}
}

func TestPublishFailsForGoodAfterMaxAttempts(t *testing.T) {
	h := newHarness(t)
	h.sched.MaxAttempts = 3
	h.masto.SetFaultScope(http.MethodPost, "/api/v1/statuses")
	h.masto.FailNext(100, http.StatusServiceUnavailable)
	it := h.schedule(h.mAcc, "Giveaway", t0, "", "UTC")
	for i := 0; i < 6; i++ {
		h.tick()
		h.clock.Advance(time.Hour)
	}
	got := h.item(it.ID)
	js := h.jobs(it.ID)
	if got.Status != store.ItemFailed || got.LastError == "" || js[0].Attempts != 3 || js[0].State != store.JobFailed {
		t.Fatalf("item %+v job %+v", got, js[0])
	}
}

func TestPermanentErrorFailsAtOnce(t *testing.T) {
	h := newHarness(t)
	it := h.schedule(h.bAcc, strings.Repeat("long ", 80), t0, "", "UTC") // over 300 graphemes
	h.tick()
	got := h.item(it.ID)
	if got.Status != store.ItemFailed || !strings.Contains(got.LastError, "too long") || h.jobs(it.ID)[0].Attempts != 1 {
		t.Fatalf("item = %+v", got)
	}
}

// claimWithoutRecording simulates a crash: the job is claimed (and, when
// callPlatform, the platform was called) but the outcome never recorded.
func (h *harness) claimWithoutRecording(it store.CalendarItem, callPlatform bool) store.PublishJob {
	h.t.Helper()
	j, _, err := h.st.EnsurePublishJob(h.ctx, store.PublishJob{ItemID: it.ID, OccurrenceAt: it.StartAt, AccountID: it.AccountID,
		Mode: store.JobPublish, NextAttemptAt: it.StartAt, IdemKey: h.sched.IdemKey(it.ID, it.StartAt)})
	if err != nil {
		h.t.Fatal(err)
	}
	if ok, err := h.st.ClaimPublishJob(h.ctx, j.ID, h.clock.Now().UnixMilli()); !ok || err != nil {
		h.t.Fatalf("claim: %v %v", ok, err)
	}
	if callPlatform {
		conn, acc, err := h.conns.Connector(h.ctx, *it.AccountID)
		if err != nil {
			h.t.Fatal(err)
		}
		if _, _, err := publishVia(h.ctx, conn, acc, platforms.Post{Text: it.Caption}, j.IdemKey); err != nil {
			h.t.Fatal(err)
		}
	}
	return j
}

func TestCrashAfterCallIsNotPublishedTwice(t *testing.T) {
	h := newHarness(t)
	ma := h.schedule(h.mAcc, "Mastodon once", t0, "", "UTC")
	bs := h.schedule(h.bAcc, "Bluesky once", t0, "", "UTC")
	tg := h.schedule(h.tgAcc, "Telegram once", t0, "", "UTC")
	h.claimWithoutRecording(ma, true)
	h.claimWithoutRecording(bs, true)
	h.claimWithoutRecording(tg, true)
	h.clock.Advance(10 * time.Minute) // restart shortly after

	if err := h.sched.Recover(h.ctx); err != nil {
		t.Fatal(err)
	}
	h.tick()
	// Keyed platforms were asked again with the same key and handed back the first post.
	if n := len(h.masto.Sent()); n != 1 {
		t.Errorf("mastodon statuses = %d, want 1", n)
	}
	if got := h.item(ma.ID); got.Status != store.ItemPublished || got.ExternalID != string(h.masto.Sent()[0].ID) {
		t.Errorf("mastodon item = %+v", got)
	}
	if posts := h.bsky.Posts(); len(posts) != 1 || h.item(bs.ID).ExternalID != posts[0].URI {
		t.Errorf("bluesky posts = %+v, item %+v", posts, h.item(bs.ID))
	}
	// Telegram cannot deduplicate: nothing is sent again; a person checks.
	if n := len(h.tg.ChannelPosts(h.tgChan.ID)); n != 1 {
		t.Errorf("telegram posts = %d, want 1", n)
	}
	got := h.item(tg.ID)
	if got.Status != store.ItemLate || got.LastError != ReasonInterrupted || h.jobs(tg.ID)[0].State != store.JobUnknown {
		t.Errorf("telegram item = %+v job %+v", got, h.jobs(tg.ID)[0])
	}
}

func TestCrashBeforeCallIsPublishedOnRecover(t *testing.T) {
	h := newHarness(t)
	bs := h.schedule(h.bAcc, "Claimed, never sent", t0, "", "UTC")
	h.claimWithoutRecording(bs, false)
	if err := h.sched.Recover(h.ctx); err != nil {
		t.Fatal(err)
	}
	h.tick()
	if posts := h.bsky.Posts(); len(posts) != 1 || h.item(bs.ID).Status != store.ItemPublished {
		t.Fatalf("posts %+v item %+v", posts, h.item(bs.ID))
	}
}

func TestMastodonKeyOlderThanItsWindowIsNotRepeated(t *testing.T) {
	h := newHarness(t)
	ma := h.schedule(h.mAcc, "Old claim", t0, "", "UTC")
	h.claimWithoutRecording(ma, false)
	h.clock.Advance(2 * time.Hour) // past Mastodon's one-hour key memory
	if err := h.sched.Recover(h.ctx); err != nil {
		t.Fatal(err)
	}
	h.tick()
	if n := len(h.masto.Sent()); n != 0 || h.item(ma.ID).Status != store.ItemLate {
		t.Fatalf("statuses %d item %+v", n, h.item(ma.ID))
	}
}

func TestMovedItemPublishesAtItsNewTimeOnly(t *testing.T) {
	h := newHarness(t)
	it := h.schedule(h.mAcc, "Moved post", t0.Add(time.Hour), "", "UTC")
	h.tick() // job for 10:00 exists now
	it.StartAt = t0.Add(26 * time.Hour).UnixMilli()
	if err := h.st.SaveCalendarItem(h.ctx, &it); err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(time.Hour)
	h.tick()
	if n := len(h.masto.Sent()); n != 0 {
		t.Fatalf("published at the old time")
	}
	h.clock.Advance(25 * time.Hour)
	h.tick()
	if n := len(h.masto.Sent()); n != 1 || h.item(it.ID).Status != store.ItemPublished {
		t.Fatalf("statuses %d item %+v", n, h.item(it.ID))
	}
	states := map[string]int{}
	for _, j := range h.jobs(it.ID) {
		states[j.State]++
	}
	if states[store.JobSkipped] != 1 || states[store.JobPublished] != 1 {
		t.Fatalf("job states = %v", states)
	}
}

func TestItemWithoutPublishingAPIBecomesAReminder(t *testing.T) {
	h := newHarness(t)
	it := store.CalendarItem{Kind: store.ItemPost, Platform: "instagram", Status: store.ItemScheduled, Caption: "Reel caption",
		StartAt: t0.UnixMilli(), ScheduledAt: t0.UnixMilli()}
	if err := h.st.CreateCalendarItem(h.ctx, &it); err != nil {
		t.Fatal(err)
	}
	h.tick()
	if got := h.item(it.ID); got.Status != store.ItemLate {
		t.Fatalf("item = %+v", got)
	}
	if js := h.jobs(it.ID); js[0].State != store.JobReminded {
		t.Fatalf("job = %+v", js[0])
	}
}

func TestLoopWakesOnItsTimerWithoutPolling(t *testing.T) {
	h := newHarness(t)
	it := h.schedule(h.mAcc, "Timer driven", t0.Add(30*time.Second), "", "UTC")
	ctx, cancel := context.WithCancel(h.ctx)
	defer cancel()
	stop, err := h.sched.Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	waitFor(t, func() bool { return h.clock.Waiters() == 1 }) // asleep until the job is due
	if n := len(h.masto.Sent()); n != 0 {
		t.Fatal("published before its time")
	}
	h.clock.Advance(30 * time.Second)
	waitFor(t, func() bool { return h.item(it.ID).Status == store.ItemPublished })

	// A newly scheduled item wakes the loop through Poke.
	waitFor(t, func() bool { return h.clock.Waiters() >= 1 })
	now := h.schedule(h.bAcc, "Right now", h.clock.Now(), "", "UTC")
	h.sched.Poke()
	waitFor(t, func() bool { return h.item(now.ID).Status == store.ItemPublished })
}

// waitFor waits (in real time, briefly) for the scheduler goroutine to catch up.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

package workspace

import (
	"context"
	"time"

	"creatordesk/backend/calendar"
	"creatordesk/backend/checklist"
	"creatordesk/backend/store"
)

// seedCalendarDemo fills the demo with a realistic week: posts across four
// content pillars with weekly targets, a live on Thursday evening with its
// agenda and questions, this week's checklist partly done, and a 30/60/90 plan.
func seedCalendarDemo(w *Workspace) error {
	ctx := context.Background()
	area := w.Calendar()
	if area == nil {
		return nil
	}
	svc := area.Calendar
	accs, err := w.Store.Accounts(ctx, false)
	if err != nil {
		return err
	}
	byPlatform := map[string]*int64{}
	for i := range accs {
		if _, ok := byPlatform[accs[i].Platform]; !ok {
			id := accs[i].ID
			byPlatform[accs[i].Platform] = &id
		}
	}
	now := w.Store.Now().UTC()
	monday := calendar.WeekStart(now, time.UTC)
	at := func(day, hour int) time.Time { return monday.AddDate(0, 0, day).Add(time.Duration(hour) * time.Hour) }
	for pillar, n := range map[string]int{"education": 2, "behind_the_scenes": 2, "product": 2, "community": 1} {
		if err := svc.SetCadence(ctx, DemoActor, pillar, n); err != nil {
			return err
		}
	}
	type post struct {
		day, hour                                int
		platform, format, pillar, title, caption string
		owner                                    string
	}
	posts := []post{
		{0, 9, "instagram", "short_video", "education", "3 ways to style the linen shirt", "Three looks, one shirt. Which one is yours? 👇", "Mara"},
		{1, 12, "telegram", "text", "product", "Restock: sage linen set", "The sage linen set is back in all sizes. Reply SAGE for the link.", "Dana"},
		{2, 18, "tiktok", "short_video", "behind_the_scenes", "Dye lab: how the sage colour is made", "From powder to fabric in 40 seconds.", "Mara"},
		{4, 10, "mastodon", "thread", "education", "Linen care in five steps", "Wash cold, dry flat, iron damp. Full guide in the thread.", "Mara"},
		{5, 11, "bluesky", "text", "community", "Customer photo of the week", "Your photos make our week. This one is from Ioana in Cluj.", "Dana"},
		{6, 17, "instagram", "carousel", "product", "New arrivals preview", "Sunday preview: three colours coming next week.", "Mara"},
	}
	for _, p := range posts {
		start := at(p.day, p.hour)
		status := store.ItemDraft
		if start.Before(now) {
			status = store.ItemPublished
		} else if byPlatform[p.platform] != nil {
			status = store.ItemScheduled
		}
		in := calendar.ItemInput{Kind: store.ItemPost, Platform: p.platform, AccountID: byPlatform[p.platform], Format: p.format,
			Pillar: p.pillar, Status: status, Owner: p.owner, Title: p.title, Caption: p.caption, Start: start, TimeZone: "UTC"}
		if status == store.ItemPublished {
			in.AccountID = nil // history: nothing to publish
		}
		if _, err := svc.Create(ctx, DemoActor, in); err != nil {
			return err
		}
	}
	if _, err := svc.Create(ctx, DemoActor, calendar.ItemInput{Kind: store.ItemCollab, Platform: "instagram", Pillar: "community",
		Status: store.ItemDraft, Owner: "Dana", Title: "Collab reel with @andreea.makes", Start: at(3, 15), TimeZone: "UTC"}); err != nil {
		return err
	}
	live, err := svc.Create(ctx, DemoActor, calendar.ItemInput{Kind: store.ItemLive, Platform: "instagram", Format: "live", Pillar: "product",
		Status: store.ItemScheduled, Owner: "Mara", Title: "Thursday live: the spring linen drop", Start: at(3, 19), End: at(3, 20), TimeZone: "UTC"})
	if err != nil {
		return err
	}
	session, err := area.Lives.Plan(ctx, DemoActor, live.ID, calendar.LiveInput{
		Agenda:       "1. Hello and giveaway rules\n2. The three new colours\n3. Sizing questions\n4. Live-only code",
		CTA:          "Live on Thursday at 19:00: new colours and a code for viewers only.",
		Keywords:     "size, linen, order, ship",
		FollowupText: "Thank you for joining the live! Your viewer code LIVE10 works until Sunday.",
	})
	if err != nil {
		return err
	}
	for _, q := range []calendar.QuestionInput{
		{Author: "Ioana", Text: "Is the linen shirt true to size? I'm usually an M"},
		{Author: "Radu", Text: "linen shirt sizing - true to size?"},
		{Author: "Wei", Text: "Do you ship to Taiwan?"},
		{Author: "Ana", Text: "Where is my order #10234? I want it before the live"},
	} {
		if _, _, err := area.Lives.AddQuestion(ctx, DemoActor, session.ID, q); err != nil {
			return err
		}
	}
	_, _ = area.Lives.Intake(ctx, DemoActor, session.ID, now.AddDate(0, 0, -7))

	cl := w.Checklist()
	_, tasks, err := cl.Week(ctx, checklist.WeekStart(now, time.UTC))
	if err != nil {
		return err
	}
	for i, note := range []string{"Boosted the linen reel: 4.1k reach", "Filled Friday and Sunday"} {
		if i < len(tasks) && tasks[i].Weekday == 1 {
			if _, err := cl.Complete(ctx, "Mara", tasks[i].ID, true, note); err != nil {
				return err
			}
		}
	}
	for _, p := range []checklist.PlanInput{
		{Horizon: 30, Title: "Answer every DM within 24 hours", Owner: "Dana"},
		{Horizon: 30, Title: "Post four short videos a week", Owner: "Mara", Done: true},
		{Horizon: 60, Title: "Run a live every other Thursday", Owner: "Mara"},
		{Horizon: 90, Title: "Three creator collaborations live", Owner: "Dana"},
	} {
		if _, err := cl.SavePlanItem(ctx, DemoActor, p); err != nil {
			return err
		}
	}
	return nil
}

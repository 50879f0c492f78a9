package campaigns

import (
	"context"
	"time"

	"creatordesk/backend/store"
	"creatordesk/backend/templates"
)

// seedDemoReleases fills the release register: a granted release linked to a
// demo DM that ends within the month (so its expiry badge and calendar
// reminder show), one still requested in another DM, a long paid one and a
// declined one. Creators are the demo's (by name).
func (s *Service) seedDemoReleases(ctx context.Context, at time.Time, creators map[string]int64) error {
	convs, _, err := s.Store.Conversations(ctx, store.ConversationFilter{Kind: "dm"}, store.ConversationCursor{}, 20)
	if err != nil {
		return err
	}
	var dms []store.Conversation
	for _, c := range convs {
		if c.ContactID != nil {
			dms = append(dms, c)
		}
	}
	conv := func(i int) (int64, int64) {
		if i >= len(dms) {
			return 0, 0
		}
		msgs, err := s.Store.Messages(ctx, dms[i].ID, 20)
		if err != nil {
			return dms[i].ID, 0
		}
		for j := len(msgs) - 1; j >= 0; j-- {
			if msgs[j].Direction == "in" {
				return dms[i].ID, msgs[j].ID
			}
		}
		return dms[i].ID, 0
	}
	day := func(d int) int64 { return at.AddDate(0, 0, d).Truncate(24 * time.Hour).UnixMilli() }
	c1, m1 := conv(0)
	c2, _ := conv(1)
	type seed struct {
		in      ReleaseInput
		status  string
		consent int64
	}
	seeds := []seed{
		{ReleaseInput{CreatorID: creators["Ana Pop"], Title: "Morning glaze reel", ContentURL: "https://instagram.example/p/ana-morning-glaze",
			ConversationID: c1, Channels: []string{"instagram", "website"}, StartsAt: day(-70), ExpiresAt: day(20), Territories: []string{"EU"},
			Compensation: "Free spring glaze set", EditsAllowed: true}, store.ReleaseGranted, m1},
		{ReleaseInput{CreatorID: creators["Mei Lin"], Title: "Studio tour TikTok", ContentURL: "https://tiktok.example/@meiclay/studio-tour",
			ConversationID: c2, Channels: []string{"tiktok", "ads"}, PaidUse: true, ExpiresAt: day(180), Compensation: "EUR 150"}, store.ReleaseRequested, 0},
		{ReleaseInput{CreatorID: creators["Ravi Kumar"], Title: "Wheel-throwing tutorial", ContentURL: "https://youtube.example/watch?v=ravi-throws",
			Channels: []string{"youtube", "website", "email"}, PaidUse: true, StartsAt: day(-30), ExpiresAt: day(335), Territories: []string{"worldwide"},
			Compensation: "EUR 400"}, store.ReleaseGranted, 0},
		{ReleaseInput{Author: "@potterylover", Title: "Mug on a windowsill", ContentURL: "https://instagram.example/p/potterylover-mug",
			Channels: []string{"instagram"}}, store.ReleaseDeclined, 0},
	}
	for _, sd := range seeds {
		r, err := s.SaveRelease(ctx, sd.in, DemoActor)
		if err != nil {
			return err
		}
		if sd.status != store.ReleaseRequested {
			if _, err := s.SetReleaseStatus(ctx, r.ID, sd.status, sd.consent, "", DemoActor); err != nil {
				return err
			}
		}
	}
	quiet := *s // the demo opens without a desktop notification
	quiet.Notify = nil
	_, err = quiet.RunReleaseReminders(ctx, "en")
	return err
}

// seedDemoExperiment runs one reply experiment: the "thanks" starter against a
// warmer variant, at the 25 % stage.
func (s *Service) seedDemoExperiment(ctx context.Context) error {
	if s.Templates == nil {
		return nil
	}
	all, err := s.Store.Templates(ctx, store.TemplateFilter{})
	if err != nil {
		return err
	}
	var base store.Template
	for _, t := range all {
		if t.Shortcut == "thanks" {
			base = t
		}
	}
	if base.ID == 0 {
		return nil
	}
	alt, err := s.Templates.Create(ctx, DemoActor, templates.Input{Name: base.Name + " (B)", Kind: base.Kind, Variants: map[string]string{
		"en": "Thank you, {first_name|friend}! Messages like yours are why we keep glazing. If you share a photo of your piece in use, we would love to see it.",
		"ro": "Mulțumim din suflet, {first_name|prietene}! Pentru mesaje ca al tău continuăm să lucrăm. Dacă ne trimiți o poză cu piesa ta în folosință, ne bucurăm enorm.",
	}})
	if err != nil {
		return err
	}
	e, err := s.CreateExperiment(ctx, ExperimentInput{Name: base.Name, TemplateID: base.ID, Variants: []VariantInput{{TemplateID: alt.ID, Weight: 1}},
		MaxOptOutRate: 0.05, MaxNegativeRate: 0.2, MinSample: 30}, DemoActor)
	if err != nil {
		return err
	}
	if _, err := s.StartExperiment(ctx, e.ID, DemoActor); err != nil {
		return err
	}
	_, err = s.SetStage(ctx, e.ID, 25, DemoActor)
	return err
}

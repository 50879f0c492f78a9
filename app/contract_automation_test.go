package app

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/store"
)

func init() {
	for ts, dto := range map[string]any{
		"AutomationConditions": AutomationConditionsDTO{}, "AutomationAction": AutomationActionDTO{}, "AutomationRule": AutomationRuleDTO{},
		"AutomationDryRunHit": AutomationDryRunHitDTO{}, "AutomationDryRun": AutomationDryRunDTO{}, "AutomationStatus": AutomationStatusDTO{},
		"AutomationDraft": AutomationDraftDTO{}, "ReviewItem": ReviewItemDTO{}, "IntentQuality": IntentQualityDTO{},
		"ClassifierQuality": ClassifierQualityDTO{}, "AutomationOptions": AutomationOptionsDTO{},
		"AuditQuery": AuditQueryDTO{}, "AuditEntry": AuditEntryDTO{}, "AuditPage": AuditPageDTO{}, "AuditVerify": AuditVerifyDTO{},
		"DownloadFile": FileDTO{}, "GovernanceContact": GovernanceContactDTO{}, "OptOutEntry": OptOutDTO{}, "ConsentEntry": ConsentDTO{},
		"ConsentInput": ConsentInputDTO{}, "RetentionPolicy": RetentionPolicyDTO{}, "PurgeCandidate": PurgeCandidateDTO{},
		"PurgeResult": PurgeResultDTO{}, "LegalHold": LegalHoldDTO{}, "DataRequest": DataRequestDTO{}, "EraseResult": EraseResultDTO{},
		"Appeal": AppealDTO{}, "AppealInput": AppealInputDTO{},
		"AIEndpoint": AIEndpointDTO{}, "AutomationSettings": AutomationSettingsDTO{}, "PausedConversation": PausedConversationDTO{},
	} {
		contractPairs[ts] = dto
	}
}

// syncedConversation connects the Telegram fake with one customer message and
// waits for its conversation.
func syncedConversation(t *testing.T, s *Session, fake *telegramfake.Server, url, text string) ConversationDTO {
	t.Helper()
	fake.AddMessage(telegramfake.Chat{ID: 21, Type: "private", FirstName: "Ana"}, telegramfake.User{ID: 21, FirstName: "Ana"}, text, time.Now())
	if _, err := NewAccounts(s).ConnectTelegram(ConnectTelegramRequest{Token: testToken, BaseURL: url}); err != nil {
		t.Fatal(err)
	}
	var page ConversationPage
	waitFor(t, "the synced conversation", func() bool {
		page, _ = NewInbox(s).ListConversations(ConversationQuery{Limit: 10})
		return len(page.Items) == 1
	})
	return page.Items[0]
}

// auditActions lists the actions of the newest audit entries.
func auditActions(t *testing.T, g *Governance, q AuditQueryDTO) []string {
	t.Helper()
	page, err := g.SearchAudit(q)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range page.Items {
		out = append(out, e.Action)
	}
	return out
}

func TestAutomationFacade(t *testing.T) {
	s, _, fake, url := newSession(t)
	s.SetActor("Mara")
	api, gov := NewAutomation(s), NewGovernance(s)
	conv := syncedConversation(t, s, fake, url, "How much is the blue mug?")

	if _, err := api.SaveRule(AutomationRuleDTO{Name: "  "}); ToAppError(err).Key != "errors.automation.invalidRule" {
		t.Fatalf("nameless rule: %v", err)
	}
	price, err := api.SaveRule(AutomationRuleDTO{Name: "Price", Conditions: AutomationConditionsDTO{Keywords: []string{"how much", " "}, Kinds: []string{"dm"}},
		Actions: []AutomationActionDTO{{Type: "tag", Tag: "price"}}})
	if err != nil || price.ID == 0 || price.Position != 1 || price.Enabled || len(price.Conditions.Keywords) != 1 || price.Conditions.Intents == nil {
		t.Fatalf("save %+v %v", price, err)
	}
	other, err := api.SaveRule(AutomationRuleDTO{Name: "Comments", Conditions: AutomationConditionsDTO{Kinds: []string{"comment"}},
		Actions: []AutomationActionDTO{{Type: "escalate", Note: "look"}}})
	if err != nil || other.Position != 2 {
		t.Fatalf("second rule %+v %v", other, err)
	}
	list, err := api.ReorderRules([]int64{other.ID, price.ID})
	if err != nil || list[0].ID != other.ID || list[1].ID != price.ID {
		t.Fatalf("reorder %+v %v", list, err)
	}
	if _, err := api.ReorderRules([]int64{other.ID}); ToAppError(err).Key != "errors.automation.invalidRule" {
		t.Fatalf("partial order: %v", err)
	}
	if r, err := api.SetRuleEnabled(price.ID, true); err != nil || !r.Enabled {
		t.Fatalf("enable %+v %v", r, err)
	}

	// The dry run finds the synced question for the price rule and nothing for the comment rule.
	dry, err := api.DryRun(price, 7)
	if err != nil || dry.Checked != 1 || len(dry.Hits) != 1 || dry.Hits[0].ConversationID != conv.ID || dry.Hits[0].Actions[0].Tag != "price" {
		t.Fatalf("dry run %+v %v", dry, err)
	}
	if dry, _ := api.DryRun(other, 7); len(dry.Hits) != 0 {
		t.Fatalf("comment rule matched a DM: %+v", dry)
	}
	if err := api.DeleteRule(other.ID); err != nil {
		t.Fatal(err)
	}
	if got := auditActions(t, gov, AuditQueryDTO{TargetType: "rule", Actor: "Mara"}); strings.Join(got, ",") != "rule.deleted,rule.enabled,rule.reordered,rule.saved,rule.saved" {
		t.Fatalf("rule audit %v", got)
	}

	// Kill switch: persisted and audited.
	if st, err := api.SetPaused(true); err != nil || !st.Paused || st.ContactHourlyCap == 0 {
		t.Fatalf("pause %+v %v", st, err)
	}
	if st, _ := api.Status(); !st.Paused {
		t.Fatal("kill switch not persisted")
	}
	if _, err := api.SetPaused(false); err != nil {
		t.Fatal(err)
	}

	// A draft for an opted-out contact is refused with the translated reason; after START it goes out, labelled.
	ctx := context.Background()
	st := s.Workspace().Store
	full, err := st.ConversationByID(ctx, conv.ID)
	if err != nil || full.ContactID == nil {
		t.Fatalf("conversation contact %+v %v", full, err)
	}
	d := store.AutomationDraft{ConversationID: conv.ID, Provider: "offline", Text: "The blue mug is 12 EUR.", Categories: "price", NeedsApproval: true}
	if err := st.CreateDraft(ctx, &d); err != nil {
		t.Fatal(err)
	}
	drafts, err := api.Drafts()
	if err != nil || len(drafts) != 1 || drafts[0].ContactID != *full.ContactID || drafts[0].ContactName != "Ana" || drafts[0].Categories[0] != "price" {
		t.Fatalf("drafts %+v %v", drafts, err)
	}
	contact, err := gov.SetOptOut(*full.ContactID, true, "asked by phone")
	if err != nil || !contact.OptedOut {
		t.Fatalf("opt out %+v %v", contact, err)
	}
	_, err = api.ApproveDraft(d.ID, "")
	if ae := ToAppError(err); ae.Key != "errors.automation.refused.optedOut" || ae.Args["channel"] != "app" || ae.Args["at"] == "" {
		t.Fatalf("refusal %+v", ae)
	}
	if _, err := api.ApproveDraft(d.ID, ""); ToAppError(err).Key != "errors.automation.draftDecided" {
		t.Fatalf("second decision: %v", err)
	}
	if _, err := gov.SetOptOut(*full.ContactID, false, "said yes again"); err != nil {
		t.Fatal(err)
	}
	d2 := store.AutomationDraft{ConversationID: conv.ID, Provider: "offline", Text: "The blue mug is 12 EUR.", NeedsApproval: true}
	if err := st.CreateDraft(ctx, &d2); err != nil {
		t.Fatal(err)
	}
	m, err := api.ApproveDraft(d2.ID, "The blue mug is 12 EUR, shipping included.")
	if err != nil || m.State != "sent" {
		t.Fatalf("approve %+v %v", m, err)
	}
	sent := fake.Sent()
	if len(sent) != 1 || !strings.Contains(sent[0].Text, "shipping included") || !strings.Contains(sent[0].Text, "automated") {
		t.Fatalf("fake got %+v", sent)
	}
	page, _ := gov.SearchAudit(AuditQueryDTO{Action: "draft.approved"})
	if len(page.Items) != 1 || page.Items[0].Actor != "Mara" || !strings.Contains(page.Items[0].After, `"aiAssisted":true`) {
		t.Fatalf("approval audit %+v", page)
	}
	if ledger, _ := gov.OptOuts(*full.ContactID); len(ledger) != 4 || ledger[0].OptedOut || ledger[0].Actor != "Mara" {
		t.Fatalf("ledger %+v", ledger)
	}

	// Review queue and classifier quality.
	cid := conv.ID
	it, err := st.AddReviewItem(ctx, store.ReviewItem{Kind: store.ReviewModeration, TargetType: "message", TargetID: "1", ConversationID: &cid, Summary: "hidden"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := api.MarkReview(it.ID, "maybe"); ToAppError(err).Key != "errors.automation.invalidVerdict" {
		t.Fatalf("bad verdict: %v", err)
	}
	if r, err := api.MarkReview(it.ID, "wrong"); err != nil || r.Verdict != "wrong" || r.Reviewer != "Mara" || r.ReviewedAt == "" {
		t.Fatalf("mark %+v %v", r, err)
	}
	if q, _ := api.ReviewQueue(true); len(q) != 0 {
		t.Fatalf("pending queue %+v", q)
	}
	q, err := api.Quality()
	if err != nil || q.Trained || q.ModerationChecked != 1 || q.FalsePositiveRate != 1 {
		t.Fatalf("quality %+v %v", q, err)
	}
	for _, ex := range [][2]string{{"how much is it", "sales"}, {"price please", "sales"}, {"my order is late", "support"},
		{"where is my parcel", "support"}, {"win free followers", "spam"}, {"cheap followers here", "spam"}} {
		for i := 0; i < 3; i++ {
			if err := st.AddClassifierExample(ctx, ex[0], ex[1], ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	q, err = api.Retrain()
	if err != nil || !q.Trained || q.Examples != 18 || q.HeldOut == 0 || len(q.Intents) == 0 {
		t.Fatalf("retrain %+v %v", q, err)
	}
}

func TestGovernanceFacade(t *testing.T) {
	s, _, fake, url := newSession(t)
	s.SetActor("Mara")
	gov := NewGovernance(s)
	conv := syncedConversation(t, s, fake, url, "Hello there")

	found, err := gov.FindContacts("Ana")
	if err != nil || len(found) != 1 || found[0].Name != "Ana" || found[0].OptedOut {
		t.Fatalf("find %+v %v", found, err)
	}
	ana := found[0].ID
	if _, err := gov.RecordConsent(ConsentInputDTO{ContactID: ana, Purpose: " "}); ToAppError(err).Key != "errors.automation.invalid.purpose" {
		t.Fatalf("consent without purpose: %v", err)
	}
	if c, err := gov.RecordConsent(ConsentInputDTO{ContactID: ana, Purpose: "marketing", Granted: true, Note: "signed up at the fair"}); err != nil || !c.Granted || c.Channel != "app" || c.ContactName != "Ana" {
		t.Fatalf("consent %+v %v", c, err)
	}
	if list, _ := gov.Consents(0); len(list) != 1 {
		t.Fatalf("consents %+v", list)
	}

	// Retention: validation, preview (nothing is old enough), holds.
	if _, err := gov.SaveRetentionPolicy(RetentionPolicyDTO{Name: "Chat", MatchType: "kind", MatchValue: "dm", KeepDays: 0}); ToAppError(err).Key != "errors.automation.invalid.keepDays" {
		t.Fatalf("zero days: %v", err)
	}
	p, err := gov.SaveRetentionPolicy(RetentionPolicyDTO{Name: "Chat", MatchType: "kind", MatchValue: "dm", KeepDays: 180, Enabled: true})
	if err != nil || p.ID == 0 {
		t.Fatalf("policy %+v %v", p, err)
	}
	if prev, err := gov.PurgePreview(); err != nil || len(prev) != 0 {
		t.Fatalf("preview %+v %v", prev, err)
	}
	if res, err := gov.RunPurge(); err != nil || res.Conversations != 0 {
		t.Fatalf("purge %+v %v", res, err)
	}
	if _, err := gov.AddLegalHold("contact", ana, ""); ToAppError(err).Key != "errors.automation.invalid.reason" {
		t.Fatalf("hold without reason: %v", err)
	}
	h, err := gov.AddLegalHold("contact", ana, "dispute")
	if err != nil || h.TargetName != "Ana" {
		t.Fatalf("hold %+v %v", h, err)
	}
	if _, err := gov.EraseContact(ana, "Ana"); err == nil {
		t.Fatal("erased a contact under legal hold")
	}
	if err := gov.ReleaseLegalHold(h.ID); err != nil {
		t.Fatal(err)
	}

	// Export: a zip with the contact's messages; erase needs the typed name.
	f, err := gov.ExportContact(ana)
	if err != nil || f.Encoding != "base64" || f.MimeType != "application/zip" {
		t.Fatalf("export %+v %v", f, err)
	}
	raw, _ := base64.StdEncoding.DecodeString(f.Content)
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	var hasMessages bool
	for _, zf := range zr.File {
		hasMessages = hasMessages || zf.Name == "messages.csv"
	}
	if !hasMessages || len(raw) != f.Bytes {
		t.Fatalf("zip files %d, messages.csv %v", len(zr.File), hasMessages)
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	path, err := gov.SaveDownload(f)
	path2, err2 := gov.SaveDownload(f)
	if err != nil || err2 != nil || filepath.Dir(path) != filepath.Join(home, "Downloads") || path == path2 {
		t.Fatalf("save %q %q %v %v", path, path2, err, err2)
	}
	if saved, _ := os.ReadFile(path); !bytes.Equal(saved, raw) {
		t.Fatal("saved zip differs")
	}
	if _, err := gov.SaveDownload(FileDTO{Filename: "../..", Content: "x"}); ToAppError(err).Key != "errors.invalidInput" {
		t.Fatalf("bad name: %v", err)
	}
	if _, err := gov.EraseContact(ana, "Anna"); ToAppError(err).Key != "errors.automation.invalid.confirmation" {
		t.Fatalf("wrong confirmation: %v", err)
	}
	res, err := gov.EraseContact(ana, " Ana ")
	if err != nil || res.Conversations != 1 || res.Messages != 1 {
		t.Fatalf("erase %+v %v", res, err)
	}
	if _, err := NewInbox(s).GetThread(conv.ID); ToAppError(err).Key != "errors.notFound" {
		t.Fatalf("thread after erase: %v", err)
	}
	if reqs, _ := gov.DataRequests(); len(reqs) != 2 || reqs[0].Kind != "erase" || reqs[0].Actor != "Mara" {
		t.Fatalf("requests %+v", reqs)
	}

	// Appeals with a due date.
	if _, err := gov.CreateAppeal(AppealInputDTO{Reason: "It was a question", DueAt: "2001-01-01"}); ToAppError(err).Key != "errors.automation.invalid.dueAt" {
		t.Fatalf("past due: %v", err)
	}
	a, err := gov.CreateAppeal(AppealInputDTO{TargetType: "message", TargetID: "77", Reason: "It was a question"})
	if err != nil || a.Status != "open" || a.DueAt == "" || a.Overdue {
		t.Fatalf("appeal %+v %v", a, err)
	}
	if _, err := gov.ResolveAppeal(a.ID, "overturned", ""); ToAppError(err).Key != "errors.automation.invalid.resolution" {
		t.Fatalf("resolution required: %v", err)
	}
	if a, err = gov.ResolveAppeal(a.ID, "overturned", "Unhidden, sorry"); err != nil || a.Status != "overturned" || a.ResolvedAt == "" {
		t.Fatalf("resolve %+v %v", a, err)
	}
	if open, _ := gov.Appeals(true); len(open) != 0 {
		t.Fatalf("open appeals %+v", open)
	}

	// Audit: verified, filtered, exported (the export is audited too).
	v, err := gov.VerifyAudit()
	if err != nil || !v.OK || v.Checked < 8 {
		t.Fatalf("verify %+v %v", v, err)
	}
	exp, err := gov.ExportAudit(AuditQueryDTO{Actor: "Mara", Action: "appeal.overturned"}, "csv")
	if err != nil || exp.Entries != 1 || exp.MimeType != "text/csv" {
		t.Fatalf("csv export %+v %v", exp, err)
	}
	rows, err := csv.NewReader(strings.NewReader(exp.Content)).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][3] != "appeal.overturned" || rows[1][6] != "Unhidden, sorry" {
		t.Fatalf("csv %v %v", rows, err)
	}
	exp, err = gov.ExportAudit(AuditQueryDTO{}, "json")
	var all []map[string]any
	if err != nil || json.Unmarshal([]byte(exp.Content), &all) != nil || len(all) != exp.Entries || all[0]["id"].(float64) != 1 {
		t.Fatalf("json export %d entries %v", exp.Entries, err)
	}
	if _, err := gov.ExportAudit(AuditQueryDTO{}, "xml"); ToAppError(err).Key != "errors.automation.invalid.format" {
		t.Fatalf("xml: %v", err)
	}
	if got := auditActions(t, gov, AuditQueryDTO{Action: "audit.exported"}); len(got) != 2 {
		t.Fatalf("export audit %v", got)
	}
	if _, err := gov.SearchAudit(AuditQueryDTO{From: "yesterday"}); ToAppError(err).Key != "errors.invalidInput" {
		t.Fatalf("bad from: %v", err)
	}
	// Break the chain in the database: verify names the entry.
	if err := govStore(s).W.Exec(`UPDATE audit_events SET reason = 'edited' WHERE id = 2`).Error; err != nil {
		t.Fatal(err)
	}
	v, err = gov.VerifyAudit()
	if err != nil || v.OK || v.BrokenID != 2 || v.Error == nil || !strings.HasPrefix(v.Error.Key, "errors.automation.auditBroken.") {
		t.Fatalf("broken verify %+v %v", v, err)
	}
}

// govStore is the session's store.
func govStore(s *Session) *store.Store { return s.Workspace().Store }

package automation_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/automation"
	"creatordesk/backend/governance"
	"creatordesk/backend/governance/govtest"
	"creatordesk/backend/platforms"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// templates is a two-template stand-in for backend/templates.
type templates struct{}

func (templates) Render(_ context.Context, id int64, conv store.Conversation) (string, error) {
	switch id {
	case 1:
		return "Thanks " + conv.Title + "! It costs 25 lei.", nil
	case 2:
		return "Sorry to hear that, we are on it.", nil
	}
	return "", fmt.Errorf("no template %d", id)
}

func (templates) ForIntent(_ context.Context, intent, _, _ string) (int64, bool, error) {
	switch intent {
	case "sales":
		return 1, true, nil
	case "support":
		return 2, true, nil
	}
	return 0, false, nil
}

// moderating is a connector source whose connector can hide comments.
type moderating struct{ hidden []platforms.ModerationAction }

type modConn struct {
	platforms.Connector
	m *moderating
}

func (c modConn) Moderate(_ context.Context, a platforms.ModerationAction) error {
	c.m.hidden = append(c.m.hidden, a)
	return nil
}

func (m *moderating) Connector(context.Context, int64) (platforms.Connector, store.Account, error) {
	return modConn{m: m}, store.Account{}, nil
}

type world struct {
	*govtest.Env
	engine   *automation.Engine
	notified []automation.Notification
	mod      *moderating
	inHours  bool
}

func newWorld(t *testing.T) *world {
	e := govtest.New(t)
	g := &governance.Gate{Store: e.Store}
	e.Inbox.Policies = append(e.Inbox.Policies, g.Policies()...)
	e.Inbox.AfterSend = append(e.Inbox.AfterSend, g.AfterSend)
	w := &world{Env: e, mod: &moderating{}, inHours: true}
	cl := &automation.Classifier{Store: e.Store}
	_ = cl.Load(context.Background())
	_ = e.Store.SetSetting(context.Background(), governance.KeyReviewShare, "100")
	w.engine = &automation.Engine{Store: e.Store, Classifier: cl, Sender: e.Inbox, Templates: templates{}, Connectors: w.mod,
		InBusinessHours: func(time.Time) bool { return w.inHours },
		Notify:          func(n automation.Notification) { w.notified = append(w.notified, n) },
		Drafts:          &automation.Drafts{Store: e.Store, Provider: automation.OfflineDrafter{Templates: templates{}}, Sender: e.Inbox}}
	return w
}

// rule saves a rule and returns its id.
func (w *world) rule(t *testing.T, c automation.Conditions, actions ...automation.Action) int64 {
	t.Helper()
	r := automation.Rule{Name: "r", Enabled: true, Conditions: c, Actions: actions}
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	row := r.Encode()
	if err := w.Store.SaveAutomationRule(context.Background(), &row); err != nil {
		t.Fatal(err)
	}
	return row.ID
}

// receive delivers a message and runs the engine on it.
func (w *world) receive(t *testing.T, p govtest.Person, text string) int64 {
	t.Helper()
	w.Clock.Advance(time.Minute)
	conv, ids := w.Receive(p, text)
	if err := w.engine.HandleStored(context.Background(), ids); err != nil {
		t.Fatal(err)
	}
	return conv
}

// tags returns a conversation's tag names.
func (w *world) tags(t *testing.T, conv int64) []string {
	var names []string
	_ = w.Store.R.Raw(`SELECT t.name FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.conversation_id = ? ORDER BY t.name`, conv).Scan(&names).Error
	return names
}

var ana = govtest.Person{ID: 42, Name: "Ana"}

func TestEachConditionMatchesAndMisses(t *testing.T) {
	tag := func(name string) automation.Action { return automation.Action{Type: automation.ActionTag, Tag: name} }
	cases := []struct {
		name  string
		cond  automation.Conditions
		text  string
		match bool
		setup func(w *world)
	}{
		{"kind dm", automation.Conditions{Kinds: []string{"dm"}}, "hello", true, nil},
		{"kind comment", automation.Conditions{Kinds: []string{"comment"}}, "hello", false, nil},
		{"platform", automation.Conditions{Platforms: []string{"telegram"}}, "hello", true, nil},
		{"other platform", automation.Conditions{Platforms: []string{"mastodon"}}, "hello", false, nil},
		{"account", automation.Conditions{AccountIDs: []int64{999}}, "hello", false, nil},
		{"keyword en", automation.Conditions{Keywords: []string{"gift card"}}, "Do you sell a Gift-Card?", true, nil},
		{"keyword ro folded", automation.Conditions{Keywords: []string{"preț"}}, "care e pretul? pret mic", true, nil},
		{"keyword zh inside sentence", automation.Conditions{Keywords: []string{"退款"}}, "我想要退款可以吗", true, nil},
		{"keyword zh-Hant", automation.Conditions{Keywords: []string{"運費"}}, "請問運費多少", true, nil},
		{"keyword hi", automation.Conditions{Keywords: []string{"डिलीवरी"}}, "डिलीवरी कब होगी?", true, nil},
		{"keyword part of a word", automation.Conditions{Keywords: []string{"art"}}, "the party was fun", false, nil},
		{"intent", automation.Conditions{Intents: []string{"sales"}}, "how much is the vase?", true, nil},
		{"kind as intent", automation.Conditions{Intents: []string{"order_issue"}}, "my order never arrived", true, nil},
		{"wrong intent", automation.Conditions{Intents: []string{"spam"}}, "how much is the vase?", false, nil},
		{"sentiment", automation.Conditions{Sentiments: []string{"negative"}}, "terrible, it arrived broken", true, nil},
		{"contact attribute", automation.Conditions{Contact: map[string]string{"display_name": "ana"}}, "hi", true, nil},
		{"contact attribute miss", automation.Conditions{Contact: map[string]string{"language": "hi"}}, "hi", false, nil},
		{"inside hours", automation.Conditions{Hours: "inside"}, "hi", true, nil},
		{"outside hours", automation.Conditions{Hours: "outside"}, "hi", true, func(w *world) { w.inHours = false }},
		{"outside hours miss", automation.Conditions{Hours: "outside"}, "hi", false, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			if tc.setup != nil {
				tc.setup(w)
			}
			w.rule(t, tc.cond, tag("hit"))
			conv := w.receive(t, ana, tc.text)
			got := len(w.tags(t, conv)) == 1
			if got != tc.match {
				t.Fatalf("matched=%v, want %v", got, tc.match)
			}
		})
	}
}

func TestEachActionAndItsAuditEntry(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	id := w.rule(t, automation.Conditions{Intents: []string{"sales"}},
		automation.Action{Type: automation.ActionTag, Tag: "lead"},
		automation.Action{Type: automation.ActionAssign, Assignee: "2"},
		automation.Action{Type: automation.ActionPriority, Priority: 2},
		automation.Action{Type: automation.ActionReply, TemplateID: 1},
		automation.Action{Type: automation.ActionDraft},
		automation.Action{Type: automation.ActionNotify, Note: "new lead"},
		automation.Action{Type: automation.ActionLiveQuestion},
	)
	conv := w.receive(t, ana, "How much is the blue mug?")
	c, _ := w.Store.ConversationByID(ctx, conv)
	if strings.Join(w.tags(t, conv), ",") != "lead" || c.Assignee != "2" || c.Priority != 2 {
		t.Fatalf("tag/assign/priority: %v %q %d", w.tags(t, conv), c.Assignee, c.Priority)
	}
	if sent := w.Fake.Sent(); len(sent) != 1 || !strings.Contains(sent[0].Text, "It costs 25 lei.") || !strings.Contains(sent[0].Text, "assistant") {
		t.Fatalf("template reply: %+v", sent)
	}
	drafts, _ := w.Store.Drafts(ctx, store.DraftPending, 10)
	if len(drafts) != 1 || !drafts[0].NeedsApproval || !strings.Contains(drafts[0].Categories, "price") {
		t.Fatalf("draft: %+v", drafts)
	}
	if len(w.notified) != 1 || w.notified[0].Note != "new lead" {
		t.Fatalf("notify: %+v", w.notified)
	}
	if qs, _ := w.Store.LiveQuestions(ctx, "", 10); len(qs) != 1 || qs[0].Text != "How much is the blue mug?" {
		t.Fatalf("live question: %+v", qs)
	}
	audit, _ := w.Store.SearchAudit(ctx, store.AuditFilter{Actor: fmt.Sprintf("automation:%d", id)}, 50)
	actions := map[string]bool{}
	for _, a := range audit {
		actions[a.Action] = true
	}
	for _, want := range []string{"automation.tag", "automation.assign", "automation.priority", "automation.reply_template",
		"automation.draft", "automation.notify", "automation.live_question", "reply.sent"} {
		if !actions[want] {
			t.Errorf("no audit entry %s by the rule (have %v)", want, actions)
		}
	}
	if items, _ := w.Store.ReviewItems(ctx, true, 10); len(items) != 1 || items[0].Kind != store.ReviewReply {
		t.Fatalf("review sample: %+v", items)
	}
	runs, _ := w.Store.AutomationRuns(ctx, id, 10)
	if len(runs) != 1 || runs[0].Outcome != "done" {
		t.Fatalf("runs: %+v", runs)
	}
}

func TestEscalateAndHideComment(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.rule(t, automation.Conditions{Intents: []string{"spam"}}, automation.Action{Type: automation.ActionHide})
	w.rule(t, automation.Conditions{Intents: []string{"danger"}}, automation.Action{Type: automation.ActionEscalate, Note: "threat"})
	// A DM cannot be hidden: the run records the failure.
	conv := w.receive(t, ana, "free followers, click the link")
	if len(w.mod.hidden) != 0 {
		t.Fatal("a DM was hidden")
	}
	// Make the thread a comment thread: the next spam comment is hidden.
	_ = w.Store.W.Exec(`UPDATE conversations SET kind = 'comment' WHERE id = ?`, conv).Error
	w.receive(t, ana, "crypto investment opportunity, check my profile")
	if len(w.mod.hidden) != 1 || w.mod.hidden[0].Kind != platforms.ModerateHide {
		t.Fatalf("hidden: %+v", w.mod.hidden)
	}
	if items, _ := w.Store.ReviewItems(ctx, true, 10); len(items) != 1 || items[0].Kind != store.ReviewModeration {
		t.Fatalf("moderation sample: %+v", items)
	}
	w.receive(t, ana, "I will kill you")
	c, _ := w.Store.ConversationByID(ctx, conv)
	if c.Priority != 3 || len(w.notified) != 1 || w.notified[0].Kind != "escalate" {
		t.Fatalf("escalate: prio %d notified %+v", c.Priority, w.notified)
	}
}

func TestKillSwitchAndDisabledRulesDoNothing(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	id := w.rule(t, automation.Conditions{}, automation.Action{Type: automation.ActionTag, Tag: "seen"})
	_ = governance.SetPaused(ctx, w.Store, "dana", true)
	conv := w.receive(t, ana, "hello")
	if len(w.tags(t, conv)) != 0 {
		t.Fatal("paused automation acted")
	}
	if in, _, _ := w.Store.ConversationIntent(ctx, conv); in == "" {
		t.Fatal("classification should continue while paused")
	}
	_ = governance.SetPaused(ctx, w.Store, "dana", false)
	_ = w.Store.SetAutomationRuleEnabled(ctx, id, false)
	w.receive(t, ana, "hello again")
	if len(w.tags(t, conv)) != 0 {
		t.Fatal("disabled rule acted")
	}
	_ = w.Store.SetAutomationRuleEnabled(ctx, id, true)
	w.receive(t, ana, "and again")
	if len(w.tags(t, conv)) != 1 {
		t.Fatal("enabled rule did not act")
	}
}

func TestDryRunListsWhatARuleWouldDoAndChangesNothing(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.receive(t, ana, "how much is the vase?")
	w.receive(t, govtest.Person{ID: 43, Name: "Bob"}, "nice photo")
	w.receive(t, govtest.Person{ID: 44, Name: "Ion"}, "Cât costă cana?")
	r := automation.Rule{Name: "price", Conditions: automation.Conditions{Intents: []string{"sales"}},
		Actions: []automation.Action{{Type: automation.ActionReply, TemplateID: 1}}}
	hits, err := w.engine.DryRun(ctx, r, govtest.Start, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].Text != "Cât costă cana?" || hits[1].Text != "how much is the vase?" {
		t.Fatalf("hits: %+v", hits)
	}
	if len(w.Fake.Sent()) != 0 {
		t.Fatal("a dry run sent something")
	}
}

func TestRuleRepliesStopWhenTheContactOptedOut(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	ledger := &governance.Ledger{Store: w.Store}
	id := w.rule(t, automation.Conditions{}, automation.Action{Type: automation.ActionReply, TemplateID: 2})
	w.Clock.Advance(time.Minute)
	_, ids := w.Receive(ana, "STOP")
	_, _ = ledger.HandleInbound(ctx, ids)
	_ = w.engine.HandleStored(ctx, ids)
	if len(w.Fake.Sent()) != 0 {
		t.Fatalf("replied to an opted-out contact: %+v", w.Fake.Sent())
	}
	runs, _ := w.Store.AutomationRuns(ctx, id, 10)
	var outs []automation.Outcome
	_ = json.Unmarshal([]byte(runs[0].ActionsJSON), &outs)
	if outs[0].Result != "skipped" || outs[0].Detail != governance.RefusedOptedOut {
		t.Fatalf("outcome %+v", outs)
	}
}

func TestApprovedDraftIsSentAIAssisted(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.rule(t, automation.Conditions{Intents: []string{"support"}}, automation.Action{Type: automation.ActionDraft})
	w.receive(t, ana, "my order never arrived")
	drafts, _ := w.Store.Drafts(ctx, store.DraftPending, 10)
	if len(drafts) != 1 {
		t.Fatalf("drafts %+v", drafts)
	}
	if len(w.Fake.Sent()) != 0 {
		t.Fatal("a draft went out without approval")
	}
	m, err := w.engine.Drafts.Approve(ctx, drafts[0].ID, "dana", "")
	if err != nil || m.State != store.StateSent {
		t.Fatalf("approve: %+v %v", m, err)
	}
	if _, err := w.engine.Drafts.Approve(ctx, drafts[0].ID, "dana", ""); err != automation.ErrDraftDecided {
		t.Fatalf("second approval: %v", err)
	}
	audit, _ := w.Store.SearchAudit(ctx, store.AuditFilter{Action: "draft.approved"}, 10)
	if len(audit) != 1 || !strings.Contains(audit[0].AfterJSON, `"aiAssisted":true`) || audit[0].Actor != "dana" {
		t.Fatalf("audit %+v", audit)
	}
}

func TestOpenAICompatibleDrafterUsesKeyFromVault(t *testing.T) {
	var gotAuth, gotModel string
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/chat/completions" {
			http.NotFound(rw, r)
			return
		}
		gotAuth = r.Header.Get("Authorization")
		var body struct {
			Model    string `json:"model"`
			Messages []struct{ Role, Content string }
		}
		_ = json.NewDecoder(r.Body).Decode(&body)
		gotModel = body.Model
		_, _ = fmt.Fprintf(rw, `{"choices":[{"message":{"role":"assistant","content":" We will check your order %d. "}}]}`, len(body.Messages))
	}))
	defer srv.Close()
	vault := secrets.NewMemory()
	_ = vault.Set(context.Background(), automation.APIKeyName("ws"), "sk-test")
	d := &automation.OpenAIDrafter{BaseURL: srv.URL + "/v1", Model: "local-small", Vault: vault, KeyName: automation.APIKeyName("ws")}
	text, err := d.Draft(context.Background(), automation.DraftRequest{Thread: []store.Message{{Direction: "in", Text: "where is my order"}}})
	if err != nil || text != "We will check your order 2." {
		t.Fatalf("draft %q %v", text, err)
	}
	if gotAuth != "Bearer sk-test" || gotModel != "local-small" {
		t.Fatalf("auth %q model %q", gotAuth, gotModel)
	}
	if cats := automation.Categories(text); len(cats) != 0 {
		t.Fatalf("categories of a neutral text: %v", cats)
	}
	if cats := automation.Categories("Vă returnăm banii înapoi, prețul e 20 lei"); strings.Join(cats, ",") != "price,refund" {
		t.Fatalf("categories: %v", cats)
	}
}

// History a first sync brings in is classified but never acted on: a rule
// must not answer a customer's message from last month.
func TestRulesLeaveOldMessagesAlone(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.rule(t, automation.Conditions{}, automation.Action{Type: automation.ActionTag, Tag: "seen"})
	conv, ids := w.Receive(ana, "an old question")
	w.Clock.Advance(automation.DefaultMaxMessageAge + time.Minute)
	if err := w.engine.HandleStored(ctx, ids); err != nil {
		t.Fatal(err)
	}
	if tags := w.tags(t, conv); len(tags) != 0 {
		t.Fatalf("a rule acted on a day-old message: tags %v", tags)
	}
	if in, _, _ := w.Store.ConversationIntent(ctx, conv); in == "" {
		t.Fatal("old messages should still be classified")
	}
	w.receive(t, ana, "a new question")
	if tags := w.tags(t, conv); len(tags) != 1 {
		t.Fatalf("a fresh message was not acted on: tags %v", tags)
	}
}

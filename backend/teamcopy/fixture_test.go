package teamcopy_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/workspace"
)

// Texts the fixture adds, found again on PostgreSQL after the copy.
const (
	noteZh = "客户想要蓝色釉面的杯子，下周寄到杭州"
	noteHi = "ग्राहक को नीले रंग का कप चाहिए, अगले हफ्ते भेजना है"
)

// fixtureAt is the time written into the fixture rows (2026-01-01).
const fixtureAt int64 = 1767225600000

// fixtureRows fill the tables the demo leaves empty, one statement per table,
// each taking its parents from rows the demo made. A statement that finds no
// parent inserts nothing, and the completeness check then names the table.
// A new table needs a line here (or demo data) before the copy test passes.
var fixtureRows = map[string]string{
	"account_sync_failures": `INSERT INTO account_sync_failures(account_id, last_error_at, failures) SELECT id, ` + at + `, 2 FROM accounts ORDER BY id LIMIT 1`,
	"attribution_assists": `INSERT INTO attribution_assists(order_id, creator_id, rule) SELECT o.id, c.id, 'assist'
		FROM orders o, creators c ORDER BY o.id, c.id LIMIT 1`,
	"automation_approvals": `INSERT INTO automation_approvals(draft_id, decision, actor, note, at) SELECT id, 'approved', 'Mia', 'Looks right', ` + at + ` FROM automation_drafts ORDER BY id LIMIT 1`,
	"automation_conversation_pauses": `INSERT INTO automation_conversation_pauses(conversation_id, paused_at, actor, reason)
		SELECT id, ` + at + `, 'Mia', 'handled by a person' FROM conversations ORDER BY id LIMIT 1`,
	"automation_counters": `INSERT INTO automation_counters(scope_key, window_start, count) VALUES ('rule:1', ` + at + `, 3)`,
	"automation_runs": `INSERT INTO automation_runs(rule_id, message_id, conversation_id, dry_run, actions_json, outcome, at)
		SELECT r.id, m.id, m.conversation_id, 1, '["tag"]', 'matched', ` + at + ` FROM automation_rules r, messages m ORDER BY r.id, m.id LIMIT 1`,
	"classifier_examples": `INSERT INTO classifier_examples(text, intent, sentiment, source, created_at) VALUES ('Où est ma commande ?', 'order', 'neutral', 'manual', ` + at + `)`,
	"classifier_models":   `INSERT INTO classifier_models(trained_at, examples, model_json, metrics_json) VALUES (` + at + `, 1, '{"w":[0.25,-1.5]}', '{"f1":0.5}')`,
	"consents": `INSERT INTO consents(contact_id, purpose, granted, at, channel, evidence_message_id, note, actor)
		SELECT c.id, 'marketing', 1, ` + at + `, 'telegram', NULL, '', 'Mia' FROM contacts c ORDER BY c.id LIMIT 1`,
	"contact_merges": `INSERT INTO contact_merges(survivor_id, merged_id, actor, created_at, undone_at)
		SELECT a.id, b.id, 'Mia', ` + at + `, ` + at + ` FROM contacts a, contacts b WHERE b.id > a.id ORDER BY a.id, b.id LIMIT 1`,
	"contact_order_ids": `INSERT INTO contact_order_ids(contact_id, order_id, created_at) SELECT id, '#1001', ` + at + ` FROM contacts ORDER BY id LIMIT 1`,
	"conversation_tags": `INSERT INTO conversation_tags(conversation_id, tag_id, created_at) SELECT c.id, t.id, ` + at + `
		FROM conversations c, tags t ORDER BY c.id, t.id LIMIT 1`,
	"data_requests": `INSERT INTO data_requests(contact_id, kind, actor, detail, at) SELECT id, 'export', 'Mia', 'asked by e-mail', ` + at + ` FROM contacts ORDER BY id LIMIT 1`,
	"disclosures":   `INSERT INTO disclosures(contact_id, channel, message_id, at) SELECT c.id, 'telegram', NULL, ` + at + ` FROM contacts c ORDER BY c.id LIMIT 1`,
	"experiment_assignments": `INSERT INTO experiment_assignments(experiment_id, contact_id, variant_id, assigned_at)
		SELECT v.experiment_id, c.id, v.id, ` + at + ` FROM experiment_variants v, contacts c ORDER BY v.id, c.id LIMIT 1`,
	"experiment_outcomes": `INSERT INTO experiment_outcomes(experiment_id, contact_id, variant_id, kind, at)
		SELECT v.experiment_id, c.id, v.id, 'reply', ` + at + ` FROM experiment_variants v, contacts c ORDER BY v.id, c.id LIMIT 1`,
	"kpi_csat_requests": `INSERT INTO kpi_csat_requests(conversation_id, resolved_at, message_id, status, requested_at, rating)
		SELECT id, ` + at + `, NULL, 'rated', ` + at + `, 5 FROM conversations ORDER BY id LIMIT 1`,
	"kpi_goals": `INSERT INTO kpi_goals(metric, mode, target, span, note, created_by, created_at, updated_at)
		VALUES ('first_response_minutes', 'at_most', 37.5, 'month', 'Q1', 'Mia', ` + at + `, ` + at + `)`,
	"legal_holds": `INSERT INTO legal_holds(target_type, target_id, reason, actor, created_at) SELECT 'contact', id, 'dispute', 'Mia', ` + at + ` FROM contacts ORDER BY id LIMIT 1`,
	"live_questions": `INSERT INTO live_questions(conversation_id, message_id, text, status, created_at)
		SELECT conversation_id, id, 'Is the glaze food safe?', 'new', ` + at + ` FROM messages ORDER BY id LIMIT 1`,
	"message_sequences": `INSERT INTO message_sequences(name, kind, steps_json, created_at, updated_at) VALUES ('Welcome', 'followup', '[{"afterDays":2}]', ` + at + `, ` + at + `)`,
	"moderation_actions": `INSERT INTO moderation_actions(message_id, conversation_id, account_id, action, actor, created_at)
		SELECT id, conversation_id, account_id, 'hide', 'Mia', ` + at + ` FROM messages ORDER BY id LIMIT 1`,
	"optouts": `INSERT INTO optouts(contact_id, identity_id, scope, opted_out, at, channel, keyword, actor)
		SELECT contact_id, id, 'marketing', 1, ` + at + `, 'telegram', 'STOP', '' FROM contact_identities ORDER BY id LIMIT 1`,
	"outgoing_attachments": `INSERT INTO outgoing_attachments(message_id, position, sha256, name, mime_type, kind, size, created_at)
		SELECT id, 0, 'ab12', 'mug.jpg', 'image/jpeg', 'image', 2048, ` + at + ` FROM messages WHERE direction = 'out' ORDER BY id LIMIT 1`,
	"outgoing_templates": `INSERT INTO outgoing_templates(message_id, name, language, category, params_json, created_at)
		SELECT id, 'order_update', 'en', 'utility', '["Ana"]', ` + at + ` FROM messages WHERE direction = 'out' ORDER BY id LIMIT 1`,
	"presence": `INSERT INTO presence(conversation_id, member_id, heartbeat_at) SELECT c.id, m.id, ` + at + `
		FROM conversations c, team_members m ORDER BY c.id, m.id LIMIT 1`,
	"private_replies": `INSERT INTO private_replies(comment_message_id, reply_message_id, created_at)
		SELECT a.id, b.id, ` + at + ` FROM messages a, messages b WHERE b.id > a.id ORDER BY a.id, b.id LIMIT 1`,
	"quota_usage": `INSERT INTO quota_usage(platform, project, quota_day, units, budget, resets_at, updated_at)
		VALUES ('youtube', 'demo-project', '2026-01-01', 150, 10000, ` + at + `, ` + at + `)`,
	"saved_views": `INSERT INTO saved_views(name, filter_json, position, created_at, updated_at) VALUES ('Wholesale', '{"tag":"wholesale"}', 1, ` + at + `, ` + at + `)`,
	"scheduled_messages": `INSERT INTO scheduled_messages(sequence_id, kind, conversation_id, step, text, due_at, state, dedupe_key, created_at, updated_at)
		SELECT s.id, 'followup', c.id, 1, 'Did the mug arrive safely?', ` + at + `, 'pending', 'fixture:1', ` + at + `, ` + at + `
		FROM message_sequences s, conversations c ORDER BY s.id, c.id LIMIT 1`,
	"sla_away_sent": `INSERT INTO sla_away_sent(conversation_id, period, message_id, state, created_at) SELECT id, 20260101, 0, 'sent', ` + at + ` FROM conversations ORDER BY id LIMIT 1`,
	"team_members":  `INSERT INTO team_members(name, role, color, active, created_at, updated_at) VALUES ('Mia', 'owner', '#3366ff', 1, ` + at + `, ` + at + `)`,
}

// at is fixtureAt as SQL text.
const at = "1767225600000"

// fixtureOrder runs the statements whose parents are fixture rows last.
var fixtureOrder = []string{"team_members", "message_sequences"}

var (
	templateOnce sync.Once
	templateDir  string
	templateErr  error
)

// TestMain removes the shared template workspace.
func TestMain(m *testing.M) {
	code := m.Run()
	if templateDir != "" {
		_ = os.RemoveAll(templateDir)
	}
	os.Exit(code)
}

// everyKindWorkspace returns a new data folder holding a copy of a workspace
// with at least one row in every table: the demo (every module seeds), plus
// notes in Chinese and Hindi, the contact index, and fixtureRows. It is built
// once per test binary and copied for each test.
func everyKindWorkspace(t *testing.T) string {
	t.Helper()
	templateOnce.Do(func() { templateDir, templateErr = buildEveryKind() })
	if templateErr != nil {
		t.Fatal(templateErr)
	}
	dir := t.TempDir()
	in, err := os.Open(filepath.Join(templateDir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(filepath.Join(dir, store.FileName), os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func buildEveryKind() (string, error) {
	dir, err := os.MkdirTemp("", "teamcopy-fixture-")
	if err != nil {
		return "", err
	}
	w, err := workspace.OpenDemo(workspace.Config{Dir: dir, Vault: secrets.NewMemory()})
	if err != nil {
		return dir, err
	}
	if err := w.Close(); err != nil {
		return dir, err
	}
	s, err := store.Open(filepath.Join(dir, store.FileName), store.Options{Now: func() time.Time { return time.UnixMilli(fixtureAt) }})
	if err != nil {
		return dir, err
	}
	defer s.Close()
	ctx := context.Background()
	var convID int64
	if err := s.W.Raw(`SELECT id FROM conversations ORDER BY id LIMIT 1`).Scan(&convID).Error; err != nil {
		return dir, err
	}
	for _, text := range []string{noteZh, noteHi} {
		if err := s.AddNote(ctx, &store.Note{ConversationID: convID, AuthorName: "Mia", Text: text}); err != nil {
			return dir, err
		}
	}
	if _, err := s.IndexNewContacts(ctx); err != nil {
		return dir, err
	}
	run := func(name string) error {
		var n int64
		if err := s.W.Raw(`SELECT COUNT(*) FROM ` + name).Scan(&n).Error; err != nil || n > 0 {
			return err
		}
		if q, ok := fixtureRows[name]; ok {
			return s.W.Exec(q).Error
		}
		return nil
	}
	for _, name := range fixtureOrder {
		if err := run(name); err != nil {
			return dir, err
		}
	}
	for name := range fixtureRows {
		if err := run(name); err != nil {
			return dir, err
		}
	}
	return dir, s.W.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`).Error
}

package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

func TestOpenCreatesPrivateFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	s, err := Open(filepath.Join(dir, FileName), Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := addAccount(t, s, "telegram", "1")
	if _, err := s.IngestPage(context.Background(), a.ID, []platforms.Message{msg("1", "1:1", "hi", 0)}, "2"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(dir, FileName), filepath.Join(dir, FileName+"-wal")} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", filepath.Base(p), st.Mode().Perm())
		}
	}
	st, _ := os.Stat(dir)
	if st.Mode().Perm() != 0o700 {
		t.Errorf("data dir mode %v, want 0700", st.Mode().Perm())
	}
	_ = s.Close()
}

func TestMigrationUpgradeKeepsDataAndTakesBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	ctx := context.Background()
	old, err := Open(path, Options{schemaTarget: 1})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := currentVersion(old.writer()); v != 1 {
		t.Fatalf("old schema version %d", v)
	}
	// Write with v1's columns only, as a v1 app would have.
	var accountID int64
	if err := old.writer().QueryRow(`INSERT INTO accounts(platform, name, external_id, created_at, updated_at)
		VALUES ('telegram', 'old bot', '42', 1, 1) RETURNING id`).Scan(&accountID); err != nil {
		t.Fatal(err)
	}
	a := Account{ID: accountID}
	if _, err := old.IngestPage(ctx, a.ID, []platforms.Message{msg("7", "7:1", "comanda mea", 0), msg("7", "7:2", "mulțumesc", 1)}, "3"); err != nil {
		t.Fatal(err)
	}
	_ = old.Close()

	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := currentVersion(s.writer()); v != SchemaVersion() {
		t.Fatalf("upgraded version %d, want %d", v, SchemaVersion())
	}
	convs, _, err := s.Conversations(ctx, ConversationFilter{}, ConversationCursor{}, 10)
	if err != nil || len(convs) != 1 || convs[0].MessageCount != 2 || convs[0].Priority != 0 {
		t.Fatalf("after upgrade: %+v %v", convs, err)
	}
	acc, _ := s.AccountByID(ctx, a.ID)
	if acc.SyncCursor != "3" || acc.TokenExpiresAt != 0 {
		t.Fatalf("account after upgrade: %+v", acc)
	}
	if hits, _ := s.Search(ctx, "multumesc", 10); len(hits) != 1 {
		t.Fatalf("search after upgrade found %d", len(hits))
	}
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "backups", "before-migration-v2-*.db"))
	if len(backups) != 1 {
		t.Fatalf("want one backup before migrating, got %v", backups)
	}
}

func TestIngestIsIdempotentAndMaintainsListColumns(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	page := []platforms.Message{msg("100", "100:1", "Hello", 0), msg("100", "100:2", "Is the blue one in stock?", 5), msg("200", "200:1", "Salut, când vine coletul?", 3)}
	res, err := s.IngestPage(ctx, a.ID, page, "4")
	if err != nil || res.Inserted != 3 || len(res.ConversationIDs) != 2 {
		t.Fatalf("first ingest: %+v %v", res, err)
	}
	res, err = s.IngestPage(ctx, a.ID, page, "4")
	if err != nil || res.Inserted != 0 {
		t.Fatalf("re-ingest inserted %d, err %v", res.Inserted, err)
	}
	if n := countRows(t, s, "messages"); n != 3 {
		t.Fatalf("messages = %d, want 3", n)
	}
	if n := countRows(t, s, "contacts"); n != 2 {
		t.Fatalf("contacts = %d, want 2", n)
	}
	convs, _, _ := s.Conversations(ctx, ConversationFilter{}, ConversationCursor{}, 10)
	if len(convs) != 2 || convs[0].ExternalID != "100" || convs[0].UnreadCount != 2 || convs[0].Snippet != "Is the blue one in stock?" ||
		convs[0].LastMessageAt != fixedNow.Add(5*time.Minute).UnixMilli() || convs[0].Platform != "telegram" || convs[0].ContactID == nil {
		t.Fatalf("list columns wrong: %+v", convs[0])
	}
	if convs[1].Language != "ro" || convs[0].Language != "en" {
		t.Fatalf("languages: %q %q", convs[0].Language, convs[1].Language)
	}
	acc, _ := s.AccountByID(ctx, a.ID)
	if acc.ItemsSynced != 3 || acc.SyncCursor != "4" || acc.LastSyncAt != fixedNow.UnixMilli() {
		t.Fatalf("account: %+v", acc)
	}
}

func TestIngestAppliesEditsAndDeletes(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	if _, err := s.IngestPage(ctx, a.ID, []platforms.Message{msg("1", "1:1", "price of the mug?", 0)}, "1"); err != nil {
		t.Fatal(err)
	}
	edited := msg("1", "1:1", "price of the teapot?", 0)
	at := fixedNow.Add(time.Minute)
	edited.EditedAt = &at
	res, err := s.IngestPage(ctx, a.ID, []platforms.Message{edited}, "2")
	if err != nil || res.Updated != 1 || res.Inserted != 0 {
		t.Fatalf("edit: %+v %v", res, err)
	}
	if hits, _ := s.Search(ctx, "mug", 10); len(hits) != 0 {
		t.Fatal("old text still searchable after edit")
	}
	if hits, _ := s.Search(ctx, "teapot", 10); len(hits) != 1 {
		t.Fatal("edited text not searchable")
	}
	del := edited
	del.Deleted = true
	if _, err := s.IngestPage(ctx, a.ID, []platforms.Message{del}, "3"); err != nil {
		t.Fatal(err)
	}
	if hits, _ := s.Search(ctx, "teapot", 10); len(hits) != 0 {
		t.Fatal("deleted message still searchable")
	}
	msgs, _ := s.Messages(ctx, 1, 0)
	if len(msgs) != 1 || !msgs[0].Deleted || msgs[0].EditedAt != at.UnixMilli() {
		t.Fatalf("stored: %+v", msgs)
	}
}

func TestConversationPagingAndFilters(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	tg := addAccount(t, s, "telegram", "1")
	other := addAccount(t, s, "mastodon", "2")
	var page []platforms.Message
	for i := 0; i < 250; i++ {
		th := string(rune('a'+i%26)) + string(rune('a'+i/26))
		page = append(page, msg(th, th+":1", "hello "+th, i%60)) // many share a timestamp: ties broken by id
	}
	if _, err := s.IngestPage(ctx, tg.ID, page, "x"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IngestPage(ctx, other.ID, []platforms.Message{msg("m", "m:1", "toot", 500)}, "y"); err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	var cur ConversationCursor
	pages := 0
	prev := ConversationCursor{LastMessageAt: 1 << 62, ID: 1 << 62}
	for {
		rows, next, err := s.Conversations(ctx, ConversationFilter{Platform: "telegram"}, cur, 100)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, c := range rows {
			if seen[c.ID] || c.Platform != "telegram" {
				t.Fatalf("duplicate or foreign row %+v", c)
			}
			if c.LastMessageAt > prev.LastMessageAt || (c.LastMessageAt == prev.LastMessageAt && c.ID > prev.ID) {
				t.Fatalf("out of order: %+v after %+v", c, prev)
			}
			prev = ConversationCursor{LastMessageAt: c.LastMessageAt, ID: c.ID}
			seen[c.ID] = true
		}
		if next.ID == 0 {
			break
		}
		round, err := ParseConversationCursor(next.String())
		if err != nil || round != next {
			t.Fatalf("cursor round trip %v %v", round, err)
		}
		cur = next
	}
	if len(seen) != 250 || pages != 3 {
		t.Fatalf("saw %d rows in %d pages", len(seen), pages)
	}
	all, _, _ := s.Conversations(ctx, ConversationFilter{}, ConversationCursor{}, 1)
	if len(all) != 1 || all[0].Platform != "mastodon" {
		t.Fatalf("newest overall should be the mastodon toot: %+v", all)
	}
	c0 := all[0].ID
	_ = s.MarkConversationRead(ctx, c0)
	_ = s.SetConversationStatus(ctx, c0, StatusResolved)
	unread, _, _ := s.Conversations(ctx, ConversationFilter{UnreadOnly: true, Platform: "mastodon"}, ConversationCursor{}, 10)
	resolved, _, _ := s.Conversations(ctx, ConversationFilter{Status: StatusResolved}, ConversationCursor{}, 10)
	if len(unread) != 0 || len(resolved) != 1 {
		t.Fatalf("filters: unread %d resolved %d", len(unread), len(resolved))
	}
	if err := s.SetConversationStatus(ctx, c0, "bogus"); err == nil {
		t.Fatal("unknown status accepted")
	}
	// A new inbound message reopens a resolved conversation.
	if _, err := s.IngestPage(ctx, other.ID, []platforms.Message{msg("m", "m:2", "one more thing", 501)}, "z"); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.ConversationByID(ctx, c0); c.Status != StatusOpen || c.UnreadCount != 1 {
		t.Fatalf("not reopened: %+v", c)
	}
	if _, err := ParseConversationCursor("garbage"); err == nil {
		t.Fatal("bad cursor accepted")
	}
}

func TestSearchFindsEveryScript(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	texts := []string{
		"When does my order ship?",
		"Când ajunge comanda? Mulțumesc!",
		"请问这个杯子还有货吗？",
		"請問這個杯子的價格是多少？",
		"क्या यह कप अभी उपलब्ध है?",
		`<script>alert("x")</script> refund please`,
	}
	var page []platforms.Message
	for i, txt := range texts {
		page = append(page, msg("t", "t:"+string(rune('0'+i)), txt, i))
	}
	if _, err := s.IngestPage(ctx, a.ID, page, "1"); err != nil {
		t.Fatal(err)
	}
	cases := map[string]int{
		"order": 1, "ORDER": 1, "comanda": 1, "mulțumesc": 1, "multumesc": 1, "cand": 1,
		"杯子": 2, "有货": 1, "價格": 1, "货": 1, "उपलब्ध": 1, "कप": 1, "refund": 1, "ord": 1,
		"script": 1, `") OR 1=1 --`: 0, `NEAR(x y)`: 0, "": 0, "*": 0, "nothing-here": 0,
	}
	for q, want := range cases {
		hits, err := s.Search(ctx, q, 50)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(hits) != want {
			t.Errorf("Search(%q) = %d hits, want %d", q, len(hits), want)
		}
	}
	hits, _ := s.Search(ctx, "杯子", 50)
	if len(hits) == 2 && hits[0].SentAt < hits[1].SentAt {
		t.Error("search results are not newest first")
	}
}

func TestOutgoingLifecycle(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	res, _ := s.IngestPage(ctx, a.ID, []platforms.Message{msg("9", "9:1", "hi", 0)}, "1")
	conv := res.ConversationIDs[0]
	m, err := s.InsertOutgoing(ctx, conv, "Dana", "Thanks, shipping today")
	if err != nil || m.State != StateQueued {
		t.Fatalf("insert outgoing: %+v %v", m, err)
	}
	if c, _ := s.ConversationByID(ctx, conv); c.UnreadCount != 0 || c.Snippet != "Thanks, shipping today" {
		t.Fatalf("conversation after reply: %+v", c)
	}
	if err := s.MarkFailed(ctx, m.ID, "transient", "timeout"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.MessageByID(ctx, m.ID); got.State != StateFailed || got.ErrorDetail != "timeout" {
		t.Fatalf("failed: %+v", got)
	}
	if err := s.MarkSent(ctx, m.ID, "9:2", fixedNow.UnixMilli()); err != nil {
		t.Fatal(err)
	}
	got, _ := s.MessageByID(ctx, m.ID)
	if got.State != StateSent || got.ExternalID != "9:2" || got.ErrorKind != "" {
		t.Fatalf("sent: %+v", got)
	}
	if err := s.MarkSent(ctx, 99999, "x", 0); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing message: %v", err)
	}
	if _, err := s.InsertOutgoing(ctx, 424242, "x", "y"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing conversation: %v", err)
	}
}

func TestAccountsAndSettings(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "77")
	dup := Account{Platform: "telegram", Name: "again", ExternalID: "77"}
	if err := s.CreateAccount(ctx, &dup); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("duplicate account: %v", err)
	}
	_ = s.SetAccountStatus(ctx, a.ID, AccountDisconnected, "", "")
	if list, _ := s.Accounts(ctx, false); len(list) != 0 {
		t.Fatal("disconnected account listed")
	}
	again := Account{Platform: "telegram", Name: "back", ExternalID: "77"}
	if err := s.CreateAccount(ctx, &again); err != nil || again.ID != a.ID || again.Status != AccountConnected {
		t.Fatalf("reconnect should revive the same row: %+v %v", again, err)
	}
	if again.Extra() == nil || len(again.Extra()) != 0 {
		t.Fatalf("settings of a plain account: %q", again.Settings)
	}
	withExtra := Account{Platform: "bluesky", Name: "b", ExternalID: "did:plc:x"}
	withExtra.SetExtra(map[string]string{"identifier": "shop.bsky.social"})
	if err := s.CreateAccount(ctx, &withExtra); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.AccountByID(ctx, withExtra.ID); got.Extra()["identifier"] != "shop.bsky.social" {
		t.Fatalf("extra not kept: %q", got.Settings)
	}
	if v, _ := s.Setting(ctx, "language", "en"); v != "en" {
		t.Fatal("default setting")
	}
	_ = s.SetSetting(ctx, "language", "ro")
	_ = s.SetSetting(ctx, "language", "hi")
	if v, _ := s.Setting(ctx, "language", "en"); v != "hi" {
		t.Fatalf("setting = %q", v)
	}
}

func TestAuditChain(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	e1, _ := s.AppendAudit(ctx, AuditEvent{Actor: "dana", Action: "reply.sent", TargetType: "message", TargetID: "1"})
	e2, _ := s.AppendAudit(ctx, AuditEvent{Actor: "dana", Action: "account.connected", TargetType: "account", TargetID: "1"})
	if e1.PrevHash != "" || e2.PrevHash != e1.Hash || e2.Hash != AuditHash(e2) {
		t.Fatalf("chain broken: %+v %+v", e1, e2)
	}
	list, _ := s.AuditEvents(ctx, "account", "1", 10)
	if len(list) != 1 || list[0].Action != "account.connected" {
		t.Fatalf("audit query: %+v", list)
	}
}

func TestBackupRefusesToOverwrite(t *testing.T) {
	s := openTest(t)
	dest := filepath.Join(t.TempDir(), "b.db")
	if _, err := s.Backup(dest); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(dest); st.Mode().Perm() != 0o600 {
		t.Fatalf("backup mode %v", st.Mode().Perm())
	}
	if _, err := s.Backup(dest); err == nil {
		t.Fatal("backup overwrote an existing file")
	}
	if err := s.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestCountsAndWaiting(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	// Three conversations: two unread messages 3 h ago, one unread 10 min ago, one read.
	_, _ = s.IngestPage(ctx, a.ID, []platforms.Message{msg("a", "a:1", "x", -180), msg("a", "a:2", "y", -179),
		msg("b", "b:1", "z", -10), msg("c", "c:1", "w", -300)}, "1")
	convs, _, _ := s.Conversations(ctx, ConversationFilter{}, ConversationCursor{}, 10)
	for _, c := range convs {
		if c.ExternalID == "c" {
			_ = s.MarkConversationRead(ctx, c.ID)
		}
	}
	c, err := s.Counts(ctx, time.Hour)
	if err != nil || c.UnreadMessages != 3 || c.UnreadConversations != 2 || c.Waiting != 1 {
		t.Fatalf("counts %+v %v", c, err)
	}
	if c, _ := s.Counts(ctx, 0); c.Waiting != 2 {
		t.Fatalf("waiting with no threshold %+v", c)
	}
}

func TestSearchPrefersWholeWordsAndFallsBackToPrefix(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	_, _ = s.IngestPage(ctx, a.ID, []platforms.Message{msg("a", "a:1", "my order is late", 0), msg("a", "a:2", "ordering more", 1)}, "1")
	if hits, _ := s.Search(ctx, "order", 1); len(hits) != 1 || hits[0].Text != "my order is late" {
		t.Fatalf("a full page of whole-word hits must not be diluted by prefixes: %+v", hits)
	}
	if hits, _ := s.Search(ctx, "order", 10); len(hits) != 2 {
		t.Fatalf("prefix fallback: %+v", hits)
	}
	if hits, _ := s.Search(ctx, "orderi", 10); len(hits) != 1 {
		t.Fatalf("prefix while typing: %+v", hits)
	}
}

func TestOpenAcceptsRelativePaths(t *testing.T) {
	t.Chdir(t.TempDir())
	s, err := Open(filepath.Join("rel", FileName), Options{})
	if err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
}

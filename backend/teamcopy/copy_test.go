package teamcopy_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"creatordesk/backend/store"
	"creatordesk/backend/teamcopy"
)

// TestFixtureHasEveryKindOfRecord keeps the copy test honest: every table the
// copy carries holds at least one row in the fixture, so a new table without
// a fixture row fails here (no PostgreSQL needed).
func TestFixtureHasEveryKindOfRecord(t *testing.T) {
	src := openSource(t, everyKindWorkspace(t))
	sums := sourceSums(t, src)
	if len(sums) < 50 {
		t.Fatalf("only %d tables found", len(sums))
	}
	for name, sum := range sums {
		if sum.Rows == 0 {
			t.Errorf("table %s is empty in the fixture: add a row for it to fixtureRows", name)
		}
	}
	for _, name := range []string{"message_search", "note_search", "contact_search"} {
		if _, ok := sums[name]; !ok {
			t.Errorf("search index %s is not copied", name)
		}
	}
	for _, name := range []string{"schema_migrations", "teamcopy_runs", "teamcopy_progress", "message_search_data", "sqlite_sequence"} {
		if _, ok := sums[name]; ok {
			t.Errorf("%s must not be copied", name)
		}
	}
}

func TestCopyEveryKindOfRecordToPostgres(t *testing.T) {
	dst, _ := openTarget(t)
	src := openSource(t, everyKindWorkspace(t))
	ctx := context.Background()
	// The app opened the team database once: it has its own id and seeds.
	if err := dst.SetSetting(ctx, "workspace_id", "team-fresh-id"); err != nil {
		t.Fatal(err)
	}
	before := sourceSums(t, src)
	var total int64
	for _, s := range before {
		total += s.Rows
	}
	var last teamcopy.Progress
	res, err := teamcopy.Copy(ctx, src, dst, teamcopy.Options{Progress: func(p teamcopy.Progress) {
		if p.Phase == teamcopy.PhaseCopy {
			last = p
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Verified || res.Resumed || res.AlreadyCopied || res.Copied != total {
		t.Fatalf("result %+v, want verified, %d rows copied", res, total)
	}
	if last.Done != total || last.Total != total {
		t.Fatalf("last progress %+v, want %d of %d", last, total, total)
	}
	if len(res.Tables) != len(before) {
		t.Fatalf("%d tables verified, %d in the source", len(res.Tables), len(before))
	}
	for _, tr := range res.Tables {
		if !tr.Match || tr.SourceRows != tr.TargetRows || tr.SourceRows != before[tr.Name].Rows || tr.SourceRows == 0 {
			t.Errorf("table %+v (source %d rows)", tr, before[tr.Name].Rows)
		}
	}
	if after := sourceSums(t, src); !equalSums(before, after) {
		t.Fatal("the local workspace changed during the copy")
	}

	// The team database is the workspace now, through the store's own API.
	id, _ := src.Setting(ctx, "workspace_id", "")
	if got, _ := dst.Setting(ctx, "workspace_id", ""); got != id || id == "" {
		t.Fatalf("workspace_id %q on the team database, %q locally", got, id)
	}
	srcConvs, _, err := src.Conversations(ctx, store.ConversationFilter{}, store.ConversationCursor{}, 50)
	if err != nil {
		t.Fatal(err)
	}
	dstConvs, _, err := dst.Conversations(ctx, store.ConversationFilter{}, store.ConversationCursor{}, 50)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcConvs) == 0 || len(dstConvs) != len(srcConvs) {
		t.Fatalf("%d conversations on the team database, %d locally", len(dstConvs), len(srcConvs))
	}
	for i := range srcConvs {
		if srcConvs[i].ID != dstConvs[i].ID || srcConvs[i].Title != dstConvs[i].Title || srcConvs[i].Snippet != dstConvs[i].Snippet {
			t.Fatalf("conversation %d: %+v on the team database, %+v locally", i, dstConvs[i], srcConvs[i])
		}
	}
	for _, q := range []string{"上海", "सुंदर", "台灣"} {
		want := messageIDs(t, src, q)
		got := messageIDs(t, dst, q)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("search %q: %v on the team database, %v locally", q, got, want)
		}
	}
	for _, q := range []string{"杭州", "नीले"} {
		hits, err := dst.SearchNotes(ctx, q, 10)
		if err != nil || len(hits) != 1 {
			t.Errorf("note search %q on the team database: %v %v", q, hits, err)
		}
	}
	var name string
	if err := src.R.Raw(`SELECT display_name FROM contacts WHERE merged_into = 0 AND display_name <> '' ORDER BY id LIMIT 1`).Scan(&name).Error; err != nil {
		t.Fatal(err)
	}
	if hits, err := dst.SearchContacts(ctx, name, 10); err != nil || len(hits) == 0 {
		t.Errorf("contact search %q on the team database: %v %v", name, hits, err)
	}

	// New rows get ids past the copied ones.
	var maxNote int64
	if err := src.R.Raw(`SELECT MAX(id) FROM conversation_notes`).Scan(&maxNote).Error; err != nil {
		t.Fatal(err)
	}
	n := store.Note{ConversationID: dstConvs[0].ID, AuthorName: "Ana", Text: "first note in team mode"}
	if err := dst.AddNote(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if n.ID <= maxNote {
		t.Fatalf("new note id %d collides with copied ids (max %d)", n.ID, maxNote)
	}
}

func TestCopyResumesAfterCancelAndIsIdempotent(t *testing.T) {
	dst, _ := openTarget(t)
	src := openSource(t, everyKindWorkspace(t))
	var total int64
	for _, s := range sourceSums(t, src) {
		total += s.Rows
	}
	ctx, cancel := context.WithCancel(context.Background())
	batches := 0
	first, err := teamcopy.Copy(ctx, src, dst, teamcopy.Options{BatchRows: 7, Progress: func(p teamcopy.Progress) {
		if batches++; batches == 40 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled copy: %v", err)
	}
	if first.Copied == 0 || first.Copied >= total {
		t.Fatalf("cancelled after %d of %d rows", first.Copied, total)
	}
	run, progress, err := dst.CopyState(context.Background())
	if err != nil || run.ID == 0 || run.CopiedAt != 0 || len(progress) == 0 {
		t.Fatalf("state after cancel: %+v %v %v", run, progress, err)
	}
	// Someone writes in the half-copied team database: the row's id is
	// reserved past the copy's, so the copy cannot overwrite it.
	var maxView, meanwhile int64
	if err := src.R.Raw(`SELECT MAX(id) FROM saved_views`).Scan(&maxView).Error; err != nil || maxView == 0 {
		t.Fatal(maxView, err)
	}
	exec(t, dst, `INSERT INTO saved_views(name, created_at, updated_at) VALUES ('meanwhile', 1, 1)`)
	if err := dst.R.Raw(`SELECT id FROM saved_views WHERE name = 'meanwhile'`).Scan(&meanwhile).Error; err != nil {
		t.Fatal(err)
	}
	if meanwhile <= maxView {
		t.Fatalf("a row written during the copy got id %d, the copy brings ids up to %d", meanwhile, maxView)
	}
	exec(t, dst, `DELETE FROM saved_views WHERE id = ?`, meanwhile)

	var resumedFrom int64 = -1
	second, err := teamcopy.Copy(context.Background(), src, dst, teamcopy.Options{BatchRows: 7, Progress: func(p teamcopy.Progress) {
		if resumedFrom < 0 && p.Phase == teamcopy.PhaseCopy {
			resumedFrom = p.Done
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if !second.Resumed || !second.Verified || first.Copied+second.Copied != total {
		t.Fatalf("resumed copy %+v after %d rows, want %d in all", second, first.Copied, total)
	}
	if resumedFrom <= first.Copied {
		t.Fatalf("progress restarted at %d rows, %d were copied before", resumedFrom, first.Copied)
	}

	third, err := teamcopy.Copy(context.Background(), src, dst, teamcopy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !third.AlreadyCopied || third.Copied != 0 || !third.Verified {
		t.Fatalf("copying again: %+v", third)
	}
}

func TestCopyReportsATableThatDiffers(t *testing.T) {
	dst, _ := openTarget(t)
	src := openSource(t, everyKindWorkspace(t))
	ctx := context.Background()
	if _, err := teamcopy.Copy(ctx, src, dst, teamcopy.Options{}); err != nil {
		t.Fatal(err)
	}
	exec(t, dst, `UPDATE tags SET color = 'changed' WHERE id = (SELECT MIN(id) FROM tags)`)
	res, err := teamcopy.Copy(ctx, src, dst, teamcopy.Options{})
	if !errors.Is(err, teamcopy.ErrMismatch) {
		t.Fatalf("after a change on the team database: %v", err)
	}
	if got := res.Mismatched(); !slices.Equal(got, []string{"tags"}) {
		t.Fatalf("mismatched tables %v, want [tags]", got)
	}
	var ke interface {
		ErrorKey() (string, string, map[string]string)
	}
	if !errors.As(err, &ke) {
		t.Fatal("mismatch error has no translation key")
	}
	if _, key, args := ke.ErrorKey(); key != "errors.teamcopy.mismatch" || args["tables"] != "tags" {
		t.Fatalf("key %s args %v", key, args)
	}
}

func TestCopyRefusesADifferentSchemaVersion(t *testing.T) {
	dst, _ := openTarget(t)
	src := openSource(t, everyKindWorkspace(t))
	exec(t, dst, `INSERT INTO schema_migrations(version, applied_at) VALUES (?, 0)`, store.SchemaVersion()+1)
	_, err := teamcopy.Copy(context.Background(), src, dst, teamcopy.Options{})
	if !errors.Is(err, teamcopy.ErrVersionMismatch) {
		t.Fatalf("copy into a newer schema: %v", err)
	}
	if run, _, _ := dst.CopyState(context.Background()); run.ID != 0 {
		t.Fatal("a refused copy started a run")
	}
}

func TestCopyRefusesAnotherWorkspacesTeamDatabase(t *testing.T) {
	dst, _ := openTarget(t)
	src := openSource(t, everyKindWorkspace(t))
	ctx := context.Background()
	if err := dst.SetSetting(ctx, "workspace_id", "someone-else"); err != nil {
		t.Fatal(err)
	}
	exec(t, dst, `INSERT INTO accounts(platform, external_id, name, created_at, updated_at) VALUES ('telegram', 'bot:9', 'Other shop', 1, 1)`)
	_, err := teamcopy.Copy(ctx, src, dst, teamcopy.Options{})
	if !errors.Is(err, teamcopy.ErrForeignWorkspace) {
		t.Fatalf("copy into another workspace's team database: %v", err)
	}
	var n int64
	if err := dst.R.Raw(`SELECT COUNT(*) FROM accounts`).Scan(&n).Error; err != nil || n != 1 {
		t.Fatalf("the other workspace's accounts: %d %v", n, err)
	}
}

// messageIDs runs a message search and returns the ids found, sorted.
func messageIDs(t *testing.T, s *store.Store, q string) []int64 {
	t.Helper()
	rows, err := s.Search(context.Background(), q, 50)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.MessageID
	}
	slices.Sort(ids)
	return ids
}

func equalSums(a, b map[string]store.TableSum) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

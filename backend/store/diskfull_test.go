package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"creatordesk/backend/platforms"
)

// TestFullDiskRollsBackWholePagesAndRecovers fills the database to its size cap
// (PRAGMA max_page_count makes SQLite answer SQLITE_FULL exactly as a full disk
// does) and checks that a page that does not fit is refused as ErrDiskFull and
// leaves nothing behind: no messages, no conversation changes, the cursor where
// it was, a sound file; and that the same page goes in once space is back.
func TestFullDiskRollsBackWholePagesAndRecovers(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	if _, err := s.IngestPage(ctx, a.ID, []platforms.Message{msg("1", "1:1", "first", 0)}, "c1"); err != nil {
		t.Fatal(err)
	}
	db := s.writer()
	var pages int
	if err := db.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(fmt.Sprintf(`PRAGMA max_page_count = %d`, pages+2)); err != nil {
		t.Fatal(err)
	}
	var big []platforms.Message
	for i := 0; i < 400; i++ {
		big = append(big, msg(fmt.Sprint(100+i), fmt.Sprintf("%d:1", 100+i), strings.Repeat("a long message that takes room ", 40), i))
	}
	_, err := s.IngestPage(ctx, a.ID, big, "c2")
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("ingest into a full database = %v, want ErrDiskFull", err)
	}
	if n := countRows(t, s, "messages"); n != 1 {
		t.Fatalf("a refused page left %d messages, want 1", n)
	}
	if n := countRows(t, s, "conversations"); n != 1 {
		t.Fatalf("a refused page left %d conversations, want 1", n)
	}
	if acc, _ := s.AccountByID(ctx, a.ID); acc.SyncCursor != "c1" {
		t.Fatalf("the cursor moved to %q although the page was not stored", acc.SyncCursor)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA max_page_count = 1073741823`); err != nil {
		t.Fatal(err)
	}
	res, err := s.IngestPage(ctx, a.ID, big, "c2")
	if err != nil || res.Inserted != len(big) {
		t.Fatalf("after space came back: %+v %v", res, err)
	}
}

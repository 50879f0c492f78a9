package sync

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// spoolPage is a page of n messages whose ids start at first.
func spoolPage(first, n int, cursor string) platforms.Page {
	p := platforms.Page{Cursor: cursor}
	for i := range n {
		id := first + i
		p.Messages = append(p.Messages, platforms.Message{ExternalID: "m" + itoa(id), ThreadExternalID: "t" + itoa(id%7),
			Direction: platforms.DirectionIn, Text: "bonjour ședință 你好 " + itoa(id), SentAt: time.UnixMilli(int64(1_700_000_000_000 + id))})
	}
	return p
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestSpoolKeepsPagesAcrossSegmentsInOrder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "spool")
	w, err := newSpoolWriter(dir, 7)
	if err != nil {
		t.Fatal(err)
	}
	pages := spoolPageCount()
	for i := range pages {
		seg, err := w.append(spoolPage(i*3, 3, "c"+itoa(i)))
		if err != nil {
			t.Fatal(err)
		}
		if seg != i/spoolSegmentPages {
			t.Fatalf("page %d went to segment %d, want %d", i, seg, i/spoolSegmentPages)
		}
	}
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(spoolSegmentPath(dir, 7, 0)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("segment file: %v, mode %v (want 0600)", err, fi.Mode().Perm())
	}
	recs, state, err := readSpool(dir, 7)
	if err != nil || state != spoolClean || len(recs) != pages {
		t.Fatalf("read %d records, state %d, err %v; want %d clean", len(recs), state, err, pages)
	}
	for i, r := range recs {
		want := spoolPage(i*3, 3, "c"+itoa(i))
		if r.Cursor != want.Cursor || len(r.Messages) != 3 || r.Messages[2].Text != want.Messages[2].Text ||
			!r.Messages[0].SentAt.Equal(want.Messages[0].SentAt) {
			t.Fatalf("record %d is %+v, want %+v", i, r, want)
		}
	}
	if err := removeSpoolBelow(dir, 7, 1); err != nil {
		t.Fatal(err)
	}
	if recs, _, _ := readSpool(dir, 7); len(recs) != pages-spoolSegmentPages {
		t.Fatalf("after removing segment 0, %d records are left, want %d", len(recs), pages-spoolSegmentPages)
	}
	if err := removeSpoolBelow(dir, 7, -1); err != nil {
		t.Fatal(err)
	}
	if left, _ := spoolSegments(dir, 7); len(left) != 0 {
		t.Fatalf("segments left after removing all: %v", left)
	}
}

// spoolPageCount spans two and a half segments.
func spoolPageCount() int { return spoolSegmentPages*2 + spoolSegmentPages/2 }

func TestSpoolDropsATornLastRecordAndFlagsDamage(t *testing.T) {
	dir := t.TempDir()
	write := func(n int) {
		w, err := newSpoolWriter(dir, 3)
		if err != nil {
			t.Fatal(err)
		}
		for i := range n {
			if _, err := w.append(spoolPage(i, 2, "c"+itoa(i))); err != nil {
				t.Fatal(err)
			}
		}
		_ = w.close()
	}
	write(2)
	path := spoolSegmentPath(dir, 3, 0)
	two, _ := os.ReadFile(path)
	_ = os.Remove(path)
	write(3)
	full, _ := os.ReadFile(path)
	last := len(full) - len(two) // the third record's size
	for _, cut := range []int{1, last / 2, last - spoolHeader, last - spoolHeader + 3, last - 1} {
		_ = os.WriteFile(path, full[:len(full)-cut], 0o600)
		recs, state, err := readSpool(dir, 3)
		if err != nil || state != spoolTorn || len(recs) != 2 {
			t.Fatalf("cut %d of the last record's %d bytes: %d records, state %d, err %v; want the first 2 and a torn tail",
				cut, last, len(recs), state, err)
		}
	}
	// A flipped byte in the first record, with more records after it: damage, not a torn write.
	bad := append([]byte(nil), full...)
	bad[12] ^= 0xff
	_ = os.WriteFile(path, bad, 0o600)
	if recs, state, err := readSpool(dir, 3); err != nil || state != spoolDamaged || len(recs) != 0 {
		t.Fatalf("damaged first record: %d records, state %d, err %v", len(recs), state, err)
	}
	if err := setAsideSpool(dir, 3, "1"); err != nil {
		t.Fatal(err)
	}
	if recs, state, _ := readSpool(dir, 3); len(recs) != 0 || state != spoolClean {
		t.Fatal("a spool set aside is still read")
	}
	if _, err := os.Stat(path + ".damaged-1"); err != nil {
		t.Fatalf("the damaged segment was not kept: %v", err)
	}
}

func TestSyncStoresWhatAnInterruptedSyncSpooledFirst(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const tok = "5550002222:spool-test-token-abcdefghijklmnopqrst"
	fake := telegramfake.New(tok)
	url := fake.Start()
	defer fake.Close()
	acc := store.Account{Platform: telegram.Platform, Name: "bot", ExternalID: "1", BaseURL: url}
	if err := st.CreateAccount(ctx, &acc); err != nil {
		t.Fatal(err)
	}
	vault := secrets.NewMemory()
	_ = vault.Set(ctx, secrets.AccountTokenKey("ws", acc.ID), tok)
	dir := filepath.Join(t.TempDir(), "spool")
	e := &Engine{Store: st, Vault: vault, Bus: events.New(), WorkspaceID: "ws", SpoolDir: dir,
		Registry: platforms.Registry{telegram.Platform: telegram.New}}

	// An interrupted sync spooled 40 pages of 30 (two stored already, the rest not) and died writing a 41st.
	w, err := newSpoolWriter(dir, acc.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		if _, err := w.append(spoolPage(i*30, 30, "")); err != nil {
			t.Fatal(err)
		}
	}
	_ = w.close()
	if _, err := st.IngestPage(ctx, acc.ID, spoolPage(0, 60, "").Messages, ""); err != nil {
		t.Fatal(err)
	}
	lastSeg, _ := spoolSegments(dir, acc.ID)
	f, _ := os.OpenFile(lastSeg[len(lastSeg)-1], os.O_APPEND|os.O_WRONLY, 0o600)
	_, _ = f.Write([]byte{200, 0, 0, 0, 1, 2, 3, 4, '{', '"'}) // a torn record
	_ = f.Close()
	fake.AddMessage(telegramfake.Chat{ID: 9, Type: "private", FirstName: "N"}, telegramfake.User{ID: 9, FirstName: "N"}, "new on the platform", time.Now())

	stats, err := e.SyncOnce(ctx, acc.ID)
	if err != nil {
		t.Fatal(err)
	}
	var stored, indexed int
	db, _ := st.R.DB()
	_ = db.QueryRow(`SELECT (SELECT COUNT(*) FROM messages), (SELECT COUNT(*) FROM message_search)`).Scan(&stored, &indexed)
	if stored != 1201 || indexed != 1201 || stats.Inserted != 1141 {
		t.Fatalf("stored %d (indexed %d), this sync inserted %d; want 1200 spooled + 1 new, 1141 inserted now", stored, indexed, stats.Inserted)
	}
	if left, _ := spoolSegments(dir, acc.ID); len(left) != 0 {
		t.Fatalf("spool segments left after recovery: %v", left)
	}
}

func TestAFullDiskInTheSpoolReadsAsDiskFull(t *testing.T) {
	err := spoolError(&os.PathError{Op: "write", Path: "1-00000000.spool", Err: syscall.ENOSPC})
	if !errors.Is(err, store.ErrDiskFull) || ErrorKind(err) != "disk_full" {
		t.Fatalf("a full disk while spooling gives %v (kind %q), want store.ErrDiskFull", err, ErrorKind(err))
	}
	if other := spoolError(os.ErrPermission); errors.Is(other, store.ErrDiskFull) {
		t.Fatalf("a permission error reads as a full disk: %v", other)
	}
}

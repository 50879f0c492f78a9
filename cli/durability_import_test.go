package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"creatordesk/backend/store"
)

// importKillPoints is how many imports the test kills (CREATORDESK_IMPORT_KILL_POINTS overrides).
func importKillPoints() int {
	if n, err := strconv.Atoi(os.Getenv("CREATORDESK_IMPORT_KILL_POINTS")); err == nil && n > 0 {
		return n
	}
	return 25
}

// writeTelegramExport writes a Telegram Desktop result.json with chats × perChat
// personal messages and returns its path.
func writeTelegramExport(t *testing.T, dir string, chats, perChat int) string {
	t.Helper()
	type message struct {
		ID           int    `json:"id"`
		Type         string `json:"type"`
		Date         string `json:"date"`
		DateUnixtime string `json:"date_unixtime"`
		From         string `json:"from"`
		FromID       string `json:"from_id"`
		Text         string `json:"text"`
	}
	type chat struct {
		Name     string    `json:"name"`
		Type     string    `json:"type"`
		ID       int64     `json:"id"`
		Messages []message `json:"messages"`
	}
	base := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	list := make([]chat, 0, chats)
	for c := 0; c < chats; c++ {
		ch := chat{Name: fmt.Sprintf("Customer %d", c), Type: "personal_chat", ID: int64(7000000 + c)}
		for m := 0; m < perChat; m++ {
			at := base.Add(time.Duration(c*perChat+m) * time.Minute)
			from, fromID := ch.Name, fmt.Sprintf("user%d", ch.ID)
			if m%3 == 2 {
				from, fromID = "Ana Pop", "user1111111"
			}
			ch.Messages = append(ch.Messages, message{ID: c*perChat + m + 1, Type: "message", Date: at.Format("2006-01-02T15:04:05"),
				DateUnixtime: strconv.FormatInt(at.Unix(), 10), From: from, FromID: fromID,
				Text: fmt.Sprintf("comanda %d, mesajul %d: când ajunge coletul?", c, m)})
		}
		list = append(list, ch)
	}
	export := map[string]any{
		"personal_information": map[string]any{"user_id": 1111111, "first_name": "Ana", "last_name": "Pop", "username": "@anapop"},
		"chats":                map[string]any{"list": list},
	}
	data, err := json.Marshal(export)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "result.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestSIGKILLDuringImportIsAllOrNothing kills a real `creatordesk import
// telegram-desktop` process at random moments while it stores a 10,000-message
// export, many times over. After every kill the database is sound and holds
// either the whole file or none of it; the import run afterwards completes it,
// and importing the file once more adds nothing.
func TestSIGKILLDuringImportIsAllOrNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const chats, perChat = 200, 50
	const want = chats * perChat
	dir := t.TempDir()
	file := writeTelegramExport(t, t.TempDir(), chats, perChat)
	args := []string{"--data-dir", dir, "import", "telegram-desktop", file, "--owner", "Ana Pop", "--json"}

	// How long one whole import takes here, to spread the kills over it (into a
	// throwaway data folder, so the real one starts empty).
	probeArgs := append([]string{"--data-dir", t.TempDir()}, args[2:]...)
	began := time.Now()
	if out, err := childCommand(probeArgs...).CombinedOutput(); err != nil {
		t.Fatalf("a whole import failed: %v\n%s", err, out)
	}
	full := time.Since(began)

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 13))
	killed := 0
	for run := 0; killed < importKillPoints() && run < 4*importKillPoints(); run++ {
		cmd := childCommand(args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(full))))
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
		if !ok || !ws.Signaled() {
			// The import finished before the kill: start again from an empty folder.
			if n := countImported(t, dir); n != want {
				t.Fatalf("a finished import stored %d messages, want %d", n, want)
			}
			_ = os.RemoveAll(dir)
			continue
		}
		killed++
		if n := countImported(t, dir); n != 0 && n != want {
			t.Fatalf("after a kill the database holds %d of %d messages: an import must be all or nothing", n, want)
		}
	}
	if killed < importKillPoints() {
		t.Fatalf("killed only %d imports, want %d (a whole one takes %v)", killed, importKillPoints(), full)
	}

	var first, again struct{ New int }
	decode(t, childOutput(t, args...), &first)
	decode(t, childOutput(t, args...), &again)
	if n := countImported(t, dir); n != want || again.New != 0 {
		t.Fatalf("after the killed runs: %d messages stored (want %d); importing again added %d (want 0)", n, want, again.New)
	}
	t.Logf("killed %d imports (a whole one takes %v)", killed, full)
}

// childOutput runs the CLI in a child process and returns its standard output.
func childOutput(t *testing.T, args ...string) string {
	t.Helper()
	out, err := childCommand(args...).Output()
	if err != nil {
		t.Fatalf("creatordesk %v: %v", args, err)
	}
	return string(out)
}

// countImported checks the data folder's database is sound and counts its
// messages (0 when no database was created yet).
func countImported(t *testing.T, dir string) int {
	t.Helper()
	path := filepath.Join(dir, store.FileName)
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return 0
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("the database after a killed import does not open: %v", err)
	}
	defer st.Close()
	if err := st.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
	db, _ := st.W.DB()
	var total, distinct, indexed, sum int
	_ = db.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT external_id) FROM messages`).Scan(&total, &distinct)
	_ = db.QueryRow(`SELECT COUNT(*) FROM message_search WHERE message_search MATCH '"coletul"'`).Scan(&indexed)
	_ = db.QueryRow(`SELECT COALESCE(SUM(message_count), 0) FROM conversations`).Scan(&sum)
	if distinct != total || indexed != total || sum != total {
		t.Fatalf("%d messages stored, %d distinct, %d indexed, conversation counts sum to %d", total, distinct, indexed, sum)
	}
	return total
}

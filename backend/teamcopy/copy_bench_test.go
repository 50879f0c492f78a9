package teamcopy_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
	"creatordesk/backend/teamcopy"
)

// BenchmarkCopyMessages copies a workspace of 20,000 messages (in 400
// conversations, every message indexed) into a new team database per
// iteration and reports rows per second. Needs CREATORDESK_TEST_POSTGRES.
func BenchmarkCopyMessages(b *testing.B) {
	const messages, perThread = 20000, 50
	ctx := context.Background()
	src, err := store.Open(filepath.Join(b.TempDir(), store.FileName), store.Options{SkipBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	if err := src.SetSetting(ctx, "workspace_id", "bench"); err != nil {
		b.Fatal(err)
	}
	acc := store.Account{Platform: "telegram", Name: "bench", ExternalID: "1"}
	if err := src.CreateAccount(ctx, &acc); err != nil {
		b.Fatal(err)
	}
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for page := 0; page < messages/500; page++ {
		batch := make([]platforms.Message, 500)
		for i := range batch {
			n := page*500 + i
			thread := fmt.Sprint("t", n/perThread)
			batch[i] = platforms.Message{ExternalID: fmt.Sprint("m", n), ThreadExternalID: thread, ThreadKind: platforms.ThreadDM,
				Author: platforms.Person{ExternalID: thread, DisplayName: "Customer " + thread}, Direction: platforms.DirectionIn,
				Text: fmt.Sprintf("Order %d: 这个杯子还有货吗？ क्या यह उपलब्ध है?", n), SentAt: at.Add(time.Duration(n) * time.Second)}
		}
		if _, err := src.IngestPage(ctx, acc.ID, batch, fmt.Sprint(page)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	var rows int64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dst := openTargetTB(b)
		b.StartTimer()
		res, err := teamcopy.Copy(ctx, src, dst, teamcopy.Options{})
		if err != nil || !res.Verified {
			b.Fatal(res, err)
		}
		rows += res.Copied
		b.StopTimer()
		_ = dst.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}

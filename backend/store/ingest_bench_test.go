package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

// BenchmarkIngestPage stores pages of 100 new messages spread over 50 conversations,
// the shape of a sync page, full-text index included.
func BenchmarkIngestPage(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), FileName), Options{SkipBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	a := Account{Platform: "telegram", Name: "bench", ExternalID: "1"}
	if err := s.CreateAccount(context.Background(), &a); err != nil {
		b.Fatal(err)
	}
	const pageSize = 100
	page := make([]platforms.Message, pageSize)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range page {
			n := i*pageSize + j
			th := fmt.Sprint(n % 5000 / 2)
			page[j] = platforms.Message{ExternalID: fmt.Sprint(n), ThreadExternalID: th, ThreadKind: platforms.ThreadDM,
				Author: platforms.Person{ExternalID: "u" + th, DisplayName: "Ana Pop"}, Direction: platforms.DirectionIn,
				Text: "When does my order ship? I ordered the blue mug last week", SentAt: at.Add(time.Duration(n) * time.Second)}
		}
		if _, err := s.IngestPage(context.Background(), a.ID, page, fmt.Sprint(i)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*pageSize)/b.Elapsed().Seconds(), "msgs/s")
}

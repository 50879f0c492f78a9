package fakekit_test

import (
	"sync"
	"testing"

	"creatordesk/backend/platforms/fakekit"
)

type recorded struct {
	ID  string
	IDs []string
}

func TestSnapshotIsIndependentOfTheFake(t *testing.T) {
	var mu sync.Mutex
	items := []recorded{{ID: "a", IDs: []string{"1", "2"}}}
	shallow := fakekit.Snapshot(&mu, &items)
	deep := fakekit.SnapshotWith(&mu, &items, func(r *recorded) { r.IDs = append([]string(nil), r.IDs...) })

	items[0].ID = "changed"
	items[0].IDs[0] = "changed"
	items = append(items, recorded{ID: "b"})

	if len(shallow) != 1 || shallow[0].ID != "a" {
		t.Fatalf("shallow snapshot = %+v, want the one item as it was", shallow)
	}
	if shallow[0].IDs[0] != "changed" {
		t.Fatalf("Snapshot cloned nested slices (%v); only SnapshotWith should", shallow[0].IDs)
	}
	if len(deep) != 1 || deep[0].IDs[0] != "1" || deep[0].IDs[1] != "2" {
		t.Fatalf("deep snapshot = %+v, want its own copy of the ids", deep)
	}
}

func TestSnapshotOfNothingIsEmpty(t *testing.T) {
	var mu sync.Mutex
	var items []string
	if got := fakekit.Snapshot(&mu, &items); len(got) != 0 {
		t.Fatalf("Snapshot of no items = %v", got)
	}
}

// TestSnapshotHoldsTheLock fails under -race if the slice is read outside mu.
func TestSnapshotHoldsTheLock(t *testing.T) {
	var mu sync.Mutex
	var items []int
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 200 {
			mu.Lock()
			items = append(items, i)
			mu.Unlock()
		}
	}()
	last := 0
	for range 200 {
		got := fakekit.Snapshot(&mu, &items)
		if len(got) < last {
			t.Fatalf("snapshot shrank from %d to %d items", last, len(got))
		}
		last = len(got)
	}
	wg.Wait()
	if got := fakekit.Snapshot(&mu, &items); len(got) != 200 {
		t.Fatalf("final snapshot has %d items, want 200", len(got))
	}
}

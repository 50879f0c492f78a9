package fakekit

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

func TestCountdown(t *testing.T) {
	var c Countdown[int]
	if _, ok := c.Take(); ok {
		t.Fatal("zero Countdown gave a value")
	}
	c.Set(2, 7)
	for i := range 2 {
		if v, ok := c.Take(); !ok || v != 7 {
			t.Fatalf("take %d = %d, %v; want 7, true", i, v, ok)
		}
	}
	if v, ok := c.Take(); ok || v != 0 {
		t.Fatalf("exhausted Countdown gave %d, %v", v, ok)
	}
	c.Set(-1, 3)
	if _, ok := c.Take(); ok {
		t.Fatal("negative count gave a value")
	}
}

func TestFaultsFailures(t *testing.T) {
	var f Faults
	if _, ok := f.TakeFailure(); ok {
		t.Fatal("zero Faults failed")
	}
	f.FailNext(1, 200)
	if got, ok := f.TakeFailure(); !ok || got != (Failure{Status: http.StatusInternalServerError}) {
		t.Fatalf("FailNext(1, 200) took %+v, %v; want a 500", got, ok)
	}
	if _, ok := f.TakeFailure(); ok {
		t.Fatal("second failure after FailNext(1, …)")
	}
	want := Failure{Status: 299, Name: "n", Message: "m"}
	f.FailNextWith(1, want)
	if got, ok := f.TakeFailure(); !ok || got != want {
		t.Fatalf("FailNextWith took %+v, %v; want %+v as given", got, ok, want)
	}
}

func TestFaultsTruncationsAndDown(t *testing.T) {
	var f Faults
	f.TruncateNext(2)
	if !f.TakeTruncation() || !f.TakeTruncation() || f.TakeTruncation() {
		t.Fatal("TruncateNext(2) did not truncate exactly twice")
	}
	f.TruncateNext(-1)
	for range 3 {
		if !f.TakeTruncation() {
			t.Fatal("TruncateNext(-1) stopped truncating")
		}
	}
	f.TruncateNext(0)
	if f.TakeTruncation() {
		t.Fatal("TruncateNext(0) truncated")
	}
	if f.Down() {
		t.Fatal("zero Faults is down")
	}
	f.SetDown(true)
	if !f.Down() {
		t.Fatal("SetDown(true) not in effect")
	}
	f.SetDown(false)
	if f.Down() {
		t.Fatal("SetDown(false) not in effect")
	}
}

func TestFaultsConcurrent(t *testing.T) {
	var f Faults
	f.FailNext(50, http.StatusBadGateway)
	var wg sync.WaitGroup
	var mu sync.Mutex
	taken := 0
	for range 100 {
		wg.Go(func() {
			if _, ok := f.TakeFailure(); ok {
				mu.Lock()
				taken++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if taken != 50 {
		t.Fatalf("took %d failures, want 50", taken)
	}
}

func TestWriteList(t *testing.T) {
	type view struct {
		N int `json:"n"`
	}
	toView := func(n int) view { return view{N: n} }
	for _, tc := range []struct {
		items []int
		want  string
	}{
		{nil, "[]\n"},
		{[]int{1, 2}, `[{"n":1},{"n":2}]` + "\n"},
	} {
		rec := httptest.NewRecorder()
		WriteList(rec, tc.items, toView)
		if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
			t.Errorf("Content-Type = %q", ct)
		}
		if got := rec.Body.String(); got != tc.want {
			t.Errorf("WriteList(%v) = %q, want %q", tc.items, got, tc.want)
		}
	}
}

func TestClockRunsUntilFrozenThenMovesOnlyWhenAdvanced(t *testing.T) {
	var c Clock
	if d := time.Since(c.Now()); d < 0 || d > time.Minute {
		t.Fatalf("a running clock is %v off the real time", d)
	}
	at := time.Date(2026, 3, 8, 9, 59, 0, 0, time.FixedZone("PST", -8*3600))
	c.Set(at)
	if got := c.Now(); !got.Equal(at) || got.Location() != time.UTC {
		t.Fatalf("frozen clock = %v, want %v in UTC", got, at)
	}
	c.Advance(90 * time.Second)
	if got := c.Now(); !got.Equal(at.Add(90 * time.Second)) {
		t.Fatalf("advanced clock = %v", got)
	}
	var running Clock
	running.Advance(time.Hour)
	if d := running.Now().Sub(time.Now()); d < 59*time.Minute || d > 61*time.Minute {
		t.Fatalf("advancing a running clock froze it %v ahead, want about an hour", d)
	}
}

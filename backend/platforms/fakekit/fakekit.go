// Package fakekit is test and demo support for fake platform servers: the
// fault injection they share (failures, truncated answers, a down switch,
// rate limits) and the JSON they serve on their inspection paths. The fakes
// only ever listen on loopback; nothing here belongs in production code.
package fakekit

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"
)

// Countdown is a count of calls still to be answered with a queued value,
// such as an injected rate limit and its retry hint. It is safe for
// concurrent use; the zero value has nothing queued.
type Countdown[T any] struct {
	mu    sync.Mutex
	n     int
	value T
}

// Set queues value for the next n calls, replacing whatever was queued.
func (c *Countdown[T]) Set(n int, value T) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n, c.value = n, value
}

// Take uses up one queued call and returns its value; ok is false (and the
// value zero) when none is left.
func (c *Countdown[T]) Take() (value T, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n <= 0 {
		var zero T
		return zero, false
	}
	c.n--
	return c.value, true
}

// Failure is an injected error answer: the HTTP status and, for fakes that
// let the caller choose them, the platform's error name and message.
type Failure struct {
	Status        int
	Name, Message string
}

// ErrorStatus returns status if it is an error status (400..599), else 500,
// the way every fake's FailNext reads its status argument.
func ErrorStatus(status int) int {
	if status < 400 || status > 599 {
		return http.StatusInternalServerError
	}
	return status
}

// Faults are the failures queued by a fake's control methods: failed calls,
// truncated responses and the down switch. Each fake renders them in its own
// platform's format. It is safe for concurrent use; the zero value has no
// faults.
type Faults struct {
	failures Countdown[Failure]

	mu          sync.Mutex
	truncations int
	down        bool
}

// FailNext makes the next n calls fail with status; a status outside
// 400..599 is taken as 500.
func (f *Faults) FailNext(n, status int) {
	f.FailNextWith(n, Failure{Status: ErrorStatus(status)})
}

// FailNextWith makes the next n calls fail with failure, taken as given.
func (f *Faults) FailNextWith(n int, failure Failure) {
	f.failures.Set(n, failure)
}

// TakeFailure uses up one queued failure, if any.
func (f *Faults) TakeFailure() (Failure, bool) {
	return f.failures.Take()
}

// TruncateNext cuts the next n responses short. A negative n cuts every
// response until TruncateNext is called again.
func (f *Faults) TruncateNext(n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.truncations = n
}

// TakeTruncation uses up one queued truncation and reports whether there was one.
func (f *Faults) TakeTruncation() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.truncations == 0 {
		return false
	}
	f.truncations--
	return true
}

// SetDown switches the whole fake off (true) or back on (false).
func (f *Faults) SetDown(down bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.down = down
}

// Down reports whether SetDown(true) is in effect.
func (f *Faults) Down() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.down
}

// WriteJSON answers with v as JSON, the way the fakes' inspection paths do.
func WriteJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// WriteList answers with items, each turned into its view, as a JSON array
// ("[]" when there are none).
func WriteList[T, V any](w http.ResponseWriter, items []T, view func(T) V) {
	out := make([]V, len(items))
	for i, item := range items {
		out[i] = view(item)
	}
	WriteJSON(w, out)
}

// Clock is a fake server's clock: the real time until Set freezes it. It has its
// own lock, so a server may read it while holding its own mutex.
type Clock struct {
	mu     sync.Mutex
	frozen *time.Time
}

// Now returns the frozen time, or the real time when the clock is running.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.frozen != nil {
		return *c.frozen
	}
	return time.Now()
}

// Set freezes the clock at t (in UTC).
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	t = t.UTC()
	c.frozen = &t
}

// Advance moves the clock forward by d, freezing a running clock first.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := time.Now()
	if c.frozen != nil {
		now = *c.frozen
	}
	t := now.Add(d).UTC()
	c.frozen = &t
}

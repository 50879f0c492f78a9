package fakekit

import (
	"slices"
	"sync"
)

// Snapshot returns a copy of the slice at *items, read while mu is held, so a
// test can keep what a fake recorded (sent messages, moderation calls,
// requests) while the fake goes on appending. items is a pointer so that the
// slice header itself is read under the lock.
func Snapshot[T any](mu sync.Locker, items *[]T) []T {
	return SnapshotWith(mu, items, nil)
}

// SnapshotWith is Snapshot for items that hold slices of their own: deep is
// called on each copied item (under mu) to clone those, so the caller's copy
// shares no backing array with the fake. A nil deep makes it Snapshot.
func SnapshotWith[T any](mu sync.Locker, items *[]T, deep func(*T)) []T {
	mu.Lock()
	defer mu.Unlock()
	out := slices.Clone(*items)
	if deep != nil {
		for i := range out {
			deep(&out[i])
		}
	}
	return out
}

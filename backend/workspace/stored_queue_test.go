package workspace

import (
	"slices"
	"testing"
)

func TestStoredQueueBatchesInOrderWithoutBlocking(t *testing.T) {
	q := newStoredQueue()
	for i := range int64(300) {
		q.add([]int64{3 * i, 3*i + 1, 3*i + 2}) // 900 ids, no reader yet: adding must not block
	}
	q.add(nil)
	var got []int64
	batches := 0
	for len(q.pending) > 0 {
		select {
		case <-q.wake: // add signalled, and so does each take that leaves ids behind
		default:
			t.Fatalf("%d ids are left but no wake signal is pending", len(q.pending))
		}
		b := q.take(400)
		if len(b) > 400 {
			t.Fatalf("a batch of %d exceeds the limit", len(b))
		}
		got = append(got, b...)
		batches++
	}
	if len(got) != 900 || batches != 3 {
		t.Fatalf("took %d ids in %d batches, want 900 in 3", len(got), batches)
	}
	for i, id := range got {
		if id != int64(i) {
			t.Fatalf("id %d came out at position %d: order lost", id, i)
		}
	}
}

func TestStoredQueueTakeOnEmptyIsNil(t *testing.T) {
	q := newStoredQueue()
	if b := q.take(10); b != nil {
		t.Fatalf("take on an empty queue gave %v", b)
	}
	q.add([]int64{7})
	if b := q.take(10); !slices.Equal(b, []int64{7}) {
		t.Fatalf("take gave %v", b)
	}
}

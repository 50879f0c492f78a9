package workspace

import gosync "sync"

// storedQueue collects the ids of stored messages for a background worker.
// Adding never blocks, so a sync storing pages faster than the worker handles
// them is never slowed down by it; the worker takes what has piled up in
// batches, which also makes each batch's reads and writes cheaper per message.
// It holds only ids (8 bytes a message).
type storedQueue struct {
	mu      gosync.Mutex
	pending []int64
	// wake has room for one signal: "there is something to take".
	wake chan struct{}
}

// newStoredQueue returns an empty queue.
func newStoredQueue() *storedQueue {
	return &storedQueue{wake: make(chan struct{}, 1)}
}

// add queues ids and wakes the worker.
func (q *storedQueue) add(ids []int64) {
	if len(ids) == 0 {
		return
	}
	q.mu.Lock()
	q.pending = append(q.pending, ids...)
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// take removes and returns up to max of the oldest queued ids (nil when none),
// waking the worker again when more are left.
func (q *storedQueue) take(max int) []int64 {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := min(len(q.pending), max)
	if n == 0 {
		return nil
	}
	out := append([]int64(nil), q.pending[:n]...)
	q.pending = q.pending[n:]
	if len(q.pending) == 0 {
		q.pending = nil // let the backing array go
	} else {
		select {
		case q.wake <- struct{}{}:
		default:
		}
	}
	return out
}

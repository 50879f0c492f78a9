package telegramfake

import (
	"bytes"
	"context"
	"net/http"
	"slices"
	"sort"
	"time"
)

// conflictDescription is Telegram's answer to a second concurrent getUpdates.
const conflictDescription = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"

// queued is one pending update and its JSON.
type queued struct {
	id  int64
	raw []byte
}

// enqueueLocked stores an update in id order and wakes a waiting long poll.
// id must be a fresh id (see takeIDLocked) or one read from raw. Appending in
// order is O(1); only an explicit out-of-order id pays for an insert.
func (s *Server) enqueueLocked(id int64, raw []byte) {
	if id >= s.nextID {
		s.nextID = id + 1
	}
	i := s.indexLocked(id)
	s.queue = slices.Insert(s.queue, i, queued{id: id, raw: raw})
	close(s.wake)
	s.wake = make(chan struct{})
}

// indexLocked returns the position of the first pending update with an id >= id.
func (s *Server) indexLocked(id int64) int {
	return sort.Search(len(s.queue), func(i int) bool { return s.queue[i].id >= id })
}

// takeIDLocked returns the next update_id.
func (s *Server) takeIDLocked() int64 {
	id := s.nextID
	s.nextID++
	return id
}

// confirmLocked applies a getUpdates offset: updates before a positive offset
// are confirmed and dropped forever; a negative offset keeps only the last
// -offset updates, as on Telegram.
func (s *Server) confirmLocked(offset int64) {
	switch {
	case offset > 0:
		i := s.indexLocked(offset)
		s.queue = s.queue[i:]
	case offset < 0 && int64(len(s.queue)) > -offset:
		s.queue = s.queue[int64(len(s.queue))+offset:]
	}
}

// getUpdates implements offset, limit and timeout (long polling).
// allowed_updates is accepted and ignored: Telegram too applies it only to
// updates created after the call, so clients must tolerate other kinds.
func (s *Server) getUpdates(ctx context.Context, p params) reply {
	offset, err1 := p.integer("offset", 0)
	limit, err2 := p.integer("limit", 100)
	timeout, err3 := p.integer("timeout", 0)
	for _, err := range []error{err1, err2, err3} {
		if err != nil {
			return fail(http.StatusBadRequest, "Bad Request: "+err.Error())
		}
	}
	if limit <= 0 || limit > 100 {
		limit = 100
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.polling {
		return fail(http.StatusConflict, conflictDescription)
	}
	s.polling = true
	defer func() { s.polling = false }()

	s.confirmLocked(offset)
	if len(s.queue) == 0 && timeout > 0 {
		s.waitLocked(ctx, time.Duration(timeout)*time.Second)
	}
	batch := s.queue[:min(int64(len(s.queue)), limit)]
	var body bytes.Buffer
	body.WriteByte('[')
	for i, q := range batch {
		if i > 0 {
			body.WriteByte(',')
		}
		body.Write(q.raw)
	}
	body.WriteByte(']')
	return successRaw(body.Bytes())
}

// waitLocked releases the lock until an update is queued, the timeout passes,
// the request ends or the server closes.
func (s *Server) waitLocked(ctx context.Context, timeout time.Duration) {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for len(s.queue) == 0 {
		wake := s.wake
		s.mu.Unlock()
		stop := false
		select {
		case <-wake:
		case <-timer.C:
			stop = true
		case <-ctx.Done():
			stop = true
		case <-s.done:
			stop = true
		}
		s.mu.Lock()
		if stop {
			return
		}
	}
}

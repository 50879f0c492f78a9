package mastodon

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"creatordesk/backend/platforms"
)

// maxRoots caps the thread-root cache; when full it starts over.
const maxRoots = 10000

// rootInfo is the thread a status belongs to: its root post and a title.
type rootInfo struct {
	root, title string
}

// rootCache remembers the thread root of statuses seen, so a reply to a known
// status needs no context request. It only saves requests: the answer is the
// same one the context would give. Guarded by connector.mu.
type rootCache struct {
	m map[string]rootInfo
}

// rootOf looks up a status's thread.
func (c *connector) rootOf(id string) (rootInfo, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	info, ok := c.roots.m[id]
	return info, ok
}

// rememberRoot records a status's thread.
func (c *connector) rememberRoot(id string, info rootInfo) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.roots.m) >= maxRoots {
		c.roots.m = map[string]rootInfo{}
	}
	c.roots.m[id] = info
}

// commentThread is the comment thread of a mention: the root of its reply
// chain (a status that answers nothing is its own root). The root comes from
// the cache when the parent is known, else from the status's context; when the
// context is gone (404) the parent stands in for the root.
func (c *connector) commentThread(ctx context.Context, st *apiStatus) (thread, error) {
	id := string(st.ID)
	if st.InReplyToID == "" {
		info := rootInfo{root: id, title: excerpt(st.text())}
		c.rememberRoot(id, info)
		return thread{id: info.root, kind: platforms.ThreadComment, title: info.title}, nil
	}
	info, ok := c.rootOf(string(st.InReplyToID))
	if !ok {
		ancestors, _, err := c.ancestors(ctx, id)
		if err != nil {
			return thread{}, err
		}
		info = rootInfo{root: string(st.InReplyToID)}
		if len(ancestors) > 0 {
			root := ancestors[0]
			info = rootInfo{root: string(root.ID), title: excerpt(root.text())}
			for _, a := range ancestors {
				c.rememberRoot(string(a.ID), info)
			}
		}
	}
	c.rememberRoot(id, info)
	return thread{id: info.root, kind: platforms.ThreadComment, title: info.title}, nil
}

// ancestors returns the decodable statuses above id in its thread, oldest
// first, and how many could not be decoded. A status that is gone (404, 410)
// has no ancestors.
func (c *connector) ancestors(ctx context.Context, id string) ([]*apiStatus, int, error) {
	var cx apiContext
	_, err := c.do(ctx, request{op: "status context", method: http.MethodGet, path: "/api/v1/statuses/" + id + "/context", read: true}, &cx)
	if err != nil {
		if gone(err) {
			return nil, 0, nil
		}
		return nil, 0, err
	}
	var out []*apiStatus
	bad := 0
	for _, raw := range cx.Ancestors {
		st, err := decodeStatus(raw)
		if err != nil {
			bad++
			logSkipped(ctx, "context", readID(raw), err)
			continue
		}
		out = append(out, st)
	}
	return out, bad, nil
}

// gone reports a 404 or 410 answer.
func gone(err error) bool {
	var pe *platforms.Error
	return errors.As(err, &pe) && (pe.Code == http.StatusNotFound || pe.Code == http.StatusGone)
}

// lookupStatus fetches one status; a 404 is a permanent error naming what was looked for.
func (c *connector) lookupStatus(ctx context.Context, op, id string) (*apiStatus, error) {
	if !validID(id) {
		return nil, errPermanent(op + ": invalid status id")
	}
	var raw json.RawMessage
	if _, err := c.do(ctx, request{op: op, method: http.MethodGet, path: "/api/v1/statuses/" + id}, &raw); err != nil {
		return nil, err
	}
	st, err := decodeStatus(raw)
	if err != nil {
		return nil, errTransient(op + ": malformed status: " + err.Error())
	}
	return st, nil
}

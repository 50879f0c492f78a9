package bluesky

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"net/url"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// IdempotencyWindow reports that a keyed post is recognised for good: its
// record key is derived from the key, and a record key never changes.
func (c *connector) IdempotencyWindow() time.Duration { return 0 }

// PublishKeyed posts like Publish, under a record key derived from key. It
// first checks whether that record exists (an earlier call reached the PDS but
// its answer was lost) and then returns it instead of posting again; a second
// createRecord with the same key would be refused anyway ("Record already exists").
func (c *connector) PublishKeyed(ctx context.Context, p platforms.Post, key string) (platforms.SentMessage, error) {
	if strings.TrimSpace(key) == "" {
		return platforms.SentMessage{}, errPermanent(nsidCreateRecord + ": empty idempotency key")
	}
	if v := strings.ToLower(strings.TrimSpace(p.Visibility)); v != "" && v != "public" {
		return platforms.SentMessage{}, errPermanent(nsidCreateRecord + ": Bluesky posts are always public (visibility " + clip(p.Visibility, 40) + ")")
	}
	if err := checkText(nsidCreateRecord, p.Text, MaxPostGraphemes, maxPostBytes); err != nil {
		return platforms.SentMessage{}, err
	}
	did, err := c.session(ctx)
	if err != nil {
		return platforms.SentMessage{}, err
	}
	rkey := KeyedRecordKey(key)
	var existing writeOutput
	q := url.Values{"repo": {did}, "collection": {collectionPost}, "rkey": {rkey}}
	err = c.xrpc(ctx, call{nsid: nsidGetRecord, query: q}, &existing)
	switch {
	case err == nil && isPostURI(existing.URI):
		return platforms.SentMessage{ExternalID: existing.URI}, nil
	case err != nil && xrpcName(err) != "RecordNotFound":
		return platforms.SentMessage{}, err
	}
	now := time.Now().UTC()
	var out writeOutput
	in := map[string]any{"repo": did, "collection": collectionPost, "rkey": rkey,
		"record": postRecord{Type: typePost, Text: p.Text, CreatedAt: formatTime(now)}}
	if err := c.xrpc(ctx, call{nsid: nsidCreateRecord, post: true, body: in}, &out); err != nil {
		return platforms.SentMessage{}, err
	}
	if !isPostURI(out.URI) {
		return platforms.SentMessage{}, errTransient(nsidCreateRecord + ": answer without the post's uri")
	}
	return platforms.SentMessage{ExternalID: out.URI, SentAt: now}, nil
}

// tidAlphabet is atproto's base32-sortable alphabet for TIDs.
const tidAlphabet = "234567abcdefghijklmnopqrstuvwxyz"

// KeyedRecordKey derives a valid TID record key from an idempotency key: the
// same key always gives the same record key. Its timestamp part falls between
// late 2020 and 2030 (posts require TID keys; the time in a TID is not used
// for ordering by the app view, createdAt is).
func KeyedRecordKey(key string) string {
	h := sha256.Sum256([]byte(key))
	n := binary.BigEndian.Uint64(h[:8])
	const base, span = 1_600_000_000_000_000, 300_000_000_000_000 // microseconds
	micros := base + n%span
	v := micros<<10 | (n>>54)&0x3ff
	var b [13]byte
	for i := 12; i >= 0; i-- {
		b[i] = tidAlphabet[v&31]
		v >>= 5
	}
	return string(b[:])
}

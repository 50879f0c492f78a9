package archive

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strings"
)

// HashID is a deterministic id for the given parts: the first 16 bytes of a
// SHA-256 over the length-prefixed parts, in hex (32 characters). Length
// prefixes keep ("ab","c") and ("a","bc") apart.
func HashID(parts ...string) string {
	h := sha256.New()
	var n [8]byte
	for _, p := range parts {
		binary.BigEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Occurrences numbers repeats of identical keys: the first Next(k) is 0, the
// second 1, ... so two identical messages (same time, author and text) get
// distinct but reproducible ids.
type Occurrences map[string]int

// Next returns how many times key was seen before, and counts this time.
func (o Occurrences) Next(parts ...string) int {
	k := HashID(parts...)
	n := o[k]
	o[k] = n + 1
	return n
}

// Preview shortens s to at most n runes on one line, for Skipped reasons.
func Preview(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

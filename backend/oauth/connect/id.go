package connect

import (
	"crypto/rand"
	"encoding/hex"
)

// newID returns a flow id: random, so one flow's id tells nothing of another's.
func newID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

package oauth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
)

// randomString returns n random bytes, base64url without padding (43
// characters for 32 bytes: a verifier within RFC 7636's 43..128).
func randomString(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

// newVerifier returns a PKCE code verifier.
func newVerifier() string { return randomString(32) }

// newState returns an unguessable state value.
func newState() string { return randomString(24) }

// S256Challenge is the S256 code challenge of a verifier:
// BASE64URL(SHA256(verifier)) without padding.
func S256Challenge(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

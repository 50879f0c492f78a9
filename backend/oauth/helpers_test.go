package oauth_test

import "net/http"

// newNoRedirectClient stops at the first redirect, like a test that wants
// to read the Location header.
func newNoRedirectClient() *http.Client {
	return &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

package platforms

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestNewHTTPClientFollowsRedirectsOnlyWithinTheHost(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("a redirect reached another host: %s", r.URL)
	}))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/same":
			http.Redirect(w, r, "/final", http.StatusFound)
		case "/away":
			http.Redirect(w, r, other.URL+"/steal", http.StatusFound)
		default:
			w.WriteHeader(http.StatusNoContent)
		}
	}))
	defer srv.Close()
	c := NewHTTPClient(5 * time.Second)
	resp, err := c.Get(srv.URL + "/same")
	if err != nil || resp.StatusCode != http.StatusNoContent {
		t.Fatalf("same-host redirect: %v %v", resp, err)
	}
	resp.Body.Close()
	resp, err = c.Get(srv.URL + "/away")
	if err != nil || resp.StatusCode != http.StatusFound {
		t.Fatalf("cross-host redirect must not be followed: %v %v", resp, err)
	}
	resp.Body.Close()
}

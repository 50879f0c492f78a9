package desktop

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
)

func feedServer(t *testing.T, status int, body string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			t.Errorf("method %s, want GET", r.Method)
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestCheckForUpdateReadsBothFeedShapes(t *testing.T) {
	ctx := context.Background()
	plain := feedServer(t, 200, `{"version":"1.4.0","url":"https://example.org/dl","notes":"Faster inbox"}`)
	r, err := CheckForUpdate(ctx, http.DefaultClient, plain, "1.3.9")
	if err != nil {
		t.Fatal(err)
	}
	if !r.Newer || r.Version != "1.4.0" || r.URL != "https://example.org/dl" || r.Notes != "Faster inbox" {
		t.Fatalf("plain feed: %+v", r)
	}

	github := feedServer(t, 200, `{"tag_name":"v1.3.9","html_url":"https://example.org/r","body":"x"}`)
	r, err = CheckForUpdate(ctx, http.DefaultClient, github, "v1.3.9")
	if err != nil {
		t.Fatal(err)
	}
	if r.Newer || r.Version != "v1.3.9" {
		t.Fatalf("same version reported newer: %+v", r)
	}

	older := feedServer(t, 200, `{"version":"1.2"}`)
	if r, _ := CheckForUpdate(ctx, http.DefaultClient, older, "1.10.0"); r.Newer {
		t.Fatalf("1.2 is not newer than 1.10.0 (numeric, not text, comparison): %+v", r)
	}

	dev := feedServer(t, 200, `{"version":"0.1.0"}`)
	if r, _ := CheckForUpdate(ctx, http.DefaultClient, dev, "dev"); !r.Newer {
		t.Fatalf("a development build should be told about any release: %+v", r)
	}
}

func TestCheckForUpdateRefusesBadAnswersAndAddresses(t *testing.T) {
	ctx := context.Background()
	if _, err := CheckForUpdate(ctx, http.DefaultClient, "", "1.0.0"); !errors.Is(err, ErrNoUpdateFeed) {
		t.Fatalf("no feed: %v", err)
	}
	for name, url := range map[string]string{
		"server error": feedServer(t, 500, `oops`),
		"not json":     feedServer(t, 200, `<html>`),
		"no version":   feedServer(t, 200, `{"url":"https://example.org"}`),
		"plain http":   "http://example.org/feed.json",
	} {
		if _, err := CheckForUpdate(ctx, http.DefaultClient, url, "1.0.0"); !errors.Is(err, ErrBadUpdateFeed) {
			t.Errorf("%s: err = %v, want ErrBadUpdateFeed", name, err)
		}
	}
	r, err := CheckForUpdate(ctx, http.DefaultClient, feedServer(t, 200, `{"version":"2.0.0","url":"javascript:alert(1)"}`), "1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	if r.URL != "" {
		t.Fatalf("a non-https download link was kept: %q", r.URL)
	}
}

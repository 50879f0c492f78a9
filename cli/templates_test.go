package cli

import (
	"strings"
	"testing"

	"creatordesk/backend/secrets"
)

func TestCLITemplatesListAndRender(t *testing.T) {
	_, url := startFake(t, 1, 1)
	dir := t.TempDir()
	vault := secrets.NewMemory()
	mustRun(t, vault, testToken+"\n", "--data-dir", dir, "accounts", "add", "telegram", "--token-stdin", "--base-url", url)
	mustRun(t, vault, "", "--data-dir", dir, "sync", "--once")
	var convs []struct {
		ID int64 `json:"id"`
	}
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "conversations", "list", "--json"), &convs)

	var list []struct {
		ID       int64  `json:"id"`
		Shortcut string `json:"shortcut"`
		Variants []struct {
			Language string `json:"language"`
		} `json:"variants"`
	}
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "templates", "list", "--json"), &list)
	var order, thanks int64
	for _, tpl := range list {
		switch tpl.Shortcut {
		case "order":
			order = tpl.ID
		case "thanks":
			thanks = tpl.ID
		}
		if len(tpl.Variants) != 5 {
			t.Fatalf("starter %s has %d variants", tpl.Shortcut, len(tpl.Variants))
		}
	}
	if order == 0 || thanks == 0 {
		t.Fatalf("starters missing: %+v", list)
	}
	if out := mustRun(t, vault, "", "--data-dir", dir, "templates", "list"); !strings.Contains(out, "/order") {
		t.Fatalf("list: %q", out)
	}

	conv := itoa(convs[0].ID)
	// Every token filled (or with a fallback): exit 0.
	out := mustRun(t, vault, "", "--data-dir", dir, "templates", "render", itoa(thanks), "--conversation", conv, "--lang", "en")
	if !strings.HasPrefix(out, "Thank you so much, Customer0!") || strings.Contains(out, "missing") {
		t.Fatalf("render thanks: %q", out)
	}
	// {order_id} has no value: the text keeps the gap and the exit code is 1.
	code, out, errOut := run(t, vault, "", "--data-dir", dir, "templates", "render", itoa(order), "--conversation", conv, "--lang", "en")
	if code != 1 || !strings.Contains(out, "{order_id}") || !strings.Contains(out, "missing: order_id") || !strings.Contains(errOut, "template_unfilled") {
		t.Fatalf("render with a gap: %d %q %q", code, out, errOut)
	}
	var res struct {
		Text     string   `json:"text"`
		Missing  []string `json:"missing"`
		Language string   `json:"language"`
		OK       bool     `json:"ok"`
	}
	code, out, _ = run(t, vault, "", "--data-dir", dir, "templates", "render", itoa(order), "--conversation", conv, "--value", "order_id=#1042", "--json")
	decode(t, out, &res)
	if code != 0 || !res.OK || len(res.Missing) != 0 || !strings.Contains(res.Text, "#1042") || res.Language != "en" {
		t.Fatalf("render --value: %d %+v", code, res)
	}
	if code, _, _ := run(t, vault, "", "--data-dir", dir, "templates", "render", itoa(order)); code != 2 {
		t.Fatalf("missing --conversation exited %d", code)
	}
	if code, _, _ := run(t, vault, "", "--data-dir", dir, "templates", "render", itoa(order), "--conversation", conv, "--value", "nope=1"); code != 2 {
		t.Fatalf("unknown --value token exited %d", code)
	}
}

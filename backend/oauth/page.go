package oauth

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"net/http"
)

// pageKind is which page the browser sees after the redirect.
type pageKind int

const (
	pageDone pageKind = iota
	pageFailed
	pageExpired
)

// pageStyle is the page's only style; the CSP allows exactly this text by its hash.
const pageStyle = `body{font-family:system-ui,sans-serif;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center;background:#fafafc;color:#1f2230}main{max-width:28rem;padding:2rem;text-align:center}h1{font-size:1.25rem;margin:0 0 .75rem}p{margin:0;color:#555a6e;line-height:1.5}.mark{font-size:2.5rem;margin-bottom:.5rem}`

// pageCSP allows nothing but the style above: no scripts, no images, no
// requests, no forms, no framing.
var pageCSP = func() string {
	sum := sha256.Sum256([]byte(pageStyle))
	return "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) +
		"'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}()

// pageTemplate is the static page. The wording is minimal English plus the
// app's name and a symbol anyone reads; the app itself says the rest in the
// person's language.
var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>{{.App}}</title><style>{{.Style}}</style></head>
<body><main><div class="mark" aria-hidden="true">{{.Mark}}</div><h1>{{.Title}}</h1><p>{{.Text}}</p></main></body></html>
`))

// writePage answers the browser with one of the static pages.
func writePage(w http.ResponseWriter, status int, app string, kind pageKind) {
	data := struct {
		App, Mark, Title, Text string
		Style                  template.CSS
	}{App: app, Style: template.CSS(pageStyle)}
	switch kind {
	case pageDone:
		data.Mark, data.Title, data.Text = "✓", "Signed in", "You can close this tab and go back to "+app+"."
	case pageFailed:
		data.Mark, data.Title, data.Text = "✕", "Sign-in not completed", "Go back to "+app+" to see what happened and try again."
	default:
		data.Mark, data.Title, data.Text = "…", "This sign-in has ended", "Go back to "+app+" and start again if needed."
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", pageCSP)
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	w.WriteHeader(status)
	_ = pageTemplate.Execute(w, data)
}

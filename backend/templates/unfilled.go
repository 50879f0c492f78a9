package templates

import "regexp"

// tokenPattern matches {name} or {name|fallback} with optional spaces or tabs
// around the name. The frontend's unfilled.ts uses the same pattern.
var tokenPattern = regexp.MustCompile(`\{[ \t]*([a-z0-9_]+)[ \t]*(?:\|[^{}]*)?\}`)

// UnfilledTokens lists the known tokens text still holds, once each, in order
// of first appearance. Unknown names ({foo}) are ordinary text.
func UnfilledTokens(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range tokenPattern.FindAllStringSubmatch(text, -1) {
		if name := m[1]; IsToken(name) && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"creatordesk/app"
	"creatordesk/backend/workspace"
)

func init() {
	registerCommand("classify", "  creatordesk [--data-dir DIR] classify [--json]           one message per stdin line -> intent, sentiment, confidence\n", classifyCmd)
}

// classifyResult is one line of `classify --json` (field names are a public interface).
type classifyResult struct {
	Text       string  `json:"text"`
	Intent     string  `json:"intent"`
	Kind       string  `json:"kind"`
	Sentiment  string  `json:"sentiment"`
	Confidence float64 `json:"confidence"`
}

// classifyCmd classifies each stdin line with the workspace's classifier
// (built-in lexicons plus the model learned from the team's labels).
func classifyCmd(_ context.Context, s *app.Session, args []string, env Env) error {
	f := newFlags("classify", env)
	asJSON := f.Bool("json", false, "print one JSON object per line")
	if err := parse(f, args); err != nil {
		return err
	}
	cl := workspace.Automation(s.Workspace()).Classifier
	sc := bufio.NewScanner(env.Stdin)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		r := cl.Classify(line)
		if *asJSON {
			if err := enc.Encode(classifyResult{Text: line, Intent: r.Intent, Kind: r.Kind, Sentiment: r.Sentiment, Confidence: r.Confidence}); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%.2f\t%s\n", r.Intent, r.Kind, r.Sentiment, r.Confidence, line)
	}
	return sc.Err()
}

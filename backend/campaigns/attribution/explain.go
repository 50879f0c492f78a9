package attribution

import "strings"

// Part is one sentence of an explanation: an i18n key (under the campaigns
// locale files) and its arguments.
type Part struct {
	Key  string            `json:"key"`
	Args map[string]string `json:"args,omitempty"`
}

// Explanation says in plain words why an order is credited where it is.
type Explanation struct {
	Parts []Part `json:"parts"`
}

// add appends a sentence.
func (e *Explanation) add(key string, args map[string]string) {
	clean := map[string]string{}
	for k, v := range args {
		if v != "" {
			clean[k] = v
		}
	}
	if len(clean) == 0 {
		clean = nil
	}
	e.Parts = append(e.Parts, Part{Key: key, Args: clean})
}

// english are the English sentences (the CLI and logs; the UI translates the keys).
var english = map[string]string{
	"attribution.creditedCode":         "Credited to {creator}'s code {code} used at checkout",
	"attribution.creditedLastClick":    "Credited to {creator}'s link, the last one clicked before the order",
	"attribution.creditedFirstTouch":   "Credited to {creator}'s link, which first brought the customer",
	"attribution.creditedConversation": "Credited to {creator}: their code or link was given in a DM conversation",
	"attribution.viaConversation":      "the code or link was given in a DM conversation before the order",
	"attribution.conversationOnly":     "Linked to a DM conversation, but no creator's code or link",
	"attribution.assistCode":           "{creator}'s code was also used (assist)",
	"attribution.assistLink":           "{creator}'s link was clicked earlier (assist)",
	"attribution.assistConversation":   "{creator}'s code or link was given in a DM (assist)",
	"attribution.unknownCode":          "Not credited: code {code} belongs to no creator",
	"attribution.none":                 "Not credited: no creator code, tracked link or conversation matches this order",
}

// English renders the explanation as one English sentence.
func (e Explanation) English() string {
	var out []string
	for _, p := range e.Parts {
		s := english[p.Key]
		if s == "" {
			s = p.Key
		}
		for k, v := range p.Args {
			s = strings.ReplaceAll(s, "{"+k+"}", v)
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

package templates

// Where a token's value comes from.
const (
	// FromContact: the person on the other side (contact record, thread title).
	FromContact = "contact"
	// FromThread: the conversation's messages.
	FromThread = "thread"
	// FromWorkspace: a workspace setting.
	FromWorkspace = "workspace"
	// FromActor: the member sending the reply.
	FromActor = "actor"
	// FromManual: typed by the person in the composer.
	FromManual = "manual"
)

// Token is one name the template language knows.
type Token struct {
	Name string `json:"name"`
	// Source is one of the From* constants.
	Source string `json:"source"`
}

// tokens is the one list of known tokens on the Go side. The frontend keeps its
// twin in components/templates/unfilled.ts; testdata/unfilled.json holds the
// list both sides are tested against.
var tokens = []Token{
	{"first_name", FromContact},
	{"full_name", FromContact},
	{"author_name", FromThread},
	{"brand", FromWorkspace},
	{"agent_name", FromActor},
	{"order_id", FromManual},
	{"product_name", FromManual},
	{"issue", FromManual},
	{"tracking_link", FromManual},
	{"discount_code", FromManual},
}

// tokenSet indexes tokens by name.
var tokenSet = func() map[string]Token {
	m := make(map[string]Token, len(tokens))
	for _, t := range tokens {
		m[t.Name] = t
	}
	return m
}()

// Tokens returns the known tokens in display order.
func Tokens() []Token {
	return append([]Token(nil), tokens...)
}

// IsToken reports whether name is a known token.
func IsToken(name string) bool {
	_, ok := tokenSet[name]
	return ok
}

package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"creatordesk/app"
	"creatordesk/backend/templates"
)

func init() {
	registerCommand("templates", `  creatordesk [--data-dir DIR] templates list [--json]
  creatordesk [--data-dir DIR] templates render ID --conversation CID [--lang LANG] [--value NAME=VALUE]... [--json]
                                                      (exit 1 when a token is left unfilled)
`, templatesCmd)
}

// templatesCmd: templates list | templates render.
func templatesCmd(ctx context.Context, s *app.Session, args []string, env Env) error {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage())
		return errUsage
	}
	switch args[0] {
	case "list":
		return templatesList(s, args[1:], env)
	case "render":
		return templatesRender(s, args[1:], env)
	}
	fmt.Fprint(env.Stderr, usage())
	return errUsage
}

// templatesList: templates list [--json]
func templatesList(s *app.Session, args []string, env Env) error {
	f := newFlags("templates list", env)
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, args); err != nil {
		return err
	}
	list, err := app.NewTemplates(s).List(app.TemplateListQuery{})
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env.Stdout, list)
	}
	for _, t := range list {
		langs := make([]string, len(t.Variants))
		for i, v := range t.Variants {
			langs[i] = v.Language
		}
		fmt.Fprintf(env.Stdout, "%d\t/%s\t%s\t%d uses\t%s\n", t.ID, t.Shortcut, t.Name, t.UsageCount, strings.Join(langs, ","))
	}
	return nil
}

// valueFlags collects repeated --value NAME=VALUE flags.
type valueFlags map[string]string

// String implements flag.Value.
func (v valueFlags) String() string { return "" }

// Set implements flag.Value.
func (v valueFlags) Set(s string) error {
	name, value, ok := strings.Cut(s, "=")
	if !ok || !templates.IsToken(strings.TrimSpace(name)) {
		return fmt.Errorf("want NAME=VALUE with a known token name, got %q", s)
	}
	v[strings.TrimSpace(name)] = value
	return nil
}

// renderOutput is what templates render --json prints.
type renderOutput struct {
	app.TemplateRenderResult
	OK bool `json:"ok"`
}

// templatesRender: templates render ID --conversation CID [--lang LANG] [--value NAME=VALUE]... [--json]
func templatesRender(s *app.Session, args []string, env Env) error {
	f := newFlags("templates render", env)
	conv := f.Int64("conversation", 0, "conversation id")
	lang := f.String("lang", "", "use this language's variant (en, zh-Hans, zh-Hant, ro, hi)")
	asJSON := f.Bool("json", false, "print JSON")
	values := valueFlags{}
	f.Var(values, "value", "a token value, NAME=VALUE (repeatable)")
	pos, err := parseInterleaved(f, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *conv == 0 {
		fmt.Fprintln(env.Stderr, "creatordesk: templates render needs a template ID and --conversation CID")
		return errUsage
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil {
		fmt.Fprintf(env.Stderr, "creatordesk: %q is not a template id\n", pos[0])
		return errUsage
	}
	r, err := app.NewTemplates(s).Render(app.TemplateRenderRequest{TemplateID: id, ConversationID: *conv, Language: *lang, Values: values})
	if err != nil {
		return err
	}
	if *asJSON {
		if err := printJSON(env.Stdout, renderOutput{TemplateRenderResult: r, OK: len(r.Missing) == 0}); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(env.Stdout, r.Text)
		fmt.Fprintf(env.Stdout, "language: %s (%s)\n", r.Language, r.LanguageReason)
		if len(r.Missing) > 0 {
			fmt.Fprintf(env.Stdout, "missing: %s\n", strings.Join(r.Missing, ", "))
		}
	}
	if len(r.Missing) > 0 {
		return &templates.UnfilledError{Tokens: r.Missing}
	}
	return nil
}

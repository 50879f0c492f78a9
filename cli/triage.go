package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"creatordesk/app"
)

func init() {
	registerCommand("tags", "  creatordesk tags list [--json]\n", tagsCmd)
	registerCommand("team", "  creatordesk team list [--json] | team add NAME [--role owner|agent|viewer] [--color #rrggbb] | team use NAME\n", teamCmd)
}

// conversationSubcommands are the triage actions of `creatordesk conversations`:
//
//	conversations tag ID --tag NAME | untag ID --tag NAME | assign ID --to NAME|none
//	conversations status ID --status open|pending|resolved | snooze ID --until RFC3339
//	conversations note ID --text TEXT
var conversationSubcommands = map[string]func(s *app.Session, args []string, env Env) error{
	"tag":    func(s *app.Session, a []string, env Env) error { return conversationTag(s, a, env, "tag") },
	"untag":  func(s *app.Session, a []string, env Env) error { return conversationTag(s, a, env, "untag") },
	"assign": conversationAssign,
	"status": conversationStatus,
	"snooze": conversationSnooze,
	"note":   conversationNote,
}

// errNoSuchName: a tag or member name given on the command line does not exist.
var errNoSuchName = errors.New("creatordesk: no such name")

// tagIDByName resolves a tag name ("" = 0, any tag).
func tagIDByName(s *app.Session, name string) (int64, error) {
	if name == "" {
		return 0, nil
	}
	tags, err := app.NewTriage(s).Tags()
	if err != nil {
		return 0, err
	}
	for _, t := range tags {
		if strings.EqualFold(t.Name, name) {
			return t.ID, nil
		}
	}
	return 0, fmt.Errorf("%w: tag %q", errNoSuchName, name)
}

// memberIDByName resolves a member name ("none" = 0).
func memberIDByName(s *app.Session, name string) (int64, error) {
	if name == "" || name == "none" {
		return 0, nil
	}
	team, err := app.NewTeam(s).Get()
	if err != nil {
		return 0, err
	}
	for _, m := range team.Members {
		if strings.EqualFold(m.Name, name) {
			return m.ID, nil
		}
	}
	return 0, fmt.Errorf("%w: member %q", errNoSuchName, name)
}

// assigneeFilter turns --assignee (none, me, a name) into the query's value.
func assigneeFilter(s *app.Session, v string) (string, error) {
	switch v {
	case "", "none", "me":
		return v, nil
	}
	id, err := memberIDByName(s, v)
	return strconv.FormatInt(id, 10), err
}

// conversationID parses the leading ID argument and the remaining flags.
func conversationID(args []string, env Env) (int64, []string, error) {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage())
		return 0, nil, errUsage
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil {
		fmt.Fprintln(env.Stderr, "creatordesk: the conversation ID must be a number")
		return 0, nil, errUsage
	}
	return id, args[1:], nil
}

// printBulk prints the changed rows (JSON with --json).
func printBulk(env Env, asJSON bool, res app.BulkResultDTO) error {
	if asJSON {
		return printJSON(env.Stdout, res)
	}
	fmt.Fprintf(env.Stdout, "%d changed\n", res.Changed)
	return nil
}

func conversationTag(s *app.Session, args []string, env Env, action string) error {
	id, rest, err := conversationID(args, env)
	if err != nil {
		return err
	}
	f := newFlags("conversations "+action, env)
	name := f.String("tag", "", "tag name")
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, rest); err != nil {
		return err
	}
	if *name == "" {
		fmt.Fprintln(env.Stderr, "creatordesk: --tag NAME is required")
		return errUsage
	}
	tagID, err := tagIDByName(s, *name)
	if err != nil {
		return err
	}
	res, err := app.NewTriage(s).Bulk(app.BulkRequest{IDs: []int64{id}, Action: action, TagID: tagID})
	if err != nil {
		return err
	}
	return printBulk(env, *asJSON, res)
}

func conversationAssign(s *app.Session, args []string, env Env) error {
	id, rest, err := conversationID(args, env)
	if err != nil {
		return err
	}
	f := newFlags("conversations assign", env)
	to := f.String("to", "", "member name, or none to unassign")
	handoff := f.String("handoff", "", "hand-off summary kept as a note")
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, rest); err != nil {
		return err
	}
	member, err := memberIDByName(s, *to)
	if err != nil {
		return err
	}
	res, err := app.NewTriage(s).Bulk(app.BulkRequest{IDs: []int64{id}, Action: "assign", MemberID: member, Handoff: *handoff})
	if err != nil {
		return err
	}
	return printBulk(env, *asJSON, res)
}

func conversationStatus(s *app.Session, args []string, env Env) error {
	id, rest, err := conversationID(args, env)
	if err != nil {
		return err
	}
	f := newFlags("conversations status", env)
	status := f.String("status", "", "open, pending or resolved")
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, rest); err != nil {
		return err
	}
	res, err := app.NewTriage(s).Bulk(app.BulkRequest{IDs: []int64{id}, Action: "status", Status: *status})
	if err != nil {
		return err
	}
	return printBulk(env, *asJSON, res)
}

func conversationSnooze(s *app.Session, args []string, env Env) error {
	id, rest, err := conversationID(args, env)
	if err != nil {
		return err
	}
	f := newFlags("conversations snooze", env)
	until := f.String("until", "", "wake-up time, RFC 3339 (2026-04-01T09:00:00+03:00)")
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, rest); err != nil {
		return err
	}
	res, err := app.NewTriage(s).Bulk(app.BulkRequest{IDs: []int64{id}, Action: "status", Status: "snoozed", SnoozeUntil: *until})
	if err != nil {
		return err
	}
	return printBulk(env, *asJSON, res)
}

func conversationNote(s *app.Session, args []string, env Env) error {
	id, rest, err := conversationID(args, env)
	if err != nil {
		return err
	}
	f := newFlags("conversations note", env)
	text := f.String("text", "", "the note")
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, rest); err != nil {
		return err
	}
	n, err := app.NewTriage(s).AddNote(id, *text)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env.Stdout, n)
	}
	fmt.Fprintf(env.Stdout, "note %d added\n", n.ID)
	return nil
}

func tagsCmd(_ context.Context, s *app.Session, args []string, env Env) error {
	if len(args) == 0 || args[0] != "list" {
		fmt.Fprint(env.Stderr, usage())
		return errUsage
	}
	f := newFlags("tags list", env)
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, args[1:]); err != nil {
		return err
	}
	tags, err := app.NewTriage(s).Tags()
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env.Stdout, tags)
	}
	for _, t := range tags {
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%d\n", t.ID, t.Name, t.Color, t.Uses)
	}
	return nil
}

func teamCmd(_ context.Context, s *app.Session, args []string, env Env) error {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage())
		return errUsage
	}
	team := app.NewTeam(s)
	switch args[0] {
	case "list":
		f := newFlags("team list", env)
		asJSON := f.Bool("json", false, "print JSON")
		if err := parse(f, args[1:]); err != nil {
			return err
		}
		st, err := team.Get()
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env.Stdout, st)
		}
		for _, m := range st.Members {
			fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%v\n", m.ID, m.Name, m.Role, m.Active)
		}
		return nil
	case "add":
		if len(args) < 2 {
			return errUsage
		}
		f := newFlags("team add", env)
		role := f.String("role", "agent", "owner, agent or viewer")
		color := f.String("color", "#1971c2", "colour as #rrggbb")
		if err := parse(f, args[2:]); err != nil {
			return err
		}
		_, err := team.SaveMember(app.MemberDTO{Name: args[1], Role: *role, Color: *color, Active: true})
		return err
	case "use":
		if len(args) < 2 {
			return errUsage
		}
		id, err := memberIDByName(s, args[1])
		if err != nil {
			return err
		}
		_, err = team.SetCurrent(id)
		return err
	}
	fmt.Fprint(env.Stderr, usage())
	return errUsage
}

package cli

import (
	"fmt"
	"strconv"

	"creatordesk/app"
)

// In team mode two members may change the same conversation from two
// computers. `conversations assign` and `conversations status` accept what the
// member saw (--expect, e.g. from `conversations list`): the change is then
// made only if the conversation is still like that, and otherwise refused with
// who changed it (nothing is overwritten). Without --expect they behave as before.
func init() {
	plainAssign, plainStatus := conversationSubcommands["assign"], conversationSubcommands["status"]
	conversationSubcommands["assign"] = func(s *app.Session, args []string, env Env) error {
		return withExpect(s, args, env, "assign", plainAssign)
	}
	conversationSubcommands["status"] = func(s *app.Session, args []string, env Env) error {
		return withExpect(s, args, env, "status", plainStatus)
	}
}

// withExpect runs the checked change when --expect is given, else plain.
func withExpect(s *app.Session, args []string, env Env, action string, plain func(*app.Session, []string, Env) error) error {
	id, rest, err := conversationID(args, env)
	if err != nil {
		return err
	}
	f := newFlags("conversations "+action, env)
	to := f.String("to", "", "assign: member name, or none to unassign")
	handoff := f.String("handoff", "", "assign: hand-off summary kept as a note")
	status := f.String("status", "", "status: open, pending or resolved")
	expect := f.String("expect", "", "what you saw: the assignee (a name, or none) or the status; refused if it changed meanwhile")
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, rest); err != nil {
		return err
	}
	if *expect == "" {
		return plain(s, args, env)
	}
	seen := app.SeenDTO{ID: id}
	req := app.CheckedActionRequest{Action: action, Status: *status, Handoff: *handoff}
	if action == "assign" {
		if req.MemberID, err = memberIDByName(s, *to); err != nil {
			return err
		}
		was := ""
		if *expect != "none" {
			m, err := memberIDByName(s, *expect)
			if err != nil {
				return err
			}
			was = strconv.FormatInt(m, 10)
		}
		seen.Assignee = &was
	} else {
		seen.Status = *expect
	}
	req.Seen = []app.SeenDTO{seen}
	res, err := app.NewTeamTriage(s).Apply(req)
	if err != nil {
		return err
	}
	if len(res.Conflicts) > 0 {
		return res.Conflicts[0].Error
	}
	if *asJSON {
		return printJSON(env.Stdout, res)
	}
	fmt.Fprintf(env.Stdout, "%d changed\n", res.Changed)
	return nil
}

package cli

import (
	"context"
	"fmt"

	"creatordesk/app"
)

func init() {
	registerCommand("moderate", "  creatordesk moderate --message ID --action hide|unhide|delete|reject|block|mute|report [--reason TEXT] [--json]\n", moderateCmd)
}

// moderateCmd performs one moderation action on a message through its platform.
func moderateCmd(_ context.Context, s *app.Session, args []string, env Env) error {
	f := newFlags("moderate", env)
	id := f.Int64("message", 0, "message ID (see messages list)")
	action := f.String("action", "", "hide, unhide, delete, reject, block, mute or report")
	reason := f.String("reason", "", "why (kept in the log; sent with reports)")
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, args); err != nil {
		return err
	}
	if *id <= 0 || *action == "" {
		fmt.Fprintln(env.Stderr, "creatordesk: --message ID and --action are required")
		return errUsage
	}
	out, err := app.NewModeration(s).Moderate(app.ModerateRequest{MessageID: *id, Action: *action, Reason: *reason})
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env.Stdout, out)
	}
	state := "visible"
	switch {
	case out.Message.Deleted:
		state = "deleted"
	case out.Message.Hidden:
		state = "hidden"
	}
	fmt.Fprintf(env.Stdout, "%s done on message %d (now %s)\n", out.Record.Action, out.Record.MessageID, state)
	return nil
}

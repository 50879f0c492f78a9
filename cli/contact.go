package cli

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"creatordesk/app"
	"creatordesk/backend/workspace"
)

func init() {
	registerCommand("contact", `  creatordesk [--data-dir DIR] contact export ID --out FILE   a zip (JSON and CSV) of everything about one contact
  creatordesk [--data-dir DIR] contact erase ID               delete a contact everywhere in the local data (search index too)
`, contactCmd)
}

// contactCmd: contact export ID --out FILE | contact erase ID
func contactCmd(ctx context.Context, s *app.Session, args []string, env Env) error {
	if len(args) < 1 {
		fmt.Fprint(env.Stderr, usage())
		return errUsage
	}
	f := newFlags("contact "+args[0], env)
	out := f.String("out", "", "the zip file to write (export)")
	pos, err := parseInterleaved(f, args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fmt.Fprint(env.Stderr, usage())
		return errUsage
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		fmt.Fprintln(env.Stderr, "creatordesk: ID must be a contact id")
		return errUsage
	}
	req := workspace.Automation(s.Workspace()).Requests
	switch args[0] {
	case "export":
		if *out == "" {
			fmt.Fprintln(env.Stderr, "creatordesk: contact export needs --out FILE")
			return errUsage
		}
		file, err := os.OpenFile(*out, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return err
		}
		if err := req.Export(ctx, s.Actor(), id, file); err != nil {
			_ = file.Close()
			_ = os.Remove(*out)
			return err
		}
		if err := file.Close(); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "wrote %s\n", *out)
		return nil
	case "erase":
		res, err := req.Erase(ctx, s.Actor(), id)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "erased contact %d: %d conversations, %d messages\n", id, res.Conversations, res.Messages)
		return nil
	}
	fmt.Fprint(env.Stderr, usage())
	return errUsage
}

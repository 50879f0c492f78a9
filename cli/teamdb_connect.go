package cli

import (
	"context"
	"fmt"
	"strings"

	"creatordesk/app"
)

func init() {
	teamdbSubcommands["connect"] = teamdbConnectCmd
	teamdbSubcommands["test"] = teamdbTestCmd
	teamdbSubcommands["status"] = teamdbStatusCmd
	teamdbSubcommands["disconnect"] = teamdbDisconnectCmd
}

// teamFormFlags parses the connection flags shared by connect and test. The
// password is never a flag: it comes on standard input.
func teamFormFlags(name string, args []string, env Env) (app.TeamDBConnectRequest, bool, error) {
	f := newFlags("teamdb "+name, env)
	var c app.TeamDBConfigDTO
	f.StringVar(&c.Host, "host", "", "the PostgreSQL server's name or address")
	f.IntVar(&c.Port, "port", 5432, "the server's port")
	f.StringVar(&c.Database, "database", "", "the database name")
	f.StringVar(&c.User, "user", "", "the role to log in as")
	f.StringVar(&c.SSLMode, "sslmode", "require", "disable, require, verify-ca or verify-full")
	f.StringVar(&c.SSLRootCert, "sslrootcert", "", "a CA certificate file (PEM) for verify-ca/verify-full")
	f.StringVar(&c.Schema, "schema", "", "the schema the workspace lives in (default: the user's)")
	f.StringVar(&c.Label, "label", "", "a name for this team database")
	passwordStdin := f.Bool("password-stdin", false, "read the password from standard input")
	if err := parse(f, args); err != nil {
		return app.TeamDBConnectRequest{}, false, err
	}
	if f.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "creatordesk: unexpected argument %q (the password goes on standard input with --password-stdin)\n", f.Arg(0))
		return app.TeamDBConnectRequest{}, false, errUsage
	}
	req := app.TeamDBConnectRequest{Config: c}
	if *passwordStdin {
		pw, err := readAllTrimmed(env.Stdin, false)
		if err != nil {
			return req, false, err
		}
		req.Password = pw
	} else {
		req.KeepPassword = true
	}
	return req, f.NFlag() > 0, nil
}

// teamdbConnectCmd: connect this data folder to a team database.
func teamdbConnectCmd(_ context.Context, s *app.Session, args []string, env Env) error {
	req, _, err := teamFormFlags("connect", args, env)
	if err != nil {
		return err
	}
	if req.KeepPassword {
		fmt.Fprintln(env.Stderr, "creatordesk: pass the password on standard input with --password-stdin (never as an argument; empty input for none)")
		return errUsage
	}
	st, err := app.NewTeamDB(s).Connect(req)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Connected: this data folder now opens the team database %s.\n", describeTeam(st.Config))
	return nil
}

// teamdbTestCmd: check a connection (the flags', or the saved one).
func teamdbTestCmd(_ context.Context, s *app.Session, args []string, env Env) error {
	req, given, err := teamFormFlags("test", args, env)
	if err != nil {
		return err
	}
	db := app.NewTeamDB(s)
	if !given {
		st, err := db.Status()
		if err != nil {
			return err
		}
		if st.Config == nil {
			fmt.Fprintln(env.Stderr, "creatordesk: this data folder has no team database; give the connection flags")
			return errUsage
		}
		req = app.TeamDBConnectRequest{Config: *st.Config, KeepPassword: true}
	}
	p, err := db.Test(req)
	if err != nil {
		return err
	}
	if !p.OK {
		return p.Error
	}
	tls := "off"
	if p.TLS {
		tls = "on"
	}
	fmt.Fprintf(env.Stdout, "OK: PostgreSQL %s, TLS %s.\n", p.ServerVersion, tls)
	return nil
}

// teamdbStatusCmd: where this data folder's workspace lives.
func teamdbStatusCmd(_ context.Context, s *app.Session, args []string, env Env) error {
	f := newFlags("teamdb status", env)
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, args); err != nil {
		return err
	}
	st, err := app.NewTeamDB(s).Status()
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env.Stdout, st)
	}
	switch st.Mode {
	case "solo":
		fmt.Fprintln(env.Stdout, "Local workspace (no team database).")
	case "unavailable":
		fmt.Fprintf(env.Stdout, "Team database %s: cannot be opened (%s).\n", describeTeam(st.Config), st.Error.Message)
	default:
		fmt.Fprintf(env.Stdout, "Team database %s; live updates: %s.\n", describeTeam(st.Config), st.Link.State)
		for _, o := range st.Others {
			who := o.Member
			if who == "" {
				who = "someone"
			}
			fmt.Fprintf(env.Stdout, "  also active: %s on %s (seen %s)\n", who, o.Machine, o.SeenAt)
		}
	}
	return nil
}

// teamdbDisconnectCmd: back to the local workspace.
func teamdbDisconnectCmd(_ context.Context, s *app.Session, args []string, env Env) error {
	if len(args) > 0 {
		return errUsage
	}
	if _, err := app.NewTeamDB(s).Disconnect(); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "Disconnected: this data folder opens its local workspace again.")
	return nil
}

// describeTeam names a team database without its password.
func describeTeam(c *app.TeamDBConfigDTO) string {
	if c == nil {
		return "(settings unknown)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s@%s:%d/%s", c.User, c.Host, c.Port, c.Database)
	if c.Schema != "" {
		fmt.Fprintf(&b, " (schema %s)", c.Schema)
	}
	fmt.Fprintf(&b, ", TLS %s", c.SSLMode)
	return b.String()
}

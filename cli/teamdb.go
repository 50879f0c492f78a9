package cli

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"creatordesk/app"
)

// teamdbSubcommands holds the `creatordesk teamdb <sub>` commands (team mode:
// the workspace on a shared PostgreSQL database). Each area adds its own from
// an init function in its file, so the files never edit each other.
var teamdbSubcommands = map[string]command{}

func init() {
	registerCommand("teamdb", "  creatordesk teamdb connect --host H [--port 5432] --database D --user U [--sslmode disable|require|verify-ca|verify-full] [--sslrootcert CA.pem] [--schema S] [--label L] --password-stdin\n"+
		"  creatordesk teamdb test [the connect flags] | teamdb status [--json] | teamdb disconnect\n"+
		"  creatordesk teamdb copy [--json] [--dsn-stdin]     copy this computer's workspace into the team database (one-way, verified)\n", teamdbCmd)
}

// teamdbCmd dispatches `creatordesk teamdb SUB ARGS...`.
func teamdbCmd(ctx context.Context, s *app.Session, args []string, env Env) error {
	if len(args) == 0 || args[0] == "help" {
		names := make([]string, 0, len(teamdbSubcommands))
		for n := range teamdbSubcommands {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintf(env.Stdout, "creatordesk teamdb: %s\n", strings.Join(names, ", "))
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	sub, ok := teamdbSubcommands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "creatordesk teamdb: unknown subcommand %q\n", args[0])
		return errUsage
	}
	return sub(ctx, s, args[1:], env)
}

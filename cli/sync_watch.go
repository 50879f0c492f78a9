package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	gosync "sync"
	"syscall"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
	"creatordesk/backend/workspace"
)

// watchStateEvery is how often `sync --watch` looks at who syncs each account.
const watchStateEvery = time.Second

// syncWatch runs every syncable account's loop headless until ctx ends or the
// process gets SIGINT or SIGTERM, printing one line per stored batch and one
// each time an account's sync changes hands (this instance, another team
// member's instance, or a member whose keyring has the token). On the way out
// the loops stop and give their leases up, so another instance takes over at once.
func syncWatch(ctx context.Context, ws *workspace.Workspace, env Env) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	accs, err := ws.Store.Accounts(ctx, false)
	if err != nil {
		return err
	}
	out := &lockedWriter{w: env.Stdout}
	byID := map[int64]store.Account{}
	var watched []store.Account
	for _, a := range accs {
		if a.Syncable() {
			byID[a.ID] = a
			watched = append(watched, a)
		}
	}
	unsubscribe := ws.Bus.Subscribe(events.MessagesStored, func(p any) {
		if pl, ok := p.(events.MessagesStoredPayload); ok {
			out.line(batchLine(ws.Store.Now(), byID, pl))
		}
	})
	defer unsubscribe()
	if err := ws.Engine.StartAll(ctx); err != nil {
		return err
	}
	defer ws.Engine.Stop()
	out.line(fmt.Sprintf("syncing %d accounts as %s; stop with Ctrl+C", len(watched), sync.HolderLabel(ws.Engine.Holder())))
	said := map[int64]string{}
	tick := time.NewTicker(watchStateEvery)
	defer tick.Stop()
	for {
		for _, a := range watched {
			if s := stateLine(a, ws.Engine.State(a.ID)); s != said[a.ID] {
				said[a.ID] = s
				out.line(s)
			}
		}
		select {
		case <-ctx.Done():
			ws.Engine.Stop()
			out.line("stopped; the accounts' sync leases are released")
			return nil
		case <-tick.C:
		}
	}
}

// batchLine words one stored batch.
func batchLine(now time.Time, byID map[int64]store.Account, p events.MessagesStoredPayload) string {
	return fmt.Sprintf("%s %s: %d messages stored in %d conversations", now.UTC().Format(time.RFC3339), accountLabel(byID, p.AccountID),
		len(p.MessageIDs), len(p.ConversationIDs))
}

// stateLine words who syncs an account now.
func stateLine(a store.Account, st sync.AccountState) string {
	name := fmt.Sprintf("%s %q", a.Platform, a.Name)
	switch {
	case st.Wait == sync.WaitLeased:
		return fmt.Sprintf("%s: synced by %s (another app instance); this one takes over if it stops", name, st.HeldBy)
	case st.Wait == sync.WaitTokenElsewhere:
		return fmt.Sprintf("%s: signed in on another member's computer; to sync it here, reconnect it on this computer", name)
	case st.LeaseHeld:
		return fmt.Sprintf("%s: syncing here", name)
	case st.Running:
		return fmt.Sprintf("%s: starting", name)
	}
	return fmt.Sprintf("%s: not syncing (see `creatordesk accounts list`)", name)
}

// accountLabel names an account for a line of output.
func accountLabel(byID map[int64]store.Account, id int64) string {
	if a, ok := byID[id]; ok {
		return fmt.Sprintf("%s %q", a.Platform, a.Name)
	}
	return fmt.Sprintf("account %d", id)
}

// onceSkipped reports whether a `sync --once` error only means the account is
// synced elsewhere (another instance holds its lease, or its token is on
// another member's computer), and prints why.
func onceSkipped(a store.Account, err error, w io.Writer) bool {
	var held *sync.LeaseHeldError
	switch {
	case errors.As(err, &held):
		fmt.Fprintf(w, "%s %q: skipped, synced by %s (another app instance)\n", a.Platform, a.Name, held.Holder)
	case sync.IsNoTokenHere(err):
		fmt.Fprintf(w, "%s %q: skipped, signed in on another member's computer (reconnect it here to sync it from this computer)\n", a.Platform, a.Name)
	default:
		return false
	}
	return true
}

// lockedWriter writes whole lines from several goroutines.
type lockedWriter struct {
	mu gosync.Mutex
	w  io.Writer
}

// line writes s and a newline.
func (l *lockedWriter) line(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintln(l.w, s)
}

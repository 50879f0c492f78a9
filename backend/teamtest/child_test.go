package teamtest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	gosync "sync"
	"testing"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/inbox"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	cdsync "creatordesk/backend/sync"
	"creatordesk/backend/teamdb"
	"creatordesk/backend/workspace"
)

// Environment of a child instance (a re-executed test binary).
const (
	envRole   = "CREATORDESK_TEAMTEST_ROLE" // "instance" runs runInstance instead of the tests
	envDSN    = "CREATORDESK_TEAMTEST_DSN"
	envDir    = "CREATORDESK_TEAMTEST_DIR"
	envLabel  = "CREATORDESK_TEAMTEST_LABEL"
	envToken  = "CREATORDESK_TEAMTEST_TOKEN"
	envMember = "CREATORDESK_TEAMTEST_MEMBER"
	envTTL    = "CREATORDESK_TEAMTEST_TTL_MS"
)

// event is one line a child prints on stdout (JSON).
type event struct {
	Ev string `json:"ev"`
	// At is the child's wall clock when it happened (Unix ns; one machine, one clock).
	At int64 `json:"at"`
	// ready
	Holder string `json:"holder,omitempty"`
	// stored / remote
	Kind          string  `json:"kind,omitempty"`
	Conversations []int64 `json:"conversations,omitempty"`
	Messages      int     `json:"messages,omitempty"`
	Direction     string  `json:"direction,omitempty"`
	// state
	LeaseHeld bool   `json:"leaseHeld,omitempty"`
	Wait      string `json:"wait,omitempty"`
	HeldBy    string `json:"heldBy,omitempty"`
	// seen / assigned
	Conversation int64  `json:"conversation,omitempty"`
	Assignee     string `json:"assignee,omitempty"`
	OK           bool   `json:"ok,omitempty"`
	Conflict     bool   `json:"conflict,omitempty"`
	// ConflictKey is the translation key of a refusal (a conflict, or a refused send).
	ConflictKey string `json:"conflictKey,omitempty"`
	Error       string `json:"error,omitempty"`
}

// TestMain runs a child instance when the role variable says so.
func TestMain(m *testing.M) {
	if os.Getenv(envRole) == "instance" {
		os.Exit(runInstance())
	}
	os.Exit(m.Run())
}

// printer writes events as JSON lines from several goroutines.
type printer struct {
	mu  gosync.Mutex
	enc *json.Encoder
}

func (p *printer) emit(e event) {
	e.At = time.Now().UnixNano()
	p.mu.Lock()
	defer p.mu.Unlock()
	_ = p.enc.Encode(e)
}

// runInstance is one app instance: it opens the team workspace as the app
// does, keeps the token in its own (memory) keyring, syncs, reports what it
// stores and what the team database announces, and assigns conversations
// when the parent says so. It ends when its stdin closes or on "quit".
func runInstance() int {
	out := &printer{enc: json.NewEncoder(os.Stdout)}
	fail := func(err error) int {
		fmt.Fprintln(os.Stderr, "instance:", err)
		return 1
	}
	ttl, _ := strconv.Atoi(os.Getenv(envTTL))
	memberID, _ := strconv.ParseInt(os.Getenv(envMember), 10, 64)
	label := os.Getenv(envLabel)
	vault := secrets.NewMemory()
	ws, err := workspace.Open(workspace.Config{Dir: os.Getenv(envDir), Vault: vault, Postgres: os.Getenv(envDSN)})
	if err != nil {
		return fail(err)
	}
	defer func() { _ = ws.Close() }()
	ctx := context.Background()
	accs, err := ws.Store.Accounts(ctx, false)
	if err != nil {
		return fail(err)
	}
	var accountID int64
	for _, a := range accs {
		accountID = a.ID
		if os.Getenv(envToken) == "" {
			continue // this member's keyring has no token for the account
		}
		if err := vault.Set(ctx, secrets.AccountTokenKey(ws.ID, a.ID), os.Getenv(envToken)); err != nil {
			return fail(err)
		}
	}
	// The send gate's rule for accounts signed in on another member's computer,
	// as the workspace wires it (see tokenHerePolicy).
	ws.Inbox.Policies = append(ws.Inbox.Policies, tokenHerePolicy{ws.Engine})
	ws.Engine.HolderLabel = label
	ws.Engine.LeaseTTL = time.Duration(ttl) * time.Millisecond
	ws.Engine.LeaseRenew = ws.Engine.LeaseTTL / 4
	ws.Engine.Wait = 5 * time.Second // long polls end often, so the kill lands between and during polls

	ws.Bus.Subscribe(events.MessagesStored, func(p any) {
		pl := p.(events.MessagesStoredPayload)
		out.emit(event{Ev: "stored", Conversations: pl.ConversationIDs, Messages: len(pl.MessageIDs)})
	})
	ws.Bus.Subscribe(teamdb.RemoteChanged, func(p any) {
		ch := p.(teamdb.Change)
		out.emit(event{Ev: "remote", Kind: ch.Kind, Conversation: ch.ConversationID, Direction: ch.Direction, Assignee: ch.Assignee})
	})
	if err := ws.StartSync(); err != nil {
		return fail(err)
	}
	out.emit(event{Ev: "ready", Holder: ws.Engine.Holder()})

	stopStates := make(chan struct{})
	statesDone := make(chan struct{})
	go func() { // report each change of the account's loop state
		defer close(statesDone)
		var last event
		for {
			st := ws.Engine.State(accountID)
			now := event{Ev: "state", LeaseHeld: st.LeaseHeld, Wait: st.Wait, HeldBy: st.HeldBy}
			if now.LeaseHeld != last.LeaseHeld || now.Wait != last.Wait || now.HeldBy != last.HeldBy {
				out.emit(now)
				last = now
			}
			select {
			case <-stopStates:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	defer func() { close(stopStates); <-statesDone }()

	triage := inbox.NewTriage(ws.Store, "member:"+label)
	seen := map[int64]string{}
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		f := strings.Fields(in.Text())
		if len(f) == 0 {
			continue
		}
		switch f[0] {
		case "quit":
			return 0
		case "see": // see CONV: read the conversation as the member's screen shows it
			id, _ := strconv.ParseInt(f[1], 10, 64)
			c, err := ws.Store.ConversationByID(ctx, id)
			if err != nil {
				return fail(err)
			}
			seen[id] = c.Assignee
			out.emit(event{Ev: "seen", Conversation: id, Assignee: c.Assignee})
		case "send": // send CONV: reply through the inbox's send gate
			id, _ := strconv.ParseInt(f[1], 10, 64)
			m, err := ws.Inbox.Reply(ctx, id, "member:"+label, "on my way")
			ev := event{Ev: "sent", Conversation: id, OK: err == nil && m.State == store.StateSent}
			var keyed interface {
				ErrorKey() (string, string, map[string]string)
			}
			if errors.As(err, &keyed) {
				_, ev.ConflictKey, _ = keyed.ErrorKey()
			} else if err != nil {
				ev.Error = err.Error()
			} else if !ev.OK {
				ev.Error = m.State + ": " + m.ErrorDetail
			}
			out.emit(ev)
		case "assign": // assign CONV AT_UNIX_NS: give CONV to this member at that moment, from what was seen
			id, _ := strconv.ParseInt(f[1], 10, 64)
			at, _ := strconv.ParseInt(f[2], 10, 64)
			time.Sleep(time.Until(time.Unix(0, at)))
			saw := seen[id]
			_, err := triage.AssignSeen(ctx, []inbox.Seen{{ID: id, Assignee: &saw}}, memberID, "")
			ev := event{Ev: "assigned", Conversation: id, OK: err == nil}
			var ce *inbox.ConflictError
			if errors.As(err, &ce) {
				ev.Conflict, ev.Assignee = true, ce.Current
				_, ev.ConflictKey, _ = ce.ErrorKey()
			} else if err != nil {
				ev.Error = err.Error()
			}
			out.emit(ev)
		}
	}
	return 0
}

// tokenHerePolicy refuses, before anything is stored, a send from an account
// signed in on another member's computer (sync.Engine.CheckSend).
type tokenHerePolicy struct{ e *cdsync.Engine }

// Check implements inbox.Policy.
func (p tokenHerePolicy) Check(ctx context.Context, conv store.Conversation, _ *inbox.SendRequest) error {
	return p.e.CheckSend(ctx, conv.AccountID)
}

// leaseHolders lists who holds which account's lease (for failure messages).
func leaseHolders(ctx context.Context, st *store.Store) string {
	list, err := st.SyncLeases(ctx)
	if err != nil {
		return err.Error()
	}
	var b strings.Builder
	for _, l := range list {
		fmt.Fprintf(&b, "account %d: %q gen %d expires %d; ", l.AccountID, l.Holder, l.Generation, l.ExpiresAt)
	}
	return b.String()
}

// Package teamdb carries team mode's live updates: when another app instance
// sharing the workspace's PostgreSQL database stores a message (synced or a
// reply) or changes a conversation's status or assignee, the database announces
// it (NOTIFY, from the triggers of schema step 18) and the Listener here turns
// each announcement into an event on the app's bus, so the other member's
// screen updates within a second without polling.
package teamdb

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"creatordesk/backend/events"
)

// RemoteChanged is the bus topic of Change payloads: something changed in the
// shared workspace (possibly by this instance itself; a refresh is harmless).
const RemoteChanged = "team.remote.changed"

// Change kinds.
const (
	// KindMessage: a message was stored in ConversationID.
	KindMessage = "message"
	// KindConversation: ConversationID's status or assignee changed.
	KindConversation = "conversation"
	// KindPresence: who is replying in ConversationID changed (a member
	// started or stopped composing there).
	KindPresence = "presence"
	// KindResync: notifications may have been missed (the connection was
	// lost and is back); reload what is on screen.
	KindResync = "resync"
)

// Change is one announced change.
type Change struct {
	Kind           string `json:"kind"`
	AccountID      int64  `json:"accountId"`
	ConversationID int64  `json:"conversationId"`
	// Direction of a stored message ("in" or "out").
	Direction string `json:"direction,omitempty"`
	// Status and Assignee after a conversation change.
	Status   string `json:"status,omitempty"`
	Assignee string `json:"assignee,omitempty"`
	// SenderPID is the database session that made the change.
	SenderPID uint32 `json:"-"`
}

// Listener listens to one workspace's announcements.
type Listener struct {
	// DSN is the workspace's connection string (with its search_path, if any).
	DSN string
	// Bus receives a RemoteChanged event per announcement.
	Bus *events.Bus
	// Ready, if set, is called each time the listener is (re)subscribed.
	Ready func()
	// OnError, if set, is told about connection problems (the listener retries).
	OnError func(error)
	// Retry is the pause before reconnecting (2 s by default).
	Retry time.Duration
}

// Run listens until ctx ends, reconnecting after connection failures. After a
// reconnection it publishes a KindResync change, since announcements made
// while it was away are lost.
func (l *Listener) Run(ctx context.Context) error {
	retry := l.Retry
	if retry <= 0 {
		retry = 2 * time.Second
	}
	for first := true; ; first = false {
		err := l.listenOnce(ctx, !first)
		if ctx.Err() != nil {
			return nil
		}
		if l.OnError != nil && err != nil {
			l.OnError(err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(retry):
		}
	}
}

// listenOnce connects, subscribes and relays announcements until an error.
func (l *Listener) listenOnce(ctx context.Context, resync bool) error {
	conn, err := pgx.Connect(ctx, l.DSN)
	if err != nil {
		return fmt.Errorf("teamdb: connect: %w", err)
	}
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = conn.Close(closeCtx)
	}()
	channel, err := Channel(ctx, conn)
	if err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{channel}.Sanitize()); err != nil {
		return fmt.Errorf("teamdb: listen: %w", err)
	}
	if l.Ready != nil {
		l.Ready()
	}
	if resync {
		l.Bus.Publish(RemoteChanged, Change{Kind: KindResync})
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return fmt.Errorf("teamdb: wait: %w", err)
		}
		ch, err := decode(n.Payload)
		if err != nil {
			if l.OnError != nil {
				l.OnError(err)
			}
			continue
		}
		ch.SenderPID = n.PID
		l.Bus.Publish(RemoteChanged, ch)
	}
}

// Channel is the notification channel of the workspace conn's search_path
// selects: "cd_<schema>", as the triggers name it.
func Channel(ctx context.Context, conn *pgx.Conn) (string, error) {
	var schema *string
	if err := conn.QueryRow(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		return "", fmt.Errorf("teamdb: current schema: %w", err)
	}
	if schema == nil {
		return "", errors.New("teamdb: the connection has no current schema (check search_path)")
	}
	return "cd_" + *schema, nil
}

// decode reads one announcement's payload.
func decode(payload string) (Change, error) {
	var ch Change
	if err := json.Unmarshal([]byte(payload), &ch); err != nil {
		return ch, fmt.Errorf("teamdb: bad announcement %q: %w", payload, err)
	}
	switch ch.Kind {
	case KindMessage, KindConversation, KindPresence:
		return ch, nil
	}
	return ch, fmt.Errorf("teamdb: unknown announcement kind %q", ch.Kind)
}

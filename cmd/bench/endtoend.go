package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/workspace"
)

const (
	// syncSeed seeds the end-to-end traffic's generator.
	syncSeed = 777
	// syncGoal is the end-to-end target, in messages per second.
	syncGoal = 20_000.0
	// syncTimeout bounds the end-to-end sync.
	syncTimeout = 5 * time.Minute
	// benchBotToken is the bench bot's token, valid only for the local fake.
	benchBotToken = "7000000009:bench-only-token-for-the-local-fake-bot"
	// syncFigure is the end-to-end figure's name.
	syncFigure = "sync end to end (Telegram fake, loopback HTTP)"
)

// telegramProfile is a bot's update stream: private chats, customers' messages only.
var telegramProfile = profile{
	accounts:    []accountSpec{{platform: telegram.Platform, name: "Bench bot", externalID: "7000000009", weight: 1}},
	inboundOnly: true,
}

// measureSync queues n messages in the Telegram fake, then times the sync
// engine's SyncOnce pulling them over loopback HTTP into a fresh workspace in dir
// (the store's ingest path, full-text index kept current).
func measureSync(ctx context.Context, dir string, n int) Figure {
	f, err := syncEndToEnd(ctx, dir, n)
	if err != nil {
		return missingAll(err, "msg/s", target(syncGoal), AtLeast, syncFigure)[0]
	}
	return f
}

// syncEndToEnd does measureSync's work.
func syncEndToEnd(ctx context.Context, dir string, n int) (Figure, error) {
	d, err := generate(syncSeed, n/10, n, telegramProfile)
	if err != nil {
		return Figure{}, err
	}
	fake := telegramfake.New(benchBotToken)
	baseURL := fake.Start()
	defer fake.Close()
	queued := time.Now()
	queueTraffic(fake, d)
	queueTook := time.Since(queued)

	wsDir, err := os.MkdirTemp(dir, "sync-")
	if err != nil {
		return Figure{}, err
	}
	defer os.RemoveAll(wsDir)
	var polling time.Duration
	ws, accountID, err := openSyncWorkspace(ctx, wsDir, baseURL, &polling)
	if err != nil {
		return Figure{}, err
	}
	defer ws.Close()

	ctx, cancel := context.WithTimeout(ctx, syncTimeout)
	defer cancel()
	start := time.Now()
	stats, err := ws.Engine.SyncOnce(ctx, accountID)
	took := time.Since(start)
	if err != nil {
		return Figure{}, fmt.Errorf("bench: SyncOnce: %w", err)
	}
	if stats.Inserted != n || fake.Pending() != 0 {
		return Figure{}, fmt.Errorf("bench: SyncOnce stored %d of %d messages, %d left on the fake", stats.Inserted, n, fake.Pending())
	}
	var stored struct{ Messages, Indexed int }
	if err := ws.Store.R.WithContext(ctx).Raw(`SELECT (SELECT COUNT(*) FROM messages) AS messages,
		(SELECT COUNT(*) FROM message_search) AS indexed`).Scan(&stored).Error; err != nil {
		return Figure{}, err
	}
	if stored.Messages != n || stored.Indexed != n {
		return Figure{}, fmt.Errorf("bench: after SyncOnce %d messages are stored and %d indexed, want %d", stored.Messages, stored.Indexed, n)
	}
	return measured(syncFigure, float64(n)/took.Seconds(), "msg/s", target(syncGoal), AtLeast,
		fmt.Sprintf("Engine.SyncOnce: %d messages in %d chats, %d pages, all stored and indexed, %.1f s, with classification and "+
			"the SLA timers running as in the app; the connector's Poll (HTTP + JSON) took %.1f s in all, while earlier pages were stored "+
			"(queueing them in the fake took %.1f s)",
			n, len(d.convs), stats.Pages, took.Seconds(), polling.Seconds(), queueTook.Seconds())), nil
}

// queueTraffic queues the dataset's messages in the fake, in sending order, each
// from its customer in a private chat.
func queueTraffic(fake *telegramfake.Server, d *dataset) {
	for i, m := range d.msgs {
		p := d.person(m.conv, m.author)
		user := telegramfake.User{ID: 100_000 + int64(m.conv), FirstName: p.DisplayName, LanguageCode: p.Language}
		chat := telegramfake.Chat{ID: user.ID, Type: "private", FirstName: user.FirstName}
		fake.AddMessage(chat, user, d.text(i), time.UnixMilli(m.sentAt))
	}
}

// openSyncWorkspace opens a fresh workspace in dir whose Telegram connector adds
// its Poll time to polling, and records the bench bot's account (its token in the
// workspace's vault). It returns the workspace and the account's id.
func openSyncWorkspace(ctx context.Context, dir, baseURL string, polling *time.Duration) (*workspace.Workspace, int64, error) {
	registry := platforms.Registry{telegram.Platform: func(creds platforms.Credentials) (platforms.Connector, error) {
		conn, err := telegram.New(creds)
		if err != nil {
			return nil, err
		}
		return timedConnector{Connector: conn, polling: polling}, nil
	}}
	ws, err := workspace.Open(workspace.Config{Dir: dir, Vault: secrets.NewMemory(), Registry: registry})
	if err != nil {
		return nil, 0, err
	}
	acc := store.Account{Platform: telegram.Platform, Name: "Bench bot", ExternalID: "7000000009", BaseURL: baseURL}
	if err := ws.Store.CreateAccount(ctx, &acc); err != nil {
		_ = ws.Close()
		return nil, 0, err
	}
	if err := ws.Vault.Set(ctx, secrets.AccountTokenKey(ws.ID, acc.ID), benchBotToken); err != nil {
		_ = ws.Close()
		return nil, 0, err
	}
	return ws, acc.ID, nil
}

// timedConnector is a connector that adds up the time its Poll calls take, which
// splits the end-to-end time into fetching and storing. SyncOnce polls from one
// goroutine, so the sum needs no lock.
type timedConnector struct {
	platforms.Connector
	polling *time.Duration
}

// Poll implements platforms.Connector.
func (c timedConnector) Poll(ctx context.Context, cursor string, opts platforms.PollOptions) (platforms.Page, error) {
	start := time.Now()
	page, err := c.Connector.Poll(ctx, cursor, opts)
	*c.polling += time.Since(start)
	return page, err
}

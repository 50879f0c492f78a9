// Package teamtest proves team mode end to end with real processes: two
// CreatorDesk instances (re-executions of the test binary, each opening the
// workspace with workspace.Config{Postgres: ...} and its own keyring) share one
// PostgreSQL database and one fake Telegram Bot API served over loopback HTTP.
// The tests check that exactly one instance syncs an account (the sync lease),
// that what one stores reaches the other live (LISTEN/NOTIFY), that two
// simultaneous assignments end with exactly one winner, that killing the
// syncing instance hands the account to the other after the lease time, and
// that no message is lost or stored twice.
//
// They run only when CREATORDESK_TEST_POSTGRES names a server (see
// scripts/with-postgres.sh); otherwise they skip.
package teamtest

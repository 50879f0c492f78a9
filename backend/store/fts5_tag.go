//go:build !sqlite_fts5 && !fts5

package store

// The full-text index needs SQLite's FTS5 module, which mattn/go-sqlite3 compiles
// in only with a build tag. Build and test with GOFLAGS=-tags=sqlite_fts5 (the
// Makefile sets it); without it this file stops the build with the message below.
var _ = build_with_GOFLAGS_tags_sqlite_fts5_see_Makefile

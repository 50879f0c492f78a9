package store

import (
	"context"
	"strings"
)

// maxMergedAccounts bounds the accounts platformListSQL merges; a platform
// with more is listed by the plain IN query (correct, but sorted whole).
// SQLite allows 500 terms in a compound SELECT.
const maxMergedAccounts = 64

// platformAccountIDs returns the ids of the platform's accounts, in id order.
func (s *Store) platformAccountIDs(ctx context.Context, platform string) ([]int64, error) {
	rows, err := s.reader().QueryContext(ctx, `SELECT id FROM accounts WHERE platform = ? ORDER BY id`, platform)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, classify(err)
		}
		ids = append(ids, id)
	}
	return ids, classify(rows.Err())
}

// platformListSQL builds the list query of a platform filter whose accounts
// are ids (without LIMIT's value), or "" when the platform has no account.
//
// Conversations are ordered by recency within an account
// (ix_conversations_account_recent), not within a platform. Asking for
// "account_id IN (...)" would collect every matching conversation of the
// platform and sort it: for one account of 10,000 conversations that is a
// sort of all 10,000 rows, with the SLA and hidden-comment lookups of each,
// to return 50. So one account is listed as that account, and several as a
// UNION ALL of one query per account under one ORDER BY (naming the column
// aliases id and last_message_at: a compound's ORDER BY takes no table
// qualifier, and a bare id would be ambiguous without them): SQLite merges the
// arms, each already in order on its index (MERGE (UNION ALL)), reading from
// each account only the rows the page takes, and PostgreSQL may run it as a
// Merge Append of index scans.
func platformListSQL(f ConversationFilter, ids []int64, after ConversationCursor) (string, []any) {
	switch {
	case len(ids) == 0:
		return "", nil
	case len(ids) > maxMergedAccounts:
		return conversationListSQL(f, after)
	}
	f.Platform = ""
	if len(ids) == 1 {
		f.AccountID = ids[0]
		return conversationListSQL(f, after)
	}
	arms := make([]string, len(ids))
	var args []any
	for i, id := range ids {
		one := f
		one.AccountID = id
		arm, a := listSelectSQL(one, after)
		arms[i] = arm
		args = append(args, a...)
	}
	return strings.Join(arms, " UNION ALL ") + ` ORDER BY last_message_at DESC, id DESC LIMIT ?`, args
}

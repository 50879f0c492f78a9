package accounts

import (
	"context"
	"errors"
	"fmt"

	"creatordesk/backend/importers"
	"creatordesk/backend/store"
)

// importBaseURL marks import accounts apart from connected ones of the same platform.
func importBaseURL(kind string) string { return "import:" + kind }

// Import stores a parsed export file in its archive account (created on first
// import, reused after), all in one transaction: a file is imported whole or
// not at all. Re-importing the same file adds nothing; overlapping files merge.
// Imported conversations are marked read: they are history, not new messages.
func (s *Service) Import(ctx context.Context, a importers.Archive, actor string) (store.Account, store.IngestResult, error) {
	acc, err := s.Store.AccountByIdentity(ctx, a.Platform, importBaseURL(a.Kind), a.AccountID)
	if errors.Is(err, store.ErrNotFound) {
		acc = store.Account{Platform: a.Platform, BaseURL: importBaseURL(a.Kind), ExternalID: a.AccountID,
			Name: a.AccountName, Handle: a.Owner.Handle, Status: store.AccountImported}
		err = s.Store.CreateAccount(ctx, &acc)
	}
	if err != nil {
		return acc, store.IngestResult{}, err
	}
	res, err := s.Store.IngestPage(ctx, acc.ID, a.Messages, "")
	if err != nil {
		return acc, res, err
	}
	if err := s.Store.MarkAccountRead(ctx, acc.ID); err != nil {
		return acc, res, err
	}
	_, _ = s.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "import." + a.Kind, TargetType: "account",
		TargetID: fmt.Sprint(acc.ID), AfterJSON: fmt.Sprintf(`{"read":%d,"new":%d,"skipped":%d}`, len(a.Messages), res.Inserted, len(a.Skipped))})
	return acc, res, nil
}

package store

import (
	"context"
	"errors"

	"gorm.io/gorm"
)

// CreateAccount inserts an account, or revives a disconnected one with the same
// platform, base URL and external id (so reconnecting keeps its history and cursor).
func (s *Store) CreateAccount(ctx context.Context, a *Account) error {
	now := s.nowMillis()
	return s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var existing Account
		err := tx.Where("platform = ? AND base_url = ? AND external_id = ?", a.Platform, a.BaseURL, a.ExternalID).Take(&existing).Error
		switch {
		case err == nil && existing.Status != AccountDisconnected:
			return ErrDuplicate
		case err == nil:
			existing.Name, existing.Handle, existing.Status, existing.Settings = a.Name, a.Handle, AccountConnected, a.Settings
			existing.LastError, existing.LastErrorKind, existing.UpdatedAt = "", "", now
			*a = existing
			return classify(tx.Save(a).Error)
		case errors.Is(err, gorm.ErrRecordNotFound):
			a.CreatedAt, a.UpdatedAt = now, now
			if a.Settings == "" {
				a.Settings = "{}"
			}
			if a.Status == "" {
				a.Status = AccountConnected
			}
			return classify(tx.Create(a).Error)
		default:
			return classify(err)
		}
	})
}

// AccountByIdentity returns the account with this platform, base URL and external id, or ErrNotFound.
func (s *Store) AccountByIdentity(ctx context.Context, platform, baseURL, externalID string) (Account, error) {
	var a Account
	err := s.R.WithContext(ctx).Where("platform = ? AND base_url = ? AND external_id = ?", platform, baseURL, externalID).Take(&a).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return a, ErrNotFound
	}
	return a, classify(err)
}

// Accounts lists accounts, oldest first. Disconnected ones are included when all is set.
func (s *Store) Accounts(ctx context.Context, all bool) ([]Account, error) {
	var out []Account
	q := s.R.WithContext(ctx).Order("id")
	if !all {
		q = q.Where("status <> ?", AccountDisconnected)
	}
	return out, classify(q.Find(&out).Error)
}

// AccountByID returns one account or ErrNotFound.
func (s *Store) AccountByID(ctx context.Context, id int64) (Account, error) {
	var a Account
	err := s.R.WithContext(ctx).Take(&a, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return a, ErrNotFound
	}
	return a, classify(err)
}

// SetAccountStatus records an account's status and its last error ("" clears it).
func (s *Store) SetAccountStatus(ctx context.Context, id int64, status, errKind, errText string) error {
	res := s.W.WithContext(ctx).Model(&Account{}).Where("id = ?", id).Updates(map[string]any{
		"status": status, "last_error_kind": errKind, "last_error": errText, "updated_at": s.nowMillis(),
	})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return classify(res.Error)
}

// SetAccountSettings replaces an account's non-secret connector settings (a JSON object, see Account.SetExtra).
func (s *Store) SetAccountSettings(ctx context.Context, id int64, settings string) error {
	res := s.W.WithContext(ctx).Model(&Account{}).Where("id = ?", id).
		Updates(map[string]any{"settings": settings, "updated_at": s.nowMillis()})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return classify(res.Error)
}

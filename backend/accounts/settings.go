package accounts

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/store"
)

// editableSettings lists, per platform, the non-secret settings a person may
// change after connecting, each with its check ("" always clears a setting).
var editableSettings = map[string]map[string]func(string) bool{
	telegram.Platform: {telegram.ChannelKey: telegram.ValidChannel},
}

// EditableSettings returns the setting names a person may change on the platform's accounts, sorted.
func EditableSettings(platform string) []string {
	out := make([]string, 0, len(editableSettings[platform]))
	for k := range editableSettings[platform] {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// SettingError reports a setting that cannot be changed or whose value is wrong.
type SettingError struct {
	Setting string
	// NotEditable is set when the platform has no such editable setting.
	NotEditable bool
}

// Error implements error.
func (e *SettingError) Error() string {
	if e.NotEditable {
		return "accounts: the setting " + e.Setting + " cannot be changed on this account"
	}
	return "accounts: the value of " + e.Setting + " is not valid"
}

// ErrorKey implements app.KeyedError.
func (e *SettingError) ErrorKey() (code, key string, args map[string]string) {
	if e.NotEditable {
		return "setting_not_editable", "errors.connectors.settingNotEditable", map[string]string{"setting": e.Setting}
	}
	return "setting_invalid", "errors.connectors.setting." + e.Setting, map[string]string{"setting": e.Setting, "example": settingExamples[e.Setting]}
}

// settingExamples are well-formed values the error messages show.
var settingExamples = map[string]string{telegram.ChannelKey: "@yourchannel"}

// SettingsRequest changes some of an account's non-secret settings.
type SettingsRequest struct {
	AccountID int64
	// Settings maps setting names to new values ("" clears one); names not given stay as they are.
	Settings map[string]string
	Actor    string
}

// UpdateSettings changes an account's editable settings (for Telegram, the
// channel it publishes to), records the change in the audit trail and returns
// the account. Nothing changes when any name or value is refused.
func (s *Service) UpdateSettings(ctx context.Context, req SettingsRequest) (store.Account, error) {
	acc, err := s.Store.AccountByID(ctx, req.AccountID)
	if err != nil {
		return store.Account{}, err
	}
	rules := editableSettings[acc.Platform]
	extra := acc.Extra()
	before, after := map[string]string{}, map[string]string{}
	for name, value := range req.Settings {
		check, ok := rules[name]
		if !ok {
			return store.Account{}, &SettingError{Setting: name, NotEditable: true}
		}
		value = strings.TrimSpace(value)
		if value != "" && !check(value) {
			return store.Account{}, &SettingError{Setting: name}
		}
		if extra[name] == value {
			continue
		}
		before[name], after[name] = extra[name], value
		if value == "" {
			delete(extra, name)
		} else {
			extra[name] = value
		}
	}
	if len(after) == 0 {
		return acc, nil
	}
	acc.SetExtra(extra)
	if err := s.Store.SetAccountSettings(ctx, acc.ID, acc.Settings); err != nil {
		return store.Account{}, err
	}
	b, _ := json.Marshal(before)
	a, _ := json.Marshal(after)
	_, _ = s.Store.AppendAudit(ctx, store.AuditEvent{Actor: req.Actor, Action: "account.settings_changed",
		TargetType: "account", TargetID: fmt.Sprint(acc.ID), BeforeJSON: string(b), AfterJSON: string(a)})
	return acc, nil
}

// checkSettings refuses an editable setting given at connect time with a wrong
// value (other settings are the connector's to check); it trims the values it checks.
func checkSettings(platform string, extra map[string]string) error {
	for name, check := range editableSettings[platform] {
		v, ok := extra[name]
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if v != "" && !check(v) {
			return &SettingError{Setting: name}
		}
		if v == "" {
			delete(extra, name)
		} else {
			extra[name] = v
		}
	}
	return nil
}

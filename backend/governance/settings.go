package governance

import (
	"context"
	"strconv"

	"creatordesk/backend/store"
)

// Setting keys (in the settings table) and their defaults.
const (
	KeyKillSwitch      = "automation.paused"
	KeyContactHourly   = "automation.contact_hourly_cap"
	KeyAccountDaily    = "automation.account_daily_cap"
	KeyLoopCap         = "automation.loop_cap"
	KeyDisclosureLabel = "automation.disclosure_label"
	KeyReviewShare     = "automation.review_share_percent"

	DefaultContactHourly = 3
	DefaultAccountDaily  = 200
	// DefaultLoopCap is how many automated replies one conversation may get in ten minutes.
	DefaultLoopCap     = 3
	DefaultReviewShare = 10
)

// intSetting reads an integer setting, falling back to def when absent or invalid.
func intSetting(ctx context.Context, st *store.Store, key string, def int) int {
	v, err := st.Setting(ctx, key, "")
	if err != nil || v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return def
	}
	return n
}

// Paused reports whether the global kill switch stops every automation.
func Paused(ctx context.Context, st *store.Store) bool {
	v, _ := st.Setting(ctx, KeyKillSwitch, "")
	return v == "1"
}

// SetPaused turns the kill switch on or off and records who did it.
func SetPaused(ctx context.Context, st *store.Store, actor string, paused bool) error {
	v := "0"
	if paused {
		v = "1"
	}
	if err := st.SetSetting(ctx, KeyKillSwitch, v); err != nil {
		return err
	}
	action := "automation.resumed"
	if paused {
		action = "automation.paused"
	}
	_, err := st.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: action, TargetType: "automation"})
	return err
}

// Limits are the caps on automated sends.
type Limits struct {
	ContactHourly, AccountDaily, LoopPerTenMinutes int
}

// ReadLimits returns the configured caps.
func ReadLimits(ctx context.Context, st *store.Store) Limits {
	return Limits{
		ContactHourly:     intSetting(ctx, st, KeyContactHourly, DefaultContactHourly),
		AccountDaily:      intSetting(ctx, st, KeyAccountDaily, DefaultAccountDaily),
		LoopPerTenMinutes: intSetting(ctx, st, KeyLoopCap, DefaultLoopCap),
	}
}

// ReviewShare is the percentage of automated replies and moderation actions sampled for review.
func ReviewShare(ctx context.Context, st *store.Store) int {
	n := intSetting(ctx, st, KeyReviewShare, DefaultReviewShare)
	if n > 100 {
		n = 100
	}
	return n
}

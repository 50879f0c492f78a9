package sync

import (
	"time"

	"creatordesk/backend/platforms"
)

// ReserveShare is the part of a platform's budget polling leaves untouched, so
// replies, moderation and publishing still go through when polling has used the rest.
const ReserveShare = 10 // percent

// HeadroomRecheck is how long the loop waits when the budget is used up and the
// platform gave no time at which it resets.
const HeadroomRecheck = time.Minute

// Pace returns how long to wait before the next poll cycle so that the
// platform's budget h, minus the reserve, lasts until it resets, given that one
// cycle costs cost units (calls or quota units; at least 1 is assumed). It
// returns 0 when the budget does not call for waiting.
func Pace(h platforms.Headroom, cost int64, now time.Time) time.Duration {
	if h.Limit <= 0 {
		return 0
	}
	cost = max(cost, 1)
	left := h.Limit - h.Used - h.Limit*ReserveShare/100
	untilReset := h.ResetsAt.Sub(now)
	if h.ResetsAt.IsZero() {
		if left <= 0 {
			return HeadroomRecheck
		}
		return 0
	}
	if untilReset <= 0 {
		return 0 // the window has turned over; the next answer brings fresh figures
	}
	cycles := left / cost
	if cycles < 1 {
		return untilReset
	}
	return untilReset / time.Duration(cycles)
}

// cycleCost is what one poll cycle used of the budget, from the headroom before
// and after it (0 when unknown or when the window turned over in between).
func cycleCost(before, after platforms.Headroom, hadBefore, hasAfter bool) int64 {
	if !hadBefore || !hasAfter || !before.ResetsAt.Equal(after.ResetsAt) || after.Used < before.Used {
		return 0
	}
	return after.Used - before.Used
}

// headroomOf reads the connector's headroom when it reports one.
func headroomOf(conn platforms.Connector) (platforms.Headroom, bool) {
	if hr, ok := conn.(platforms.HeadroomReporter); ok {
		return hr.Headroom()
	}
	return platforms.Headroom{}, false
}

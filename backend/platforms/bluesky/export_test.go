package bluesky

import "time"

// SetIdlePoll changes how often a waiting Poll looks again, for the test's duration.
func SetIdlePoll(t interface{ Cleanup(func()) }, d time.Duration) {
	prev := idlePoll
	idlePoll = d
	t.Cleanup(func() { idlePoll = prev })
}

package store

import (
	"context"
	"time"
)

// InstanceTTL is how long an app instance counts as active after its last refresh.
const InstanceTTL = 90 * time.Second

// TeamInstance is an app instance working on a team workspace.
type TeamInstance struct {
	InstanceID string `gorm:"column:instance_id"`
	// Member is who is working there ("" when nobody was chosen).
	Member string `gorm:"column:member"`
	// Machine is the computer's name.
	Machine   string `gorm:"column:machine"`
	StartedAt int64  `gorm:"column:started_at"`
	SeenAt    int64  `gorm:"column:seen_at"`
}

// TouchInstance records that an app instance is active now (and who works
// there), and forgets instances gone for long.
func (s *Store) TouchInstance(ctx context.Context, id, member, machine string) error {
	now := s.nowMillis()
	db := s.writer()
	if _, err := db.ExecContext(ctx, `INSERT INTO team_instances(instance_id, member, machine, started_at, seen_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (instance_id) DO UPDATE SET member = excluded.member, machine = excluded.machine, seen_at = excluded.seen_at`,
		id, member, machine, now, now); err != nil {
		return classify(err)
	}
	_, err := db.ExecContext(ctx, `DELETE FROM team_instances WHERE seen_at < ?`, now-(24*time.Hour).Milliseconds())
	return classify(err)
}

// LeaveInstance removes an instance that is closing.
func (s *Store) LeaveInstance(ctx context.Context, id string) error {
	_, err := s.writer().ExecContext(ctx, `DELETE FROM team_instances WHERE instance_id = ?`, id)
	return classify(err)
}

// ActiveInstances returns the instances seen within InstanceTTL, except
// exceptID, most recently seen first.
func (s *Store) ActiveInstances(ctx context.Context, exceptID string) ([]TeamInstance, error) {
	var out []TeamInstance
	err := s.R.WithContext(ctx).Raw(`SELECT instance_id, member, machine, started_at, seen_at FROM team_instances
		WHERE seen_at >= ? AND instance_id <> ? ORDER BY seen_at DESC, instance_id LIMIT 50`,
		s.nowMillis()-InstanceTTL.Milliseconds(), exceptID).Scan(&out).Error
	return out, classify(err)
}

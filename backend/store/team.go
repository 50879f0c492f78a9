package store

import (
	"context"
	"database/sql"
	"strconv"
)

// Member roles.
const (
	RoleOwner  = "owner"
	RoleAgent  = "agent"
	RoleViewer = "viewer"
)

// Member is a person of the team. Members are deactivated, never deleted, so
// the audit trail and old assignments keep their names.
type Member struct {
	ID        int64  `gorm:"column:id;primaryKey"`
	Name      string `gorm:"column:name"`
	Role      string `gorm:"column:role"`
	Color     string `gorm:"column:color"`
	Active    bool   `gorm:"column:active"`
	CreatedAt int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (Member) TableName() string { return "team_members" }

// Members returns every member, active ones first, then by name.
func (s *Store) Members(ctx context.Context) ([]Member, error) {
	var out []Member
	err := s.R.WithContext(ctx).Raw(`SELECT * FROM team_members ORDER BY active DESC, name, id`).Scan(&out).Error
	return out, classify(err)
}

// MemberByID returns one member or ErrNotFound.
func (s *Store) MemberByID(ctx context.Context, id int64) (Member, error) {
	var out []Member
	if err := s.R.WithContext(ctx).Raw(`SELECT * FROM team_members WHERE id = ?`, id).Scan(&out).Error; err != nil {
		return Member{}, classify(err)
	}
	if len(out) == 0 {
		return Member{}, ErrNotFound
	}
	return out[0], nil
}

// SaveMember creates a member (ID 0) or updates one; ErrDuplicate when the name is taken.
func (s *Store) SaveMember(ctx context.Context, actor string, m *Member) error {
	now := s.nowMillis()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		after := toJSON(map[string]any{"name": m.Name, "role": m.Role, "color": m.Color, "active": m.Active})
		if m.ID == 0 {
			m.CreatedAt, m.UpdatedAt = now, now
			err := tx.QueryRowContext(ctx, `INSERT INTO team_members(name, role, color, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
				m.Name, m.Role, m.Color, m.Active, now, now).Scan(&m.ID)
			if err != nil {
				return classify(err)
			}
			return s.auditTx(ctx, tx, AuditEvent{Actor: actor, Action: "member.created", TargetType: "member", TargetID: strconv.FormatInt(m.ID, 10), AfterJSON: after})
		}
		var b Member
		err := tx.QueryRowContext(ctx, `SELECT name, role, color, active, created_at FROM team_members WHERE id = ?`, m.ID).Scan(&b.Name, &b.Role, &b.Color, &b.Active, &m.CreatedAt)
		if err != nil {
			return notFoundOr(err)
		}
		m.UpdatedAt = now
		if _, err := tx.ExecContext(ctx, `UPDATE team_members SET name = ?, role = ?, color = ?, active = ?, updated_at = ? WHERE id = ?`,
			m.Name, m.Role, m.Color, m.Active, now, m.ID); err != nil {
			return classify(err)
		}
		return s.auditTx(ctx, tx, AuditEvent{Actor: actor, Action: "member.updated", TargetType: "member", TargetID: strconv.FormatInt(m.ID, 10),
			BeforeJSON: toJSON(map[string]any{"name": b.Name, "role": b.Role, "color": b.Color, "active": b.Active}), AfterJSON: after})
	})
}

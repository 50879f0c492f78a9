package app

import (
	"context"

	"creatordesk/backend/store"
	"creatordesk/backend/team"
)

func init() { registerFacade(func(s *Session) any { return NewTeam(s) }) }

// Team is the bound facade for members and who is working on this machine.
type Team struct{ s *Session }

// NewTeam binds the facade to a session.
func NewTeam(s *Session) *Team { return &Team{s: s} }

func (t *Team) svc() *team.Service { return &team.Service{Store: t.s.Workspace().Store} }

// Get returns the members and who is working.
func (t *Team) Get() (TeamDTO, error) {
	ctx := context.Background()
	members, err := t.svc().Members(ctx)
	if err != nil {
		return TeamDTO{}, err
	}
	out := TeamDTO{Members: make([]MemberDTO, len(members))}
	for i, m := range members {
		out.Members[i] = toMemberDTO(m)
	}
	if cur, ok, err := t.svc().Current(ctx); err != nil {
		return out, err
	} else if ok {
		dto := toMemberDTO(cur)
		out.Current = &dto
	}
	return out, nil
}

// SaveMember creates (id 0) or updates a member.
func (t *Team) SaveMember(m MemberDTO) (TeamDTO, error) {
	ctx := context.Background()
	sm := store.Member{ID: m.ID, Name: m.Name, Role: m.Role, Color: m.Color, Active: m.Active}
	if err := t.svc().Save(ctx, ActorFor(t.s), &sm); err != nil {
		return TeamDTO{}, err
	}
	return t.Get()
}

// SetCurrent switches who is working on this machine; the audit trail follows.
func (t *Team) SetCurrent(memberID int64) (TeamDTO, error) {
	m, err := t.svc().SetCurrent(context.Background(), memberID)
	if err != nil {
		return TeamDTO{}, err
	}
	t.s.SetActor(m.Name)
	return t.Get()
}

// ActorFor is the name the audit trail records for this session: who is
// working, or the session's default actor when nobody was chosen.
func ActorFor(s *Session) string {
	return (&team.Service{Store: s.Workspace().Store}).ActorName(context.Background(), s.Actor())
}

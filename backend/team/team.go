// Package team is the people who share a CreatorDesk workspace: member
// profiles with roles, who is working on this machine right now, and the
// "replying now" presence that warns two people off the same conversation.
package team

import (
	"context"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"creatordesk/backend/store"
)

// CurrentMemberKey is the settings key holding the id of who is working on this machine.
const CurrentMemberKey = "triage.current_member"

// MaxNameRunes bounds a member's name.
const MaxNameRunes = 60

// Error is a team or triage error a person can cause; it names its i18n key
// (errors.triage.*) so the app translates it.
type Error struct {
	Code string
	Key  string
	Args map[string]string
	Msg  string
}

// Error implements error.
func (e *Error) Error() string { return "triage: " + e.Msg }

// ErrorKey implements app.KeyedError.
func (e *Error) ErrorKey() (string, string, map[string]string) { return e.Code, e.Key, e.Args }

// Errorf builds an Error with key errors.triage.<name>.
func Errorf(name, msg string, args map[string]string) *Error {
	return &Error{Code: "triage_" + name, Key: "errors.triage." + name, Args: args, Msg: msg}
}

// Errors members cause.
var (
	ErrName      = Errorf("memberName", "a member needs a name of at most 60 characters", nil)
	ErrRole      = Errorf("memberRole", "the role must be owner, agent or viewer", nil)
	ErrColor     = Errorf("color", "the colour must look like #1a2b3c", nil)
	ErrLastOwner = Errorf("lastOwner", "the team needs at least one active owner", nil)
	ErrInactive  = Errorf("memberInactive", "this member is deactivated", nil)
	ErrReadOnly  = Errorf("viewerReadOnly", "viewers can read the inbox but not change it", nil)
	ErrNameTaken = Errorf("memberNameTaken", "another member already has this name", nil)
)

// colorPattern is a CSS hex colour.
var colorPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// ValidColor reports whether c is a #rrggbb colour.
func ValidColor(c string) bool { return colorPattern.MatchString(c) }

// Service manages members and presence.
type Service struct {
	Store *store.Store
}

// Members returns every member, active first.
func (s *Service) Members(ctx context.Context) ([]store.Member, error) { return s.Store.Members(ctx) }

// Save validates and stores a member (ID 0 creates one). The last active owner
// can be neither demoted nor deactivated.
func (s *Service) Save(ctx context.Context, actor string, m *store.Member) error {
	m.Name = strings.TrimSpace(m.Name)
	if m.Name == "" || utf8.RuneCountInString(m.Name) > MaxNameRunes {
		return ErrName
	}
	switch m.Role {
	case store.RoleOwner, store.RoleAgent, store.RoleViewer:
	default:
		return ErrRole
	}
	if !ValidColor(m.Color) {
		return ErrColor
	}
	members, err := s.Store.Members(ctx)
	if err != nil {
		return err
	}
	if m.ID != 0 && (m.Role != store.RoleOwner || !m.Active) {
		owners := 0
		wasOwner := false
		for _, o := range members {
			if o.Active && o.Role == store.RoleOwner {
				owners++
				wasOwner = wasOwner || o.ID == m.ID
			}
		}
		if wasOwner && owners == 1 {
			return ErrLastOwner
		}
	}
	if len(members) == 0 {
		m.Role, m.Active = store.RoleOwner, true // the first member owns the workspace
	}
	err = s.Store.SaveMember(ctx, actor, m)
	if errors.Is(err, store.ErrDuplicate) {
		return ErrNameTaken
	}
	return err
}

// Current returns who is working on this machine; ok is false when nobody was chosen
// (or the chosen member was deactivated).
func (s *Service) Current(ctx context.Context) (store.Member, bool, error) {
	v, err := s.Store.Setting(ctx, CurrentMemberKey, "")
	if err != nil || v == "" {
		return store.Member{}, false, err
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	m, err := s.Store.MemberByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && !m.Active) {
		return store.Member{}, false, nil
	}
	return m, err == nil, err
}

// SetCurrent records who is working on this machine (an active member).
func (s *Service) SetCurrent(ctx context.Context, id int64) (store.Member, error) {
	m, err := s.Store.MemberByID(ctx, id)
	if err != nil {
		return m, err
	}
	if !m.Active {
		return m, ErrInactive
	}
	if err := s.Store.SetSetting(ctx, CurrentMemberKey, strconv.FormatInt(id, 10)); err != nil {
		return m, err
	}
	_, err = s.Store.AppendAudit(ctx, store.AuditEvent{Actor: m.Name, Action: "member.working", TargetType: "member", TargetID: strconv.FormatInt(id, 10)})
	return m, err
}

// ActorName is the name the audit trail records for the current member, or fallback when nobody was chosen.
func (s *Service) ActorName(ctx context.Context, fallback string) string {
	if m, ok, err := s.Current(ctx); err == nil && ok {
		return m.Name
	}
	return fallback
}

// RequireEditor refuses changes by a viewer. With no team set up (nobody
// chosen), the single user may change everything.
func (s *Service) RequireEditor(ctx context.Context) (store.Member, error) {
	m, ok, err := s.Current(ctx)
	if err != nil {
		return m, err
	}
	if ok && m.Role == store.RoleViewer {
		return m, ErrReadOnly
	}
	return m, nil
}

// Heartbeat records that the current member is composing in a conversation.
func (s *Service) Heartbeat(ctx context.Context, conversationID int64) error {
	m, ok, err := s.Current(ctx)
	if err != nil || !ok {
		return err
	}
	return s.Store.Heartbeat(ctx, conversationID, m.ID)
}

// StopReplying clears the current member's heartbeat on a conversation.
func (s *Service) StopReplying(ctx context.Context, conversationID int64) error {
	m, ok, err := s.Current(ctx)
	if err != nil || !ok {
		return err
	}
	return s.Store.StopReplying(ctx, conversationID, m.ID)
}

// Repliers returns the other members replying in a conversation now (heartbeats
// older than store.PresenceTTL are ignored).
func (s *Service) Repliers(ctx context.Context, conversationID int64) ([]store.Replier, error) {
	m, _, err := s.Current(ctx)
	if err != nil {
		return nil, err
	}
	return s.Store.Repliers(ctx, conversationID, m.ID)
}

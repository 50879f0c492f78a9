package app

import (
	"time"

	"creatordesk/backend/store"
	"creatordesk/backend/workspace"
)

// TeamDBConfigDTO is a team database's connection settings (never the password).
type TeamDBConfigDTO struct {
	Host        string `json:"host"`
	Port        int    `json:"port"`
	Database    string `json:"database"`
	User        string `json:"user"`
	SSLMode     string `json:"sslMode"`
	SSLRootCert string `json:"sslRootCert"`
	Schema      string `json:"schema"`
	Label       string `json:"label"`
}

// TeamDBConnectRequest is the form's content for Test and Connect. An empty
// password with KeepPassword reuses the one stored in the keyring.
type TeamDBConnectRequest struct {
	Config       TeamDBConfigDTO `json:"config"`
	Password     string          `json:"password"`
	KeepPassword bool            `json:"keepPassword"`
}

// TeamDBProbeDTO is a connection test's result: the server's version and
// whether TLS is on, or the reason (errors.teamdb.probe.<reason>).
type TeamDBProbeDTO struct {
	OK            bool      `json:"ok"`
	ServerVersion string    `json:"serverVersion"`
	TLS           bool      `json:"tls"`
	Reason        string    `json:"reason"`
	Error         *AppError `json:"error"`
}

// TeamLinkDTO is the live link's state: connecting, live or reconnecting.
type TeamLinkDTO struct {
	State string `json:"state"`
	Since string `json:"since"`
	Error string `json:"error"`
}

// TeamInstanceDTO is another app instance working on the team workspace.
type TeamInstanceDTO struct {
	Member  string `json:"member"`
	Machine string `json:"machine"`
	SeenAt  string `json:"seenAt"`
}

// TeamDBStatusDTO says where the window's workspace lives: "solo" (the local
// file), "team" (a team database; Link and Others describe it) or
// "unavailable" (the data folder is set to a team database that could not be
// opened; Error says why and the window offers Retry and Work locally).
type TeamDBStatusDTO struct {
	Mode        string            `json:"mode"`
	Config      *TeamDBConfigDTO  `json:"config"`
	HasPassword bool              `json:"hasPassword"`
	Link        TeamLinkDTO       `json:"link"`
	Others      []TeamInstanceDTO `json:"others"`
	Error       *AppError         `json:"error"`
}

// SeenDTO is what the member saw of a conversation when choosing an action:
// its status and assignee ("" = unassigned; null = not checked).
type SeenDTO struct {
	ID       int64   `json:"id"`
	Status   string  `json:"status"`
	Assignee *string `json:"assignee"`
}

// CheckedActionRequest is a status or assignment change on conversations as
// the member saw them (optimistic locking).
type CheckedActionRequest struct {
	Seen []SeenDTO `json:"seen"`
	// Action is "status" or "assign".
	Action string `json:"action"`
	Status string `json:"status"`
	// SnoozeUntil is RFC 3339, with status "snoozed".
	SnoozeUntil string `json:"snoozeUntil"`
	// MemberID is who to assign to (0 unassigns).
	MemberID int64  `json:"memberId"`
	Handoff  string `json:"handoff"`
}

// ConflictDTO is one conversation left alone because it changed meanwhile.
type ConflictDTO struct {
	ConversationID int64     `json:"conversationId"`
	Error          *AppError `json:"error"`
}

// CheckedActionResultDTO says what changed, gives the new rows of every
// conversation in the request (changed or not, so stale rows refresh) and the
// conflicts.
type CheckedActionResultDTO struct {
	Changed   int               `json:"changed"`
	Items     []ConversationDTO `json:"items"`
	Conflicts []ConflictDTO     `json:"conflicts"`
}

func toTeamDBConfigDTO(c workspace.TeamConfig) TeamDBConfigDTO {
	return TeamDBConfigDTO{Host: c.Host, Port: c.Port, Database: c.Database, User: c.User, SSLMode: c.SSLMode,
		SSLRootCert: c.SSLRootCert, Schema: c.Schema, Label: c.Label}
}

func (d TeamDBConfigDTO) toConfig() workspace.TeamConfig {
	return workspace.TeamConfig{Host: d.Host, Port: d.Port, Database: d.Database, User: d.User, SSLMode: d.SSLMode,
		SSLRootCert: d.SSLRootCert, Schema: d.Schema, Label: d.Label}
}

func toTeamLinkDTO(l workspace.TeamLink) TeamLinkDTO {
	out := TeamLinkDTO{State: l.State, Error: l.Error}
	if !l.Since.IsZero() {
		out.Since = l.Since.UTC().Format(time.RFC3339)
	}
	return out
}

func toTeamInstanceDTO(i store.TeamInstance) TeamInstanceDTO {
	return TeamInstanceDTO{Member: i.Member, Machine: i.Machine, SeenAt: time.UnixMilli(i.SeenAt).UTC().Format(time.RFC3339)}
}

func toTeamProbeDTO(p workspace.TeamProbe, err error) TeamDBProbeDTO {
	return TeamDBProbeDTO{OK: p.OK, ServerVersion: p.ServerVersion, TLS: p.TLS, Reason: p.Reason, Error: ToAppError(err)}
}

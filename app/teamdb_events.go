package app

import (
	"creatordesk/backend/teamdb"
	"creatordesk/backend/workspace"
)

// Events of team mode the frontend subscribes to.
const (
	// EventTeamLink carries the live link's state (TeamLinkDTO): live, or
	// reconnecting after the connection to the team database was lost.
	EventTeamLink = "team:link"
	// EventTeamResync says announcements may have been missed (the link is
	// back): reload what is on screen.
	EventTeamResync = "team:resync"
	// EventTeamPresence says who is replying in a conversation changed on
	// another machine ({conversationId}).
	EventTeamPresence = "team:presence"
)

// forwardTeamEvents relays what other members do on the shared database: a
// stored message or a status/assignment change refreshes the affected inbox
// rows (and the open thread) like a local change does, and the live link's
// state shows as a calm "reconnecting" note. Called with s.mu held.
func (s *Session) forwardTeamEvents(ws *workspace.Workspace) []func() {
	if ws.Team == nil {
		return nil
	}
	return []func(){
		ws.Bus.Subscribe(teamdb.RemoteChanged, func(p any) {
			ch, ok := p.(teamdb.Change)
			if !ok {
				return
			}
			switch ch.Kind {
			case teamdb.KindMessage, teamdb.KindConversation:
				s.emit(EventInboxChanged, map[string]any{"conversationIds": []int64{ch.ConversationID}})
			case teamdb.KindPresence:
				s.emit(EventTeamPresence, map[string]any{"conversationId": ch.ConversationID})
			case teamdb.KindResync:
				s.emit(EventTeamResync, map[string]any{})
				s.emit(EventInboxChanged, map[string]any{"conversationIds": []int64{}})
			}
		}),
		ws.Bus.Subscribe(workspace.TeamLinkChanged, func(p any) {
			if l, ok := p.(workspace.TeamLink); ok {
				s.emit(EventTeamLink, toTeamLinkDTO(l))
			}
		}),
	}
}

package workspace

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"time"

	"creatordesk/backend/store"
	"creatordesk/backend/team"
)

// instanceRefresh is how often an open team workspace tells the others it is active.
const instanceRefresh = 30 * time.Second

// newInstanceID names this app instance in team_instances.
func newInstanceID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// startTeamPresence keeps this instance's row in team_instances fresh (with who
// is working here) until the workspace closes, then removes it.
func (w *Workspace) startTeamPresence() {
	machine, _ := os.Hostname()
	touch := func() {
		member := (&team.Service{Store: w.Store}).ActorName(w.ctx, "")
		if err := w.Store.TouchInstance(w.ctx, w.Team.InstanceID, member, machine); err != nil && w.ctx.Err() == nil {
			w.Log.Warn("team: could not record this instance as active", "error", err.Error())
		}
	}
	touch()
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(instanceRefresh)
		defer t.Stop()
		for {
			select {
			case <-w.ctx.Done():
				return
			case <-t.C:
				touch()
			}
		}
	}()
	w.onClose = append(w.onClose, func() {
		<-done
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = w.Store.LeaveInstance(ctx, w.Team.InstanceID)
	})
}

// OtherInstances lists the other app instances active on this team workspace.
func (w *Workspace) OtherInstances(ctx context.Context) ([]store.TeamInstance, error) {
	if w.Team == nil {
		return nil, nil
	}
	return w.Store.ActiveInstances(ctx, w.Team.InstanceID)
}

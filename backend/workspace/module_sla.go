package workspace

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	"creatordesk/backend/sla"
	"creatordesk/backend/sla/engine"
)

// SLATickInterval is how often running response timers are moved to warning
// or breached. Tests and the app may change it before opening a workspace.
var SLATickInterval = 30 * time.Second

func init() {
	registerModule(Module{Name: "sla", Start: startSLA, SeedDemo: seedSLADemo})
}

// startSLA builds the SLA engine: timers follow stored messages and sends, a
// ticker moves them as time passes, and new customer messages may get an away
// acknowledgement and a desktop notification.
func startSLA(w *Workspace) (func(), error) {
	svc := &engine.Service{Store: w.Store, Bus: w.Bus, Inbox: w.Inbox, Log: w.Log, DefaultZone: localZoneName()}
	stop, err := svc.Start(w.Context(), SLATickInterval)
	if err != nil {
		return nil, err
	}
	w.SetService("sla", svc)
	return stop, nil
}

// SLA returns the workspace's SLA engine.
func (w *Workspace) SLA() *engine.Service {
	svc, _ := w.Service("sla").(*engine.Service)
	return svc
}

// seedSLADemo gives the demo a Bucharest shop's hours (Monday to Friday
// 09:00–18:00, closed on Christmas and New Year's Day), the default policies
// and the away acknowledgement switched on, so the demo inbox shows timers and
// the Settings tabs show a configured workspace.
func seedSLADemo(w *Workspace) error {
	ctx := context.Background()
	svc := w.SLA()
	cal := sla.DefaultCalendar("Europe/Bucharest")
	year := svc.Store.Now().Year()
	for _, y := range []int{year, year + 1} {
		cal.Holidays = append(cal.Holidays,
			sla.Holiday{Date: time.Date(y, 12, 24, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), Shifts: []sla.Shift{{Start: 9 * 60, End: 13 * 60}}},
			sla.Holiday{Date: time.Date(y, 12, 25, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)},
			sla.Holiday{Date: time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)})
	}
	if _, err := svc.SetCalendar(ctx, cal, DemoActor); err != nil {
		return err
	}
	_, err := svc.SetAway(ctx, sla.AwaySettings{Enabled: true}, DemoActor)
	return err
}

// localZoneName is this machine's IANA zone name ("UTC" when it cannot tell).
func localZoneName() string {
	if tz := strings.TrimPrefix(os.Getenv("TZ"), ":"); tz != "" {
		if _, err := time.LoadLocation(tz); err == nil {
			return tz
		}
	}
	if n := time.Local.String(); n != "Local" && n != "" {
		return n
	}
	if target, err := filepath.EvalSymlinks("/etc/localtime"); err == nil {
		if _, zone, ok := strings.Cut(target, "zoneinfo/"); ok {
			if _, err := time.LoadLocation(zone); err == nil {
				return zone
			}
		}
	}
	return "UTC"
}

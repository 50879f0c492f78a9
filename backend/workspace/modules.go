package workspace

import (
	"fmt"
	gosync "sync"
)

// Module is one area's hook into an open workspace (SLA timers, the automation
// engine, the scheduler...). Each area registers its module from an init in its
// own file (module_<area>.go), so adding an area never edits Open.
type Module struct {
	// Name identifies the module in logs and in Service lookups.
	Name string
	// Start builds the area's services for w and starts any background work
	// (hanging off w.Context()). It returns what stops it (may be nil).
	Start func(w *Workspace) (stop func(), err error)
	// SeedDemo fills the demo workspace with the area's sample data (may be nil).
	// It runs after the demo accounts' first sync.
	SeedDemo func(w *Workspace) error
}

// modules are the registered modules, started in registration order.
var modules []Module

// registerModule adds a module; called from init functions only.
func registerModule(m Module) { modules = append(modules, m) }

// services holds what modules built, keyed by module name.
type services struct {
	mu gosync.RWMutex
	m  map[string]any
}

// SetService stores what a module built, for the typed accessors in its module file.
func (w *Workspace) SetService(name string, svc any) {
	w.svc.mu.Lock()
	defer w.svc.mu.Unlock()
	if w.svc.m == nil {
		w.svc.m = map[string]any{}
	}
	w.svc.m[name] = svc
}

// Service returns what a module stored under name (nil when absent).
func (w *Workspace) Service(name string) any {
	w.svc.mu.RLock()
	defer w.svc.mu.RUnlock()
	return w.svc.m[name]
}

// startModules runs every module's Start; on a failure the started ones are stopped.
func (w *Workspace) startModules() error {
	for _, m := range modules {
		stop, err := m.Start(w)
		if err != nil {
			w.runCloseHooks()
			return fmt.Errorf("workspace: start %s: %w", m.Name, err)
		}
		if stop != nil {
			w.onClose = append(w.onClose, stop)
		}
	}
	return nil
}

// seedDemoModules lets every module add its demo data.
func (w *Workspace) seedDemoModules() error {
	for _, m := range modules {
		if m.SeedDemo == nil {
			continue
		}
		if err := m.SeedDemo(w); err != nil {
			return fmt.Errorf("workspace: demo data for %s: %w", m.Name, err)
		}
	}
	return nil
}

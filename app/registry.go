package app

// facadeFactories build the bound structs each area adds (templates, campaigns,
// calendar, ...). An area registers its facade from its own file's init, so
// adding an area never edits a shared list.
var facadeFactories []func(*Session) any

// registerFacade adds a bound struct built from the session.
func registerFacade(build func(*Session) any) {
	facadeFactories = append(facadeFactories, build)
}

// Facades returns every bound struct: the core ones and those areas registered.
func Facades(s *Session) []any {
	out := []any{NewWorkspace(s), NewAccounts(s), NewInbox(s), NewSettings(s)}
	for _, build := range facadeFactories {
		out = append(out, build(s))
	}
	return out
}

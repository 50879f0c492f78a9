package teamcopy

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Error is a copy refused or failed for a reason a person can act on. The app
// translates it (errors.teamcopy.<Reason>).
type Error struct {
	// Reason is the short stable code: versionMismatch, foreignWorkspace,
	// mismatch, noWorkspaceId, noLocalWorkspace, noTeamDatabase, sameDatabase.
	Reason string
	// Args are the translation's arguments.
	Args map[string]string
	msg  string
}

func (e *Error) Error() string { return "team copy: " + e.msg }

// ErrorKey names the translation of the error.
func (e *Error) ErrorKey() (code, key string, args map[string]string) {
	return "teamcopy_" + e.Reason, "errors.teamcopy." + e.Reason, e.Args
}

// Is matches errors of the same reason (errors.Is(err, ErrMismatch)).
func (e *Error) Is(target error) bool {
	var t *Error
	return errors.As(target, &t) && t.Reason == e.Reason && t.msg == ""
}

// Sentinels for errors.Is; the errors returned carry their details.
var (
	// ErrVersionMismatch: the two databases are at different schema versions.
	ErrVersionMismatch = &Error{Reason: "versionMismatch"}
	// ErrForeignWorkspace: the team database already holds another workspace's data.
	ErrForeignWorkspace = &Error{Reason: "foreignWorkspace"}
	// ErrMismatch: after copying, some tables differ between the two sides.
	ErrMismatch = &Error{Reason: "mismatch"}
	// ErrNoWorkspaceID: the local workspace has no workspace id.
	ErrNoWorkspaceID = &Error{Reason: "noWorkspaceId"}
	// ErrNoLocalWorkspace: the data folder holds no local workspace file.
	ErrNoLocalWorkspace = &Error{Reason: "noLocalWorkspace"}
	// ErrNoTeamDatabase: the data folder has no team database configured.
	ErrNoTeamDatabase = &Error{Reason: "noTeamDatabase"}
)

func versionMismatch(source, target int) error {
	return &Error{Reason: "versionMismatch", msg: fmt.Sprintf("the local workspace is at schema version %d and the team database at %d; open both with the same CreatorDesk version", source, target),
		Args: map[string]string{"source": strconv.Itoa(source), "target": strconv.Itoa(target)}}
}

func foreignWorkspace(source, target string) error {
	return &Error{Reason: "foreignWorkspace", msg: fmt.Sprintf("the team database already holds the data of another workspace (%s, this one is %s)", target, source),
		Args: map[string]string{"source": source, "target": target}}
}

func mismatch(tables []string) error {
	return &Error{Reason: "mismatch", msg: "the copy differs from the local workspace in: " + strings.Join(tables, ", "),
		Args: map[string]string{"tables": strings.Join(tables, ", ")}}
}

func noWorkspaceID() error {
	return &Error{Reason: "noWorkspaceId", msg: "the local workspace has no workspace id (open it once with CreatorDesk)"}
}

// NoLocalWorkspace is returned when dir holds no local workspace to copy.
func NoLocalWorkspace(dir string) error {
	return &Error{Reason: "noLocalWorkspace", msg: "no local workspace in " + dir, Args: map[string]string{"dir": dir}}
}

// NoTeamDatabase is returned when no team database is configured to copy into.
func NoTeamDatabase() error {
	return &Error{Reason: "noTeamDatabase", msg: "no team database is configured for this data folder"}
}

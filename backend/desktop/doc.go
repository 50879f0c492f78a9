// Package desktop holds what belongs to the desktop app on one machine rather
// than to a workspace: the single-instance lock, the window's remembered size
// and position, the background-sync and update-check preferences, and the
// optional update check itself. Nothing here is shared with a team database.
package desktop

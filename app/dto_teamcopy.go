package app

import (
	"time"

	"creatordesk/backend/teamcopy"
)

// TeamCopyStatusDTO is what Settings -> Team database shows about copying the
// local workspace into the team database.
type TeamCopyStatusDTO struct {
	// Configured is set when this data folder has a team database.
	Configured bool `json:"configured"`
	// LocalAvailable is set when the data folder holds a local workspace to copy.
	LocalAvailable bool `json:"localAvailable"`
	// Demo is set in the demo workspace, which is never copied.
	Demo bool `json:"demo"`
	// State is idle, running, done, failed or cancelled.
	State string `json:"state"`
	// Progress is how far the running (or last) copy got.
	Progress TeamCopyProgressDTO `json:"progress"`
	// Result is the last finished copy's verification (null before).
	Result *TeamCopyResultDTO `json:"result"`
	// Error is why the last copy failed (null unless failed).
	Error *AppError `json:"error"`
}

// TeamCopyProgressDTO is one progress report ("teamcopy:progress" events).
type TeamCopyProgressDTO struct {
	// Phase is copy or verify.
	Phase string `json:"phase"`
	// Table is the table being worked on.
	Table string `json:"table"`
	// Done and Total count rows while copying and tables while verifying.
	Done  int64 `json:"done"`
	Total int64 `json:"total"`
}

// TeamCopyTableDTO is one table's verification.
type TeamCopyTableDTO struct {
	Name       string `json:"name"`
	SourceRows int64  `json:"sourceRows"`
	TargetRows int64  `json:"targetRows"`
	Match      bool   `json:"match"`
}

// TeamCopyResultDTO is the outcome of a copy (also `teamdb copy --json`).
type TeamCopyResultDTO struct {
	Tables []TeamCopyTableDTO `json:"tables"`
	// Copied is the number of rows written by this copy.
	Copied int64 `json:"copied"`
	// Verified is set when every table matched.
	Verified bool `json:"verified"`
	// Resumed is set when the copy continued an earlier one.
	Resumed bool `json:"resumed"`
	// AlreadyCopied is set when everything had been copied before.
	AlreadyCopied bool `json:"alreadyCopied"`
	// FinishedAt is when the copy ended (RFC 3339).
	FinishedAt string `json:"finishedAt"`
}

func toTeamCopyProgressDTO(p teamcopy.Progress) TeamCopyProgressDTO {
	return TeamCopyProgressDTO{Phase: p.Phase, Table: p.Table, Done: p.Done, Total: p.Total}
}

func toTeamCopyResultDTO(r teamcopy.Result, at time.Time) TeamCopyResultDTO {
	out := TeamCopyResultDTO{Tables: make([]TeamCopyTableDTO, len(r.Tables)), Copied: r.Copied, Verified: r.Verified,
		Resumed: r.Resumed, AlreadyCopied: r.AlreadyCopied, FinishedAt: at.UTC().Format(time.RFC3339)}
	for i, t := range r.Tables {
		out.Tables[i] = TeamCopyTableDTO{Name: t.Name, SourceRows: t.SourceRows, TargetRows: t.TargetRows, Match: t.Match}
	}
	return out
}

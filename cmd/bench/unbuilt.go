package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// unbuiltFigure is a target whose feature or measurement does not exist yet.
type unbuiltFigure struct {
	name, unit string
	// goal is nil where the issue sets no number.
	goal       *float64
	comparison string
	why        string
}

// unbuilt are the targets that cannot be measured yet. They are listed,
// never estimated, so the report shows what remains to be built.
var unbuilt = []unbuiltFigure{}

// unbuiltFigures returns the not-yet-measurable figures, each with status missing.
func unbuiltFigures() []Figure {
	out := make([]Figure, len(unbuilt))
	for i, u := range unbuilt {
		out[i] = missing(u.name, u.unit, u.goal, u.comparison, u.why)
	}
	return out
}

// binaryFigure reports the size of the built desktop app at path, if it is built.
// The issue sets no target for it, so it is informational.
func binaryFigure(path string) Figure {
	const name = "binary size"
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return missing(name, "MB", nil, "", fmt.Sprintf("not built (no %s; run make build)", path))
	case err != nil:
		return missing(name, "MB", nil, "", err.Error())
	}
	return measured(name, float64(info.Size())/(1<<20), "MB", nil, "", path)
}

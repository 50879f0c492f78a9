package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// Figure statuses.
const (
	// StatusPass: measured and within its target.
	StatusPass = "pass"
	// StatusFail: measured and outside its target.
	StatusFail = "fail"
	// StatusMissing: not measurable yet (the feature is not built, or its measurement failed).
	StatusMissing = "missing"
	// StatusInfo: measured, with no target (context for the figures that have one).
	StatusInfo = "info"
)

// Comparisons a target is checked with.
const (
	AtMost  = "<="
	AtLeast = ">="
)

// Figure is one measured (or not yet measurable) number with its target.
type Figure struct {
	Name string `json:"name"`
	// Value is nil when the figure is missing.
	Value *float64 `json:"value"`
	Unit  string   `json:"unit"`
	// Target is nil for informational figures.
	Target     *float64 `json:"target"`
	Comparison string   `json:"comparison"`
	Status     string   `json:"status"`
	// Detail says how the figure was obtained, or why it is missing.
	Detail string `json:"detail,omitempty"`
}

// Machine describes where the benchmark ran.
type Machine struct {
	CPUs      int    `json:"cpus"`
	Model     string `json:"model"`
	GoVersion string `json:"go_version"`
	OS        string `json:"os"`
	// LoadAverage is /proc/loadavg's 1-minute figure at the start (the machine is shared).
	LoadAverage string `json:"load_average,omitempty"`
}

// Results is what bench/results.json holds.
type Results struct {
	Machine Machine `json:"machine"`
	Date    string  `json:"date"`
	// Scale is the size of the measured workspace.
	Scale map[string]int `json:"scale"`
	// Setup says how the workspace was obtained and how long each phase took.
	Setup   []string `json:"setup"`
	Figures []Figure `json:"figures"`
}

// measured returns a figure with its status decided by its target (target nil: informational).
func measured(name string, value float64, unit string, target *float64, comparison, detail string) Figure {
	f := Figure{Name: name, Value: &value, Unit: unit, Target: target, Comparison: comparison, Status: StatusInfo, Detail: detail}
	if target != nil {
		ok := value <= *target
		if comparison == AtLeast {
			ok = value >= *target
		}
		f.Status = StatusFail
		if ok {
			f.Status = StatusPass
		}
	}
	return f
}

// missing returns a figure that could not be measured, with why.
func missing(name, unit string, target *float64, comparison, why string) Figure {
	return Figure{Name: name, Unit: unit, Target: target, Comparison: comparison, Status: StatusMissing, Detail: why}
}

// missingAll reports every named figure as missing because err stopped its measurement.
func missingAll(err error, unit string, goal *float64, comparison string, names ...string) []Figure {
	out := make([]Figure, len(names))
	for i, name := range names {
		out[i] = missing(name, unit, goal, comparison, "measurement failed: "+err.Error())
	}
	return out
}

// target returns a pointer to v, for Figure.Target.
func target(v float64) *float64 { return &v }

// writeTable prints the figures as an aligned table, details underneath.
func writeTable(w io.Writer, res Results) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FIGURE\tVALUE\tUNIT\tTARGET\tSTATUS")
	for _, f := range res.Figures {
		value, goal := "—", "—"
		if f.Value != nil {
			value = formatValue(*f.Value)
		}
		if f.Target != nil {
			goal = f.Comparison + " " + formatValue(*f.Target)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", f.Name, value, f.Unit, goal, f.Status)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	for _, f := range res.Figures {
		if f.Detail != "" {
			fmt.Fprintf(w, "  %s: %s\n", f.Name, f.Detail)
		}
	}
	fmt.Fprintf(w, "\nmachine: %d CPUs, %s, %s, %s, load %s; %s\n", res.Machine.CPUs, res.Machine.Model,
		res.Machine.GoVersion, res.Machine.OS, res.Machine.LoadAverage, res.Date)
	for _, s := range res.Setup {
		fmt.Fprintf(w, "setup: %s\n", s)
	}
	return nil
}

// formatValue prints a number with precision that suits its size.
func formatValue(v float64) string {
	switch {
	case v >= 1000:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	case v >= 0.1:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

// writeJSON writes the results to path (creating its directory).
func writeJSON(path string, res Results) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // keep "<=" and ">=" readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(res); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// machine describes this computer.
func machine() Machine {
	m := Machine{CPUs: runtime.NumCPU(), Model: cpuModel(), GoVersion: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.OS += " " + strings.TrimSpace(string(b))
	}
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		m.LoadAverage, _, _ = strings.Cut(string(b), " ")
	}
	return m
}

// cpuModel reads the first "model name" of /proc/cpuinfo.
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, value, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(key) == "model name" {
			return strings.TrimSpace(value)
		}
	}
	return "unknown"
}

// today is the report's timestamp.
func today() string { return time.Now().UTC().Format(time.RFC3339) }

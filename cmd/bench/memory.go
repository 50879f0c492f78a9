package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/store"
)

// memProbeEnv, when set in the environment, turns the benchmark binary into the
// memory probe: it opens the database the variable names, pages through the
// inbox, prints a memReport as JSON and exits. The probe runs in its own process
// so that generating data and running the fake server do not count.
const memProbeEnv = "CREATORDESK_BENCH_MEMPROBE"

// memoryGoal is the RSS target, in MB.
const memoryGoal = 250.0

// memoryFigures are the memory figures' names: resident now, and the peak.
var memoryFigures = [2]string{"memory RSS after paging the inbox", "memory peak RSS (VmHWM)"}

// memReport is what the probe prints.
type memReport struct {
	RSSKB         int64 `json:"vm_rss_kb"`
	HWMKB         int64 `json:"vm_hwm_kb"`
	Pages         int   `json:"pages"`
	Conversations int   `json:"conversations"`
}

// runMemProbe opens the workspace database at path as the app does, reads every
// inbox page and the threads of the first one, and writes its memory use to w.
func runMemProbe(ctx context.Context, path string, w io.Writer) error {
	st, err := store.Open(path, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	var rep memReport
	var after store.ConversationCursor
	for {
		page, next, err := st.Conversations(ctx, store.ConversationFilter{}, after, pageSize)
		if err != nil {
			return err
		}
		if rep.Pages == 0 {
			for _, c := range page {
				if _, err := st.Messages(ctx, c.ID, store.ThreadLimit); err != nil {
					return err
				}
			}
		}
		rep.Pages++
		rep.Conversations += len(page)
		if next.ID == 0 {
			break
		}
		after = next
	}
	status, err := procStatus()
	if err != nil {
		return err
	}
	rep.RSSKB, rep.HWMKB = status["VmRSS"], status["VmHWM"]
	return json.NewEncoder(w).Encode(rep)
}

// procStatus reads the kB figures of /proc/self/status.
func procStatus() (map[string]int64, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]int64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, value, ok := strings.Cut(sc.Text(), ":")
		fields := strings.Fields(value)
		if !ok || len(fields) != 2 || fields[1] != "kB" {
			continue
		}
		if n, err := strconv.ParseInt(fields[0], 10, 64); err == nil {
			out[key] = n
		}
	}
	return out, sc.Err()
}

// measureMemory runs the probe in a child process (this same binary) on the workspace at path.
func measureMemory(ctx context.Context, path string) []Figure {
	fail := func(err error) []Figure {
		return missingAll(err, "MB", target(memoryGoal), AtMost, memoryFigures[:]...)
	}
	exe, err := os.Executable()
	if err != nil {
		return fail(err)
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), memProbeEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fail(fmt.Errorf("probe process: %w", err))
	}
	var rep memReport
	if err := json.Unmarshal(out, &rep); err != nil {
		return fail(fmt.Errorf("probe output %q: %w", out, err))
	}
	detail := fmt.Sprintf("separate process: store.Open, %d pages (%d conversations) via store.Conversations, threads of the first page",
		rep.Pages, rep.Conversations)
	return []Figure{
		measured(memoryFigures[0], float64(rep.RSSKB)/1024, "MB", target(memoryGoal), AtMost, detail),
		measured(memoryFigures[1], float64(rep.HWMKB)/1024, "MB", target(memoryGoal), AtMost, ""),
	}
}

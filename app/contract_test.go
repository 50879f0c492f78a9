package app

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestDTOsMatchFrontendTypes keeps the Go DTOs and frontend/src/api/*.ts in
// step: every JSON field of each DTO must be declared on its TypeScript twin, and
// nothing more.
func TestDTOsMatchFrontendTypes(t *testing.T) {
	src := readAPITypes(t)
	pairs := map[string]any{
		"AppErrorDTO": AppError{}, "KeyringStatus": KeyringStatus{}, "WorkspaceStatus": WorkspaceStatus{},
		"Settings": SettingsDTO{}, "Account": AccountDTO{}, "ConnectTelegramRequest": ConnectTelegramRequest{}, "ConnectRequest": ConnectRequest{},
		"ConversationQuery": ConversationQuery{}, "Conversation": ConversationDTO{}, "ConversationPage": ConversationPage{},
		"Attachment": AttachmentDTO{}, "Message": MessageDTO{}, "Thread": Thread{}, "SearchHit": SearchHitDTO{}, "InboxCounts": InboxCountsDTO{},
	}
	for tsName, goValue := range contractPairs {
		pairs[tsName] = goValue
	}
	for tsName, goValue := range pairs {
		tsFields, ok := tsInterfaceFields(string(src), tsName)
		if !ok {
			t.Errorf("types.ts has no interface %s", tsName)
			continue
		}
		goFields := jsonFields(reflect.TypeOf(goValue))
		if !reflect.DeepEqual(goFields, tsFields) {
			t.Errorf("%s: Go sends %v, TypeScript declares %v", tsName, goFields, tsFields)
		}
	}
}

// contractPairs are the DTOs the areas add, keyed by their TypeScript interface
// name. Each area registers its pairs from an init in its own _test.go file.
var contractPairs = map[string]any{}

// readAPITypes concatenates every TypeScript file under frontend/src/api (areas
// keep their interfaces in their own files).
func readAPITypes(t *testing.T) string {
	t.Helper()
	var all strings.Builder
	err := filepath.WalkDir("../frontend/src/api", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".ts") {
			return err
		}
		b, err := os.ReadFile(path)
		all.Write(b)
		all.WriteString("\n")
		return err
	})
	if err != nil {
		t.Fatalf("read frontend/src/api: %v", err)
	}
	return all.String()
}

// jsonFields lists a struct's JSON field names, sorted.
func jsonFields(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// fieldLine matches "  name: type" or "  name?: type" inside an interface body.
var fieldLine = regexp.MustCompile(`(?m)^\s{2}([A-Za-z0-9_]+)\??:`)

// tsInterfaceFields returns the sorted field names of `export interface name { ... }`.
func tsInterfaceFields(src, name string) ([]string, bool) {
	start := strings.Index(src, "export interface "+name+" {")
	if start < 0 {
		return nil, false
	}
	body := src[start:]
	end := strings.Index(body, "\n}")
	if end < 0 {
		return nil, false
	}
	var out []string
	for _, m := range fieldLine.FindAllStringSubmatch(body[:end], -1) {
		out = append(out, m[1])
	}
	sort.Strings(out)
	return out, true
}

package workspace

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
)

// LogFile is the log's name inside the data directory.
const LogFile = "creatordesk.log"

// OpenLog returns a JSON logger appending to dir/LogFile (mode 0600) and the file
// to close. Nothing logged anywhere in CreatorDesk contains a token.
func OpenLog(dir string) (*slog.Logger, io.Closer, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, LogFile), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, nil, err
	}
	_ = f.Chmod(0o600)
	return slog.New(slog.NewJSONHandler(f, &slog.HandlerOptions{Level: slog.LevelInfo})), f, nil
}

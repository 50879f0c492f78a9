package workspace

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"creatordesk/backend/secrets"
)

// TeamConfigFileName is the file in the data directory that says "this data
// folder opens a team database". It never holds the password.
const TeamConfigFileName = "team.json"

// SSL modes a team connection accepts (libpq's names).
const (
	SSLDisable    = "disable"
	SSLRequire    = "require"
	SSLVerifyCA   = "verify-ca"
	SSLVerifyFull = "verify-full"
)

// DefaultTeamPort is PostgreSQL's usual port.
const DefaultTeamPort = 5432

// TeamConfig is where a team database lives and how to reach it. The password
// is kept in the vault (see TeamPasswordKey), never in this struct's file.
type TeamConfig struct {
	// Host is the server's name or address.
	Host string `json:"host"`
	// Port is the server's TCP port (5432 when zero).
	Port int `json:"port"`
	// Database is the database name.
	Database string `json:"database"`
	// User is the role to log in as.
	User string `json:"user"`
	// SSLMode is disable, require, verify-ca or verify-full (require when empty).
	SSLMode string `json:"sslMode"`
	// SSLRootCert is the path of a CA certificate file (PEM) for verify-ca/verify-full.
	SSLRootCert string `json:"sslRootCert,omitempty"`
	// Schema, when set, is the schema the workspace lives in (several
	// workspaces can share one database); the user's default schema otherwise.
	Schema string `json:"schema,omitempty"`
	// Label is an optional name shown in the app ("Studio team").
	Label string `json:"label,omitempty"`
}

// TeamConfigError says which field of a team configuration is wrong; the app
// translates it (errors.teamdb.config.<field>).
type TeamConfigError struct {
	Field string
}

func (e *TeamConfigError) Error() string { return "team database: invalid " + e.Field }

// ErrorKey names the translation of the error.
func (e *TeamConfigError) ErrorKey() (code, key string, args map[string]string) {
	return "teamdb_config", "errors.teamdb.config." + e.Field, map[string]string{"field": e.Field}
}

// Normalized returns cfg with defaults filled in and surrounding spaces removed.
func (c TeamConfig) Normalized() TeamConfig {
	c.Host = strings.TrimSpace(c.Host)
	c.Database = strings.TrimSpace(c.Database)
	c.User = strings.TrimSpace(c.User)
	c.SSLMode = strings.ToLower(strings.TrimSpace(c.SSLMode))
	c.SSLRootCert = strings.TrimSpace(c.SSLRootCert)
	c.Label = strings.TrimSpace(c.Label)
	c.Schema = strings.TrimSpace(c.Schema)
	if c.Port == 0 {
		c.Port = DefaultTeamPort
	}
	if c.SSLMode == "" {
		c.SSLMode = SSLRequire
	}
	return c
}

// Validate reports the first wrong field of a normalized configuration.
func (c TeamConfig) Validate() error {
	switch {
	case c.Host == "" || strings.ContainsAny(c.Host, " \t\r\n/?#@"):
		return &TeamConfigError{Field: "host"}
	case c.Port < 1 || c.Port > 65535:
		return &TeamConfigError{Field: "port"}
	case c.Database == "" || strings.ContainsAny(c.Database, "\r\n\x00"):
		return &TeamConfigError{Field: "database"}
	case c.User == "" || strings.ContainsAny(c.User, "\r\n\x00"):
		return &TeamConfigError{Field: "user"}
	}
	switch c.SSLMode {
	case SSLDisable, SSLRequire, SSLVerifyCA, SSLVerifyFull:
	default:
		return &TeamConfigError{Field: "sslMode"}
	}
	if c.Schema != "" && !validSchemaName(c.Schema) {
		return &TeamConfigError{Field: "schema"}
	}
	if c.SSLRootCert != "" && c.SSLMode == SSLDisable {
		return &TeamConfigError{Field: "sslRootCert"}
	}
	return nil
}

// DSN builds the connection URL for cfg with password (which may be empty).
// Every part is escaped, so a password with @, : or / is safe. The result holds
// the password: never log it (see RedactedDSN).
func (c TeamConfig) DSN(password string) string {
	c = c.Normalized()
	u := url.URL{Scheme: "postgres", Host: net.JoinHostPort(c.Host, strconv.Itoa(c.Port)), Path: "/" + c.Database}
	if password != "" {
		u.User = url.UserPassword(c.User, password)
	} else {
		u.User = url.User(c.User)
	}
	q := url.Values{}
	q.Set("sslmode", c.SSLMode)
	if c.SSLRootCert != "" {
		q.Set("sslrootcert", c.SSLRootCert)
	}
	if c.Schema != "" {
		q.Set("search_path", c.Schema)
	}
	q.Set("connect_timeout", "10")
	u.RawQuery = q.Encode()
	return u.String()
}

// validSchemaName accepts plain identifiers (letters, digits, underscore).
func validSchemaName(s string) bool {
	for i, r := range s {
		ok := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return len(s) <= 63
}

// RedactedDSN is the connection URL without the password, safe for logs.
func (c TeamConfig) RedactedDSN() string { return c.DSN("") }

// TeamPasswordKey is the vault key of the team database password of the data
// directory dir. It is namespaced by the directory (the workspace id lives in
// the database, which cannot be read before connecting).
func TeamPasswordKey(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	sum := sha256.Sum256([]byte(filepath.Clean(abs)))
	return "teamdb/" + hex.EncodeToString(sum[:8]) + "/password"
}

// LoadTeamConfig reads team.json from dir. ok is false (and err nil) when the
// data directory is in solo mode (no file).
func LoadTeamConfig(dir string) (TeamConfig, bool, error) {
	b, err := os.ReadFile(filepath.Join(dir, TeamConfigFileName))
	if errors.Is(err, os.ErrNotExist) {
		return TeamConfig{}, false, nil
	}
	if err != nil {
		return TeamConfig{}, false, fmt.Errorf("workspace: read team settings: %w", err)
	}
	var cfg TeamConfig
	if err := json.Unmarshal(b, &cfg); err != nil {
		return TeamConfig{}, false, fmt.Errorf("workspace: team settings file is damaged: %w", err)
	}
	return cfg.Normalized(), true, nil
}

// SaveTeamConfig validates cfg, stores password in vault and writes team.json
// (0600, atomically) in dir. An empty password removes a stored one (trust or
// certificate login).
func SaveTeamConfig(dir string, vault secrets.Vault, cfg TeamConfig, password string) error {
	cfg = cfg.Normalized()
	if err := cfg.Validate(); err != nil {
		return err
	}
	if vault == nil {
		return errors.New("workspace: no vault for the team database password")
	}
	ctx := context.Background()
	key := TeamPasswordKey(dir)
	if password != "" {
		if err := vault.Set(ctx, key, password); err != nil {
			return fmt.Errorf("workspace: store team database password: %w", err)
		}
	} else if err := vault.Delete(ctx, key); err != nil {
		return fmt.Errorf("workspace: clear team database password: %w", err)
	}
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(dir, TeamConfigFileName, append(b, '\n'))
}

// RemoveTeamConfig returns dir to solo mode: team.json and the stored password
// go; the local SQLite workspace was never touched and opens again.
func RemoveTeamConfig(dir string, vault secrets.Vault) error {
	if vault != nil {
		if err := vault.Delete(context.Background(), TeamPasswordKey(dir)); err != nil && !errors.Is(err, secrets.ErrNotFound) {
			return fmt.Errorf("workspace: clear team database password: %w", err)
		}
	}
	if err := os.Remove(filepath.Join(dir, TeamConfigFileName)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("workspace: remove team settings: %w", err)
	}
	return nil
}

// TeamDSN is the connection string of dir's team database, password included.
// ok is false in solo mode. A password missing from the vault is not an error
// (the server may not ask for one); an unavailable vault is.
func TeamDSN(dir string, vault secrets.Vault) (dsn string, ok bool, err error) {
	cfg, ok, err := LoadTeamConfig(dir)
	if err != nil || !ok {
		return "", ok, err
	}
	if err := cfg.Validate(); err != nil {
		return "", true, err
	}
	password, err := TeamPassword(dir, vault)
	if err != nil {
		return "", true, err
	}
	return cfg.DSN(password), true, nil
}

// TeamPassword reads dir's team database password from vault ("" when none is stored).
func TeamPassword(dir string, vault secrets.Vault) (string, error) {
	if vault == nil {
		return "", nil
	}
	password, err := vault.Get(context.Background(), TeamPasswordKey(dir))
	if errors.Is(err, secrets.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("workspace: read team database password: %w", err)
	}
	return password, nil
}

// writeFileAtomic writes name in dir with mode 0600 through a temporary file
// and a rename, so a crash leaves either the old or the new file.
func writeFileAtomic(dir, name string, data []byte) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("workspace: create data folder: %w", err)
	}
	tmp, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return fmt.Errorf("workspace: write %s: %w", name, err)
	}
	defer func() { _ = os.Remove(tmp.Name()) }()
	if err := tmp.Chmod(0o600); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("workspace: write %s: %w", name, err)
	}
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("workspace: write %s: %w", name, err)
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("workspace: write %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("workspace: write %s: %w", name, err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, name)); err != nil {
		return fmt.Errorf("workspace: write %s: %w", name, err)
	}
	return nil
}

package workspace

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

const trickyPassword = "p@ss:w/rd?#%20 ünï"

func TestTeamConfigRoundTripKeepsPasswordOutOfTheFile(t *testing.T) {
	dir := t.TempDir()
	vault := secrets.NewMemory()
	if _, ok, err := LoadTeamConfig(dir); ok || err != nil {
		t.Fatalf("fresh dir: ok=%v err=%v, want solo mode", ok, err)
	}
	if _, ok, err := TeamDSN(dir, vault); ok || err != nil {
		t.Fatalf("TeamDSN in solo mode: ok=%v err=%v", ok, err)
	}
	cfg := TeamConfig{Host: " db.example.org ", Database: "studio", User: "dana", SSLMode: "verify-full",
		SSLRootCert: writeTestCA(t), Label: "Studio"}
	if err := SaveTeamConfig(dir, vault, cfg, trickyPassword); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, TeamConfigFileName)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("team.json mode = %v, want 0600", fi.Mode().Perm())
	}
	raw, _ := os.ReadFile(path)
	for _, part := range []string{trickyPassword, "p@ss", "w/rd", url.QueryEscape(trickyPassword)} {
		if strings.Contains(string(raw), part) {
			t.Fatalf("team.json contains the password (%q): %s", part, raw)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != TeamConfigFileName {
		t.Fatalf("data dir holds %d entries, want only team.json (no temp file left)", len(entries))
	}
	got, ok, err := LoadTeamConfig(dir)
	if err != nil || !ok {
		t.Fatalf("load: ok=%v err=%v", ok, err)
	}
	want := cfg.Normalized()
	if got != want || got.Port != 5432 || got.Host != "db.example.org" {
		t.Fatalf("loaded %+v, want %+v", got, want)
	}
	if pw, _ := vault.Get(context.Background(), TeamPasswordKey(dir)); pw != trickyPassword {
		t.Fatalf("vault holds %q", pw)
	}
	dsn, ok, err := TeamDSN(dir, vault)
	if err != nil || !ok {
		t.Fatalf("TeamDSN: ok=%v err=%v", ok, err)
	}
	pc, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatalf("parse %q: %v", dsn, err)
	}
	if pc.Password != trickyPassword || pc.User != "dana" || pc.Host != "db.example.org" || pc.Port != 5432 || pc.Database != "studio" {
		t.Fatalf("parsed %+v", pc.Config)
	}

	if err := RemoveTeamConfig(dir, vault); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := LoadTeamConfig(dir); ok {
		t.Fatal("team.json still there after RemoveTeamConfig")
	}
	if _, err := vault.Get(context.Background(), TeamPasswordKey(dir)); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("password still in the vault: %v", err)
	}
	if err := RemoveTeamConfig(dir, vault); err != nil {
		t.Fatalf("removing twice: %v", err)
	}
}

func TestTeamConfigValidation(t *testing.T) {
	good := TeamConfig{Host: "h", Database: "d", User: "u", SSLMode: "disable"}
	cases := map[string]TeamConfig{
		"host":        {Database: "d", User: "u"},
		"port":        {Host: "h", Port: 70000, Database: "d", User: "u"},
		"database":    {Host: "h", User: "u"},
		"user":        {Host: "h", Database: "d"},
		"sslMode":     {Host: "h", Database: "d", User: "u", SSLMode: "prefer"},
		"sslRootCert": {Host: "h", Database: "d", User: "u", SSLMode: "disable", SSLRootCert: "/ca.pem"},
	}
	for field, cfg := range cases {
		err := SaveTeamConfig(t.TempDir(), secrets.NewMemory(), cfg, "x")
		var ce *TeamConfigError
		if !errors.As(err, &ce) || ce.Field != field {
			t.Errorf("%s: err = %v", field, err)
		}
		if _, key, _ := ce.ErrorKey(); key != "errors.teamdb.config."+field {
			t.Errorf("%s: key %s", field, key)
		}
	}
	if err := good.Normalized().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestTeamDSNEscapingAndIPv6(t *testing.T) {
	cfg := TeamConfig{Host: "::1", Port: 6543, Database: "my db/x", User: "o'neil@corp", SSLMode: "require"}
	dsn := cfg.DSN("a b&c=d")
	pc, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatalf("parse %q: %v", dsn, err)
	}
	if pc.Host != "::1" || pc.Port != 6543 || pc.Database != "my db/x" || pc.User != "o'neil@corp" || pc.Password != "a b&c=d" {
		t.Fatalf("parsed %+v", pc.Config)
	}
	if pc.TLSConfig == nil {
		t.Fatal("sslmode=require must ask for TLS")
	}
	if strings.Contains(cfg.RedactedDSN(), "a b") || strings.Contains(cfg.RedactedDSN(), "a%20b") {
		t.Fatalf("RedactedDSN leaks the password: %s", cfg.RedactedDSN())
	}
}

func TestTeamPasswordKeyIsPerDataFolder(t *testing.T) {
	a, b := TeamPasswordKey("/x/a"), TeamPasswordKey("/x/b")
	if a == b || !strings.HasPrefix(a, "teamdb/") {
		t.Fatalf("keys %q %q", a, b)
	}
	if TeamPasswordKey("/x/a/../a") != a {
		t.Fatal("the key must not depend on how the path is spelled")
	}
}

// A data folder set to a team database that does not answer fails to open with
// a TeamOpenError naming the reason: it never falls back to the local file.
func TestOpenWithUnreachableTeamDatabaseDoesNotFallBack(t *testing.T) {
	dir := t.TempDir()
	vault := secrets.NewMemory()
	port := closedPort(t)
	if err := SaveTeamConfig(dir, vault, TeamConfig{Host: "127.0.0.1", Port: port, Database: "d", User: "u", SSLMode: "disable"}, "pw"); err != nil {
		t.Fatal(err)
	}
	w, err := Open(Config{Dir: dir, Vault: vault})
	if err == nil {
		w.Close()
		t.Fatal("opened although the team database is unreachable")
	}
	var te *TeamOpenError
	if !errors.As(err, &te) || te.Reason() != ProbeUnreachable {
		t.Fatalf("err = %v (reason %v)", err, te)
	}
	if strings.Contains(err.Error(), "pw@") || strings.Contains(err.Error(), ":pw") {
		t.Fatalf("error leaks the password: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, store.FileName)); err == nil {
		t.Fatal("a local database was created in team mode")
	}
	// Solo mode still opens the local workspace.
	w, err = Open(Config{Dir: dir, Vault: vault, Solo: true})
	if err != nil {
		t.Fatal(err)
	}
	if w.Team != nil {
		t.Fatal("solo workspace reports team mode")
	}
	w.Close()
}

// writeTestCA writes a self-signed CA certificate (PEM) and returns its path.
func writeTestCA(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"}, IsCA: true,
		NotBefore: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2036, 1, 1, 0, 0, 0, 0, time.UTC),
		BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

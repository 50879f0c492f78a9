package workspace

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"os"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Reasons a connection test fails (TeamProbe.Reason); the app translates them
// as errors.teamdb.probe.<reason>.
const (
	ProbeUnreachable     = "unreachable"
	ProbeWrongPassword   = "wrong_password"
	ProbeAuthRejected    = "auth_rejected"
	ProbeDatabaseMissing = "database_missing"
	ProbeTLSRefused      = "tls_refused"
	ProbeTLSVerify       = "tls_verify"
	ProbeTLSRequired     = "tls_required"
	ProbeCAFile          = "ca_file"
	ProbeTimeout         = "timeout"
	ProbeUnknown         = "unknown"
)

// TeamProbe is the result of a connection test.
type TeamProbe struct {
	OK bool
	// ServerVersion is PostgreSQL's version ("17.2") when OK.
	ServerVersion string
	// TLS says whether the connection is encrypted.
	TLS bool
	// Reason is one of the Probe* constants when not OK.
	Reason string
	// Detail is the server's or the network's own words (no password).
	Detail string
}

// ProbeTeam connects once to dsn (within ctx, at most 10 s) and reports the
// server version and whether TLS is on, or why it could not connect.
func ProbeTeam(ctx context.Context, dsn string) (TeamProbe, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		p := TeamProbe{Reason: ProbeUnknown, Detail: err.Error()}
		if errors.Is(err, os.ErrNotExist) || strings.Contains(err.Error(), "sslrootcert") || strings.Contains(err.Error(), "certificate") {
			p.Reason = ProbeCAFile
		}
		return p, &TeamProbeError{Probe: p}
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		p := classifyProbe(ctx, err)
		return p, &TeamProbeError{Probe: p}
	}
	defer func() {
		c, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = conn.Close(c)
	}()
	p := TeamProbe{OK: true, ServerVersion: conn.PgConn().ParameterStatus("server_version")}
	_, p.TLS = conn.PgConn().Conn().(*tls.Conn)
	return p, nil
}

// classifyProbe names the reason of a failed connection.
func classifyProbe(ctx context.Context, err error) TeamProbe {
	p := TeamProbe{Reason: ProbeUnknown, Detail: err.Error()}
	var pgErr *pgconn.PgError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var certErr *tls.CertificateVerificationError
	var netErr net.Error
	var dnsErr *net.DNSError
	var opErr *net.OpError
	msg := strings.ToLower(err.Error())
	switch {
	case errors.As(err, &pgErr):
		p.Detail = pgErr.Message
		switch pgErr.Code {
		case "28P01":
			p.Reason = ProbeWrongPassword
		case "28000":
			p.Reason = ProbeAuthRejected
			if strings.Contains(strings.ToLower(pgErr.Message), "no encryption") {
				p.Reason = ProbeTLSRequired
			}
		case "3D000":
			p.Reason = ProbeDatabaseMissing
		}
	case strings.Contains(msg, "server refused tls"):
		p.Reason = ProbeTLSRefused
	case errors.As(err, &unknownAuth), errors.As(err, &hostErr), errors.As(err, &certErr),
		strings.Contains(msg, "x509:"), strings.Contains(msg, "tls:"):
		p.Reason = ProbeTLSVerify
	case errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil || (errors.As(err, &netErr) && netErr.Timeout()):
		p.Reason = ProbeTimeout
	case errors.As(err, &dnsErr), errors.As(err, &opErr), strings.Contains(msg, "connection refused"),
		strings.Contains(msg, "no such host"), strings.Contains(msg, "network is unreachable"):
		p.Reason = ProbeUnreachable
	case strings.Contains(msg, "timeout"):
		p.Reason = ProbeTimeout
	}
	return p
}

// TeamProbeError is a failed connection test, translated by its reason.
type TeamProbeError struct {
	Probe TeamProbe
}

func (e *TeamProbeError) Error() string {
	return "team database: " + e.Probe.Reason + ": " + e.Probe.Detail
}

// ErrorKey names the translation (errors.teamdb.probe.<reason>).
func (e *TeamProbeError) ErrorKey() (code, key string, args map[string]string) {
	return "teamdb_" + e.Probe.Reason, "errors.teamdb.probe." + e.Probe.Reason, map[string]string{"detail": e.Probe.Detail}
}

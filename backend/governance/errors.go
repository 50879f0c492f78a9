package governance

// Reasons the send gate refuses an automated or marketing message.
const (
	RefusedOptedOut     = "optedOut"
	RefusedNoConsent    = "noConsent"
	RefusedContactCap   = "contactCap"
	RefusedAccountCap   = "accountCap"
	RefusedLoop         = "loop"
	RefusedBot          = "bot"
	RefusedEcho         = "echo"
	RefusedPaused       = "paused"
	RefusedNeedApproval = "needsApproval"
)

// RefusedError is the send gate's refusal of an automated or marketing
// message; the composer shows its translated reason.
type RefusedError struct {
	Reason string
	Args   map[string]string
}

// Error implements error.
func (e *RefusedError) Error() string {
	return "governance: send refused (" + e.Reason + ")"
}

// ErrorKey implements app.KeyedError: errors.automation.refused.<reason>.
func (e *RefusedError) ErrorKey() (code, key string, args map[string]string) {
	return "send_refused", "errors.automation.refused." + e.Reason, e.Args
}

// refused builds a RefusedError.
func refused(reason string, args map[string]string) error {
	return &RefusedError{Reason: reason, Args: args}
}

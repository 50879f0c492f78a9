package automation

import (
	"context"
	"strconv"

	"creatordesk/backend/store"
)

// InvalidVerdictError: a review verdict must be right or wrong.
type InvalidVerdictError struct{}

// Error implements error.
func (*InvalidVerdictError) Error() string { return "automation: a verdict is right or wrong" }

// ErrorKey implements app.KeyedError.
func (*InvalidVerdictError) ErrorKey() (code, key string, args map[string]string) {
	return "invalid_input", "errors.automation.invalidVerdict", nil
}

// MarkReview records a reviewer's verdict on an automated reply or moderation
// action and writes it to the audit trail (with the verdict it replaced).
func MarkReview(ctx context.Context, st *store.Store, actor string, id int64, verdict string) (store.ReviewItem, error) {
	if verdict != store.VerdictRight && verdict != store.VerdictWrong {
		return store.ReviewItem{}, &InvalidVerdictError{}
	}
	before, err := st.ReviewItemByID(ctx, id)
	if err != nil {
		return before, err
	}
	if err := st.SetReviewVerdict(ctx, id, verdict, actor); err != nil {
		return before, err
	}
	after, err := st.ReviewItemByID(ctx, id)
	if err != nil {
		return after, err
	}
	_, err = st.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "review." + verdict, TargetType: "review_item",
		TargetID: strconv.FormatInt(id, 10), Reason: before.Kind,
		BeforeJSON: `{"verdict":"` + before.Verdict + `"}`, AfterJSON: `{"verdict":"` + verdict + `"}`})
	return after, err
}

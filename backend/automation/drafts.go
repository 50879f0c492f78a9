package automation

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// DraftRequest is what a provider is asked to answer.
type DraftRequest struct {
	Conversation store.Conversation
	// Thread is the conversation's recent messages, oldest first.
	Thread []store.Message
	Intent string
	Kind   string
}

// Provider writes a draft reply.
type Provider interface {
	// Name identifies the provider in drafts and the audit trail.
	Name() string
	Draft(ctx context.Context, req DraftRequest) (string, error)
}

// Sensitive categories: drafts touching them always wait for a person.
const (
	CategoryPrice        = "price"
	CategoryRefund       = "refund"
	CategoryLegal        = "legal"
	CategoryPersonalData = "personal_data"
)

// DefaultApprovalCategories are the categories that need approval unless configured otherwise.
var DefaultApprovalCategories = []string{CategoryPrice, CategoryRefund, CategoryLegal, CategoryPersonalData}

// categoryWords find a category in a draft or in the message it answers
// (folded keyword match in the five languages).
var categoryWords = map[string][]string{
	CategoryPrice: {"price", "cost", "discount", "$", "€", "lei", "ron", "usd", "价格", "多少钱", "價格", "多少錢", "折扣",
		"preț", "pret", "cost", "reducere", "कीमत", "दाम", "₹", "रुपये"},
	CategoryRefund: {"refund", "money back", "return", "退款", "退货", "退貨", "rambursare", "banii înapoi", "retur",
		"रिफंड", "पैसे वापस", "वापसी"},
	CategoryLegal: {"lawyer", "legal", "lawsuit", "court", "terms", "律师", "律師", "法律", "起诉", "起訴", "avocat",
		"instanță", "proces", "वकील", "कानूनी", "अदालत"},
	CategoryPersonalData: {"address", "phone", "email", "password", "card", "地址", "电话", "電話", "邮箱", "信箱",
		"adresa", "adresă", "telefon", "parola", "पता", "फोन", "ईमेल"},
}

// Categories lists the sensitive categories texts touch.
func Categories(texts ...string) []string {
	var out []string
	for _, cat := range DefaultApprovalCategories {
		for _, t := range texts {
			if containsAnyKeyword(t, categoryWords[cat]) || containsSymbol(t, categoryWords[cat]) {
				out = append(out, cat)
				break
			}
		}
	}
	return out
}

// containsSymbol finds currency symbols that folding would drop.
func containsSymbol(text string, words []string) bool {
	for _, w := range words {
		if len([]rune(w)) == 1 && !isWordRune([]rune(w)[0]) && strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// KeyApprovalCategories is the setting listing the categories that need approval (comma separated).
const KeyApprovalCategories = "automation.approval_categories"

// Drafts writes drafts with a provider and sends them once a person approves.
type Drafts struct {
	Store    *store.Store
	Provider Provider
	Sender   Sender
}

// approvalCategories returns the configured categories.
func (d *Drafts) approvalCategories(ctx context.Context) []string {
	v, err := d.Store.Setting(ctx, KeyApprovalCategories, "")
	if err != nil || strings.TrimSpace(v) == "" {
		return DefaultApprovalCategories
	}
	out := []string{}
	for _, c := range strings.Split(v, ",") {
		if c = strings.TrimSpace(c); c != "" && c != keyNoApprovalCategories {
			out = append(out, c)
		}
	}
	return out
}

// Create writes a draft for the subject's conversation. It always waits for
// approval (CreatorDesk never sends an AI draft on its own); NeedsApproval
// additionally marks drafts touching a configured sensitive category, which
// cannot be sent even by a bulk approval.
func (d *Drafts) Create(ctx context.Context, ruleID int64, s Subject) (store.AutomationDraft, error) {
	if d.Provider == nil {
		return store.AutomationDraft{}, errors.New("automation: no draft provider")
	}
	conv, err := d.Store.ConversationByID(ctx, s.Message.ConversationID)
	if err != nil {
		return store.AutomationDraft{}, err
	}
	thread, err := d.Store.Messages(ctx, conv.ID, 20)
	if err != nil {
		return store.AutomationDraft{}, err
	}
	text, err := d.Provider.Draft(ctx, DraftRequest{Conversation: conv, Thread: thread, Intent: s.Result.Intent, Kind: s.Result.Kind})
	if err != nil {
		return store.AutomationDraft{}, err
	}
	cats := Categories(text, s.Message.Text)
	needs := false
	allowed := d.approvalCategories(ctx)
	for _, c := range cats {
		for _, a := range allowed {
			needs = needs || c == a
		}
	}
	mid := s.Message.ID
	draft := store.AutomationDraft{ConversationID: conv.ID, MessageID: &mid, Provider: d.Provider.Name(), Text: text,
		Intent: s.Result.Intent, Categories: strings.Join(cats, ","), NeedsApproval: needs}
	if ruleID != 0 {
		draft.RuleID = &ruleID
	}
	if err := d.Store.CreateDraft(ctx, &draft); err != nil {
		return draft, err
	}
	_, err = d.Store.AppendAudit(ctx, store.AuditEvent{Actor: fmt.Sprintf("automation:%d", ruleID), Action: "draft.created",
		TargetType: "draft", TargetID: strconv.FormatInt(draft.ID, 10), Reason: draft.Categories,
		AfterJSON: fmt.Sprintf(`{"conversationId":%d,"provider":%q}`, conv.ID, draft.Provider)})
	return draft, err
}

// Approve sends a pending draft (optionally edited) through the send gate as
// an AI-assisted automated message, and records the decision. When the gate
// refuses (opt-out, caps...), the draft is marked refused and the refusal returned.
func (d *Drafts) Approve(ctx context.Context, id int64, actor, text string) (store.Message, error) {
	draft, err := d.Store.DraftByID(ctx, id)
	if err != nil {
		return store.Message{}, err
	}
	if draft.Status != store.DraftPending {
		return store.Message{}, ErrDraftDecided
	}
	if strings.TrimSpace(text) == "" {
		text = draft.Text
	}
	m, err := d.Sender.Send(ctx, inbox.SendRequest{ConversationID: draft.ConversationID, Text: text, Actor: actor,
		Origin: inbox.OriginAutomation, AIAssisted: true})
	if err != nil {
		_ = d.Store.DecideDraft(ctx, id, store.DraftRefused, actor, err.Error(), text, nil)
		return m, err
	}
	status := store.DraftSent
	if m.State != store.StateSent {
		status = store.DraftApproved
	}
	if err := d.Store.DecideDraft(ctx, id, status, actor, "", text, &m.ID); err != nil {
		return m, err
	}
	_, err = d.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "draft.approved", TargetType: "message",
		TargetID: strconv.FormatInt(m.ID, 10), Reason: "ai-assisted",
		AfterJSON: fmt.Sprintf(`{"draftId":%d,"aiAssisted":true,"edited":%t,"provider":%q}`, id, text != draft.Text, draft.Provider)})
	return m, err
}

// Reject discards a pending draft.
func (d *Drafts) Reject(ctx context.Context, id int64, actor, note string) error {
	draft, err := d.Store.DraftByID(ctx, id)
	if err != nil {
		return err
	}
	if draft.Status != store.DraftPending {
		return ErrDraftDecided
	}
	if err := d.Store.DecideDraft(ctx, id, store.DraftRejected, actor, note, draft.Text, nil); err != nil {
		return err
	}
	_, err = d.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "draft.rejected", TargetType: "draft",
		TargetID: strconv.FormatInt(id, 10), Reason: note})
	return err
}

// ErrDraftDecided: the draft was already approved, rejected or sent.
var ErrDraftDecided = &decidedError{}

// decidedError is ErrDraftDecided's type (translatable).
type decidedError struct{}

// Error implements error.
func (*decidedError) Error() string { return "automation: this draft was already decided" }

// ErrorKey implements app.KeyedError.
func (*decidedError) ErrorKey() (code, key string, args map[string]string) {
	return "draft_decided", "errors.automation.draftDecided", nil
}

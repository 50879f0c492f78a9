package app

import (
	"context"
	"slices"

	"creatordesk/backend/automation"
	"creatordesk/backend/governance"
)

// Settings returns the automation settings: caps, review share, disclosure
// labels and notices, approval categories and the AI endpoint.
func (a *Automation) Settings() (AutomationSettingsDTO, error) {
	svc, err := a.svc()
	if err != nil {
		return AutomationSettingsDTO{}, err
	}
	ctx := context.Background()
	st := a.s.Workspace().Store
	c := governance.ReadConfig(ctx, st)
	out := AutomationSettingsDTO{ContactHourlyCap: c.ContactHourly, AccountDailyCap: c.AccountDaily, ReviewSharePercent: c.ReviewShare,
		Labels: autoNonNilMap(c.Labels), Notices: autoNonNilMap(c.Notices), DefaultLabels: map[string]string{}, DefaultNotices: map[string]string{},
		Channels: []string{}, ApprovalCategories: autoNonNil(automation.ApprovalCategories(ctx, st)),
		AllCategories: slices.Clone(automation.DefaultApprovalCategories), AI: aiToDTO(svc.AI.Read(ctx))}
	for _, l := range governance.Languages {
		out.DefaultLabels[l], out.DefaultNotices[l] = governance.DefaultLabel(l), governance.DefaultNotice(l)
	}
	accs, err := st.Accounts(ctx, true)
	if err != nil {
		return out, err
	}
	for _, acc := range accs {
		if !slices.Contains(out.Channels, acc.Platform) {
			out.Channels = append(out.Channels, acc.Platform)
		}
	}
	for ch := range out.Labels {
		if !slices.Contains(out.Channels, ch) {
			out.Channels = append(out.Channels, ch)
		}
	}
	slices.Sort(out.Channels)
	return out, nil
}

// SaveSettings validates and stores the settings; each part is audited with
// its before and after. The AI endpoint's key is set with SetAIKey.
func (a *Automation) SaveSettings(dto AutomationSettingsDTO) (AutomationSettingsDTO, error) {
	svc, err := a.svc()
	if err != nil {
		return AutomationSettingsDTO{}, err
	}
	ctx := context.Background()
	st, actor := a.s.Workspace().Store, a.s.Actor()
	if _, err := governance.SaveConfig(ctx, st, actor, governance.Config{ContactHourly: dto.ContactHourlyCap, AccountDaily: dto.AccountDailyCap,
		ReviewShare: dto.ReviewSharePercent, Labels: dto.Labels, Notices: dto.Notices}); err != nil {
		return AutomationSettingsDTO{}, err
	}
	if !slices.Equal(dto.ApprovalCategories, automation.ApprovalCategories(ctx, st)) {
		if _, err := automation.SaveApprovalCategories(ctx, st, actor, dto.ApprovalCategories); err != nil {
			return AutomationSettingsDTO{}, err
		}
	}
	if cur := svc.AI.Read(ctx); cur.BaseURL != dto.AI.BaseURL || cur.Model != dto.AI.Model {
		if _, err := svc.AI.Save(ctx, actor, dto.AI.BaseURL, dto.AI.Model); err != nil {
			return AutomationSettingsDTO{}, err
		}
	}
	return a.Settings()
}

// SetAIKey stores the AI endpoint's API key in the OS keyring ("" removes it).
func (a *Automation) SetAIKey(key string) (AIEndpointDTO, error) {
	svc, err := a.svc()
	if err != nil {
		return AIEndpointDTO{}, err
	}
	c, err := svc.AI.SetKey(context.Background(), a.s.Actor(), key)
	return aiToDTO(c), err
}

// TestAIEndpoint calls the saved endpoint once; a failure comes back
// translated (errors.automation.ai.*).
func (a *Automation) TestAIEndpoint() (AIEndpointDTO, error) {
	svc, err := a.svc()
	if err != nil {
		return AIEndpointDTO{}, err
	}
	ctx := context.Background()
	if err := svc.AI.Test(ctx); err != nil {
		return AIEndpointDTO{}, err
	}
	return aiToDTO(svc.AI.Read(ctx)), nil
}

// PausedConversations lists the conversations handed over to a person.
func (a *Automation) PausedConversations() ([]PausedConversationDTO, error) {
	ctx := context.Background()
	st := a.s.Workspace().Store
	rows, err := st.PausedConversations(ctx, 200)
	if err != nil {
		return nil, err
	}
	out := make([]PausedConversationDTO, 0, len(rows))
	for _, p := range rows {
		d := PausedConversationDTO{ConversationID: p.ConversationID, PausedAt: rfc3339(p.PausedAt), Actor: p.Actor, Reason: p.Reason}
		if c, err := st.ConversationByID(ctx, p.ConversationID); err == nil {
			d.Title, d.Platform = c.Title, c.Platform
		}
		out = append(out, d)
	}
	return out, nil
}

// ResumeConversation lets automation act on a handed-over conversation again.
func (a *Automation) ResumeConversation(conversationID int64) ([]PausedConversationDTO, error) {
	if _, err := governance.ResumeConversation(context.Background(), a.s.Workspace().Store, a.s.Actor(), conversationID); err != nil {
		return nil, err
	}
	return a.PausedConversations()
}

// aiToDTO converts the endpoint settings.
func aiToDTO(c automation.AIConfig) AIEndpointDTO {
	return AIEndpointDTO{BaseURL: c.BaseURL, Model: c.Model, HasKey: c.HasKey}
}

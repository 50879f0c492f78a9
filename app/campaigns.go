package app

import (
	"context"
	"encoding/base64"
	"errors"
	"strings"
	"time"

	"creatordesk/backend/campaigns"
	"creatordesk/backend/campaigns/attribution"
	"creatordesk/backend/campaigns/orderimport"
	"creatordesk/backend/store"
)

func init() {
	registerFacade(func(s *Session) any { return NewCampaigns(s) })
}

// Campaigns is the bound facade of the campaigns area.
type Campaigns struct{ s *Session }

// NewCampaigns binds the facade to a session.
func NewCampaigns(s *Session) *Campaigns { return &Campaigns{s: s} }

// svc is the workspace's campaigns service.
func (c *Campaigns) svc() *campaigns.Service { return c.s.Workspace().Campaigns() }

// ListCreators lists creators by name.
func (c *Campaigns) ListCreators() ([]CreatorDTO, error) {
	rows, err := c.s.Workspace().Store.Creators(context.Background(), false)
	out := make([]CreatorDTO, 0, len(rows))
	for _, r := range rows {
		out = append(out, toCreatorDTO(r))
	}
	return out, err
}

// SaveCreator creates (id 0) or updates a creator.
func (c *Campaigns) SaveCreator(d CreatorDTO) (CreatorDTO, error) {
	cr := store.Creator{ID: d.ID, Name: d.Name, Email: d.Email, Phone: d.Phone, RateMinor: d.RateMinor, Currency: d.Currency,
		RateUnit: d.RateUnit, Notes: d.Notes, Archived: d.Archived}
	for _, h := range d.Handles {
		cr.Handles = append(cr.Handles, store.CreatorHandle{Platform: h.Platform, Handle: h.Handle})
	}
	saved, err := c.svc().SaveCreator(context.Background(), cr, c.s.Actor())
	return toCreatorDTO(saved), err
}

// ListCampaigns lists campaigns, newest first.
func (c *Campaigns) ListCampaigns() ([]CampaignDTO, error) {
	rows, err := c.s.Workspace().Store.Campaigns(context.Background())
	out := make([]CampaignDTO, 0, len(rows))
	for _, r := range rows {
		out = append(out, toCampaignDTO(r))
	}
	return out, err
}

// SaveCampaign creates (id 0) or updates a campaign.
func (c *Campaigns) SaveCampaign(d CampaignDTO) (CampaignDTO, error) {
	starts, err1 := parseOptionalTime(d.StartsAt)
	ends, err2 := parseOptionalTime(d.EndsAt)
	if err1 != nil || err2 != nil {
		return d, invalidInput("dates")
	}
	saved, err := c.svc().SaveCampaign(context.Background(), store.Campaign{ID: d.ID, Name: d.Name, Slug: d.Slug, Brief: d.Brief,
		StartsAt: starts, EndsAt: ends, Deliverables: d.Deliverables, BudgetMinor: d.BudgetMinor, Currency: d.Currency,
		Compensation: d.Compensation, Stage: d.Stage}, c.s.Actor())
	return toCampaignDTO(saved), err
}

// MoveCampaign moves a campaign on the pipeline board.
func (c *Campaigns) MoveCampaign(id int64, stage string) (CampaignDTO, error) {
	saved, err := c.svc().MoveCampaign(context.Background(), id, stage, c.s.Actor())
	return toCampaignDTO(saved), err
}

// ListCampaignCreators lists which creators are on which campaign, with their fees.
func (c *Campaigns) ListCampaignCreators() ([]CampaignCreatorDTO, error) {
	rows, err := c.s.Workspace().Store.CampaignCreators(context.Background())
	out := make([]CampaignCreatorDTO, 0, len(rows))
	for _, r := range rows {
		out = append(out, CampaignCreatorDTO{CampaignID: r.CampaignID, CreatorID: r.CreatorID, FeeMinor: r.FeeMinor})
	}
	return out, err
}

// SetCampaignCreator puts a creator on a campaign, or changes their fee (minor units).
func (c *Campaigns) SetCampaignCreator(campaignID, creatorID, feeMinor int64) error {
	return c.svc().SetCampaignCreator(context.Background(), campaignID, creatorID, feeMinor, c.s.Actor())
}

// RemoveCampaignCreator takes a creator off a campaign.
func (c *Campaigns) RemoveCampaignCreator(campaignID, creatorID int64) error {
	return c.svc().RemoveCampaignCreator(context.Background(), campaignID, creatorID, c.s.Actor())
}

// ListCodes lists discount codes.
func (c *Campaigns) ListCodes() ([]CodeDTO, error) {
	rows, err := c.s.Workspace().Store.DiscountCodes(context.Background())
	out := make([]CodeDTO, 0, len(rows))
	for _, r := range rows {
		out = append(out, toCodeDTO(r))
	}
	return out, err
}

// AddCode records a code, creating it in the shop when accountId is set.
func (c *Campaigns) AddCode(req NewCodeRequest) (CodeDTO, error) {
	code, err := c.svc().AddCode(context.Background(), campaigns.NewCode{Code: req.Code, CreatorID: req.CreatorID, CampaignID: req.CampaignID,
		AccountID: req.AccountID, Percent: req.Percent, AmountOffMinor: req.AmountOffMinor, Currency: req.Currency}, c.s.Actor())
	return toCodeDTO(code), err
}

// ListLinks lists tracked links.
func (c *Campaigns) ListLinks() ([]LinkDTO, error) {
	rows, err := c.s.Workspace().Store.Links(context.Background())
	out := make([]LinkDTO, 0, len(rows))
	for _, r := range rows {
		out = append(out, toLinkDTO(r))
	}
	return out, err
}

// BuildLink makes (or finds) a creator's tracked link.
func (c *Campaigns) BuildLink(req NewLinkRequest) (LinkDTO, error) {
	l, err := c.svc().BuildLink(context.Background(), campaigns.NewLink{BaseURL: req.BaseURL, CreatorID: req.CreatorID,
		CampaignID: req.CampaignID, Platform: req.Platform, Term: req.Term}, c.s.Actor())
	return toLinkDTO(l), err
}

// LinkQR returns a link's QR code as a data:image/png;base64 URL (for display and download).
func (c *Campaigns) LinkQR(id int64) (string, error) {
	l, err := c.s.Workspace().Store.LinkByID(context.Background(), id)
	if err != nil {
		return "", err
	}
	png, err := campaigns.QRPNG(l.URL)
	if err != nil {
		return "", err
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(png), nil
}

// ListOrders lists orders in a range (RFC 3339 or YYYY-MM-DD; "" = open), newest first.
func (c *Campaigns) ListOrders(from, to string, limit int) ([]OrderDTO, error) {
	r, err := ParseRange(from, to)
	if err != nil {
		return nil, err
	}
	rows, err := c.s.Workspace().Store.Orders(context.Background(), store.OrderFilter{From: r.From, To: r.To, Limit: limit})
	out := make([]OrderDTO, 0, len(rows))
	for _, o := range rows {
		out = append(out, toOrderDTO(o))
	}
	return out, err
}

// previewOf parses an import request.
func previewOf(req OrderImportRequest) (orderimport.Preview, error) {
	opts := orderimport.Options{Format: req.Format, Currency: req.Currency, DateOrder: req.DateOrder, FileName: req.FileName}
	if req.Format == orderimport.FormatCustom {
		opts.Mapping.Columns = map[orderimport.Field]string{}
		for f, col := range req.Columns {
			opts.Mapping.Columns[orderimport.Field(f)] = col
		}
	}
	return orderimport.Parse(strings.NewReader(req.Content), opts)
}

// PreviewOrderImport reads a CSV and reports what would be imported and each bad row.
// When the columns cannot be matched (unknown format, required columns not chosen)
// it still answers with the headers and sample rows, the problem in MappingProblem,
// so the column-mapping step can show the file; other file problems are errors.
func (c *Campaigns) PreviewOrderImport(req OrderImportRequest) (OrderImportPreviewDTO, error) {
	p, err := previewOf(req)
	var fe *orderimport.FileError
	if errors.As(err, &fe) && (fe.Reason == "unknown_format" || fe.Reason == "missing_columns") {
		d := toPreviewDTO(p)
		d.Valid, d.MappingProblem = 0, ToAppError(err)
		return d, nil
	}
	if err != nil {
		return OrderImportPreviewDTO{}, err
	}
	return toPreviewDTO(p), nil
}

// ImportOrders stores a CSV's orders; with bad rows it stores nothing unless skipBad is set.
func (c *Campaigns) ImportOrders(req OrderImportRequest) (OrderImportResultDTO, error) {
	p, err := previewOf(req)
	if err != nil {
		return OrderImportResultDTO{}, err
	}
	res, err := c.svc().ImportOrders(context.Background(), p, req.SkipBad, c.s.Actor())
	return OrderImportResultDTO{Read: res.Read, Inserted: res.Inserted, AlreadyThere: res.AlreadyThere, Skipped: res.Skipped}, err
}

// Results returns results per creator, code, campaign or template for a range.
func (c *Campaigns) Results(dimension, from, to string) ([]ResultRowDTO, error) {
	r, err := ParseRange(from, to)
	if err != nil {
		return nil, err
	}
	rows, err := c.svc().Results(context.Background(), store.ResultDimension(dimension), r)
	return toResultRows(rows), err
}

// Revenue is the revenue KPI; `creatordesk kpi revenue --json` prints the same value.
func (c *Campaigns) Revenue(from, to string) (RevenueDTO, error) {
	r, err := ParseRange(from, to)
	if err != nil {
		return RevenueDTO{}, err
	}
	rev, err := c.svc().RevenueKPI(context.Background(), r)
	if err != nil {
		return RevenueDTO{}, err
	}
	out := RevenueDTO{From: rfc3339(r.From), To: rfc3339(r.To), ByCreator: toResultRows(rev.ByCreator), ByCode: toResultRows(rev.ByCode),
		Totals: []CurrencyTotalDTO{}}
	for _, t := range rev.Totals {
		out.Totals = append(out.Totals, CurrencyTotalDTO{Currency: t.Currency, Orders: t.Orders, RevenueMinor: t.RevenueMinor, Credited: t.Credited})
	}
	return out, nil
}

// AttributionModel returns the attribution model setting.
func (c *Campaigns) AttributionModel() (string, error) {
	m, err := c.svc().Model(context.Background())
	return string(m), err
}

// SetAttributionModel changes the model and recomputes every order.
func (c *Campaigns) SetAttributionModel(model string) error {
	return c.svc().SetModel(context.Background(), attribution.Model(model), c.s.Actor())
}

// ParseRange reads a from/to pair: RFC 3339 times, or YYYY-MM-DD days in UTC
// where "to" includes its whole day. "" leaves that end open.
func ParseRange(from, to string) (campaigns.Range, error) {
	var r campaigns.Range
	var err error
	if r.From, err = parseBound(from, false); err != nil {
		return r, invalidInput("from: " + from)
	}
	if r.To, err = parseBound(to, true); err != nil {
		return r, invalidInput("to: " + to)
	}
	if r.From != 0 && r.To != 0 && r.To <= r.From {
		return r, invalidInput("to is before from")
	}
	return r, nil
}

// parseBound reads one end of a range as Unix ms.
func parseBound(s string, end bool) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if d, err := time.Parse("2006-01-02", s); err == nil {
		if end {
			d = d.AddDate(0, 0, 1)
		}
		return d.UnixMilli(), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	return t.UnixMilli(), err
}

// parseOptionalTime reads an RFC 3339 time or YYYY-MM-DD ("" = 0).
func parseOptionalTime(s string) (int64, error) { return parseBound(s, false) }

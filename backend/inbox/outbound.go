package inbox

import (
	"context"
	"encoding/json"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// outbound is what a message carries besides its text: files, or the
// approved WhatsApp template it is sent as. Send prepares it before anything
// is stored; Retry reads it back from the store.
type outbound struct {
	files []store.OutgoingAttachment
	// data are the files' bytes (Send only), written to the data folder by keepFiles.
	data     [][]byte
	template *store.OutgoingTemplate
}

// outboundRules are the parts of outbound the gate's checks depend on.
type outboundRules struct {
	// hasFiles lets a message without text through.
	hasFiles bool
	// template lets a message through after the messaging window closed.
	template bool
}

// rules returns the checks' view of o.
func (o outbound) rules() outboundRules {
	return outboundRules{hasFiles: len(o.files) > 0, template: o.template != nil}
}

// prepareOutbound validates req's files or template before anything is
// stored: files are checked against the connector's rules (keepFiles copies
// them once the policies have passed too); a template is looked up among the account's approved
// ones and req.Text becomes its rendered body (req.Marketing is set for a
// marketing template, so the consent policy applies).
func (s *Service) prepareOutbound(ctx context.Context, conv store.Conversation, comment *store.Message, req *SendRequest) (outbound, error) {
	var out outbound
	if len(req.Attachments) == 0 && req.WhatsAppTemplate == nil {
		return out, nil
	}
	if comment != nil || (len(req.Attachments) > 0 && req.WhatsAppTemplate != nil) {
		return out, ErrOutboundNotHere
	}
	if req.WhatsAppTemplate != nil {
		tpl, err := s.resolveTemplate(ctx, conv, req)
		if err != nil {
			return out, err
		}
		out.template = &tpl
		return out, nil
	}
	files, err := s.stageAttachments(ctx, conv, req.Attachments)
	if err != nil {
		return out, err
	}
	out.files = files
	for _, a := range req.Attachments {
		out.data = append(out.data, a.Data)
	}
	return out, nil
}

// keepFiles copies o's files into the data folder, once every check has
// passed and before the message is stored.
func (s *Service) keepFiles(o outbound) error {
	if len(o.data) == 0 {
		return nil
	}
	dir, err := s.attachmentDir()
	if err != nil {
		return err
	}
	for i, data := range o.data {
		if err := keepCopy(dir, o.files[i].SHA256, data); err != nil {
			return err
		}
	}
	return nil
}

// recordOutbound completes the queued message m before the platform is
// called: the files (stored with the message) are read back with their ids,
// and a template is recorded. On failure the message is marked failed (its
// text is kept) and the error returned.
func (s *Service) recordOutbound(ctx context.Context, m store.Message, o *outbound) (store.Message, error) {
	if len(o.files) == 0 && o.template == nil {
		return m, nil
	}
	var err error
	if o.template != nil {
		t := o.template
		err = s.Store.SetOutgoingTemplate(ctx, m.ID, t.Name, t.Language, t.Category, t.Params())
		t.MessageID = m.ID
	} else {
		o.files, err = s.Store.OutgoingAttachments(ctx, m.ID)
	}
	if err != nil {
		_ = s.Store.MarkFailed(context.WithoutCancel(ctx), m.ID, string(platforms.KindPermanent), "could not record the message's attachments or template")
		return m, err
	}
	if fresh, e := s.Store.MessageByID(ctx, m.ID); e == nil {
		m = fresh
	}
	return m, nil
}

// storedOutbound reads back what a stored message carries, for a retry.
func (s *Service) storedOutbound(ctx context.Context, m store.Message) (outbound, error) {
	var out outbound
	t, ok, err := s.Store.OutgoingTemplateOf(ctx, m.ID)
	if err != nil {
		return out, err
	}
	if ok {
		out.template = &t
		return out, nil
	}
	out.files, err = s.Store.OutgoingAttachments(ctx, m.ID)
	return out, err
}

// encodeParams is a template's parameters as stored (a JSON array).
func encodeParams(params []string) string {
	raw, _ := json.Marshal(params)
	return string(raw)
}

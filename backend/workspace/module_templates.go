package workspace

import (
	"context"

	"creatordesk/backend/templates"
)

// templatesModule names the saved-replies service in the workspace.
const templatesModule = "templates"

// demoBrand is the demo shop's name, used for {brand} in the demo workspace.
const demoBrand = "Glaze & Co."

func init() {
	registerModule(Module{
		Name: templatesModule,
		Start: func(w *Workspace) (func(), error) {
			svc := templates.NewService(w.Store)
			if c := w.Campaigns(); c != nil {
				svc.Pickers = append(svc.Pickers, c.PickTemplate) // reply experiments
			}
			ctx := context.Background()
			lang, err := w.Store.Setting(ctx, "language", "")
			if err != nil {
				return nil, err
			}
			// Starters are added once per key: a re-open adds nothing and never touches edits.
			if _, err := svc.SeedStarters(ctx, lang); err != nil {
				return nil, err
			}
			w.Inbox.Policies = append(w.Inbox.Policies, templates.UnfilledPolicy{})
			w.Inbox.AfterSend = append(w.Inbox.AfterSend, svc.RecordUse)
			w.SetService(templatesModule, svc)
			return nil, nil
		},
		SeedDemo: func(w *Workspace) error {
			ctx := context.Background()
			lang, err := w.Store.Setting(ctx, "language", "")
			if err != nil {
				return err
			}
			_, err = Templates(w).SeedDemo(ctx, lang, demoBrand)
			return err
		},
	})
}

// Templates returns the workspace's saved-replies service.
func Templates(w *Workspace) *templates.Service {
	svc, _ := w.Service(templatesModule).(*templates.Service)
	return svc
}

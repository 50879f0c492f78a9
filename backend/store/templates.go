package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// TemplateFolder groups saved replies.
type TemplateFolder struct {
	ID        int64  `gorm:"column:id;primaryKey"`
	Name      string `gorm:"column:name"`
	Position  int    `gorm:"column:position"`
	SeedKey   string `gorm:"column:seed_key"`
	CreatedAt int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (TemplateFolder) TableName() string { return "template_folders" }

// Template is a saved reply with its per-language bodies.
type Template struct {
	ID       int64  `gorm:"column:id;primaryKey"`
	FolderID *int64 `gorm:"column:folder_id"`
	Name     string `gorm:"column:name"`
	// Shortcut is the slug typed after "/" in the composer; unique.
	Shortcut string `gorm:"column:shortcut"`
	// Channel is a platform the reply is meant for ("" = any).
	Channel string `gorm:"column:channel"`
	// Kind is "dm" or "comment" when the reply suits one kind of thread ("" = any).
	Kind string `gorm:"column:kind"`
	// SeedKey names the starter template this row was seeded from ("" = made by a person).
	SeedKey    string `gorm:"column:seed_key"`
	UsageCount int64  `gorm:"column:usage_count"`
	LastUsedAt int64  `gorm:"column:last_used_at"`
	CreatedAt  int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt  int64  `gorm:"column:updated_at;autoUpdateTime:false"`
	// Variants are the bodies, one per language (not a column).
	Variants []TemplateVariant `gorm:"-"`
}

// TableName implements gorm's Tabler.
func (Template) TableName() string { return "templates" }

// TemplateVariant is a template's body in one language.
type TemplateVariant struct {
	TemplateID int64  `gorm:"column:template_id;primaryKey"`
	Language   string `gorm:"column:language;primaryKey"`
	Body       string `gorm:"column:body"`
	UpdatedAt  int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (TemplateVariant) TableName() string { return "template_variants" }

// TemplateOrder is how Templates sorts.
type TemplateOrder int

// Template orders.
const (
	// TemplatesByUsage: most used first, then most recently used (ix_templates_usage).
	TemplatesByUsage TemplateOrder = iota
	// TemplatesByFolder: by folder, then name (ix_templates_folder_name).
	TemplatesByFolder
)

// TemplateFilter narrows Templates.
type TemplateFilter struct {
	// FolderID keeps one folder's templates (0 = every folder).
	FolderID int64
	// Unfiled keeps templates in no folder.
	Unfiled bool
	Order   TemplateOrder
}

// TemplateFolders returns every folder in display order.
func (s *Store) TemplateFolders(ctx context.Context) ([]TemplateFolder, error) {
	var out []TemplateFolder
	return out, classify(s.R.WithContext(ctx).Order("position, id").Find(&out).Error)
}

// CreateTemplateFolder adds a folder at the end; ErrDuplicate when the name is taken.
func (s *Store) CreateTemplateFolder(ctx context.Context, f *TemplateFolder) error {
	now := s.nowMillis()
	f.CreatedAt, f.UpdatedAt = now, now
	return classify(s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var max struct{ P int }
		if err := tx.Raw(`SELECT COALESCE(MAX(position), 0) AS p FROM template_folders`).Scan(&max).Error; err != nil {
			return err
		}
		f.Position = max.P + 1
		return tx.Create(f).Error
	}))
}

// TemplateFolderByID returns one folder or ErrNotFound.
func (s *Store) TemplateFolderByID(ctx context.Context, id int64) (TemplateFolder, error) {
	var f TemplateFolder
	err := s.R.WithContext(ctx).Take(&f, id).Error
	if isNotFound(err) {
		return f, ErrNotFound
	}
	return f, classify(err)
}

// RenameTemplateFolder renames a folder; ErrNotFound or ErrDuplicate.
func (s *Store) RenameTemplateFolder(ctx context.Context, id int64, name string) error {
	res := s.W.WithContext(ctx).Model(&TemplateFolder{}).Where("id = ?", id).
		Updates(map[string]any{"name": name, "updated_at": s.nowMillis()})
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// DeleteTemplateFolder removes a folder; its templates stay, in no folder.
func (s *Store) DeleteTemplateFolder(ctx context.Context, id int64) error {
	return classify(s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`UPDATE templates SET folder_id = NULL WHERE folder_id = ?`, id).Error; err != nil {
			return err
		}
		res := tx.Exec(`DELETE FROM template_folders WHERE id = ?`, id)
		if res.Error == nil && res.RowsAffected == 0 {
			return ErrNotFound
		}
		return res.Error
	}))
}

// Templates returns the templates the filter keeps, with their variants.
func (s *Store) Templates(ctx context.Context, f TemplateFilter) ([]Template, error) {
	q := s.R.WithContext(ctx).Model(&Template{})
	switch {
	case f.Unfiled:
		q = q.Where("folder_id IS NULL")
	case f.FolderID != 0:
		q = q.Where("folder_id = ?", f.FolderID)
	}
	if f.Order == TemplatesByFolder {
		q = q.Order("folder_id, name, id")
	} else {
		q = q.Order("usage_count DESC, last_used_at DESC, id")
	}
	var out []Template
	if err := q.Find(&out).Error; err != nil {
		return nil, classify(err)
	}
	return out, s.attachVariants(ctx, out)
}

// TemplateByID returns one template with its variants, or ErrNotFound.
func (s *Store) TemplateByID(ctx context.Context, id int64) (Template, error) {
	var rows []Template
	if err := s.R.WithContext(ctx).Where("id = ?", id).Limit(1).Find(&rows).Error; err != nil {
		return Template{}, classify(err)
	}
	if len(rows) == 0 {
		return Template{}, ErrNotFound
	}
	err := s.attachVariants(ctx, rows)
	return rows[0], err
}

// attachVariants loads the variants of ts (in place), ordered by language.
func (s *Store) attachVariants(ctx context.Context, ts []Template) error {
	if len(ts) == 0 {
		return nil
	}
	ids := make([]int64, len(ts))
	at := make(map[int64]int, len(ts))
	for i, t := range ts {
		ids[i], at[t.ID] = t.ID, i
	}
	var vs []TemplateVariant
	if err := s.R.WithContext(ctx).Where("template_id IN ?", ids).Order("template_id, language").Find(&vs).Error; err != nil {
		return classify(err)
	}
	for _, v := range vs {
		i := at[v.TemplateID]
		ts[i].Variants = append(ts[i].Variants, v)
	}
	return nil
}

// CreateTemplate inserts t and its variants in one transaction; ErrDuplicate
// when the shortcut is taken.
func (s *Store) CreateTemplate(ctx context.Context, t *Template) error {
	return classify(s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return insertTemplateTx(tx, t, s.nowMillis())
	}))
}

// insertTemplateTx inserts t and its variants inside tx.
func insertTemplateTx(tx *gorm.DB, t *Template, now int64) error {
	t.ID, t.CreatedAt, t.UpdatedAt = 0, now, now
	if err := tx.Omit("Variants").Create(t).Error; err != nil {
		return err
	}
	return writeTemplateVariantsTx(tx, t, now)
}

// writeTemplateVariantsTx replaces t's variants with t.Variants.
func writeTemplateVariantsTx(tx *gorm.DB, t *Template, now int64) error {
	if err := tx.Exec(`DELETE FROM template_variants WHERE template_id = ?`, t.ID).Error; err != nil {
		return err
	}
	for i := range t.Variants {
		v := &t.Variants[i]
		v.TemplateID, v.UpdatedAt = t.ID, now
		if err := tx.Create(v).Error; err != nil {
			return err
		}
	}
	return nil
}

// UpdateTemplate saves t's name, folder, shortcut, hints and variants (usage is
// kept); ErrNotFound or ErrDuplicate.
func (s *Store) UpdateTemplate(ctx context.Context, t *Template) error {
	now := s.nowMillis()
	return classify(s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&Template{}).Where("id = ?", t.ID).Updates(map[string]any{
			"folder_id": t.FolderID, "name": t.Name, "shortcut": t.Shortcut, "channel": t.Channel, "kind": t.Kind, "updated_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		t.UpdatedAt = now
		return writeTemplateVariantsTx(tx, t, now)
	}))
}

// DeleteTemplate removes a template and its variants; ErrNotFound when absent.
func (s *Store) DeleteTemplate(ctx context.Context, id int64) error {
	res := s.W.WithContext(ctx).Exec(`DELETE FROM templates WHERE id = ?`, id)
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// RecordTemplateUse counts one delivered message sent from a template.
// A template deleted meanwhile is ignored.
func (s *Store) RecordTemplateUse(ctx context.Context, id int64, atMillis int64) error {
	return classify(s.W.WithContext(ctx).Exec(`UPDATE templates SET usage_count = usage_count + 1,
		last_used_at = CASE WHEN last_used_at > ? THEN last_used_at ELSE ? END WHERE id = ?`, atMillis, atMillis, id).Error)
}

// TemplateSeed is one starter template to add once.
type TemplateSeed struct {
	// Key identifies the starter forever; once seeded it is never seeded again,
	// even when the user edits or deletes it.
	Key string
	// FolderKey and FolderName place it in a seeded folder ("" = no folder).
	FolderKey, FolderName string
	Template              Template
}

// SeedTemplates adds the seeds not seeded before, in one transaction, and
// returns how many templates it added. A taken shortcut gets a numeric suffix.
func (s *Store) SeedTemplates(ctx context.Context, seeds []TemplateSeed) (int, error) {
	now := s.nowMillis()
	added := 0
	err := s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		added = 0
		done, err := templateSeededKeys(tx)
		if err != nil {
			return err
		}
		folders := map[string]*int64{}
		for _, sd := range seeds {
			if done[sd.Key] {
				continue
			}
			t := sd.Template
			t.SeedKey = sd.Key
			if sd.FolderKey != "" {
				if t.FolderID, err = seedTemplateFolder(tx, folders, done, sd.FolderKey, sd.FolderName, now); err != nil {
					return err
				}
			}
			if t.Shortcut, err = freeTemplateShortcut(tx, t.Shortcut); err != nil {
				return err
			}
			if err := insertTemplateTx(tx, &t, now); err != nil {
				return err
			}
			if err := markTemplateSeeded(tx, sd.Key, now); err != nil {
				return err
			}
			done[sd.Key] = true
			added++
		}
		return nil
	})
	return added, classify(err)
}

// templateSeededKeys reads the seed ledger.
func templateSeededKeys(tx *gorm.DB) (map[string]bool, error) {
	var keys []string
	if err := tx.Table("template_seeds").Pluck("seed_key", &keys).Error; err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(keys))
	for _, k := range keys {
		out[k] = true
	}
	return out, nil
}

// markTemplateSeeded records a seed key in the ledger.
func markTemplateSeeded(tx *gorm.DB, key string, now int64) error {
	return tx.Exec(`INSERT INTO template_seeds(seed_key, seeded_at) VALUES (?, ?)`, key, now).Error
}

// seedTemplateFolder returns the id of the seeded folder key, creating it the first
// time; a seeded folder the user deleted is not brought back (nil: no folder).
func seedTemplateFolder(tx *gorm.DB, cache map[string]*int64, done map[string]bool, key, name string, now int64) (*int64, error) {
	if id, ok := cache[key]; ok {
		return id, nil
	}
	ledgerKey := "folder:" + key
	var rows []TemplateFolder
	if err := tx.Where("seed_key = ?", key).Limit(1).Find(&rows).Error; err != nil {
		return nil, err
	}
	var id *int64
	switch {
	case len(rows) == 1:
		id = &rows[0].ID
	case !done[ledgerKey]:
		var byName []TemplateFolder
		if err := tx.Where("name = ?", name).Limit(1).Find(&byName).Error; err != nil {
			return nil, err
		}
		if len(byName) == 1 {
			id = &byName[0].ID
		} else {
			var max struct{ P int }
			if err := tx.Raw(`SELECT COALESCE(MAX(position), 0) AS p FROM template_folders`).Scan(&max).Error; err != nil {
				return nil, err
			}
			f := TemplateFolder{Name: name, SeedKey: key, Position: max.P + 1, CreatedAt: now, UpdatedAt: now}
			if err := tx.Create(&f).Error; err != nil {
				return nil, err
			}
			id = &f.ID
		}
		if err := markTemplateSeeded(tx, ledgerKey, now); err != nil {
			return nil, err
		}
		done[ledgerKey] = true
	}
	cache[key] = id
	return id, nil
}

// freeTemplateShortcut returns shortcut, or shortcut-2, -3... when it is taken.
func freeTemplateShortcut(tx *gorm.DB, shortcut string) (string, error) {
	for n := 1; n < 1000; n++ {
		try := shortcut
		if n > 1 {
			try = fmt.Sprintf("%s-%d", shortcut, n)
		}
		var count int64
		if err := tx.Model(&Template{}).Where("shortcut = ?", try).Count(&count).Error; err != nil {
			return "", err
		}
		if count == 0 {
			return try, nil
		}
	}
	return "", errors.New("store: no free shortcut for " + shortcut)
}

// TemplateFacts is what a conversation tells a template about the person on the other side.
type TemplateFacts struct {
	ConversationID int64
	Platform       string
	Kind           string
	Title          string
	// Language is the conversation's detected language ("" = unknown).
	Language string
	// Contact* are "" when the conversation has no contact.
	ContactFirstName   string
	ContactDisplayName string
	ContactLanguage    string
	// LastInboundAuthor is the author name of the newest inbound message.
	LastInboundAuthor string
}

// TemplateFacts reads the facts of one conversation, or ErrNotFound.
func (s *Store) TemplateFacts(ctx context.Context, conversationID int64) (TemplateFacts, error) {
	var rows []TemplateFacts
	err := s.R.WithContext(ctx).Raw(`SELECT c.id AS conversation_id, a.platform, c.kind, c.title, c.language,
			COALESCE(p.first_name, '') AS contact_first_name, COALESCE(p.display_name, '') AS contact_display_name,
			COALESCE(p.language, '') AS contact_language,
			COALESCE((SELECT m.author_name FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in' AND m.deleted = 0
				ORDER BY m.sent_at DESC, m.id DESC LIMIT 1), '') AS last_inbound_author
		FROM conversations c JOIN accounts a ON a.id = c.account_id LEFT JOIN contacts p ON p.id = c.contact_id
		WHERE c.id = ?`, conversationID).Scan(&rows).Error
	if err != nil {
		return TemplateFacts{}, classify(err)
	}
	if len(rows) == 0 {
		return TemplateFacts{}, ErrNotFound
	}
	rows[0].Title = strings.TrimSpace(rows[0].Title)
	return rows[0], nil
}

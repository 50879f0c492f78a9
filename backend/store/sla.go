package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// Settings keys of the SLA area's documents (JSON values in the settings table).
const (
	SettingSLACalendar    = "sla.calendar"
	SettingSLAAway        = "sla.away"
	SettingNotifySettings = "notify.settings"
)

// SLAPolicy is one row of sla_policies.
type SLAPolicy struct {
	ID            int64  `gorm:"column:id;primaryKey"`
	Position      int    `gorm:"column:position"`
	Name          string `gorm:"column:name"`
	Preset        string `gorm:"column:preset"`
	Kind          string `gorm:"column:kind"`
	Intent        string `gorm:"column:intent"`
	Tag           string `gorm:"column:tag"`
	MinPriority   int    `gorm:"column:min_priority"`
	TargetMinutes int    `gorm:"column:target_minutes"`
	BusinessHours bool   `gorm:"column:business_hours"`
	WarnPercent   int    `gorm:"column:warn_percent"`
	Enabled       bool   `gorm:"column:enabled"`
	CreatedAt     int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt     int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (SLAPolicy) TableName() string { return "sla_policies" }

// SLAPolicies returns the policies in matching order.
func (s *Store) SLAPolicies(ctx context.Context) ([]SLAPolicy, error) {
	var out []SLAPolicy
	err := s.R.WithContext(ctx).Order("position, id").Find(&out).Error
	return out, classify(err)
}

// ReplaceSLAPolicies makes the table hold exactly list, in that order: rows with
// a known id are updated, rows with id 0 are added, the others are deleted.
func (s *Store) ReplaceSLAPolicies(ctx context.Context, list []SLAPolicy) ([]SLAPolicy, error) {
	now := s.nowMillis()
	err := s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		keep := []int64{0}
		for i := range list {
			p := &list[i]
			p.Position, p.UpdatedAt = i, now
			if p.ID != 0 {
				res := tx.Model(&SLAPolicy{}).Where("id = ?", p.ID).Select("*").Omit("id", "created_at").Updates(p)
				if res.Error != nil {
					return res.Error
				}
				if res.RowsAffected == 1 {
					keep = append(keep, p.ID)
					continue
				}
				p.ID = 0 // deleted meanwhile: add it again
			}
			p.CreatedAt = now
			if err := tx.Create(p).Error; err != nil {
				return err
			}
			keep = append(keep, p.ID)
		}
		return tx.Where("id NOT IN ?", keep).Delete(&SLAPolicy{}).Error
	})
	if err != nil {
		return nil, classify(err)
	}
	return s.SLAPolicies(ctx)
}

// SLATimer is a conversation's timer as stored in conversation_sla and sla_timers.
type SLATimer struct {
	ConversationID int64
	PolicyID       int64
	State          string
	StartedAt      int64
	WarnAt         int64
	DueAt          int64
	AnsweredAt     int64
	StoppedAt      int64
}

// SLAFact is what the timer rules need to know about one conversation.
type SLAFact struct {
	ConversationID int64
	Kind           string
	Status         string
	Priority       int
	// Intent is conversations.intent when that column exists ("" otherwise).
	Intent        string
	Tags          []string
	AccountStatus string
	// LastReplyAt is when our newest sent message that is not an away
	// acknowledgement went out: the earlier of when it was stored (a reply sent
	// from here) and the platform's time (a reply synced from elsewhere).
	LastReplyAt int64
	// WaitingSince is the first customer message after LastReplyAt, the timer's
	// stop and the horizon (0 = none).
	WaitingSince int64
	// Previous is the stored timer (State "none" when there is none).
	Previous SLATimer
}

// slaFactRow is the scan target of SLAFacts.
type slaFactRow struct {
	ID            int64  `gorm:"column:id"`
	Kind          string `gorm:"column:kind"`
	Status        string `gorm:"column:status"`
	Priority      int    `gorm:"column:priority"`
	Intent        string `gorm:"column:intent"`
	AccountStatus string `gorm:"column:account_status"`
	LastInboundAt int64  `gorm:"column:last_inbound_at"`
	LastReplyAt   int64  `gorm:"column:last_reply_at"`
	State         string `gorm:"column:state"`
	PolicyID      int64  `gorm:"column:policy_id"`
	DueAt         int64  `gorm:"column:due_at"`
	StartedAt     int64  `gorm:"column:started_at"`
	WarnAt        int64  `gorm:"column:warn_at"`
	AnsweredAt    int64  `gorm:"column:answered_at"`
	StoppedAt     int64  `gorm:"column:stopped_at"`
}

// SLAFacts gathers the timer facts of the listed conversations (missing ids are
// left out). The newest reply is found by walking ix_messages_conversation
// backwards; the first waiting message (after the reply, the timer's stop and
// horizonMillis) only for conversations whose last_inbound_at says something waits.
func (s *Store) SLAFacts(ctx context.Context, ids []int64, horizonMillis int64) ([]SLAFact, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	intent := "''"
	if ok, err := s.slaHasColumn(ctx, "conversations", "intent"); err != nil {
		return nil, err
	} else if ok {
		intent = "c.intent"
	}
	q := `SELECT c.id, c.kind, c.status, c.priority, ` + intent + ` AS intent, a.status AS account_status, c.last_inbound_at,
		COALESCE((SELECT CASE WHEN m.created_at < m.sent_at THEN m.created_at ELSE m.sent_at END
			FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'out' AND m.state = 'sent'
			AND NOT EXISTS (SELECT 1 FROM sla_away_sent w WHERE w.message_id = m.id)
			ORDER BY m.sent_at DESC, m.id DESC LIMIT 1), 0) AS last_reply_at,
		COALESCE(s.state, 'none') AS state, COALESCE(s.policy_id, 0) AS policy_id, COALESCE(s.due_at, 0) AS due_at,
		COALESCE(t.started_at, 0) AS started_at, COALESCE(t.warn_at, 0) AS warn_at,
		COALESCE(t.answered_at, 0) AS answered_at, COALESCE(t.stopped_at, 0) AS stopped_at
		FROM conversations c JOIN accounts a ON a.id = c.account_id
		LEFT JOIN conversation_sla s ON s.conversation_id = c.id
		LEFT JOIN sla_timers t ON t.conversation_id = c.id
		WHERE c.id IN ?`
	var rows []slaFactRow
	if err := s.R.WithContext(ctx).Raw(q, ids).Scan(&rows).Error; err != nil {
		return nil, classify(err)
	}
	tags, err := s.slaTagNames(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]SLAFact, 0, len(rows))
	var waiting *sql.Stmt
	defer func() {
		if waiting != nil {
			_ = waiting.Close()
		}
	}()
	for _, r := range rows {
		f := SLAFact{ConversationID: r.ID, Kind: r.Kind, Status: r.Status, Priority: r.Priority, Intent: r.Intent,
			Tags: tags[r.ID], AccountStatus: r.AccountStatus, LastReplyAt: r.LastReplyAt,
			Previous: SLATimer{ConversationID: r.ID, PolicyID: r.PolicyID, State: r.State, StartedAt: r.StartedAt,
				WarnAt: r.WarnAt, DueAt: r.DueAt, AnsweredAt: r.AnsweredAt, StoppedAt: r.StoppedAt}}
		after := max(r.LastReplyAt, r.StoppedAt, horizonMillis-1)
		if r.LastInboundAt > after {
			if waiting == nil {
				if waiting, err = s.reader().PrepareContext(ctx, `SELECT sent_at FROM messages
					WHERE conversation_id = ? AND sent_at > ? AND direction = 'in' AND deleted = 0 ORDER BY sent_at, id LIMIT 1`); err != nil {
					return nil, classify(err)
				}
			}
			if err := waiting.QueryRowContext(ctx, r.ID, after).Scan(&f.WaitingSince); err != nil && !errors.Is(err, sql.ErrNoRows) {
				return nil, classify(err)
			}
		}
		out = append(out, f)
	}
	return out, nil
}

// slaTagNames maps each listed conversation to its tags' names.
func (s *Store) slaTagNames(ctx context.Context, ids []int64) (map[int64][]string, error) {
	var rows []struct {
		ConversationID int64  `gorm:"column:conversation_id"`
		Name           string `gorm:"column:name"`
	}
	err := s.R.WithContext(ctx).Raw(`SELECT ct.conversation_id, t.name FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id
		WHERE ct.conversation_id IN ?`, ids).Scan(&rows).Error
	if err != nil {
		return nil, classify(err)
	}
	out := make(map[int64][]string, len(rows))
	for _, r := range rows {
		out[r.ConversationID] = append(out[r.ConversationID], r.Name)
	}
	return out, nil
}

// slaHasColumn reports whether table has column (areas add columns in later steps).
func (s *Store) slaHasColumn(ctx context.Context, table, column string) (bool, error) {
	var n int
	err := s.reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = ?`, table, column).Scan(&n)
	return n > 0, classify(err)
}

// SaveSLATimers writes the given timers (conversation_sla and sla_timers) in one transaction.
func (s *Store) SaveSLATimers(ctx context.Context, timers []SLATimer) error {
	if len(timers) == 0 {
		return nil
	}
	now := s.nowMillis()
	tx, err := s.writer().BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	defer func() { _ = tx.Rollback() }()
	upSLA, err := tx.PrepareContext(ctx, `INSERT INTO conversation_sla(conversation_id, policy_id, due_at, state, updated_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT(conversation_id) DO UPDATE SET
		policy_id = excluded.policy_id, due_at = excluded.due_at, state = excluded.state, updated_at = excluded.updated_at`)
	if err != nil {
		return classify(err)
	}
	defer upSLA.Close()
	upTimer, err := tx.PrepareContext(ctx, `INSERT INTO sla_timers(conversation_id, started_at, warn_at, answered_at, stopped_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT(conversation_id) DO UPDATE SET
		started_at = excluded.started_at, warn_at = excluded.warn_at, answered_at = excluded.answered_at, stopped_at = excluded.stopped_at`)
	if err != nil {
		return classify(err)
	}
	defer upTimer.Close()
	for _, t := range timers {
		if _, err := upSLA.ExecContext(ctx, t.ConversationID, t.PolicyID, t.DueAt, t.State, now); err != nil {
			return fmt.Errorf("store: save timer: %w", classify(err))
		}
		if _, err := upTimer.ExecContext(ctx, t.ConversationID, t.StartedAt, t.WarnAt, t.AnsweredAt, t.StoppedAt); err != nil {
			return fmt.Errorf("store: save timer: %w", classify(err))
		}
	}
	return classify(tx.Commit())
}

// SLATimersToAdvance returns the running timers (ok or warning) whose warning
// or due time is at or before nowMillis, every running timer (ok, warning,
// breached) whose conversation is now resolved or snoozed, and every suspended
// timer (state none with a start, kept while snoozed) whose conversation is
// open again. Served by ix_conversation_sla_state_due; these are few.
func (s *Store) SLATimersToAdvance(ctx context.Context, nowMillis int64) ([]SLATimer, error) {
	var out []SLATimer
	err := s.R.WithContext(ctx).Raw(`SELECT s.conversation_id, s.policy_id, s.state, s.due_at,
		COALESCE(t.started_at, 0) AS started_at, COALESCE(t.warn_at, 0) AS warn_at,
		COALESCE(t.answered_at, 0) AS answered_at, COALESCE(t.stopped_at, 0) AS stopped_at
		FROM conversation_sla s JOIN conversations c ON c.id = s.conversation_id
		LEFT JOIN sla_timers t ON t.conversation_id = s.conversation_id
		WHERE s.state IN ('ok', 'warning', 'breached', 'none') AND (
			(s.state = 'ok' AND (t.warn_at <= ? OR s.due_at <= ?))
			OR (s.state = 'warning' AND s.due_at <= ?)
			OR (s.state <> 'none' AND c.status IN ('resolved', 'snoozed'))
			OR (s.state = 'none' AND t.started_at > 0 AND c.status IN ('open', 'pending')))`, nowMillis, nowMillis, nowMillis).Scan(&out).Error
	return out, classify(err)
}

// SLARecomputeIDs pages through the conversations whose timers a policy or
// calendar change can affect: those with a timer row and those that heard from
// a customer since sinceMillis. Ids ascend after afterID.
func (s *Store) SLARecomputeIDs(ctx context.Context, sinceMillis, afterID int64, limit int) ([]int64, error) {
	var ids []int64
	err := s.R.WithContext(ctx).Raw(`SELECT id FROM conversations WHERE id > ? AND (last_inbound_at >= ?
		OR id IN (SELECT conversation_id FROM conversation_sla WHERE state <> 'none'))
		ORDER BY id LIMIT ?`, afterID, sinceMillis, limit).Scan(&ids).Error
	return ids, classify(err)
}

// ConversationSLA is a conversation's timer as the inbox shows it.
type ConversationSLA struct {
	ConversationID int64  `gorm:"column:conversation_id"`
	PolicyID       int64  `gorm:"column:policy_id"`
	State          string `gorm:"column:state"`
	DueAt          int64  `gorm:"column:due_at"`
}

// ConversationSLAs returns the timers of the listed conversations (those without one are left out).
func (s *Store) ConversationSLAs(ctx context.Context, ids []int64) ([]ConversationSLA, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var out []ConversationSLA
	err := s.R.WithContext(ctx).Raw(`SELECT conversation_id, policy_id, state, due_at FROM conversation_sla
		WHERE conversation_id IN ?`, ids).Scan(&out).Error
	return out, classify(err)
}

// SLAInbound is a newly stored customer message with what the away reply and
// the notification decision need to know about its conversation.
type SLAInbound struct {
	MessageID       int64    `gorm:"column:message_id"`
	ConversationID  int64    `gorm:"column:conversation_id"`
	SentAt          int64    `gorm:"column:sent_at"`
	AuthorName      string   `gorm:"column:author_name"`
	Text            string   `gorm:"column:text"`
	Kind            string   `gorm:"column:kind"`
	Status          string   `gorm:"column:status"`
	Title           string   `gorm:"column:title"`
	Priority        int      `gorm:"column:priority"`
	Intent          string   `gorm:"column:intent"`
	Language        string   `gorm:"column:language"`
	ContactLanguage string   `gorm:"column:contact_language"`
	AccountStatus   string   `gorm:"column:account_status"`
	Tags            []string `gorm:"-"`
}

// SLAInboundMessages returns the listed messages that are customers' (inbound,
// not deleted) sent from sentFrom to sentTo (Unix ms, both included), oldest
// first, with their conversation's details. The window leaves out history a
// sync brings in, which no away reply or notification is for.
func (s *Store) SLAInboundMessages(ctx context.Context, messageIDs []int64, sentFrom, sentTo int64) ([]SLAInbound, error) {
	if len(messageIDs) == 0 {
		return nil, nil
	}
	intent := "''"
	if ok, err := s.slaHasColumn(ctx, "conversations", "intent"); err != nil {
		return nil, err
	} else if ok {
		intent = "c.intent"
	}
	var out []SLAInbound
	err := s.R.WithContext(ctx).Raw(`SELECT m.id AS message_id, m.conversation_id, m.sent_at, m.author_name,
		substr(m.text, 1, 200) AS text, c.kind, c.status, c.title, c.priority, `+intent+` AS intent, c.language,
		COALESCE(ct.language, '') AS contact_language, a.status AS account_status
		FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN accounts a ON a.id = c.account_id
		LEFT JOIN contacts ct ON ct.id = c.contact_id
		WHERE m.id IN ? AND m.direction = 'in' AND m.deleted = 0 AND m.sent_at BETWEEN ? AND ?
		ORDER BY m.sent_at, m.id`, messageIDs, sentFrom, sentTo).Scan(&out).Error
	if err != nil || len(out) == 0 {
		return out, classify(err)
	}
	convs := make([]int64, 0, len(out))
	for _, m := range out {
		convs = append(convs, m.ConversationID)
	}
	tags, err := s.slaTagNames(ctx, convs)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Tags = tags[out[i].ConversationID]
	}
	return out, nil
}

// Away acknowledgement states in sla_away_sent.
const (
	AwaySending = "sending"
	AwaySent    = "sent"
	AwayFailed  = "failed"
	AwayRefused = "refused"
)

// ClaimAwayReply records that an away acknowledgement is about to be sent to a
// conversation for a closed period. It returns ErrDuplicate when one was
// already claimed for that period, so an acknowledgement is never sent twice.
func (s *Store) ClaimAwayReply(ctx context.Context, conversationID, period int64) (int64, error) {
	var id int64
	err := s.writer().QueryRowContext(ctx, `INSERT INTO sla_away_sent(conversation_id, period, created_at) VALUES (?, ?, ?) RETURNING id`,
		conversationID, period, s.nowMillis()).Scan(&id)
	return id, classify(err)
}

// FinishAwayReply records the outcome of a claimed acknowledgement.
func (s *Store) FinishAwayReply(ctx context.Context, id, messageID int64, state string) error {
	_, err := s.writer().ExecContext(ctx, `UPDATE sla_away_sent SET message_id = ?, state = ? WHERE id = ?`, messageID, state, id)
	return classify(err)
}

// LastOutboundIsAway reports whether the conversation's newest outgoing message
// is an away acknowledgement.
func (s *Store) LastOutboundIsAway(ctx context.Context, conversationID int64) (bool, error) {
	var n int
	err := s.reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM sla_away_sent WHERE message_id <> 0 AND message_id = (
		SELECT id FROM messages WHERE conversation_id = ? AND direction = 'out' ORDER BY sent_at DESC, id DESC LIMIT 1)`,
		conversationID).Scan(&n)
	return n > 0, classify(err)
}

// AwayReplies counts the acknowledgements recorded for a conversation, by state.
func (s *Store) AwayReplies(ctx context.Context, conversationID int64) (map[string]int, error) {
	rows, err := s.reader().QueryContext(ctx, `SELECT state, COUNT(*) FROM sla_away_sent WHERE conversation_id = ? GROUP BY state`, conversationID)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, classify(err)
		}
		out[st] = n
	}
	return out, classify(rows.Err())
}

package telegram

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"creatordesk/backend/platforms"
)

// maxTextLen is sendMessage's text limit, in UTF-16 code units as Telegram counts.
const maxTextLen = 4096

// sendMessageParams are the sendMessage arguments. No parse_mode is sent, so
// Telegram shows the text exactly as written, markup included.
type sendMessageParams struct {
	ChatID          int64            `json:"chat_id"`
	Text            string           `json:"text"`
	ReplyParameters *replyParameters `json:"reply_parameters,omitempty"`
}

// replyParameters names the message a reply answers.
type replyParameters struct {
	MessageID                int64 `json:"message_id"`
	AllowSendingWithoutReply bool  `json:"allow_sending_without_reply,omitempty"`
}

// Send delivers msg with sendMessage. A ReplyToExternalID in the same chat
// becomes a reply (still sent if the original was deleted meanwhile); one in
// another chat is ignored, because Telegram replies stay within a chat.
func (c *connector) Send(ctx context.Context, msg platforms.OutgoingMessage) (platforms.SentMessage, error) {
	if msg.ThreadKind != "" && msg.ThreadKind != platforms.ThreadDM {
		return platforms.SentMessage{}, errPermanent("sendMessage: only chat threads can be sent to")
	}
	chatID, err := strconv.ParseInt(msg.ThreadExternalID, 10, 64)
	if err != nil || chatID == 0 {
		return platforms.SentMessage{}, errPermanent("sendMessage: invalid chat id " + strconv.Quote(msg.ThreadExternalID))
	}
	if err := checkText(msg.Text); err != nil {
		return platforms.SentMessage{}, err
	}
	params := sendMessageParams{ChatID: chatID, Text: msg.Text}
	if replyChat, replyID, ok := parseMessageKey(msg.ReplyToExternalID); ok && replyChat == chatID {
		params.ReplyParameters = &replyParameters{MessageID: replyID, AllowSendingWithoutReply: true}
	}
	var sent apiMessage
	if err := c.call(ctx, "sendMessage", params, 0, &sent); err != nil {
		return platforms.SentMessage{}, err
	}
	if sent.MessageID <= 0 {
		return platforms.SentMessage{}, errTransient("sendMessage: result without message_id")
	}
	if sent.Chat != nil && sent.Chat.ID != 0 {
		chatID = sent.Chat.ID
	}
	return platforms.SentMessage{
		ExternalID: messageKey(chatID, sent.MessageID),
		SentAt:     time.Unix(sent.Date, 0).UTC(),
	}, nil
}

// checkText applies Telegram's text rules before any network call.
func checkText(text string) error {
	if strings.TrimSpace(text) == "" {
		return errPermanent("sendMessage: message text is empty")
	}
	if n := textLength(text); n > maxTextLen {
		return errPermanent(fmt.Sprintf("sendMessage: message is too long (%d characters, at most %d)", n, maxTextLen))
	}
	return nil
}

// textLength counts text the way Telegram does, in UTF-16 code units.
func textLength(text string) int {
	n := 0
	for _, r := range text {
		if l := utf16.RuneLen(r); l > 0 {
			n += l
		} else {
			n++
		}
	}
	return n
}

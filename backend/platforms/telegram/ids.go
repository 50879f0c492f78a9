package telegram

import (
	"strconv"
	"strings"
)

// messageKey is a message's ExternalID: message_id is only unique within its
// chat, so the chat id comes first ("<chat_id>:<message_id>").
func messageKey(chatID, messageID int64) string {
	return strconv.FormatInt(chatID, 10) + ":" + strconv.FormatInt(messageID, 10)
}

// parseMessageKey splits an ExternalID made by messageKey.
func parseMessageKey(key string) (chatID, messageID int64, ok bool) {
	chat, msg, found := strings.Cut(key, ":")
	if !found {
		return 0, 0, false
	}
	chatID, err1 := strconv.ParseInt(chat, 10, 64)
	messageID, err2 := strconv.ParseInt(msg, 10, 64)
	if err1 != nil || err2 != nil || messageID <= 0 {
		return 0, 0, false
	}
	return chatID, messageID, true
}

package engine

import (
	"strings"

	"creatordesk/backend/notify"
)

// Notification titles in the workspace language; {name} is the sender.
var titles = map[string]map[string]string{
	notify.ReasonDanger: {
		"en":      "Urgent message from {name}",
		"ro":      "Mesaj urgent de la {name}",
		"zh-Hans": "来自{name}的紧急消息",
		"zh-Hant": "來自{name}的緊急訊息",
		"hi":      "{name} का तत्काल संदेश",
	},
	notify.ReasonHighIntent: {
		"en":      "{name} looks ready to buy",
		"ro":      "{name} pare gata să cumpere",
		"zh-Hans": "{name}看起来准备下单了",
		"zh-Hant": "{name}看起來準備下單了",
		"hi":      "{name} खरीदने के लिए तैयार लगते हैं",
	},
}

// The test notification, in the language the user reads Settings in.
var (
	testTitle = map[string]string{
		"en":      "CreatorDesk notifications are on",
		"ro":      "Notificările CreatorDesk funcționează",
		"zh-Hans": "CreatorDesk 通知已开启",
		"zh-Hant": "CreatorDesk 通知已開啟",
		"hi":      "CreatorDesk सूचनाएँ चालू हैं",
	}
	testBody = map[string]string{
		"en":      "Urgent and high-intent messages will appear like this.",
		"ro":      "Mesajele urgente și cele de la clienți gata să cumpere vor apărea așa.",
		"zh-Hans": "紧急消息和高意向消息会像这样提醒您。",
		"zh-Hant": "緊急訊息和高意向訊息會像這樣提醒您。",
		"hi":      "ज़रूरी और खरीद में रुचि वाले संदेश इसी तरह दिखेंगे।",
	}
)

// notificationTitle words a notification's title.
func notificationTitle(lang, reason, name string) string {
	t := titles[reason][lang]
	if t == "" {
		t = titles[reason]["en"]
	}
	return strings.ReplaceAll(t, "{name}", name)
}

package telegram_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

// Raw Bot API objects for the mapping cases (dates are t0 and t0 + 1 min).
const (
	aliceChatJSON = `"chat":{"id":111,"type":"private","first_name":"Alice","last_name":"Doe","username":"alice"}`
	aliceFromJSON = `"from":{"id":111,"is_bot":false,"first_name":"Alice","last_name":"Doe","username":"alice","language_code":"en"}`
	aliceHead     = `"message_id":1,"date":1772366400,` + aliceChatJSON + `,` + aliceFromJSON
	channelJSON   = `{"id":-100300,"type":"channel","title":"My Channel","username":"mychannel"}`
	carolChatJSON = `"chat":{"id":444,"type":"private","first_name":"Carol"}`
	carolFromJSON = `"from":{"id":444,"is_bot":false,"first_name":"Carol"}`
	ownerFromJSON = `"from":{"id":999,"is_bot":false,"first_name":"Creator","username":"creator"}`
)

// fromAlice is the mapping of a message Alice sent in her private chat with the bot.
func fromAlice(change func(*platforms.Message)) platforms.Message {
	m := platforms.Message{
		ExternalID:       "111:1",
		ThreadExternalID: "111",
		ThreadKind:       platforms.ThreadDM,
		ThreadTitle:      "Alice Doe",
		Author:           platforms.Person{ExternalID: "111", Handle: "alice", DisplayName: "Alice Doe", Language: "en"},
		Direction:        platforms.DirectionIn,
		SentAt:           t0,
	}
	change(&m)
	return m
}

// inChat is the mapping of a message in another chat.
func inChat(id, thread, title string, author platforms.Person, dir platforms.Direction, text string) platforms.Message {
	return platforms.Message{
		ExternalID: id, ThreadExternalID: thread, ThreadKind: platforms.ThreadDM, ThreadTitle: title,
		Author: author, Direction: dir, Text: text, SentAt: t0,
	}
}

// edited marks m as edited a minute after t0.
func edited(m platforms.Message) platforms.Message {
	at := t0.Add(time.Minute)
	m.EditedAt = &at
	return m
}

func TestPollMapping(t *testing.T) {
	channel := platforms.Person{ExternalID: "-100300", Handle: "mychannel", DisplayName: "My Channel"}
	carol := platforms.Person{ExternalID: "444", DisplayName: "Carol"}
	owner := platforms.Person{ExternalID: "999", Handle: "creator", DisplayName: "Creator"}
	tests := []struct {
		name string
		raw  string
		want platforms.Message
	}{
		{"private text kept verbatim",
			`{"message":{` + aliceHead + `,"text":"<b>hi</b> &amp; <script>alert(1)</script>"}}`,
			fromAlice(func(m *platforms.Message) { m.Text = "<b>hi</b> &amp; <script>alert(1)</script>" })},
		{"private chat titled by @username",
			`{"message":{"message_id":2,"date":1772366400,"chat":{"id":333,"type":"private","username":"ghost"},"from":{"id":333,"is_bot":false,"first_name":"","username":"ghost"},"text":"boo"}}`,
			inChat("333:2", "333", "@ghost", platforms.Person{ExternalID: "333", Handle: "ghost"}, platforms.DirectionIn, "boo")},
		{"group message replying in the group",
			`{"message":{"message_id":8,"date":1772366400,"chat":{"id":-100200,"type":"supergroup","title":"Fans"},"from":{"id":222,"is_bot":false,"first_name":"Bob"},"text":"same",` +
				`"reply_to_message":{"message_id":7,"date":1772366000,"chat":{"id":-100200,"type":"supergroup","title":"Fans"},"text":"who likes it?"}}}`,
			func() platforms.Message {
				m := inChat("-100200:8", "-100200", "Fans", platforms.Person{ExternalID: "222", DisplayName: "Bob"}, platforms.DirectionIn, "same")
				m.ReplyToExternalID = "-100200:7"
				return m
			}()},
		{"anonymous group admin writes as the group",
			`{"message":{"message_id":9,"date":1772366400,"chat":{"id":-100200,"type":"supergroup","title":"Fans"},"sender_chat":{"id":-100200,"type":"supergroup","title":"Fans"},` +
				`"from":{"id":1087968824,"is_bot":true,"first_name":"Group","username":"GroupAnonymousBot"},"text":"rules"}}`,
			inChat("-100200:9", "-100200", "Fans", platforms.Person{ExternalID: "-100200", DisplayName: "Fans"}, platforms.DirectionIn, "rules")},
		{"message from another bot",
			`{"message":{"message_id":1,"date":1772366400,"chat":{"id":-5,"type":"group","title":"Bots"},"from":{"id":77,"is_bot":true,"first_name":"Helper","username":"helper_bot"},"text":"beep"}}`,
			inChat("-5:1", "-5", "Bots", platforms.Person{ExternalID: "77", Handle: "helper_bot", DisplayName: "Helper", IsBot: true}, platforms.DirectionIn, "beep")},
		{"photo with caption uses the largest size",
			`{"message":{` + aliceHead + `,"caption":"look","photo":[{"file_id":"a","width":90,"height":90,"file_size":1000},{"file_id":"b","width":1280,"height":960,"file_size":90000},{"file_id":"c","width":320,"height":240,"file_size":9000}]}}`,
			fromAlice(func(m *platforms.Message) {
				m.Text = "look"
				m.Attachments = []platforms.Attachment{{Kind: "photo", Size: 90000}}
			})},
		{"document",
			`{"message":{` + aliceHead + `,"document":{"file_id":"d","file_name":"media kit.pdf","mime_type":"application/pdf","file_size":12345}}}`,
			fromAlice(func(m *platforms.Message) {
				m.Attachments = []platforms.Attachment{{Kind: "document", Name: "media kit.pdf", MimeType: "application/pdf", Size: 12345}}
			})},
		{"video with caption",
			`{"message":{` + aliceHead + `,"caption":"clip","video":{"file_id":"v","width":1920,"height":1080,"duration":9,"file_name":"clip.mp4","mime_type":"video/mp4","file_size":5000000}}}`,
			fromAlice(func(m *platforms.Message) {
				m.Text = "clip"
				m.Attachments = []platforms.Attachment{{Kind: "video", Name: "clip.mp4", MimeType: "video/mp4", Size: 5000000}}
			})},
		{"voice",
			`{"message":{` + aliceHead + `,"voice":{"file_id":"o","duration":3,"mime_type":"audio/ogg","file_size":4000}}}`,
			fromAlice(func(m *platforms.Message) {
				m.Attachments = []platforms.Attachment{{Kind: "voice", MimeType: "audio/ogg", Size: 4000}}
			})},
		{"audio named by its title",
			`{"message":{` + aliceHead + `,"audio":{"file_id":"s","duration":200,"title":"Song","mime_type":"audio/mpeg","file_size":3000000}}}`,
			fromAlice(func(m *platforms.Message) {
				m.Attachments = []platforms.Attachment{{Kind: "audio", Name: "Song", MimeType: "audio/mpeg", Size: 3000000}}
			})},
		{"sticker named by its emoji",
			`{"message":{` + aliceHead + `,"sticker":{"file_id":"k","width":512,"height":512,"emoji":"😀","is_animated":false,"file_size":20000}}}`,
			fromAlice(func(m *platforms.Message) {
				m.Attachments = []platforms.Attachment{{Kind: "sticker", Name: "😀", Size: 20000}}
			})},
		{"edited message",
			`{"edited_message":{` + aliceHead + `,"edit_date":1772366460,"text":"fixed"}}`,
			edited(fromAlice(func(m *platforms.Message) { m.Text = "fixed" }))},
		{"channel post is the account's own",
			`{"channel_post":{"message_id":3,"date":1772366400,"chat":` + channelJSON + `,"sender_chat":` + channelJSON + `,"text":"New video!"}}`,
			inChat("-100300:3", "-100300", "My Channel", channel, platforms.DirectionOut, "New video!")},
		{"edited channel post without sender_chat",
			`{"edited_channel_post":{"message_id":3,"date":1772366400,"edit_date":1772366460,"chat":` + channelJSON + `,"text":"New video!!"}}`,
			edited(inChat("-100300:3", "-100300", "My Channel", channel, platforms.DirectionOut, "New video!!"))},
		{"business message from a customer",
			`{"business_message":{"business_connection_id":"bc1","message_id":4,"date":1772366400,` + carolChatJSON + `,` + carolFromJSON + `,"text":"price?"}}`,
			inChat("444:4", "444", "Carol", carol, platforms.DirectionIn, "price?")},
		{"business message from the account owner",
			`{"business_message":{"business_connection_id":"bc1","message_id":5,"date":1772366400,` + carolChatJSON + `,` + ownerFromJSON + `,"text":"10 EUR"}}`,
			inChat("444:5", "444", "Carol", owner, platforms.DirectionOut, "10 EUR")},
		{"edited business message",
			`{"edited_business_message":{"business_connection_id":"bc1","message_id":4,"date":1772366400,"edit_date":1772366460,` + carolChatJSON + `,` + carolFromJSON + `,"text":"price??"}}`,
			edited(inChat("444:4", "444", "Carol", carol, platforms.DirectionIn, "price??"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			srv.AddRawUpdate(json.RawMessage(tt.raw))
			p := poll(t, c, "", 0)
			if len(p.Messages) != 1 || p.Skipped != 0 {
				t.Fatalf("got %d messages, %d skipped; want 1", len(p.Messages), p.Skipped)
			}
			if got := p.Messages[0]; !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"creatordesk/backend/platforms/bluesky/blueskyfake"
	"creatordesk/backend/platforms/mastodon/mastodonfake"
)

// The demo's Mastodon token and Bluesky app password; both only open the local fakes.
const (
	MastodonToken      = "demo-only-mastodon-token-for-the-local-fake"
	BlueskyAppPassword = "demo-fake-only-pass"
	// BlueskyHandle is the demo brand's Bluesky handle.
	BlueskyHandle = blueskyfake.DefaultHandle
)

// socialConversations is how many DM threads and public mentions each social fake gets.
const socialConversations = 12

// pickMessages returns one conversation's messages in lang for a scenario kind.
func pickMessages(lang string, kind scenario, rng *rand.Rand) ([]string, [2]string) {
	for _, sc := range scripts {
		if sc.lang == lang {
			convs := sc.messages[kind]
			return convs[rng.IntN(len(convs))], sc.names[rng.IntN(len(sc.names))]
		}
	}
	return []string{"Hello!"}, [2]string{"Sam", "Lee"}
}

// seedMastodon fills the Mastodon fake with DMs and mentions in English and Romanian.
func seedMastodon(m *mastodonfake.Server, now time.Time, rng *rand.Rand) int {
	langs := []string{"en", "ro"}
	for i := 0; i < socialConversations; i++ {
		lang := langs[i%len(langs)]
		kind := pickScenario(rng)
		msgs, name := pickMessages(lang, kind, rng)
		who := mastodonfake.Account{ID: fmt.Sprint(9000 + i), Username: fmt.Sprintf("%s%d", lowerASCII(name[0]), i),
			DisplayName: displayName(lang, name)}
		at := seedTime(now, i, rng)
		if i%3 == 2 { // a public mention: a comment on the brand's posts
			m.AddMention(mastodonfake.Post{From: who, Text: "@" + m.Self.Username + " " + msgs[0], At: at, Language: lang})
			continue
		}
		conv := m.AddConversation(who)
		for _, text := range msgs {
			m.AddDirect(conv, mastodonfake.Post{From: who, Text: text, At: at, Language: lang})
			at = at.Add(time.Duration(30+rng.IntN(200)) * time.Second)
		}
	}
	return socialConversations
}

// seedBluesky fills the Bluesky fake with DMs and mentions in Chinese, Hindi and English.
func seedBluesky(b *blueskyfake.Server, now time.Time, rng *rand.Rand) int {
	langs := []string{"zh-Hans", "hi", "en", "zh-Hant"}
	for i := 0; i < socialConversations; i++ {
		lang := langs[i%len(langs)]
		msgs, name := pickMessages(lang, pickScenario(rng), rng)
		who := blueskyfake.Profile{DID: fmt.Sprintf("did:plc:demo%022d", i), Handle: fmt.Sprintf("fan%d.bsky.social", i),
			DisplayName: displayName(lang, name)}
		b.AddProfile(who)
		at := seedTime(now, i, rng)
		if i%3 == 2 {
			b.AddMention(who, msgs[0], at)
			continue
		}
		convo := b.AddConvo(who)
		for _, text := range msgs {
			_, _ = b.AddMessage(convo, who.DID, text, at)
			at = at.Add(time.Duration(30+rng.IntN(200)) * time.Second)
		}
	}
	return socialConversations
}

// displayName writes a person's name the way their language does (family name first, unspaced, in Chinese).
func displayName(lang string, name [2]string) string {
	if lang == "zh-Hans" || lang == "zh-Hant" {
		return name[1] + name[0]
	}
	return name[0] + " " + name[1]
}

// seedTime spreads a fake's conversations over the last 60 hours, with the first
// few in the last hour so the inbox opens on several platforms at once.
func seedTime(now time.Time, i int, rng *rand.Rand) time.Time {
	if i < 3 {
		return now.Add(-time.Duration(5+rng.IntN(50)) * time.Minute)
	}
	return now.Add(-time.Duration(rng.IntN(60*60)) * time.Minute)
}

// lowerASCII keeps the ASCII letters of s in lower case (for usernames); "" becomes "fan".
func lowerASCII(s string) string {
	var out []rune
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			out = append(out, r)
		case r >= 'A' && r <= 'Z':
			out = append(out, r+'a'-'A')
		}
	}
	if len(out) == 0 {
		return "fan"
	}
	return string(out)
}

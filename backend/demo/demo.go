// Package demo builds a throwaway demo workspace: it starts fake platform
// servers on loopback, fills them with realistic creator-brand traffic in the
// five languages, and lets the app connect to them through its normal flow.
package demo

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"time"

	"creatordesk/backend/platforms/bluesky/blueskyfake"
	"creatordesk/backend/platforms/mastodon/mastodonfake"
	"creatordesk/backend/platforms/meta/metafake"
	"creatordesk/backend/platforms/telegram/telegramfake"
)

// TelegramToken is the demo bot's token. It is only valid for the local fake server.
const TelegramToken = "7000000001:demo-only-token-for-the-local-fake-bot"

// InfoFile is written into the demo's data dir so tests can find the fake servers.
const InfoFile = "demo.json"

// Demo is a running set of fake platforms with seeded traffic.
type Demo struct {
	Telegram    *telegramfake.Server
	TelegramURL string
	Mastodon    *mastodonfake.Server
	MastodonURL string
	Bluesky     *blueskyfake.Server
	BlueskyURL  string
	// Meta is the Graph API fake; InstagramURL its address.
	Meta         *metafake.Server
	InstagramURL string
	// Google is the fake Google sign-in and YouTube API the demo's "Connect
	// YouTube" goes to (no channel is connected at the start).
	Google *Google
	// Conversations is how many conversations were seeded.
	Conversations int
}

// Info is what InfoFile holds.
type Info struct {
	Fakes map[string]string `json:"fakes"`
	// Tokens are the demo's tokens that only open the local fakes (for tests
	// that connect an account through the form).
	Tokens map[string]string `json:"tokens"`
}

// Start launches the fake platforms on loopback and seeds them. The traffic is
// the same for the same seed; times are spread over the three days before now.
func Start(now time.Time, seed uint64) *Demo {
	tg := telegramfake.New(TelegramToken)
	tg.Bot = telegramfake.User{ID: 7000000001, IsBot: true, FirstName: "Glaze & Co. Shop", Username: "glazeco_shop_bot"}
	d := &Demo{Telegram: tg, TelegramURL: tg.Start()}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	d.Conversations = seedTelegram(tg, now, rng)

	d.Mastodon = mastodonfake.New(MastodonToken)
	d.Mastodon.Self = mastodonfake.Account{ID: "1", Username: "glazeco", DisplayName: "Glaze & Co."}
	d.MastodonURL = d.Mastodon.Start()
	d.Conversations += seedMastodon(d.Mastodon, now, rng)

	d.Bluesky = blueskyfake.New(BlueskyAppPassword)
	d.BlueskyURL = d.Bluesky.Start()
	d.Conversations += seedBluesky(d.Bluesky, now, rng)

	d.Meta = metafake.New()
	d.Meta.AddToken(InstagramToken, metafake.Instagram, 60*24*time.Hour)
	d.InstagramURL = d.Meta.Start()
	d.Conversations += seedInstagram(d.Meta, now, rng)

	d.Google = startGoogle(now)
	return d
}

// Close stops the fake servers.
func (d *Demo) Close() {
	d.Telegram.Close()
	d.Mastodon.Close()
	d.Bluesky.Close()
	d.Meta.Close()
	d.Google.Close()
}

// WriteInfo records the fake servers' addresses in dir/InfoFile (mode 0600).
func (d *Demo) WriteInfo(dir string) error {
	b, err := json.MarshalIndent(Info{Fakes: map[string]string{
		"telegram": d.TelegramURL, "mastodon": d.MastodonURL, "bluesky": d.BlueskyURL, "instagram": d.InstagramURL,
		"youtube": d.Google.APIURL, "googleAuth": d.Google.Auth.AuthURL(), "googleToken": d.Google.Auth.TokenURL()},
		Tokens: map[string]string{"instagram": InstagramToken, "googleClientId": GoogleClientID}}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, InfoFile), b, 0o600)
}

// seedTelegram queues the demo's conversations as Telegram updates and returns how many it made.
func seedTelegram(tg *telegramfake.Server, now time.Time, rng *rand.Rand) int {
	start := now.Add(-72 * time.Hour)
	nextUser := int64(100000)
	count := 0
	type queued struct {
		chat telegramfake.Chat
		from telegramfake.User
		text string
		at   time.Time
	}
	var all []queued
	for _, sc := range scripts {
		for i := 0; i < sc.weight; i++ {
			kind := pickScenario(rng)
			convs := sc.messages[kind]
			msgs := convs[rng.IntN(len(convs))]
			name := sc.names[rng.IntN(len(sc.names))]
			nextUser++
			user := telegramfake.User{ID: nextUser, FirstName: name[0], LastName: name[1], LanguageCode: languageCode(sc.lang)}
			if sc.lang == "zh-Hans" || sc.lang == "zh-Hant" {
				user.FirstName, user.LastName = displayName(sc.lang, name), ""
			}
			chat := telegramfake.Chat{ID: nextUser, Type: "private", FirstName: user.FirstName, LastName: user.LastName}
			at := start.Add(time.Duration(rng.Int64N(int64(70 * time.Hour))))
			for _, text := range msgs {
				all = append(all, queued{chat, user, text, at})
				at = at.Add(time.Duration(20+rng.IntN(300)) * time.Second)
			}
			count++
		}
		// One group chat per language, where several customers talk at once.
		groupID := -1000000000000 - int64(len(all))
		group := telegramfake.Chat{ID: groupID, Type: "supergroup", Title: sc.groupName}
		for j := 0; j < 3; j++ {
			name := sc.names[j%len(sc.names)]
			nextUser++
			u := telegramfake.User{ID: nextUser, FirstName: name[0], LastName: name[1], LanguageCode: languageCode(sc.lang)}
			text := sc.messages[priceQuestion][j%len(sc.messages[priceQuestion])][0]
			all = append(all, queued{group, u, text, now.Add(-time.Duration(90-j*10) * time.Minute)})
		}
		count++
	}
	nextUser++
	prankster := telegramfake.User{ID: nextUser, FirstName: `<b onmouseover=alert(1)>Mallory</b>`, LanguageCode: "en"}
	all = append(all, queued{telegramfake.Chat{ID: nextUser, Type: "private", FirstName: prankster.FirstName}, prankster, hostileText, now.Add(-40 * time.Hour)})
	count++
	// Platforms deliver updates in time order.
	slices.SortStableFunc(all, func(a, b queued) int { return a.at.Compare(b.at) })
	for _, q := range all {
		tg.AddMessage(q.chat, q.from, q.text, q.at)
	}
	return count
}

// pickScenario draws a conversation kind from scenarioMix.
func pickScenario(rng *rand.Rand) scenario {
	total := 0
	for _, s := range scenarioMix {
		total += s.weight
	}
	n := rng.IntN(total)
	for _, s := range scenarioMix {
		if n < s.weight {
			return s.kind
		}
		n -= s.weight
	}
	return orderQuestion
}

// languageCode is the Telegram language_code a person writing lang would have.
func languageCode(lang string) string {
	switch lang {
	case "zh-Hans":
		return "zh-hans"
	case "zh-Hant":
		return "zh-hant"
	}
	return lang
}

// String describes the demo for logs.
func (d *Demo) String() string {
	return fmt.Sprintf("demo: %d conversations; fakes: telegram %s, mastodon %s, bluesky %s, instagram %s",
		d.Conversations, d.TelegramURL, d.MastodonURL, d.BlueskyURL, d.InstagramURL)
}

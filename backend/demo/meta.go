package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"creatordesk/backend/platforms/meta/metafake"
)

// InstagramToken is the demo's Instagram token; it only opens the local fake.
const InstagramToken = "IGQVJdemo-only-instagram-token-for-the-local-fake"

// instagramConversations is how many DM threads the Instagram fake gets.
const instagramConversations = 10

// instagramPosts are the demo brand's two posts and the comments under them.
var instagramPosts = []struct {
	caption  string
	comments []struct{ lang, text string }
}{
	{
		caption: "Spring glaze drop 🌸 Six new colours, small batches, glazed by hand in our studio.",
		comments: []struct{ lang, text string }{
			{"en", "The sage green one is gorgeous 😍 will it restock?"},
			{"ro", "Ce culori frumoase! Livrați și în România?"},
			{"zh-Hans", "这个颜色太美了，可以寄到上海吗？"},
			{"hi", "बहुत सुंदर! क्या ये डिशवॉशर में धो सकते हैं?"},
			{"en", "Ordered the blue mug last week, still waiting for tracking…"},
			{"zh-Hant", "請問有沒有台灣的經銷商？"},
		},
	},
	{
		caption: "Behind the scenes: kiln day 🔥 Ask us anything about how we fire our pieces.",
		comments: []struct{ lang, text string }{
			{"en", "What temperature do you fire at?"},
			{"hi", "क्या आप वर्कशॉप भी करते हैं?"},
			{"ro", "Super! Faceți și comenzi personalizate pentru nunți?"},
			{"en", "Follow me for free followers!!! 💯💯"},
		},
	},
}

// seedInstagram fills the Meta fake with Instagram DMs in five languages and
// comments on two posts, and returns how many conversations it made.
func seedInstagram(m *metafake.Server, now time.Time, rng *rand.Rand) int {
	langs := []string{"en", "ro", "zh-Hans", "hi", "zh-Hant"}
	for i := 0; i < instagramConversations; i++ {
		lang := langs[i%len(langs)]
		msgs, name := pickMessages(lang, pickScenario(rng), rng)
		who := metafake.Person{ID: fmt.Sprintf("IGSID%06d", 500+i), Username: fmt.Sprintf("%s.%d", lowerASCII(name[0]), i),
			Name: displayName(lang, name)}
		at := seedTime(now, i, rng)
		if i == instagramConversations-1 {
			at = now.Add(-30 * time.Hour) // one thread past Meta's 24-hour window
		}
		conv := m.AddConversation(metafake.Instagram, who)
		for _, text := range msgs {
			m.AddMessage(conv, text, at, false)
			at = at.Add(time.Duration(30+rng.IntN(200)) * time.Second)
		}
	}
	n := instagramConversations
	for pi, p := range instagramPosts {
		post := m.AddPost(metafake.Instagram, p.caption, now.Add(-time.Duration(20+pi*24)*time.Hour))
		for ci, c := range p.comments {
			_, name := pickMessages(c.lang, praise, rng)
			who := metafake.Person{ID: fmt.Sprintf("IGSID%06d", 700+pi*10+ci), Username: fmt.Sprintf("%s_%d%d", lowerASCII(name[0]), pi, ci)}
			m.AddComment(post, who, c.text, now.Add(-time.Duration(19-ci*2-pi*3)*time.Hour), "")
		}
		n++
	}
	return n
}

package main

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// refNow is the generated workspace's "now": every message is sent in the year
// before it. A fixed date keeps the dataset, and therefore the figures, reproducible.
var refNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// maxThread is the most messages one generated conversation has.
const maxThread = 30

// maxAuthors is the most customers one generated comment thread has.
const maxAuthors = 3

// accountSpec is one connected account of a generated workspace.
type accountSpec struct {
	platform, name, externalID string
	// weight is the account's share of conversations (out of the sum of weights).
	weight int
	// commentShare is the share of its conversations that are public comment threads.
	commentShare float64
}

// workspaceAccounts are the accounts of the benchmark workspace: several platforms, DMs and comments.
var workspaceAccounts = []accountSpec{
	{"telegram", "Glaze & Co. Shop bot", "7000000001", 25, 0},
	{"telegram", "Glaze & Co. Wholesale bot", "7000000003", 10, 0},
	{"instagram", "@glazeandco", "17841400000000001", 25, 0.4},
	{"whatsapp", "Glaze & Co. WhatsApp", "15550000001", 15, 0},
	{"youtube", "Glaze & Co. Studio", "UCglazeandco", 10, 1},
	{"tiktok", "@glazeco", "6900000000000000001", 15, 0.7},
}

// profile says what kind of traffic generate makes.
type profile struct {
	accounts []accountSpec
	// inboundOnly leaves out the brand's replies (a bot's update stream has none).
	inboundOnly bool
}

// workspaceProfile is the mixed traffic of the benchmark workspace and the ingest sample.
var workspaceProfile = profile{accounts: workspaceAccounts}

// conversation is one generated thread.
type conversation struct {
	account, lang uint8
	comment       bool
	// authors is how many customers write in it.
	authors uint8
	// count is how many messages it has.
	count uint8
}

// message is one generated message; its text is derived from (conversation, seq).
type message struct {
	conv   int32
	seq    uint8
	out    bool
	author uint8
	// sentAt is Unix milliseconds.
	sentAt int64
}

// dataset is a generated workspace's traffic, messages in the order they were sent.
type dataset struct {
	seed     uint64
	accounts []accountSpec
	convs    []conversation
	msgs     []message
	// cached holds every message once cacheMessages ran (timed runs must not generate them).
	cached []platforms.Message
}

// generate makes nConv conversations holding nMsg messages in total (1 to 30
// each, most short and a few long), in the five languages, over the year before
// refNow. The same arguments always give the same dataset.
func generate(seed uint64, nConv, nMsg int, p profile) (*dataset, error) {
	if nConv <= 0 || nMsg < nConv || nMsg > nConv*maxThread {
		return nil, fmt.Errorf("bench: cannot spread %d messages over %d conversations of 1 to %d", nMsg, nConv, maxThread)
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	d := &dataset{seed: seed, accounts: p.accounts, convs: make([]conversation, nConv), msgs: make([]message, 0, nMsg)}
	accountWeights := make([]int, len(p.accounts))
	for i, a := range p.accounts {
		accountWeights[i] = a.weight
	}
	langWeights := make([]int, len(languages))
	for i, l := range languages {
		langWeights[i] = l.weight
	}
	for i := range d.convs {
		c := &d.convs[i]
		c.account = uint8(pickWeighted(rng, accountWeights))
		c.lang = uint8(pickWeighted(rng, langWeights))
		c.comment = rng.Float64() < p.accounts[c.account].commentShare
		c.authors = 1
		if c.comment {
			c.authors = uint8(1 + rng.IntN(maxAuthors))
		}
		c.count = uint8(threadLength(rng))
	}
	fitTotal(rng, d.convs, nMsg)
	for i := range d.convs {
		d.msgs = appendThread(rng, d.msgs, int32(i), d.convs[i], p.inboundOnly)
	}
	slices.SortFunc(d.msgs, func(a, b message) int {
		return cmp.Or(cmp.Compare(a.sentAt, b.sentAt), cmp.Compare(a.conv, b.conv), cmp.Compare(a.seq, b.seq))
	})
	return d, nil
}

// threadLength draws a conversation's length, 1 to 30: 1 + ⌊30·u^2.05⌋ averages
// about 10 messages, with most threads short and a few long.
func threadLength(rng *rand.Rand) int {
	return 1 + int(float64(maxThread)*math.Pow(rng.Float64(), 2.05))
}

// fitTotal nudges random conversations' lengths, within 1..30, until they sum to total.
func fitTotal(rng *rand.Rand, convs []conversation, total int) {
	sum := 0
	for _, c := range convs {
		sum += int(c.count)
	}
	for sum != total {
		c := &convs[rng.IntN(len(convs))]
		switch {
		case sum < total && c.count < maxThread:
			c.count++
			sum++
		case sum > total && c.count > 1:
			c.count--
			sum--
		}
	}
}

// appendThread appends one conversation's messages: a customer opens it, the brand
// answers now and then, gaps are minutes (sometimes a day or more), and the whole
// thread falls somewhere in the year before refNow.
func appendThread(rng *rand.Rand, msgs []message, conv int32, c conversation, inboundOnly bool) []message {
	replyShare := 0.4
	if c.comment {
		replyShare = 0.2
	}
	offsets := make([]int64, c.count)
	var span int64
	for i := 1; i < int(c.count); i++ {
		mean := 20 * time.Minute
		if rng.Float64() < 0.15 {
			mean = 24 * time.Hour
		}
		span += int64(rng.ExpFloat64() * float64(mean.Milliseconds()))
		offsets[i] = span
	}
	year := (365 * 24 * time.Hour).Milliseconds()
	start := refNow.UnixMilli() - year + rng.Int64N(max(year-span, 1))
	for i := range offsets {
		m := message{conv: conv, seq: uint8(i), sentAt: start + offsets[i], author: uint8(rng.IntN(int(c.authors)))}
		m.out = i > 0 && !inboundOnly && rng.Float64() < replyShare
		msgs = append(msgs, m)
	}
	return msgs
}

// pickWeighted returns an index drawn with the given weights.
func pickWeighted(rng *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := rng.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// text returns message i's text: one to three phrases from its language's bank
// (the brand's replies for outbound messages), now and then an order number or
// the language's rare sentence.
func (d *dataset) text(i int) string {
	if d.cached != nil {
		return d.cached[i].Text
	}
	m := d.msgs[i]
	l := languages[d.convs[m.conv].lang]
	rng := rand.New(rand.NewPCG(d.seed^0x5bd1e995, uint64(m.conv)<<8|uint64(m.seq)))
	bank := l.customer
	if m.out {
		bank = l.brand
	}
	n := 1
	if r := rng.Float64(); r > 0.9 {
		n = 3
	} else if r > 0.55 {
		n = 2
	}
	parts := make([]string, 0, n+2)
	for range n {
		parts = append(parts, bank[rng.IntN(len(bank))])
	}
	if rng.Float64() < 0.1 {
		parts = append(parts, fmt.Sprintf("#%d", 1000+rng.IntN(9000)))
	}
	if !m.out && rng.Float64() < rareShare {
		parts = append(parts, l.rare)
	}
	return strings.Join(parts, " ")
}

// cacheMessages builds every message once, so that timed code only reads them.
func (d *dataset) cacheMessages() {
	cached := make([]platforms.Message, len(d.msgs))
	for i := range d.msgs {
		cached[i] = d.platformMessage(i)
	}
	d.cached = cached
}

// person returns the customer numbered author in conversation conv, as the platform reports them.
func (d *dataset) person(conv int32, author uint8) platforms.Person {
	l := languages[d.convs[conv].lang]
	name := l.names[(int(conv)*7+int(author))%len(l.names)]
	display := name[0] + " " + name[1]
	if strings.HasPrefix(l.tag, "zh") {
		display = name[1] + name[0]
	}
	return platforms.Person{ExternalID: fmt.Sprintf("u%d-%d", conv, author), DisplayName: display, Language: l.tag}
}

// brand returns the account itself as the author of its replies.
func (d *dataset) brand(conv int32) platforms.Person {
	a := d.accounts[d.convs[conv].account]
	return platforms.Person{ExternalID: a.externalID, DisplayName: a.name}
}

// threadID is conversation conv's external id.
func threadID(conv int32) string { return fmt.Sprintf("t%d", conv) }

// threadTitle is the title a platform gives conversation conv.
func (d *dataset) threadTitle(conv int32) string {
	if d.convs[conv].comment {
		return fmt.Sprintf("Comments on post %d", conv%977)
	}
	return d.person(conv, 0).DisplayName
}

// platformMessage returns message i as a connector would hand it to the store.
func (d *dataset) platformMessage(i int) platforms.Message {
	if d.cached != nil {
		return d.cached[i]
	}
	m := d.msgs[i]
	pm := platforms.Message{
		ExternalID:       fmt.Sprintf("m%d-%d", m.conv, m.seq),
		ThreadExternalID: threadID(m.conv),
		ThreadKind:       platforms.ThreadDM,
		ThreadTitle:      d.threadTitle(m.conv),
		Direction:        platforms.DirectionIn,
		Author:           d.person(m.conv, m.author),
		Text:             d.text(i),
		SentAt:           time.UnixMilli(m.sentAt),
	}
	if d.convs[m.conv].comment {
		pm.ThreadKind = platforms.ThreadComment
	}
	if m.out {
		pm.Direction, pm.Author = platforms.DirectionOut, d.brand(m.conv)
	}
	return pm
}

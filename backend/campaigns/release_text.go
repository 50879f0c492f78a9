package campaigns

// Words of the release request DM and of the expiry reminders, in the five
// languages the app speaks. The DM goes to a creator, so it is written for
// each language rather than translated word for word.

// releaseTemplateNames name the seeded saved reply in the workspace language.
var releaseTemplateNames = map[string]string{
	"en":      "Content release request",
	"zh-Hans": "内容授权请求",
	"zh-Hant": "內容授權請求",
	"ro":      "Cerere de acord pentru conținut",
	"hi":      "कंटेंट इस्तेमाल की अनुमति का अनुरोध",
}

// releaseTemplateBodies are the saved reply's bodies; the terms of the release follow them in the DM.
var releaseTemplateBodies = map[string]string{
	"en": "Hi {first_name|there}! Your content made our day, and {brand|our team} would love to share it with our audience. " +
		"So that everything is clear and fair, these are the exact terms we are asking for. If they work for you, reply \"I agree\"; " +
		"if you would like to change anything, just tell us. You can take your permission back at any time by writing to us here.",
	"zh-Hans": "{first_name|你好}！你的内容让我们眼前一亮，{brand|我们}很想把它分享给更多人。为了把事情说清楚、对你公平，" +
		"下面列出了我们希望获得的具体授权范围。如果没问题，请回复“同意”；想调整任何一项也欢迎直接告诉我们。之后如果改变主意，随时在这里留言即可撤回授权。",
	"zh-Hant": "嗨 {first_name|您好}！您的作品讓我們很驚艷，{brand|我們}很想分享給更多人看。為了讓一切清楚又公平，" +
		"以下是我們希望取得的授權範圍。如果可以接受，請回覆「同意」；想調整任何條件也歡迎直接跟我們說。之後若改變心意，隨時在這裡留言就能撤回授權。",
	"ro": "Salut {first_name|și mulțumim}! Conținutul tău ne-a bucurat mult și {brand|echipa noastră} și-ar dori să-l arate și altora. " +
		"Ca totul să fie clar și corect, mai jos sunt exact condițiile pe care ți le propunem. Dacă ești de acord, răspunde cu „Sunt de acord”; " +
		"dacă vrei să schimbi ceva, spune-ne. Îți poți retrage oricând acordul scriindu-ne aici.",
	"hi": "नमस्ते {first_name|जी}! आपका कंटेंट हमें बहुत अच्छा लगा और {brand|हमारी टीम} इसे अपने दर्शकों के साथ शेयर करना चाहती है। " +
		"सब कुछ साफ़ और सही रहे, इसलिए नीचे वे शर्तें लिखी हैं जिनके लिए हम अनुमति माँग रहे हैं। अगर आप सहमत हैं तो \"मैं सहमत हूँ\" लिख दीजिए; " +
		"कुछ बदलना हो तो बताइए। आप जब चाहें यहाँ लिखकर अपनी अनुमति वापस ले सकते हैं।",
}

// termWords are the labels of the terms block, per language.
type termWords struct {
	content, where, paid, yes, no, period, span, upTo, noEnd, territories, anywhere, inReturn, edits, editsYes, editsNo string
}

var releaseTerms = map[string]termWords{
	"en": {content: "Content", where: "Where we would show it", paid: "In paid ads", yes: "yes", no: "no",
		period: "For how long", span: "from %s until %s", upTo: "until %s", noEnd: "with no end date", territories: "Countries", anywhere: "worldwide",
		inReturn: "In return", edits: "Edits", editsYes: "we may crop it, add subtitles or shorten it", editsNo: "we use it exactly as you posted it"},
	"zh-Hans": {content: "内容", where: "使用渠道", paid: "用于付费广告", yes: "是", no: "否",
		period: "授权期限", span: "%s 至 %s", upTo: "至 %s 为止", noEnd: "不设期限", territories: "地区", anywhere: "全球",
		inReturn: "回报", edits: "修改", editsYes: "我们可能会裁剪、加字幕或剪短", editsNo: "按原样使用，不做修改"},
	"zh-Hant": {content: "內容", where: "使用管道", paid: "用於付費廣告", yes: "是", no: "否",
		period: "授權期間", span: "%s 至 %s", upTo: "至 %s 為止", noEnd: "不設期限", territories: "地區", anywhere: "全球",
		inReturn: "回饋", edits: "修改", editsYes: "我們可能會裁切、加字幕或剪短", editsNo: "依原樣使用，不做修改"},
	"ro": {content: "Conținut", where: "Unde l-am folosi", paid: "În reclame plătite", yes: "da", no: "nu",
		period: "Pe ce perioadă", span: "de la %s până la %s", upTo: "până la %s", noEnd: "fără dată de încheiere", territories: "Țări", anywhere: "oriunde în lume",
		inReturn: "În schimb", edits: "Modificări", editsYes: "putem decupa, scurta sau adăuga subtitrări", editsNo: "îl folosim exact cum l-ai publicat"},
	"hi": {content: "कंटेंट", where: "कहाँ दिखाएँगे", paid: "पेड विज्ञापनों में", yes: "हाँ", no: "नहीं",
		period: "कितने समय के लिए", span: "%s से %s तक", upTo: "%s तक", noEnd: "बिना किसी अंतिम तारीख़ के", territories: "देश", anywhere: "दुनिया भर में",
		inReturn: "बदले में", edits: "बदलाव", editsYes: "हम इसे क्रॉप कर सकते हैं, छोटा कर सकते हैं या सबटाइटल जोड़ सकते हैं", editsNo: "हम इसे बिना बदले, जैसा आपने पोस्ट किया वैसा ही इस्तेमाल करेंगे"},
}

// channelWords name the channels in the DM.
var channelWords = map[string]map[string]string{
	"en":      {"instagram": "Instagram", "tiktok": "TikTok", "facebook": "Facebook", "youtube": "YouTube", "website": "our website", "email": "our newsletter", "ads": "online ads", "print": "print", "in_store": "in our shop"},
	"zh-Hans": {"instagram": "Instagram", "tiktok": "TikTok", "facebook": "Facebook", "youtube": "YouTube", "website": "官网", "email": "邮件简报", "ads": "网络广告", "print": "印刷品", "in_store": "门店"},
	"zh-Hant": {"instagram": "Instagram", "tiktok": "TikTok", "facebook": "Facebook", "youtube": "YouTube", "website": "官網", "email": "電子報", "ads": "網路廣告", "print": "印刷品", "in_store": "門市"},
	"ro":      {"instagram": "Instagram", "tiktok": "TikTok", "facebook": "Facebook", "youtube": "YouTube", "website": "site-ul nostru", "email": "newsletter", "ads": "reclame online", "print": "materiale tipărite", "in_store": "în magazin"},
	"hi":      {"instagram": "Instagram", "tiktok": "TikTok", "facebook": "Facebook", "youtube": "YouTube", "website": "हमारी वेबसाइट", "email": "न्यूज़लेटर", "ads": "ऑनलाइन विज्ञापन", "print": "प्रिंट", "in_store": "हमारी दुकान में"},
}

// reminderWords are the desktop notification of an upcoming expiry ({who}, {days}, {date}).
var reminderWords = map[string][2]string{
	"en":      {"A content release ends in {days} days", "The right to reuse {who}'s content ends on {date}. Renew it or plan to take it down."},
	"zh-Hans": {"内容授权将在 {days} 天后到期", "{who} 的内容使用授权将于 {date} 到期。请续约，或安排下架。"},
	"zh-Hant": {"內容授權將在 {days} 天後到期", "{who} 的內容使用授權將於 {date} 到期。請續約，或安排下架。"},
	"ro":      {"Un acord de conținut expiră în {days} zile", "Dreptul de a folosi conținutul lui {who} expiră pe {date}. Reînnoiește-l sau pregătește retragerea lui."},
	"hi":      {"एक कंटेंट अनुमति {days} दिनों में ख़त्म होगी", "{who} के कंटेंट को इस्तेमाल करने की अनुमति {date} को ख़त्म होगी। इसे आगे बढ़ाइए या हटाने की तैयारी कीजिए।"},
}

// calendarWords title the calendar reminder on the expiry day ({who}).
var calendarWords = map[string]string{
	"en":      "Content release ends: {who}",
	"zh-Hans": "内容授权到期：{who}",
	"zh-Hant": "內容授權到期：{who}",
	"ro":      "Expiră acordul pentru conținut: {who}",
	"hi":      "कंटेंट अनुमति ख़त्म: {who}",
}

// lang returns l when the texts know it, else English.
func lang(l string) string {
	if _, ok := releaseTerms[l]; ok {
		return l
	}
	return "en"
}

// killWords are the desktop notification of a stopped experiment ({name}, {label}, {guardrail}, {rate}, {limit}).
var killWords = map[string][2]string{
	"en":      {"Experiment stopped: {name}", "Variant {label} crossed the {guardrail} guardrail ({rate}, limit {limit}). Everyone gets the original saved reply again."},
	"zh-Hans": {"实验已停止：{name}", "版本 {label} 触发了{guardrail}护栏（{rate}，上限 {limit}）。所有人已恢复使用原来的快捷回复。"},
	"zh-Hant": {"實驗已停止：{name}", "版本 {label} 觸發了{guardrail}防護條件（{rate}，上限 {limit}）。所有人已恢復使用原本的快速回覆。"},
	"ro":      {"Experiment oprit: {name}", "Varianta {label} a depășit limita pentru {guardrail} ({rate}, limita {limit}). Toată lumea primește din nou răspunsul salvat inițial."},
	"hi":      {"प्रयोग रोका गया: {name}", "वैरिएंट {label} ने {guardrail} की सीमा पार की ({rate}, सीमा {limit})। अब सभी को फिर से मूल सेव्ड जवाब मिलेगा।"},
}

// guardrailWords name the guardrails in the notification.
var guardrailWords = map[string]map[string]string{
	"en":      {"opt_out": "opt-out", "negative": "negative replies", "conversion": "conversion"},
	"zh-Hans": {"opt_out": "退订率", "negative": "负面回复", "conversion": "转化率"},
	"zh-Hant": {"opt_out": "退訂率", "negative": "負面回覆", "conversion": "轉換率"},
	"ro":      {"opt_out": "dezabonări", "negative": "răspunsuri negative", "conversion": "conversie"},
	"hi":      {"opt_out": "ऑप्ट-आउट", "negative": "नकारात्मक जवाब", "conversion": "कन्वर्ज़न"},
}

package demo

// scenario is one kind of conversation a creator-led brand receives.
type scenario string

// The kinds of traffic the demo seeds.
const (
	orderQuestion scenario = "order"
	priceQuestion scenario = "price"
	collaboration scenario = "collab"
	complaint     scenario = "complaint"
	praise        scenario = "praise"
	spam          scenario = "spam"
	abuse         scenario = "abuse"
)

// script is the demo's traffic for one language: people's names and what they write.
type script struct {
	lang      string
	weight    int // how many of the seeded conversations use this language
	names     [][2]string
	messages  map[scenario][][]string // each entry is one conversation's messages, in order
	groupName string
}

// scripts holds the demo's wording, written for CreatorDesk.
var scripts = []script{
	{
		lang: "en", weight: 62, groupName: "Glaze & Co. — early access club",
		names: [][2]string{{"Maya", "Thompson"}, {"Jordan", "Reyes"}, {"Priya", "Shah"}, {"Liam", "O'Connor"}, {"Sofia", "Martins"},
			{"Noah", "Kim"}, {"Ava", "Brooks"}, {"Ethan", "Clarke"}, {"Zoe", "Adams"}, {"Lucas", "Bennett"}},
		messages: map[scenario][][]string{
			orderQuestion: {
				{"Hi! I ordered the speckled mug set on Monday, order #4821. Any idea when it ships?"},
				{"Hey, my tracking link hasn't updated in four days.", "Order number is 5517 if that helps"},
				{"Can I still change the shipping address on order 6032? I moved last week 😅"},
			},
			priceQuestion: {
				{"How much is the large serving bowl in sage green?"},
				{"Is the bundle from your live yesterday still at the discounted price?", "The one with the two planters"},
				{"Do you ship to Canada and what does shipping cost?"},
			},
			collaboration: {
				{"Hi team! I run a small home-decor channel (38k followers) and would love to feature your planters. Open to a collab?"},
				{"Hello, I'm a UGC creator. I make short unboxing videos. Can I send you my rates?"},
			},
			complaint: {
				{"My bowl arrived cracked. Really disappointed, it was a gift.", "Photo attached. What can you do?"},
				{"Still no reply to my email from last week about a refund. Order 4410."},
			},
			praise: {
				{"Just got my mugs and they're even prettier in person!! Thank you 💛"},
				{"Loved the live demo on glazing, please do another one soon"},
			},
			spam: {
				{"CONGRATULATIONS!!! You have been selected for a FREE promotion package, click here to claim your 10k followers"},
				{"Want to grow fast? Buy real followers cheap, DM me for price list"},
			},
			abuse: {
				{"your products are garbage and so are you. I'll make sure everyone knows"},
			},
		},
	},
	{
		lang: "zh-Hans", weight: 40, groupName: "手作陶瓷 · 粉丝群",
		names: [][2]string{{"晓雯", "王"}, {"子涵", "李"}, {"一鸣", "张"}, {"佳怡", "刘"}, {"浩然", "陈"}, {"思琪", "杨"}},
		messages: map[scenario][][]string{
			orderQuestion: {
				{"你好，我上周五下的单，订单号 7723，请问什么时候发货？"},
				{"快递显示已签收，但我没收到包裹", "订单号是 8190"},
			},
			priceQuestion: {
				{"请问这款青色马克杯多少钱？有现货吗？"},
				{"直播间说的满减活动还有吗？想买两个花盆"},
			},
			collaboration: {
				{"您好，我是做家居分享的博主，有两万多粉丝，想和你们合作推广，可以聊聊吗？"},
			},
			complaint: {
				{"收到的碗有裂痕，太失望了", "怎么处理？可以退换吗？"},
			},
			praise: {
				{"杯子收到了，颜值超高，已经推荐给朋友了！"},
			},
			spam: {
				{"兼职刷单，日赚五百，加我微信详聊"},
			},
			abuse: {
				{"什么垃圾店，骗子，等着被曝光吧"},
			},
		},
	},
	{
		lang: "zh-Hant", weight: 36, groupName: "手作陶器 · 新品搶先看",
		names: [][2]string{{"家豪", "陳"}, {"怡君", "林"}, {"志明", "黃"}, {"淑芬", "張"}, {"冠宇", "吳"}, {"雅婷", "蔡"}},
		messages: map[scenario][][]string{
			orderQuestion: {
				{"您好，我的訂單編號 6654，請問什麼時候會寄出？"},
				{"請問可以改寄送地址嗎？訂單 7021", "我下週搬家了"},
			},
			priceQuestion: {
				{"請問這個大碗的價格是多少？還有貨嗎？"},
				{"直播說的優惠碼還能用嗎？"},
			},
			collaboration: {
				{"你好！我是分享生活選物的創作者，想跟你們談合作，可以寄產品給我開箱嗎？"},
			},
			complaint: {
				{"收到的杯子有缺角，很失望", "請問要怎麼退貨？"},
			},
			praise: {
				{"花器好美！放在客廳超有質感，謝謝你們"},
			},
			spam: {
				{"免費送粉絲一萬，點擊連結立即領取"},
			},
			abuse: {
				{"爛東西，騙錢的店，大家不要買"},
			},
		},
	},
	{
		lang: "ro", weight: 40, groupName: "Ceramică lucrată manual — clubul clientelor",
		names: [][2]string{{"Ioana", "Popescu"}, {"Andrei", "Ionescu"}, {"Maria", "Dumitrescu"}, {"Mihai", "Stan"}, {"Elena", "Georgescu"}, {"Radu", "Marin"}},
		messages: map[scenario][][]string{
			orderQuestion: {
				{"Bună ziua! Am plasat comanda 3380 vineri. Când ajunge coletul?"},
				{"Salut, comanda mea apare livrată, dar nu am primit nimic.", "Numărul comenzii este 3512"},
			},
			priceQuestion: {
				{"Cât costă setul de căni verzi? Mai este pe stoc?"},
				{"Mai este valabilă reducerea de la live-ul de ieri?"},
			},
			collaboration: {
				{"Bună! Fac conținut despre amenajări interioare și aș vrea să colaborăm. Vă pot trimite oferta mea?"},
			},
			complaint: {
				{"Vasul a ajuns spart. Sunt tare dezamăgită.", "Cum putem rezolva? Vreau retur sau înlocuire."},
			},
			praise: {
				{"Mulțumesc mult, cănile sunt superbe! Revin cu siguranță."},
			},
			spam: {
				{"Câștigă bani rapid de acasă!!! Trimite mesaj pentru detalii"},
			},
			abuse: {
				{"Sunteți niște țepari, o să vă fac praf în recenzii"},
			},
		},
	},
	{
		lang: "hi", weight: 36, groupName: "हस्तनिर्मित मिट्टी के बर्तन — ग्राहक समूह",
		names: [][2]string{{"प्रिया", "शर्मा"}, {"राहुल", "वर्मा"}, {"अनन्या", "गुप्ता"}, {"अर्जुन", "सिंह"}, {"नेहा", "पटेल"}, {"विकास", "यादव"}},
		messages: map[scenario][][]string{
			orderQuestion: {
				{"नमस्ते, मेरा ऑर्डर नंबर 9102 है। यह कब तक पहुँचेगा?"},
				{"ट्रैकिंग तीन दिन से अपडेट नहीं हुई", "ऑर्डर 9245 है"},
			},
			priceQuestion: {
				{"हरे रंग वाला मग कितने का है? क्या यह अभी उपलब्ध है?"},
				{"लाइव में बताया गया डिस्काउंट कोड अभी भी चल रहा है क्या?"},
			},
			collaboration: {
				{"नमस्ते! मैं घर की सजावट पर वीडियो बनाती हूँ। क्या हम साथ में काम कर सकते हैं?"},
			},
			complaint: {
				{"कटोरा टूटा हुआ आया है, बहुत निराशा हुई।", "कृपया बताइए रिफंड कैसे मिलेगा?"},
			},
			praise: {
				{"कप बहुत सुंदर हैं, धन्यवाद! दोस्तों को भी बताया है।"},
			},
			spam: {
				{"घर बैठे रोज़ ₹5000 कमाएँ, अभी लिंक पर क्लिक करें"},
			},
			abuse: {
				{"बेकार सामान, धोखेबाज़ दुकान, सबको बताऊँगा"},
			},
		},
	},
}

// scenarioMix is how often each kind of conversation appears (out of its sum).
var scenarioMix = []struct {
	kind   scenario
	weight int
}{
	{orderQuestion, 30}, {priceQuestion, 25}, {collaboration, 10}, {complaint, 12}, {praise, 12}, {spam, 8}, {abuse, 3},
}

// hostileText is seeded as-is so the UI can prove it shows platform text as text.
const hostileText = `<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> <a href="javascript:alert(1)">free gift</a>`

package main

// language is one of CreatorDesk's five languages as the generator writes it:
// what customers say, what the brand answers, and who the customers are.
type language struct {
	// tag is the BCP 47 tag, also sent as Telegram's language_code.
	tag string
	// weight is the language's share of conversations (out of the sum of weights).
	weight int
	// customer holds what people write to the brand; brand holds the replies.
	customer, brand []string
	// rare is a sentence with a word few messages contain (rare-word searches find it).
	rare string
	// names are customers' first and last names.
	names [][2]string
}

// rareShare is the share of messages that carry their language's rare sentence.
const rareShare = 0.002

// languages are the generator's phrase banks, written for this benchmark.
var languages = []language{
	{
		tag: "en", weight: 40,
		customer: []string{
			"Hi! I ordered the speckled mug set on Monday, any idea when it ships?",
			"My tracking link hasn't updated in four days.",
			"Can I still change the shipping address on my order?",
			"How much is the large serving bowl in sage green?",
			"Is the bundle from your live yesterday still discounted?",
			"Do you ship to Canada and what does shipping cost?",
			"The bowl arrived cracked, it was meant as a gift.",
			"Still waiting for a refund on my last order.",
			"Just got my mugs and they are even prettier in person!",
			"Loved the glazing demo, please do another live soon.",
			"Are the planters dishwasher safe?",
			"I run a home decor channel and would love to collaborate.",
			"Can I pick up the order from your studio instead?",
			"Do you take custom orders for weddings?",
			"When will the blue glaze collection be back in stock?",
			"Thanks, the package arrived today.",
			"Could you send me the invoice for my order please?",
			"Is there a discount code for returning customers?",
		},
		brand: []string{
			"Thanks for reaching out! Let me check your order.",
			"Your order shipped today, here is the tracking number.",
			"So sorry about that, we will send a replacement right away.",
			"Yes, we ship worldwide; shipping to Canada is 12 dollars.",
			"The refund has been issued, it takes 3 to 5 business days.",
			"Thank you so much, that means a lot to our small team!",
			"Sure, I have updated the shipping address.",
			"We restock the blue glaze collection next Friday.",
		},
		rare:  "Do you also make terracotta pots?",
		names: [][2]string{{"Maya", "Thompson"}, {"Jordan", "Reyes"}, {"Priya", "Shah"}, {"Liam", "O'Connor"}, {"Sofia", "Martins"}, {"Noah", "Kim"}, {"Ava", "Brooks"}, {"Ethan", "Clarke"}},
	},
	{
		tag: "zh-Hans", weight: 15,
		customer: []string{
			"你好,我周一下的订单什么时候发货?",
			"物流信息四天没有更新了。",
			"订单的收货地址还能改吗?",
			"大号的沙拉碗多少钱?",
			"昨天直播的套装还有优惠吗?",
			"碗收到的时候裂了,这是送人的礼物。",
			"退款什么时候到账?",
			"杯子收到了,比照片还好看!",
			"可以开发票吗?",
			"花盆可以用洗碗机洗吗?",
			"蓝色釉的系列什么时候补货?",
			"我想合作,我有一个家居频道。",
			"能不能定制婚礼用的杯子?",
			"包裹今天收到了,谢谢。",
		},
		brand: []string{
			"您好,我帮您查一下订单。",
			"您的订单今天已经发货,这是快递单号。",
			"非常抱歉,我们马上给您补发一个。",
			"退款已经处理,三到五个工作日到账。",
			"谢谢您的支持!",
			"收货地址已经帮您修改好了。",
		},
		rare:  "你们有青花瓷的款式吗?",
		names: [][2]string{{"伟", "王"}, {"芳", "李"}, {"静", "张"}, {"磊", "刘"}, {"敏", "陈"}, {"洋", "杨"}},
	},
	{
		tag: "zh-Hant", weight: 10,
		customer: []string{
			"你好,我週一下的訂單什麼時候發貨?",
			"物流資訊四天沒有更新了。",
			"訂單的收件地址還能改嗎?",
			"大號的沙拉碗多少錢?",
			"昨天直播的組合還有優惠嗎?",
			"碗收到的時候裂了,這是送人的禮物。",
			"退款什麼時候到帳?",
			"杯子收到了,比照片還好看!",
			"可以開發票嗎?",
			"藍色釉的系列什麼時候補貨?",
			"可以寄到香港嗎?運費多少?",
			"包裹今天收到了,謝謝。",
		},
		brand: []string{
			"您好,我幫您查一下訂單。",
			"您的訂單今天已經發貨,這是物流單號。",
			"非常抱歉,我們馬上幫您補寄一個。",
			"退款已經處理,三到五個工作天到帳。",
			"謝謝您的支持!",
		},
		rare:  "請問有青花瓷的款式嗎?",
		names: [][2]string{{"志明", "陳"}, {"淑芬", "林"}, {"家豪", "黃"}, {"怡君", "張"}, {"俊傑", "李"}},
	},
	{
		tag: "ro", weight: 15,
		customer: []string{
			"Bună! Am plasat comanda luni, când se expediază?",
			"Linkul de urmărire nu s-a actualizat de patru zile.",
			"Pot schimba adresa de livrare pentru comandă?",
			"Cât costă bolul mare verde?",
			"Setul din live-ul de ieri mai este la reducere?",
			"Bolul a ajuns crăpat, era un cadou.",
			"Încă aștept rambursarea pentru comanda mea.",
			"Cănile au sosit și sunt superbe, mulțumesc!",
			"Ghivecele se pot spăla în mașina de vase?",
			"Faceți și comenzi personalizate pentru nunți?",
			"Livrați și în Republica Moldova?",
			"Coletul a ajuns azi, mulțumesc frumos.",
		},
		brand: []string{
			"Mulțumim pentru mesaj! Verific comanda imediat.",
			"Comanda a fost expediată azi, acesta este numărul AWB.",
			"Ne pare foarte rău, trimitem imediat un produs nou.",
			"Rambursarea a fost făcută, durează 3-5 zile lucrătoare.",
			"Mulțumim mult pentru susținere!",
		},
		rare:  "Aveți și ghivece din teracotă?",
		names: [][2]string{{"Andreea", "Popescu"}, {"Mihai", "Ionescu"}, {"Ioana", "Dumitrescu"}, {"Radu", "Stan"}, {"Elena", "Georgescu"}},
	},
	{
		tag: "hi", weight: 20,
		customer: []string{
			"नमस्ते, मैंने सोमवार को ऑर्डर किया था, कब तक डिलीवरी होगी?",
			"ट्रैकिंग लिंक चार दिन से अपडेट नहीं हुआ है।",
			"क्या मैं ऑर्डर का पता बदल सकती हूँ?",
			"बड़े कटोरे की कीमत क्या है?",
			"कल के लाइव वाला सेट अभी भी छूट पर है?",
			"कटोरा टूटा हुआ आया, यह तोहफ़ा था।",
			"मेरा रिफंड अभी तक नहीं आया।",
			"मग बहुत सुंदर हैं, धन्यवाद!",
			"क्या गमले डिशवॉशर में धो सकते हैं?",
			"क्या आप शादी के लिए कस्टम ऑर्डर लेते हैं?",
			"नीले ग्लेज़ वाला कलेक्शन फिर कब आएगा?",
			"पार्सल आज मिल गया, शुक्रिया।",
		},
		brand: []string{
			"संदेश के लिए धन्यवाद! मैं आपका ऑर्डर देखती हूँ।",
			"आपका ऑर्डर आज भेज दिया गया है, यह ट्रैकिंग नंबर है।",
			"माफ़ कीजिए, हम तुरंत नया भेज रहे हैं।",
			"रिफंड कर दिया गया है, 3 से 5 दिन में आ जाएगा।",
			"आपके प्यार के लिए बहुत शुक्रिया!",
		},
		rare:  "क्या आपके पास टेराकोटा के गमले भी हैं?",
		names: [][2]string{{"Aarav", "Sharma"}, {"Ananya", "Verma"}, {"Rohan", "Gupta"}, {"Isha", "Patel"}, {"Vikram", "Singh"}, {"प्रिया", "मेहता"}},
	},
}

// searchQuery is one search a person would type, and the figure group it belongs to.
type searchQuery struct {
	group, text string
}

// searchGroups name the search figures, one per language group.
var searchGroups = []string{"English", "Chinese", "Hindi"}

// searchQueries are the measured searches: common words, phrases and rare words
// (the rare sentences above) in English, Chinese (both scripts) and Hindi.
var searchQueries = []searchQuery{
	{"English", "order"},
	{"English", "shipping address"},
	{"English", "refund"},
	{"English", "blue glaze collection"},
	{"English", "terracotta"},
	{"Chinese", "订单"},
	{"Chinese", "发货"},
	{"Chinese", "訂單"},
	{"Chinese", "杯"},
	{"Chinese", "青花瓷"},
	{"Hindi", "ऑर्डर"},
	{"Hindi", "डिलीवरी"},
	{"Hindi", "रिफंड"},
	{"Hindi", "टेराकोटा"},
}

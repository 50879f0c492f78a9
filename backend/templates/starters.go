package templates

// starter is one saved reply every new workspace starts with. Its key is
// permanent: SeedStarters adds each key once, so edits and deletions stick.
type starter struct {
	key, folder, shortcut, kind string
	// names and bodies are keyed by language (all five).
	names, bodies map[string]string
}

// starterFolder is a folder the starters go in.
type starterFolder struct {
	key   string
	names map[string]string
}

// starterFolders are the folders of the starter set.
var starterFolders = []starterFolder{
	{"orders", map[string]string{"en": "Orders & shipping", "zh-Hans": "订单与配送", "zh-Hant": "訂單與運送", "ro": "Comenzi și livrare", "hi": "ऑर्डर और डिलीवरी"}},
	{"sales", map[string]string{"en": "Sales & collabs", "zh-Hans": "咨询与合作", "zh-Hant": "詢價與合作", "ro": "Vânzări și colaborări", "hi": "बिक्री और कोलैब"}},
	{"care", map[string]string{"en": "Care & community", "zh-Hans": "客户关怀", "zh-Hant": "顧客關懷", "ro": "Grijă și comunitate", "hi": "ग्राहक देखभाल"}},
}

// starters are the starter saved replies, written for each language rather than translated word for word.
var starters = []starter{
	{key: "order-status", folder: "orders", shortcut: "order", kind: "dm",
		names: map[string]string{"en": "Order status", "zh-Hans": "订单状态", "zh-Hant": "訂單狀態", "ro": "Starea comenzii", "hi": "ऑर्डर की स्थिति"},
		bodies: map[string]string{
			"en":      "Hi {first_name|there}! I just checked order {order_id} for you: it's packed and on its way. The tracking details will reach you by email, and if anything looks off, reply here and I'll sort it out.",
			"zh-Hans": "{first_name|亲}，您好！刚帮您查了订单 {order_id}：已经打包发出，正在路上啦。物流信息会通过邮件发给您，有任何问题直接在这里回复我就行。",
			"zh-Hant": "嗨 {first_name|您好}！剛幫您查了訂單 {order_id}：已經包好寄出，正在路上囉。物流追蹤資訊會寄到您的信箱，有任何問題直接在這裡回覆我就可以。",
			"ro":      "Salut {first_name|și mulțumim pentru mesaj}! Am verificat comanda {order_id}: e deja împachetată și pe drum spre tine. Detaliile de urmărire îți vin pe e-mail, iar dacă ceva nu pare în regulă, scrie-mi aici și rezolv.",
			"hi":      "नमस्ते {first_name|जी}! हमने आपका ऑर्डर {order_id} देख लिया है — यह पैक होकर आपकी ओर रवाना हो चुका है। ट्रैकिंग की जानकारी ईमेल पर आ जाएगी। कुछ भी गड़बड़ लगे तो यहीं बताइए, हम तुरंत देख लेंगे।",
		}},
	{key: "shipping-times", folder: "orders", shortcut: "shipping",
		names: map[string]string{"en": "Shipping times", "zh-Hans": "发货与配送时间", "zh-Hant": "出貨與配送時間", "ro": "Termene de livrare", "hi": "डिलीवरी का समय"},
		bodies: map[string]string{
			"en":      "Hi {first_name|there}! Orders usually leave us within 1–2 business days. Delivery inside the country takes 2–4 days, and international parcels 7–14 days depending on customs. You'll get a tracking link as soon as yours ships.",
			"zh-Hans": "{first_name|亲}，您好！订单一般在 1–2 个工作日内发货，国内配送约 2–4 天，国际包裹视清关情况需要 7–14 天。发货后我们会第一时间把物流链接发给您。",
			"zh-Hant": "嗨 {first_name|您好}！訂單通常會在 1–2 個工作天內出貨，國內配送約 2–4 天，國際包裹依通關狀況大約 7–14 天。出貨後會馬上把物流追蹤連結傳給您。",
			"ro":      "Salut {first_name|și mulțumim pentru întrebare}! De obicei expediem comenzile în 1–2 zile lucrătoare. Livrarea în țară durează 2–4 zile, iar în străinătate 7–14 zile, în funcție de vamă. Primești linkul de urmărire imediat ce pleacă coletul.",
			"hi":      "नमस्ते {first_name|जी}! हम आम तौर पर 1–2 कामकाजी दिनों में ऑर्डर भेज देते हैं। देश के अंदर डिलीवरी में 2–4 दिन और विदेश में कस्टम के हिसाब से 7–14 दिन लगते हैं। पार्सल निकलते ही आपको ट्रैकिंग लिंक भेज दिया जाएगा।",
		}},
	{key: "returns", folder: "orders", shortcut: "returns", kind: "dm",
		names: map[string]string{"en": "Returns & refunds", "zh-Hans": "退货与退款", "zh-Hant": "退貨與退款", "ro": "Retururi și rambursări", "hi": "रिटर्न और रिफ़ंड"},
		bodies: map[string]string{
			"en":      "Hi {first_name|there}! Of course: unused items can be returned within 30 days of delivery. Send me your order number and I'll email you a return label. The refund goes back to your original payment method within 5–7 days of the parcel reaching us.",
			"zh-Hans": "{first_name|亲}，您好！当然可以，未使用的商品在签收后 30 天内都可以退货。把订单号发给我，我会把退货面单发到您的邮箱。我们收到包裹后，退款会在 5–7 天内原路退回。",
			"zh-Hant": "嗨 {first_name|您好}！當然可以，未使用的商品在收到後 30 天內都能退貨。把訂單編號給我，我會把退貨標籤寄到您的信箱。我們收到包裹後，款項會在 5–7 天內原路退回。",
			"ro":      "Bună {first_name|ziua}! Sigur că da: produsele nefolosite se pot returna în 30 de zile de la livrare. Trimite-mi numărul comenzii și îți trimit pe e-mail eticheta de retur. Banii se întorc pe aceeași metodă de plată în 5–7 zile după ce primim coletul.",
			"hi":      "नमस्ते {first_name|जी}! बिल्कुल, बिना इस्तेमाल किया सामान डिलीवरी के 30 दिनों के अंदर लौटाया जा सकता है। अपना ऑर्डर नंबर भेजिए, हम ईमेल पर रिटर्न लेबल भेज देंगे। पार्सल हम तक पहुँचने के 5–7 दिनों में पैसा उसी पेमेंट तरीके में वापस आ जाएगा।",
		}},
	{key: "price-availability", folder: "sales", shortcut: "price",
		names: map[string]string{"en": "Price & availability", "zh-Hans": "价格与库存", "zh-Hant": "價格與庫存", "ro": "Preț și stoc", "hi": "कीमत और स्टॉक"},
		bodies: map[string]string{
			"en":      "Hi {first_name|there}, thanks for asking! {product_name|This piece} is in stock right now. You'll find the current price and sizes on our shop page, and if you tell me what you have in mind, I'm happy to help you choose.",
			"zh-Hans": "{first_name|亲}，谢谢您的询问！{product_name|这款}目前有现货，最新价格和尺寸可以在我们的店铺页面查看。告诉我您的需求，我可以帮您挑选～",
			"zh-Hant": "嗨 {first_name|您好}，謝謝詢問！{product_name|這款}目前有現貨，最新價格和尺寸可以到我們的商店頁面看看。跟我說說您的需求，我很樂意幫您挑選。",
			"ro":      "Salut {first_name|și mulțumim de întrebare}! {product_name|Produsul} e pe stoc acum. Prețul actualizat și mărimile le găsești pe pagina magazinului, iar dacă îmi spui ce cauți, te ajut cu drag să alegi.",
			"hi":      "नमस्ते {first_name|जी}, पूछने के लिए धन्यवाद! {product_name|यह प्रोडक्ट} अभी स्टॉक में है। ताज़ा कीमत और साइज़ हमारे शॉप पेज पर मिल जाएँगे। अपनी पसंद बताइए, चुनने में हम ख़ुशी से मदद करेंगे।",
		}},
	{key: "collab-inquiry", folder: "sales", shortcut: "collab", kind: "dm",
		names: map[string]string{"en": "Collab inquiry", "zh-Hans": "合作咨询", "zh-Hant": "合作洽詢", "ro": "Propunere de colaborare", "hi": "कोलैब के लिए पूछताछ"},
		bodies: map[string]string{
			"en":      "Hi {first_name|there}! Thanks so much for thinking of {brand|us}. We'd love to hear more: could you send your media kit, your usual rates and an idea or two for the collab? We'll get back to you within a few days.",
			"zh-Hans": "{first_name|你好}，谢谢您想到 {brand|我们}！很期待进一步了解：方便发一下您的媒体资料包、常规报价，以及一两个合作想法吗？我们会在几天内回复您。",
			"zh-Hant": "嗨 {first_name|您好}！謝謝您想到 {brand|我們}！很想多了解一些：方便提供您的媒體資料、一般報價，還有一兩個合作點子嗎？我們會在幾天內回覆您。",
			"ro":      "Salut {first_name|și mulțumim}! Ne bucură mult că te-ai gândit la {brand|noi}. Ne-ar plăcea să aflăm mai multe: ne poți trimite media kitul, tarifele obișnuite și o idee-două pentru colaborare? Revenim cu un răspuns în câteva zile.",
			"hi":      "नमस्ते {first_name|जी}! हमें याद करने के लिए बहुत शुक्रिया, {brand|हमारी टीम} आपके साथ काम करने को लेकर उत्साहित है। क्या आप अपना मीडिया किट, सामान्य रेट और कोलैब के एक-दो आइडिया भेज सकते हैं? हम कुछ दिनों में जवाब देंगे।",
		}},
	{key: "ugc-rights", folder: "sales", shortcut: "ugc", kind: "dm",
		names: map[string]string{"en": "Ask to reuse a post", "zh-Hans": "申请转发用户内容", "zh-Hant": "徵求貼文轉發授權", "ro": "Cerere de repostare", "hi": "पोस्ट दोबारा इस्तेमाल की अनुमति"},
		bodies: map[string]string{
			"en":      "Hi {first_name|there}! We love the post you shared with {product_name|our piece}. Would you be happy for {brand|us} to repost it on our channels and website, credited to you? Just reply \"yes\" to agree, and tell us if you'd like any conditions. Thank you!",
			"zh-Hans": "{first_name|你好}！我们非常喜欢您分享的{product_name|我们家产品}的内容。请问可以让 {brand|我们} 在官方账号和网站上转发吗？会注明您是作者。同意的话回复“可以”就好，如有任何条件也欢迎告诉我们，谢谢！",
			"zh-Hant": "嗨 {first_name|您好}！我們超喜歡您分享的{product_name|商品}貼文。請問可以讓 {brand|我們} 在官方帳號和網站上轉發嗎？會標註您是作者。同意的話回覆「可以」就好，如果有任何條件也歡迎告訴我們，謝謝！",
			"ro":      "Salut {first_name|și mulțumim}! Ne place mult postarea ta cu {product_name|produsul nostru}. Ne-ai da voie să o distribuim pe canalele și site-ul {brand|nostru}, cu mențiunea că e creația ta? Răspunde cu „da” dacă ești de acord și spune-ne dacă ai vreo condiție. Mulțumim!",
			"hi":      "नमस्ते {first_name|जी}! {product_name|हमारे प्रोडक्ट} के साथ आपकी पोस्ट हमें बहुत पसंद आई। क्या हम इसे आपके नाम के साथ अपने चैनलों और वेबसाइट पर शेयर कर सकते हैं? सहमत हों तो बस \"हाँ\" लिख दीजिए, और कोई शर्त हो तो वह भी बताइए। धन्यवाद!",
		}},
	{key: "complaint-sorry", folder: "care", shortcut: "sorry",
		names: map[string]string{"en": "Sorry to hear it", "zh-Hans": "致歉与跟进", "zh-Hant": "致歉與後續處理", "ro": "Ne pare rău", "hi": "माफ़ी और मदद"},
		bodies: map[string]string{
			"en":      "Hi {first_name|there}, I'm really sorry about {issue|this}. That's not the experience we want you to have. Could you send me your order number, and a photo if something arrived damaged? I'll put it right as quickly as I can.",
			"zh-Hans": "{first_name|亲}，{issue|遇到这样的情况}真的很抱歉，这不是我们希望您经历的。方便告诉我订单号吗？如果商品有损坏，也请拍张照片给我，我会尽快帮您处理好。",
			"zh-Hant": "嗨 {first_name|您好}，{issue|發生這樣的狀況}真的很抱歉，這不是我們希望帶給您的體驗。方便告訴我訂單編號嗎？如果商品有損壞，也麻煩拍張照片給我，我會盡快幫您處理。",
			"ro":      "Bună {first_name|ziua}, îmi pare sincer rău pentru {issue|ce s-a întâmplat}. Nu asta ne dorim să trăiești cu noi. Îmi spui numărul comenzii? Dacă produsul a ajuns deteriorat, trimite-mi și o poză, iar eu mă ocup să rezolvăm cât mai repede.",
			"hi":      "नमस्ते {first_name|जी}, {issue|इस परेशानी} के लिए हमें सच में खेद है। हम नहीं चाहते कि आपको ऐसा अनुभव हो। क्या आप अपना ऑर्डर नंबर बता सकते हैं? अगर सामान टूटा-फूटा पहुँचा है तो एक फ़ोटो भी भेज दीजिए, हम जल्द से जल्द इसे ठीक करेंगे।",
		}},
	{key: "thanks-kind-words", folder: "care", shortcut: "thanks",
		names: map[string]string{"en": "Thanks for the kind words", "zh-Hans": "感谢好评", "zh-Hant": "感謝好評", "ro": "Mulțumim pentru vorbele frumoase", "hi": "तारीफ़ के लिए धन्यवाद"},
		bodies: map[string]string{
			"en":      "Thank you so much, {first_name|friend}! Messages like yours make our day, and we're so glad you love it 💛",
			"zh-Hans": "太感谢了，{first_name|亲}！看到这样的留言我们一整天都很开心，很高兴您喜欢 💛",
			"zh-Hant": "太感謝了，{first_name|朋友}！看到這樣的留言我們整天都好開心，很高興您喜歡 💛",
			"ro":      "Mulțumim din suflet, {first_name|dragă}! Mesajele ca al tău ne fac ziua mai frumoasă și ne bucurăm enorm că îți place 💛",
			"hi":      "दिल से शुक्रिया, {first_name|दोस्त}! आपके जैसे संदेश हमारा दिन बना देते हैं। बहुत ख़ुशी है कि आपको यह पसंद आया 💛",
		}},
	{key: "move-to-dm", folder: "care", shortcut: "dm", kind: "comment",
		names: map[string]string{"en": "Move to DM", "zh-Hans": "转私信沟通", "zh-Hant": "轉私訊聊聊", "ro": "Continuăm în privat", "hi": "DM में बात करें"},
		bodies: map[string]string{
			"en":      "Thanks for reaching out, {first_name|friend}! So we can look at your details privately, we've sent you a direct message. Let's continue there 🙂",
			"zh-Hans": "谢谢留言，{first_name|亲}！为了保护您的个人信息，我们已经给您发了私信，咱们私信里继续聊吧 🙂",
			"zh-Hant": "謝謝留言，{first_name|朋友}！為了保護您的個人資料，我們已經私訊您了，我們在私訊裡繼續聊吧 🙂",
			"ro":      "Mulțumim că ne-ai scris, {first_name|dragă}! Ca să discutăm detaliile în privat, ți-am trimis un mesaj direct. Continuăm acolo 🙂",
			"hi":      "संपर्क करने के लिए धन्यवाद, {first_name|दोस्त}! आपकी जानकारी निजी रखने के लिए हमने आपको डायरेक्ट मैसेज भेजा है। वहीं बात आगे बढ़ाते हैं 🙂",
		}},
	{key: "away-after-hours", folder: "care", shortcut: "away", kind: "dm",
		names: map[string]string{"en": "Away / after hours", "zh-Hans": "下班时间回复", "zh-Hant": "非營業時間回覆", "ro": "În afara programului", "hi": "काम के समय के बाद"},
		bodies: map[string]string{
			"en":      "Hi {first_name|there}, thanks for your message! Our team is offline right now. We'll be back during business hours and you'll be among the first we answer, usually within a few hours.",
			"zh-Hans": "{first_name|你好}，感谢您的留言！我们现在已经下班了，上班后会第一时间回复您，一般几个小时内就会答复。",
			"zh-Hant": "嗨 {first_name|您好}，謝謝您的訊息！我們目前不在線上，上班時間一到就會優先回覆您，通常幾個小時內就會答覆。",
			"ro":      "Bună {first_name|ziua}, mulțumim pentru mesaj! Echipa noastră nu e online acum. Revenim în programul de lucru și îți răspundem printre primii, de obicei în câteva ore.",
			"hi":      "नमस्ते {first_name|जी}, आपके संदेश के लिए धन्यवाद! इस समय हमारी टीम ऑफ़लाइन है। काम के समय पर लौटते ही हम सबसे पहले आपको जवाब देंगे, आम तौर पर कुछ ही घंटों में।",
		}},
}

// demoStarters are extra saved replies only the demo workspace gets.
var demoStarters = []starter{
	{key: "demo-creator-code", folder: "sales", shortcut: "code", kind: "dm",
		names: map[string]string{"en": "Creator discount code", "zh-Hans": "达人专属折扣码", "zh-Hant": "創作者專屬折扣碼", "ro": "Cod de reducere de la creator", "hi": "क्रिएटर डिस्काउंट कोड"},
		bodies: map[string]string{
			"en":      "Hi {first_name|there}! Here's your code: {discount_code}. It takes 15% off your first order at checkout. Enjoy, and tag {brand|us} when it arrives!",
			"zh-Hans": "{first_name|亲}，您好！这是您的专属折扣码：{discount_code}，结账时输入即可享受首单 85 折。收到后记得标记 {brand|我们} 哦！",
			"zh-Hant": "嗨 {first_name|您好}！這是您的專屬折扣碼：{discount_code}，結帳時輸入就能享首單 85 折。收到後記得標記 {brand|我們} 喔！",
			"ro":      "Salut {first_name|și bine ai venit}! Codul tău este {discount_code} și îți dă 15% reducere la prima comandă. Spor la cumpărături și dă-ne un tag când ajunge coletul!",
			"hi":      "नमस्ते {first_name|जी}! आपका कोड है {discount_code} — चेकआउट पर पहले ऑर्डर में 15% की छूट मिलेगी। सामान पहुँचे तो हमें टैग करना न भूलें!",
		}},
	{key: "demo-live-reminder", folder: "care", shortcut: "live", kind: "comment",
		names: map[string]string{"en": "Live session reminder", "zh-Hans": "直播提醒", "zh-Hant": "直播提醒", "ro": "Memento pentru live", "hi": "लाइव सेशन की याद"},
		bodies: map[string]string{
			"en":      "Great question, {author_name|friend}! We'll answer it live on Thursday at 7 pm, with the new glazes on camera. See you there!",
			"zh-Hans": "好问题，{author_name|朋友}！周四晚上 7 点直播时我们会现场解答，还会展示新釉色，不见不散！",
			"zh-Hant": "好問題，{author_name|朋友}！週四晚上 7 點直播時會現場回答，還會秀出新釉色，不見不散！",
			"ro":      "Bună întrebare, {author_name|dragă}! Îți răspundem în live joi la ora 19, cu noile glazuri în fața camerei. Ne vedem acolo!",
			"hi":      "बढ़िया सवाल, {author_name|दोस्त}! गुरुवार शाम 7 बजे के लाइव में हम इसका जवाब देंगे और नए ग्लेज़ भी दिखाएँगे। वहीं मिलते हैं!",
		}},
}

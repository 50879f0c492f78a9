package classify

// intentsHI are Hindi words for each kind, in Devanagari, with a few common
// romanized (Hinglish) spellings people type on phones.
var intentsHI = map[string][]string{
	KindProductInquiry: {"कितने का", "कितने की", "कितने में", "कीमत", "दाम", "प्राइस", "उपलब्ध", "स्टॉक", "साइज",
		"खरीद*", "ऑर्डर कैसे", "डिस्काउंट", "कहाँ मिलेगा", "kitne ka", "kitne ki", "price kya", "kaise kharide"},
	KindCollaboration: {"कोलैब", "सहयोग", "साझेदारी", "पार्टनरशिप", "स्पॉन्सर", "प्रमोशन", "collab karna"},
	KindOrderIssue: {"मेरा ऑर्डर", "ऑर्डर नहीं", "डिलीवरी", "नहीं आया", "नहीं मिला", "अभी तक नहीं", "ट्रैकिंग",
		"टूटा", "टूटी", "गलत", "रिफंड", "पैसे वापस", "वापसी", "रिटर्न", "बदलना", "कैंसिल", "order nahi aaya",
		"paise wapas"},
	KindComplaint: {"निराश", "बेकार", "घटिया", "बहुत बुरा", "शिकायत", "धोखा", "असंतुष्ट", "bekar", "ghatiya"},
	KindPraise: {"बहुत सुंदर", "सुंदर", "खूबसूरत", "शानदार", "बढ़िया", "धन्यवाद", "शुक्रिया", "बहुत पसंद", "मस्त",
		"zabardast", "bahut sundar", "shukriya"},
	KindSpam: {"फॉलो बैक", "फ्री फॉलोअर्स", "लिंक पर क्लिक", "पैसे कमाएं", "घर बैठे", "इनाम जीत", "लॉटरी",
		"बिटकॉइन", "निवेश", "व्हाट्सएप करें"},
	KindThreat:   {"जान से मार", "मार दूंगा", "मार डालूंगा", "मर जाओ", "बम", "देख लूंगा", "तुम्हें मार"},
	KindSelfHarm: {"आत्महत्या", "जीना नहीं चाहता", "जीना नहीं चाहती", "खुद को नुकसान"},
}

// sentimentHI are Hindi words that carry feeling.
var sentimentHI = map[string][]string{
	SentimentPositive: {"धन्यवाद", "शुक्रिया", "सुंदर", "बढ़िया", "शानदार", "खुश", "पसंद", "अच्छा", "अच्छी", "मस्त",
		"खूबसूरत", "प्यार", "zabardast", "accha", "badhiya"},
	SentimentNegative: {"बुरा", "बुरी", "बेकार", "घटिया", "निराश", "गुस्सा", "खराब", "धोखा", "नाराज", "टूटा", "टूटी",
		"शिकायत", "bekar", "ghatiya", "kharab"},
}

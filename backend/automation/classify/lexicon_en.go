package classify

// intentsEN are English words and phrases for each kind.
var intentsEN = map[string][]string{
	KindProductInquiry: {"price", "prices", "pricing", "how much", "cost", "costs", "in stock", "out of stock",
		"available", "availability", "buy", "purchase", "restock*", "what size", "sizes", "sizing", "do you ship",
		"ship to", "shipping to", "where can i get", "how do i order", "how can i order", "link to buy",
		"discount code", "promo code", "any sale", "still available", "sell", "wholesale"},
	KindCollaboration: {"collab*", "partnership", "partner with", "sponsor*", "brand deal", "ambassador",
		"affiliate", "pr package", "pr list", "influencer", "media kit", "work together", "ugc", "paid promotion"},
	KindOrderIssue: {"my order", "order number", "tracking", "track my", "hasn't arrived", "has not arrived",
		"not arrived", "never arrived", "didn't arrive", "still waiting", "still not", "delivery", "delayed",
		"damaged", "broken", "arrived broken", "cracked", "wrong item", "wrong colour", "wrong color", "refund*",
		"return", "exchange", "cancel my order", "charged twice", "missing", "lost package", "parcel"},
	KindComplaint: {"disappointed", "disappointing", "terrible", "awful", "worst", "unacceptable", "complain*",
		"rude", "poor quality", "not happy", "waste of money", "ripped off", "never again", "no answer", "ignored"},
	KindPraise: {"love it", "love this", "loved", "love your", "amazing", "beautiful", "gorgeous", "awesome",
		"thank you", "thanks", "obsessed", "stunning", "so pretty", "favourite", "favorite", "well done", "congrats",
		"congratulations"},
	KindSpam: {"follow back", "follow for follow", "f4f", "free followers", "cheap followers", "check my profile",
		"check out my page", "click the link", "click link", "crypto", "bitcoin", "forex", "investment opportunity",
		"earn money", "make money", "passive income", "dm me for", "promote your page", "whatsapp me",
		"claim your prize", "you won", "giveaway winner", "bit ly", "onlyfans", "telegram me"},
	KindThreat: {"kill you", "i will kill", "i'll kill", "gonna kill", "hurt you", "find where you live",
		"know where you live", "bomb", "shoot you", "you will die", "you should die", "rape", "watch your back"},
	KindSelfHarm: {"kill myself", "suicide", "suicidal", "end my life", "hurt myself", "self harm", "want to die",
		"don't want to live"},
}

// sentimentEN are English words that carry feeling.
var sentimentEN = map[string][]string{
	SentimentPositive: {"love", "loved", "lovely", "great", "amazing", "thank*", "happy", "beautiful", "perfect",
		"awesome", "excellent", "best", "recommend*", "glad", "gorgeous", "stunning", "wonderful", "nice", "cute",
		"fantastic", "pleased", "❤", "😍", "🥰", "😊", "👍", "🙏", "🔥", "💕", "✨"},
	SentimentNegative: {"bad", "terrible", "awful", "worst", "hate", "disappoint*", "angry", "broken", "damaged",
		"late", "scam", "rude", "useless", "poor", "upset", "annoyed", "frustrat*", "unacceptable", "waste",
		"wrong", "missing", "ignored", "cracked", "never arrived", "not arrived", "hasn't arrived", "refund*", "😡", "😠", "😞", "👎", "💔", "😢", "🤬"},
}

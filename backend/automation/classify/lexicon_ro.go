package classify

// intentsRO are Romanian words for each kind. They are written with ș/ț
// (comma below), ă, â, î; folding makes them match text typed without diacritics.
var intentsRO = map[string][]string{
	KindProductInquiry: {"cât costă", "cât e", "preț", "prețul", "prețuri", "disponibil*", "în stoc", "pe stoc",
		"mărime", "mărimea", "mărimi", "cumpăr*", "cum comand", "livrați", "reducere", "cod de reducere", "mai aveți",
		"se mai găsește", "vindeți"},
	KindCollaboration: {"colaborare", "colabor*", "parteneriat", "sponsoriz*", "campanie", "promovare",
		"ambasador", "influencer"},
	KindOrderIssue: {"comanda mea", "comanda", "coletul", "colet", "nu a ajuns", "n a ajuns", "nu mi a ajuns",
		"livrarea", "întârzie*", "awb", "deteriorat*", "stricat*", "spart*", "produs greșit", "rambursare",
		"banii înapoi", "retur", "returnez", "schimb", "anulez", "anulare"},
	KindComplaint: {"dezamăgit*", "groaznic", "oribil", "cel mai prost", "inacceptabil", "reclamați*",
		"nepoliticos", "calitate proastă", "nemulțumit*", "bătaie de joc", "țeapă"},
	KindPraise: {"minunat*", "frumos", "frumoasă", "superb*", "mulțumesc", "mersi", "ador", "genial", "excelent",
		"bravo", "felicitări", "sunteți cei mai buni"},
	KindSpam: {"follow back", "urmăritori gratuiți", "click pe link", "câștigă bani", "bani rapid", "crypto",
		"bitcoin", "investiți*", "ai câștigat", "premiul tău", "scrie-mi pe whatsapp"},
	KindThreat:   {"te omor", "te bat", "te găsesc", "bombă", "să mori", "o să mori", "îți dau foc"},
	KindSelfHarm: {"mă sinucid", "sinucidere", "nu mai vreau să trăiesc", "să mă omor"},
}

// sentimentRO are Romanian words that carry feeling.
var sentimentRO = map[string][]string{
	SentimentPositive: {"mulțumesc", "mersi", "super", "minunat*", "frumos", "frumoasă", "superb*", "ador",
		"perfect*", "fericit*", "excelent*", "mulțumit*", "bravo", "recomand", "drăguț*"},
	SentimentNegative: {"prost*", "groaznic*", "oribil*", "dezamăgit*", "nemulțumit*", "stricat*", "furios",
		"furioasă", "țeapă", "întârzie*", "nasol", "supărat*", "rușine", "deteriorat*", "spart*"},
}

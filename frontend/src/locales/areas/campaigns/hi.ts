// hi strings of creators, campaigns, codes, links, orders, attribution, UGC releases, experiments: exactly the keys of ./en.ts.
import type en from './en'

const hi: typeof en = {
  campaigns: {
    attribution: {
      creditedCode: '{creator} को श्रेय: चेकआउट पर उनका कोड {code} इस्तेमाल हुआ।',
      creditedLastClick: '{creator} के लिंक को श्रेय: ऑर्डर से पहले आख़िरी बार यही लिंक क्लिक हुआ।',
      creditedFirstTouch: '{creator} के लिंक को श्रेय: ग्राहक पहली बार इसी से आया।',
      creditedConversation: '{creator} को श्रेय: हमने DM में उनका कोड या लिंक दिया था।',
      viaConversation: 'ऑर्डर से पहले कोड या लिंक एक DM बातचीत में दिया गया था।',
      conversationOnly: 'एक DM बातचीत से जुड़ा है, पर किसी क्रिएटर के कोड या लिंक से नहीं।',
      assistCode: '{creator} का कोड भी इस्तेमाल हुआ (सहायता)।',
      assistLink: '{creator} का लिंक पहले क्लिक हुआ था (सहायता)।',
      assistConversation: '{creator} का कोड या लिंक DM में दिया गया था (सहायता)।',
      unknownCode: 'श्रेय नहीं: कोड {code} किसी क्रिएटर का नहीं है।',
      none: 'श्रेय नहीं: कोई क्रिएटर कोड, ट्रैक किया गया लिंक या बातचीत इस ऑर्डर से मेल नहीं खाती।',
    },
    importProblems: {
      missing_id: 'ऑर्डर नंबर ख़ाली है।',
      missing_date: 'तारीख़ ख़ाली है।',
      bad_date: '“{value}” कोई तारीख़ नहीं है।',
      missing_total: 'कुल राशि ख़ाली है।',
      bad_amount: '“{value}” कोई राशि नहीं है।',
      no_currency: 'मुद्रा नहीं है। मुद्रा का कॉलम जोड़ें या डिफ़ॉल्ट मुद्रा चुनें।',
      duplicate: 'ऑर्डर “{value}” एक से ज़्यादा बार है।',
      column_count: 'इस पंक्ति में हेडर से अलग संख्या में कॉलम हैं।',
    },
  },
  errors: {
    campaigns: {
      required: 'कृपया यह भरें: {field}।',
      duplicate: 'यह {field} पहले से मौजूद है।',
      invalid: 'यह {field} मान्य नहीं है।',
      endsBeforeStart: 'समाप्ति की तारीख़ शुरुआत की तारीख़ से पहले है।',
      codeFormat: 'कोड में 2 से 40 अक्षर, अंक, डैश या अंडरस्कोर हों, बिना स्पेस के।',
      url: 'https:// से शुरू होने वाला पूरा वेब पता लिखें।',
      noShop: 'पहले एक Shopify स्टोर जोड़ें (सेटिंग्स, अकाउंट)।',
      badRows: '{count} पंक्तियाँ इंपोर्ट नहीं हो सकतीं। उन्हें फ़ाइल में ठीक करें या छोड़ने का विकल्प चुनें। कुछ भी इंपोर्ट नहीं हुआ।',
      importFile: {
        empty: 'फ़ाइल ख़ाली है।',
        no_header: 'फ़ाइल में हेडर पंक्ति नहीं है।',
        not_text: 'यह टेक्स्ट CSV फ़ाइल नहीं है। इसे फिर से CSV (UTF-8) के रूप में एक्सपोर्ट करें।',
        too_large: 'फ़ाइल इंपोर्ट के लिए बहुत बड़ी है।',
        bad_quotes: 'पंक्ति {line} के पास उद्धरण चिह्नों वाला एक फ़ील्ड ठीक से बंद नहीं है।',
        unknown_format: 'कॉलम पहचाने नहीं गए। चुनें कि किस कॉलम में क्या है।',
        missing_columns: 'इनके लिए कॉलम चुनें: {columns}।',
      },
    },
  },
}

export default hi

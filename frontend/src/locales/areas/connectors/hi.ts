// Hindi strings of platform connectors added after the walking skeleton.
const hi = {
  connectors: {
    meta: {
      tokenRequired: 'ऐक्सेस टोकन पेस्ट करें।',
      tokenFormat: 'यह Meta का ऐक्सेस टोकन नहीं लगता: वह अक्षरों और अंकों की एक लंबी पंक्ति होती है, बीच में कोई स्पेस नहीं।',
      baseUrl: 'API पता',
      baseUrlPlaceholder: 'https://graph.facebook.com',
      baseUrlHelp: 'Meta इस्तेमाल करने के लिए खाली छोड़ें। इसे सिर्फ़ टेस्ट सर्वर के लिए बदलें।',
      helpNote:
        'Meta किसी ऐप को सिर्फ़ उन्हीं खातों के संदेश पढ़ने देता है जिन्होंने उसे अनुमति दी हो। अगर आपका ऐप अभी डेवलपमेंट मोड में है, तो पहले ख़ुद को उस ऐप का टेस्टर या एडमिन बनाएँ।',
    },
    instagram: {
      tagline: 'प्रोफ़ेशनल खाते के DM और कमेंट',
      token: 'Instagram ऐक्सेस टोकन',
      tokenPlaceholder: 'IGAA… या IGQV…',
      tokenHelp: 'लंबे समय तक चलने वाला टोकन। CreatorDesk इसे ख़त्म होने से पहले नवीनीकृत कर देता है।',
      helpTitle: 'Instagram टोकन कहाँ मिलेगा',
      helpStep1: 'पक्का करें कि आपका Instagram खाता बिज़नेस या क्रिएटर खाता है (Instagram ऐप → सेटिंग्स → खाते का प्रकार और टूल)।',
      helpStep2: 'developers.facebook.com खोलें, अपना ऐप खोलें (या “Business” प्रकार का नया ऐप बनाएँ) और “Instagram” → “Instagram लॉगिन के साथ API सेटअप” प्रोडक्ट जोड़ें।',
      helpStep3: '“ऐक्सेस टोकन बनाएँ” में अपना Instagram खाता जोड़ें और ये अनुमतियाँ दें:',
      helpStep4: '“टोकन बनाएँ” पर क्लिक करें, पूरा टोकन कॉपी करें और यहाँ पेस्ट करें।',
    },
    facebook: {
      tagline: 'Facebook पेज के Messenger संदेश और कमेंट',
      pageId: 'पेज ID',
      pageIdPlaceholder: '104000000000001',
      pageIdHelp: 'अपने पेज पर: परिचय → पेज पारदर्शिता में पेज ID दिखती है। पेज का लिंक भी चलेगा।',
      pageIdRequired: 'अपने Facebook पेज की ID डालें।',
      pageIdInvalid: 'पेज ID कम से कम पाँच अंकों की संख्या होती है।',
      token: 'पेज ऐक्सेस टोकन',
      tokenPlaceholder: 'EAA…',
      tokenHelp: 'पेज का अपना टोकन चाहिए, आपका निजी टोकन नहीं।',
      namePlaceholder: 'आपके पेज का नाम',
      helpTitle: 'पेज ऐक्सेस टोकन कहाँ मिलेगा',
      helpStep1: 'developers.facebook.com पर Graph API Explorer खोलें और अपना ऐप चुनें।',
      helpStep2: '“User or Page” में अपना पेज चुनें और ये अनुमतियाँ टिक करें:',
      helpStep3: '“Generate Access Token” पर क्लिक करें और खुलने वाली विंडो में पुष्टि करें।',
      helpStep4: 'ऐसे टोकन के लिए जो ख़त्म न हो, Access Token Debugger खोलें, उसकी अवधि बढ़ाएँ और पेज टोकन फिर से कॉपी करें। फिर उसे यहाँ पेस्ट करें।',
    },
    health: {
      neverExpires: 'टोकन की अवधि ख़त्म नहीं होती',
      renewsAutomatically: 'टोकन अपने आप नवीनीकृत होता है',
      expired: 'टोकन की अवधि ख़त्म हो गई है',
      expiresIn: 'टोकन कल ख़त्म होगा | टोकन {n} दिन में ख़त्म होगा',
      expiresInRenews: 'टोकन अपने आप नवीनीकृत होता है, कल ख़त्म होगा | टोकन अपने आप नवीनीकृत होता है, {n} दिन में ख़त्म होगा',
    },
    reconnect: {
      banner: '{platform} अब इस खाते का टोकन स्वीकार नहीं कर रहा, इसलिए कुछ नया नहीं आ रहा। दोबारा कनेक्ट करें, सिंक वहीं से आगे बढ़ेगा।',
      action: 'दोबारा कनेक्ट करें',
      token: 'नया ऐक्सेस टोकन',
      tokenRequired: 'नया टोकन पेस्ट करें।',
      help: 'आपकी बातचीत बनी रहेगी; सिंक वहीं से आगे बढ़ेगा जहाँ रुका था।',
      submit: 'दोबारा कनेक्ट करें',
      done: '{name} फिर से कनेक्ट हो गया है।',
    },
  },
  errors: {
    connectors: {
      otherAccount: 'यह टोकन किसी दूसरे खाते का है। जिस खाते को दोबारा कनेक्ट कर रहे हैं, उसी का टोकन पेस्ट करें।',
      appCredentials: 'ऐप ID और ऐप सीक्रेट दोनों डालें।',
    },
  },
}

export default hi

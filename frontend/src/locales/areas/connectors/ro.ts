// Romanian strings of platform connectors added after the walking skeleton.
const ro = {
  connectors: {
    meta: {
      tokenRequired: 'Lipește tokenul de acces.',
      tokenFormat: 'Nu pare un token de acces Meta: este un singur rând lung de litere și cifre, fără spații.',
      baseUrl: 'Adresa API',
      baseUrlPlaceholder: 'https://graph.facebook.com',
      baseUrlHelp: 'Lasă gol pentru a folosi Meta. Schimb-o doar pentru un server de test.',
      helpNote:
        'Meta permite unei aplicații să citească mesajele doar pentru conturile care i-au dat acces. Dacă aplicația ta e încă în modul de dezvoltare, adaugă-te mai întâi ca tester sau administrator al aplicației.',
    },
    instagram: {
      tagline: 'Mesaje directe și comentarii ale unui cont profesional',
      token: 'Token de acces Instagram',
      tokenPlaceholder: 'IGAA… sau IGQV…',
      tokenHelp: 'Un token de lungă durată. CreatorDesk îl reînnoiește înainte să expire.',
      helpTitle: 'Unde găsești tokenul de Instagram',
      helpStep1: 'Verifică dacă contul de Instagram este de tip Business sau Creator (aplicația Instagram → Setări → Tip de cont și instrumente).',
      helpStep2: 'Deschide developers.facebook.com, intră în aplicația ta (sau creează una de tip „Business”) și adaugă produsul „Instagram” → „Configurare API cu autentificare Instagram”.',
      helpStep3: 'La „Generează tokenuri de acces”, adaugă contul de Instagram și permite aceste permisiuni:',
      helpStep4: 'Apasă „Generează token”, copiază tot tokenul și lipește-l aici.',
    },
    facebook: {
      tagline: 'Messenger și comentarii ale unei pagini de Facebook',
      pageId: 'ID-ul paginii',
      pageIdPlaceholder: '104000000000001',
      pageIdHelp: 'Pe pagina ta: Despre → Transparența paginii arată ID-ul. Merge și un link către pagină.',
      pageIdRequired: 'Introdu ID-ul paginii de Facebook.',
      pageIdInvalid: 'ID-ul unei pagini este un număr de cel puțin cinci cifre.',
      token: 'Token de acces al paginii',
      tokenPlaceholder: 'EAA…',
      tokenHelp: 'Tokenul paginii, nu cel personal.',
      namePlaceholder: 'Numele paginii',
      helpTitle: 'Unde găsești tokenul de acces al paginii',
      helpStep1: 'Deschide Graph API Explorer pe developers.facebook.com și alege aplicația ta.',
      helpStep2: 'La „Utilizator sau pagină”, alege pagina și bifează aceste permisiuni:',
      helpStep3: 'Apasă „Generate Access Token” și confirmă în fereastra care se deschide.',
      helpStep4: 'Pentru un token care nu expiră, deschide Access Token Debugger, prelungește-l și copiază din nou tokenul paginii. Lipește-l aici.',
    },
    health: {
      neverExpires: 'Tokenul nu expiră',
      renewsAutomatically: 'Tokenul se reînnoiește automat',
      expired: 'Tokenul a expirat',
      expiresIn: 'Tokenul expiră mâine | Tokenul expiră în {n} zile | Tokenul expiră în {n} de zile',
      expiresInRenews:
        'Tokenul se reînnoiește automat, expiră mâine | Tokenul se reînnoiește automat, expiră în {n} zile | Tokenul se reînnoiește automat, expiră în {n} de zile',
    },
    reconnect: {
      banner: '{platform} nu mai acceptă tokenul acestui cont, așa că nu mai vine nimic nou. Reconectează-l ca să continue de unde a rămas.',
      action: 'Reconectează',
      token: 'Token de acces nou',
      tokenRequired: 'Lipește tokenul nou.',
      help: 'Conversațiile rămân; sincronizarea continuă de unde s-a oprit.',
      submit: 'Reconectează',
      done: '{name} este din nou conectat.',
    },
  },
  errors: {
    connectors: {
      otherAccount: 'Tokenul acesta aparține altui cont. Lipește un token pentru contul pe care îl reconectezi.',
      appCredentials: 'Introdu atât ID-ul aplicației, cât și secretul aplicației.',
    },
  },
}

export default ro

// Română: fișiere trimise din compozitor și șabloane WhatsApp aprobate.
const ro = {
  outbound: {
    attach: {
      button: 'Atașează fișiere',
      loading: 'Verific ce acceptă {platform}…',
      allowed: '{platform} acceptă:',
      kindLine: '{kind}: {exts}, cel mult {max}',
      kindAny: '{kind}: orice tip, cel mult {max}',
      maxFiles: 'Cel mult {n} fișiere într-un mesaj. Textul pleacă împreună cu primul fișier.',
      none: 'CreatorDesk nu poate trimite fișiere pe {platform}: răspunsurile pleacă doar ca text. Ca să trimiți o poză sau un document, lipește un link către el.',
      remove: 'Elimină {name}',
      chosen: 'Fișiere de trimis',
      readError: '{name} nu a putut fi citit de pe disc.',
      kinds: { image: 'Fotografii', video: 'Videoclipuri', audio: 'Audio', document: 'Documente' },
      refused: {
        blocked: '{name} nu a fost adăugat: CreatorDesk nu trimite niciodată programe sau scripturi.',
        type: '{name} nu a fost adăugat: {platform} nu acceptă acest tip de fișier.',
        size: '{name} nu a fost adăugat: are {size}, iar {platform} acceptă cel mult {max} pentru acest tip de fișier.',
        empty: '{name} nu a fost adăugat: fișierul este gol.',
        unsupported: '{name} nu a fost adăugat: {platform} nu poate primi fișiere din CreatorDesk.',
        tooMany: 'Într-un mesaj încap doar {n} fișiere; celelalte nu au fost adăugate.',
      },
    },
    template: {
      closedHint: 'Fereastra de 24 de ore a WhatsApp s-a închis. Până când clientul scrie din nou, se poate trimite doar un șablon aprobat de WhatsApp.',
      offer: 'Trimite un șablon aprobat',
      title: 'Trimite un șablon WhatsApp aprobat',
      pick: 'Șablon',
      pickPlaceholder: 'Alege un șablon',
      param: 'Valoarea {n}',
      preview: 'Previzualizare',
      loading: 'Se încarcă șabloanele contului…',
      empty: 'Acest cont WhatsApp nu are încă șabloane aprobate. Creează unul în WhatsApp Manager, așteaptă aprobarea și încearcă din nou.',
      marketing: 'Șablon de marketing: ajunge doar la cei care au acceptat să primească oferte.',
      missing: 'Completează toate valorile înainte de trimitere (lipsesc: {list}).',
      send: 'Trimite șablonul',
      cancel: 'Renunță',
    },
  },
  errors: {
    outbound: {
      notHere: 'Fișierele și șabloanele nu pot fi trimise așa (nici într-un răspuns privat, nici împreună).',
      attachEmpty: 'Unul dintre fișiere este gol.',
      attachNoFolder: 'Acest spațiu de lucru nu are un dosar de date în care să păstreze fișierele trimise.',
      attachTooMany: 'Într-un mesaj încap cel mult {max} fișiere.',
      attachUnsupported: 'CreatorDesk nu poate trimite fișiere pe {platform}.',
      attachType: '{platform} nu acceptă {name}. Tipuri acceptate: {allowed}. Programele și scripturile nu se trimit niciodată.',
      attachTooLarge: '{name} este prea mare ({size} MB): aici se acceptă cel mult {max} MB.',
      templateUnsupported: 'Șabloanele se pot trimite doar în conversațiile WhatsApp.',
      templateUnknown: 'Contul nu are șablonul „{name}” în limba {language}. Reîncarcă lista și alege altul.',
      templateUnapproved: 'Șablonul „{name}” are pe WhatsApp starea {status}, nu este aprobat, deci nu poate fi trimis.',
      templateParams: 'Acest șablon are nevoie de {want} valori; completează-le pe toate.',
    },
  },
}

export default ro

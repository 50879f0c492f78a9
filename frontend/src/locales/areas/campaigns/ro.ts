// ro strings of creators, campaigns, codes, links, orders, attribution, UGC releases, experiments: exactly the keys of ./en.ts.
import type en from './en'

const ro: typeof en = {
  campaigns: {
    attribution: {
      creditedCode: 'Atribuită lui {creator}: codul {code} a fost folosit la plată.',
      creditedLastClick: 'Atribuită linkului lui {creator}, ultimul accesat înainte de comandă.',
      creditedFirstTouch: 'Atribuită linkului lui {creator}, prin care clientul a venit prima dată.',
      creditedConversation: 'Atribuită lui {creator}: i-am dat clientului codul sau linkul într-un mesaj privat.',
      viaConversation: 'Codul sau linkul a fost dat într-o conversație privată înainte de comandă.',
      conversationOnly: 'Legată de o conversație privată, dar de niciun cod sau link al unui creator.',
      assistCode: 'A fost folosit și codul lui {creator} (contribuție).',
      assistLink: 'Linkul lui {creator} a fost accesat mai devreme (contribuție).',
      assistConversation: 'Codul sau linkul lui {creator} a fost dat într-un mesaj privat (contribuție).',
      unknownCode: 'Neatribuită: codul {code} nu aparține niciunui creator.',
      none: 'Neatribuită: niciun cod de creator, link urmărit sau conversație nu se potrivește cu această comandă.',
    },
    importProblems: {
      missing_id: 'Numărul comenzii lipsește.',
      missing_date: 'Data lipsește.',
      bad_date: '„{value}” nu este o dată.',
      missing_total: 'Totalul lipsește.',
      bad_amount: '„{value}” nu este o sumă.',
      no_currency: 'Lipsește moneda. Adăugați o coloană cu moneda sau alegeți o monedă implicită.',
      duplicate: 'Comanda „{value}” apare de mai multe ori.',
      column_count: 'Rândul are alt număr de coloane decât antetul.',
    },
  },
  errors: {
    campaigns: {
      required: 'Completați câmpul: {field}.',
      duplicate: 'Acest {field} există deja.',
      invalid: 'Acest {field} nu este valid.',
      endsBeforeStart: 'Data de sfârșit este înaintea datei de început.',
      codeFormat: 'Un cod are între 2 și 40 de litere, cifre, cratime sau liniuțe de subliniere, fără spații.',
      url: 'Introduceți o adresă web completă, care începe cu https://.',
      noShop: 'Conectați mai întâi un magazin Shopify (Setări, Conturi).',
      badRows: '{count} rânduri nu pot fi importate. Corectați-le în fișier sau alegeți să le săriți. Nu s-a importat nimic.',
      importFile: {
        empty: 'Fișierul este gol.',
        no_header: 'Fișierul nu are rând de antet.',
        not_text: 'Acesta nu este un fișier CSV text. Exportați-l din nou ca CSV (UTF-8).',
        too_large: 'Fișierul este prea mare pentru import.',
        bad_quotes: 'Un câmp între ghilimele nu este închis corect, în jurul rândului {line}.',
        unknown_format: 'Coloanele nu au fost recunoscute. Alegeți ce conține fiecare coloană.',
        missing_columns: 'Alegeți o coloană pentru: {columns}.',
      },
    },
  },
}

export default ro

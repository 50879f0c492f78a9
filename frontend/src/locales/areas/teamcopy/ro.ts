// Textele în română ale copierii în baza de date a echipei (Setări → Baza de date a echipei).
const ro = {
  teamcopy: {
    title: 'Copiază spațiul de lucru de pe acest calculator în baza de date a echipei',
    demo: 'Spațiul de lucru demo nu poate fi copiat. Deschide propriul spațiu de lucru ca să folosești o bază de date a echipei.',
    notConfigured: 'Pentru acest spațiu de lucru nu este configurată încă o bază de date a echipei. Conectează una mai sus, apoi revino aici ca să copiezi conversațiile în ea.',
    noLocal: 'Pe acest calculator nu există niciun spațiu de lucru de copiat.',
    explain: {
      what: 'Tot ce se află în spațiul de lucru de pe acest calculator (conturi, conversații, contacte, notițe, șabloane, campanii și setări) este copiat în baza de date a echipei, ca să vadă și colegul tău.',
      oneWay: 'Copierea merge într-o singură direcție: spațiul de lucru de pe acest calculator este doar citit și rămâne exact cum este.',
      resume: 'Poți opri oricând; când pornești din nou, copierea continuă de unde a rămas. O a doua copiere nu schimbă nimic.',
      check: 'La final, fiecare tabel este numărat și comparat de ambele părți.',
    },
    start: 'Copiază în baza de date a echipei',
    continue: 'Continuă copierea',
    cancel: 'Oprește',
    cancelled: 'Copierea s-a oprit. Pornește-o din nou ca să continue de unde a rămas.',
    progress: {
      starting: 'Se pregătește…',
      copy: 'Se copiază {table}: {done} din {total} rânduri',
      verify: 'Se verifică {table}: tabelul {done} din {total}',
    },
    result: {
      done: 'Au fost copiate {rows} rânduri. Toate cele {tables} tabele coincid de ambele părți.',
      resumed: 'Copierea este completă ({rows} rânduri în această ultimă parte). Toate cele {tables} tabele coincid de ambele părți.',
      already: 'Acest spațiu de lucru a fost deja copiat. Toate cele {tables} tabele coincid în continuare.',
      mismatch: '{differing} din {tables} tabele diferă între acest calculator și baza de date a echipei. Sunt afișate primele în lista de mai jos.',
      when: 'Încheiată {time}',
    },
    table: {
      show: 'Arată toate cele {count} tabele',
      name: 'Tabel',
      local: 'Pe acest calculator',
      team: 'În baza de date a echipei',
      check: 'Verificare',
      match: 'Coincide',
      mismatch: 'Diferă',
    },
  },
  errors: {
    teamcopy: {
      versionMismatch: 'Spațiul de lucru de pe acest calculator (versiunea {source}) și baza de date a echipei (versiunea {target}) provin din versiuni diferite de CreatorDesk. Actualizează CreatorDesk pe fiecare calculator, apoi încearcă din nou.',
      foreignWorkspace: 'Baza de date a echipei conține deja conversațiile altui spațiu de lucru, așa că nu s-a copiat nimic. Folosește o bază de date a echipei goală pentru acest spațiu de lucru.',
      mismatch: 'După copiere, aceste tabele diferă între acest calculator și baza de date a echipei: {tables}. Dacă între timp cineva a lucrat în baza de date a echipei, asta explică diferența; altfel, încearcă din nou copierea.',
      noWorkspaceId: 'Spațiul de lucru de pe acest calculator nu are încă o identitate. Deschide-l o dată în CreatorDesk, apoi încearcă din nou.',
      noLocalWorkspace: 'Pe acest calculator nu există niciun spațiu de lucru de copiat.',
      noTeamDatabase: 'Pentru acest spațiu de lucru nu este configurată o bază de date a echipei. Conectează mai întâi una.',
      demo: 'Spațiul de lucru demo nu poate fi copiat într-o bază de date a echipei.',
    },
  },
}

export default ro

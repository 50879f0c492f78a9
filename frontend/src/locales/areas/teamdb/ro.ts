// Textele în română ale bazei de date a echipei (issue 9): Setări → Baza de date a echipei, legătura
// în timp real, ecranul „nu poate fi accesată” și conflictele când doi colegi schimbă aceeași conversație.

const reasons = {
  unreachable:
    'Nu răspunde nimic la acest server și port. Verifică adresa și portul și dacă serverul acceptă conexiuni de pe acest computer.',
  wrong_password: 'Serverul a refuzat acest nume de utilizator și această parolă.',
  auth_rejected: 'Serverul nu permite acestui utilizator să se conecteze de pe acest computer. Verifică regulile de acces (pg_hba.conf).',
  database_missing: 'Pe server nu există nicio bază de date cu acest nume.',
  tls_refused:
    'Serverul nu oferă criptare (TLS). Cere furnizorului să o activeze sau alege „Dezactivată” doar într-o rețea locală de încredere.',
  tls_verify: 'Certificatul serverului nu a putut fi verificat. Verifică fișierul certificatului CA și numele serverului.',
  tls_required: 'Serverul acceptă doar conexiuni criptate. Activează criptarea.',
  ca_file: 'Fișierul certificatului CA nu a putut fi citit. Verifică calea.',
  timeout: 'Serverul nu a răspuns la timp. Verifică adresa sau încearcă din nou peste puțin timp.',
  unknown: 'Conectarea nu a reușit: {detail}',
}

const byWhom = {
  assignee: '{by} a atribuit deja această conversație lui {assignee}. Rândul arată acum situația actuală.',
  self: '{by} a preluat deja această conversație. Rândul arată acum situația actuală.',
  unassigned: '{by} a eliminat deja atribuirea acestei conversații. Rândul arată acum situația actuală.',
  open: '{by} a redeschis deja această conversație. Rândul arată acum situația actuală.',
  pending: '{by} a trecut deja această conversație în așteptare. Rândul arată acum situația actuală.',
  resolved: '{by} a rezolvat deja această conversație. Rândul arată acum situația actuală.',
  snoozed: '{by} a amânat deja această conversație. Rândul arată acum situația actuală.',
}

const ro = {
  settings: { sections: { teamdb: 'Baza de date a echipei' } },
  teamdb: {
    title: 'Baza de date a echipei',
    intro:
      'Lucrați pe aceeași căsuță de mesaje de pe două computere. Conectarea deschide o bază de date PostgreSQL comună echipei; spațiul de lucru local de pe acest computer rămâne neschimbat.',
    status: {
      solo: 'Acest computer folosește spațiul de lucru local.',
      team: 'Conectat la {name}.',
      live: 'În timp real: ce fac colegii apare aici în mai puțin de o secundă.',
      connecting: 'Se pornesc actualizările în timp real…',
      reconnecting: 'Conexiunea s-a întrerupt. Se reconectează… Căsuța de mesaje se actualizează imediat ce revine.',
      others: 'Mai lucrează acum: {names}',
      nobodyElse: 'Nu mai lucrează nimeni altcineva acum.',
      memberOn: '{member} pe {machine}',
      someoneOn: 'un coleg pe {machine}',
    },
    form: {
      host: 'Server',
      hostPlaceholder: 'db.example.com',
      port: 'Port',
      database: 'Bază de date',
      user: 'Nume de utilizator',
      password: 'Parolă',
      passwordHelp: 'Păstrată în portchei-ul sistemului de pe acest computer, niciodată într-un fișier.',
      passwordSaved: 'O parolă este salvată în portchei. Lasă câmpul gol ca să o păstrezi.',
      sslMode: 'Criptare (TLS)',
      sslModes: {
        disable: 'Dezactivată (doar într-o rețea locală de încredere)',
        require: 'Activată',
        'verify-ca': 'Activată, cu verificarea autorității de certificare',
        'verify-full': 'Activată, cu verificarea certificatului și a numelui serverului',
      },
      caFile: 'Fișierul certificatului CA',
      caFilePlaceholder: '/cale/către/ca.pem',
      caHelp: 'Necesar doar când furnizorul îți dă propria autoritate de certificare.',
      schema: 'Schemă (opțional)',
      label: 'Nume (opțional)',
      labelPlaceholder: 'Echipa studioului',
      required: 'Obligatoriu.',
      badPort: 'Folosește un port între 1 și 65535.',
      caNeedsTLS: 'Un certificat CA are nevoie de criptare activată.',
    },
    actions: {
      test: 'Testează conexiunea',
      connect: 'Conectează',
      disconnect: 'Deconectează',
      retry: 'Încearcă din nou',
      workLocally: 'Lucrează local (deconectează)',
    },
    test: {
      ok: 'Funcționează: PostgreSQL {version}, criptare {tls}.',
      tlsOn: 'activată',
      tlsOff: 'dezactivată',
    },
    connected: 'Acest computer lucrează acum pe baza de date a echipei.',
    disconnected: 'Înapoi la spațiul de lucru local de pe acest computer.',
    confirmDisconnect: {
      title: 'Te deconectezi de la baza de date a echipei?',
      body: 'Acest computer revine la spațiul de lucru local. Baza de date a echipei rămâne neschimbată pentru colegi.',
      ok: 'Deconectează',
      cancel: 'Anulează',
    },
    unavailable: {
      title: 'Baza de date a echipei nu poate fi accesată',
      body: 'CreatorDesk nu a deschis în schimb spațiul de lucru local, ca să nu se amestece nimic. Încearcă din nou sau lucrează local pe acest computer.',
      server: 'Baza de date a echipei: {name}',
    },
    link: {
      reconnecting: 'Se reconectează la baza de date a echipei…',
    },
    conflicts: {
      some: '{n} conversație s-a schimbat între timp și a rămas așa cum era. | {n} conversații s-au schimbat între timp și au rămas așa cum erau. | {n} de conversații s-au schimbat între timp și au rămas așa cum erau.',
    },
  },
  errors: {
    teamdb: {
      demo: 'Demonstrația nu poate folosi o bază de date a echipei. Deschide mai întâi propriul spațiu de lucru.',
      backup: 'O bază de date a echipei se salvează pe serverul ei (de exemplu cu pg_dump), nu de CreatorDesk. Spațiile de lucru locale se salvează în folderul de date.',
      config: {
        host: 'Introdu numele sau adresa serverului.',
        port: 'Folosește un port între 1 și 65535.',
        database: 'Introdu numele bazei de date.',
        user: 'Introdu numele de utilizator.',
        sslMode: 'Alege cum este criptată conexiunea.',
        sslRootCert: 'Un certificat CA are nevoie de criptare activată.',
        schema: 'Numele schemei poate conține doar litere, cifre și liniuțe de subliniere.',
      },
      probe: reasons,
      open: reasons,
      conflict: {
        status: 'Cineva a schimbat între timp starea acestei conversații. Rândul arată acum situația actuală.',
        assignee: 'Cineva a schimbat între timp cui îi este atribuită conversația. Rândul arată acum situația actuală.',
      },
      conflictBy: byWhom,
      conflictAnon: {
        assignee: 'Între timp, conversația a fost atribuită lui {assignee}. Rândul arată acum situația actuală.',
        self: 'Între timp, conversația a fost atribuită lui {assignee}. Rândul arată acum situația actuală.',
        unassigned: 'Între timp, atribuirea conversației a fost eliminată. Rândul arată acum situația actuală.',
        open: 'Între timp, conversația a fost redeschisă. Rândul arată acum situația actuală.',
        pending: 'Între timp, conversația a fost trecută în așteptare. Rândul arată acum situația actuală.',
        resolved: 'Între timp, conversația a fost rezolvată. Rândul arată acum situația actuală.',
        snoozed: 'Între timp, conversația a fost amânată. Rândul arată acum situația actuală.',
      },
    },
  },
}

export default ro

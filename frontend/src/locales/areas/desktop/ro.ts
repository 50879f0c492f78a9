// Textele în română ale preferințelor aplicației pe acest calculator (Setări → Despre) și ale turului ghidat.
const ro = {
  desktop: {
    title: 'Acest calculator',
    background: {
      label: 'Continuă sincronizarea când fereastra e închisă',
      help: 'Închiderea ferestrei doar o ascunde: mesajele continuă să sosească, cu notificări. Deschide din nou CreatorDesk ca să readuci fereastra sau folosește „Ieși” de mai jos ca s-o oprești.',
    },
    update: {
      label: 'Caută actualizări',
      help: 'Oprită până o pornești tu. Când e pornită, CreatorDesk întreabă pagina de actualizări de o versiune nouă doar când apeși „Verifică acum”.',
      noFeed: 'Această copie a CreatorDesk a fost construită fără o pagină de actualizări, deci nu are ce verifica. Actualizările vin de unde ai instalat-o.',
      check: 'Verifică acum',
      upToDate: 'Ai cea mai nouă versiune ({version}).',
      available: 'Versiunea {version} este disponibilă.',
      download: 'Deschide pagina de descărcare',
    },
    tour: 'Fă turul ghidat',
    quit: 'Ieși din CreatorDesk',
  },
  tour: {
    count: 'Pasul {n} din {total}',
    next: 'Înainte',
    back: 'Înapoi',
    skip: 'Sari peste tur',
    finish: 'Începe să explorezi',
    steps: {
      welcome: {
        title: 'Bine ai venit în spațiul demo',
        body: 'Totul aici este inventat, așa că poți apăsa liniștit pe orice: nimic nu ajunge la o persoană reală. Acest tur scurt îți arată cele patru locuri pe care le vei folosi cel mai des.',
      },
      inbox: {
        title: 'O singură căsuță pentru toate platformele',
        body: 'Mesajele private și comentariile din toate conturile tale ajung aici. Etichetează-le, atribuie-le, amână-le și răspunde întâi celor urgente: cronometrele arată cine așteaptă de cel mai mult timp.',
      },
      templates: {
        title: 'Răspunsuri salvate',
        body: 'Scrie o singură dată cele mai bune răspunsuri, cu câmpuri precum {\'{\'}first_name{\'}\'} care se completează singure. Într-un răspuns, tastează / ca să alegi unul. Le editezi în Setări → Răspunsuri salvate.',
      },
      calendar: {
        title: 'Planifică săptămâna',
        body: 'Postări, transmisiuni live și reveniri, toate într-un singur calendar. Trage un element ca să-l muți; CreatorDesk publică acolo unde platforma permite și îți amintește acolo unde nu permite.',
      },
      kpis: {
        title: 'Vezi ce aduce rezultate',
        body: 'Cât de repede răspunzi, câte conversații devin comenzi și ce creatori și coduri aduc venituri. Apasă pe o cifră ca să vezi exact ce numără.',
      },
    },
  },
  errors: {
    desktop: {
      updateCheckOff: 'Căutarea de actualizări este oprită. Pornește-o mai întâi din Setări → Despre.',
      noUpdateFeed: 'Această copie a CreatorDesk nu are o pagină de actualizări de verificat.',
      badUpdateFeed: 'Pagina de actualizări a răspuns cu ceva ce CreatorDesk nu poate citi. Încearcă mai târziu.',
      updateUnreachable: 'Pagina de actualizări nu poate fi accesată. Verifică conexiunea la internet și încearcă din nou.',
      alreadyRunning: 'CreatorDesk este deja deschis. Treci la fereastra lui.',
    },
  },
}

export default ro

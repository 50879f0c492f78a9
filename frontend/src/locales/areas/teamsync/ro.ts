// Textele în română ale sincronizării în echipă (issue 9).
const ro = {
  teamsync: {
    syncedBy: 'Sincronizat de {holder}',
    takesOver: 'Acest computer preia sincronizarea dacă aplicația aceea se oprește.',
    signedInElsewhere: 'Conectat pe computerul altui membru',
  },
  health: {
    next: {
      leased:
        'Aplicația altui membru al echipei sincronizează acest cont; acest computer preia dacă ea se oprește (verifică din nou {time})',
      token_elsewhere:
        'Conectat pe computerul altui membru, așa că se sincronizează acolo. Ca să sincronizezi sau să trimiți de aici, reconectează-l pe acest computer.',
    },
  },
  errors: {
    teamdb: {
      no_token:
        'Ca să trimiți din {account} de pe acest computer, reconectează-l aici: Setări → Conturi → Reconectează. Conectarea colegului tău rămâne neschimbată.',
    },
    teamsync: {
      leased:
        '{holder} sincronizează acum acest cont. Acest computer îl lasă în seama lui și preia sincronizarea dacă aplicația aceea se oprește.',
    },
  },
}

export default ro

// ro strings of the KPI dashboards: exactly the keys of ./en.ts.
import type en from './en'

const ro: typeof en = {
  kpis: {
    title: 'Indicatori',
    lead: 'Cât de repede răspundeți, cât de des o conversație devine comandă și unde munca dă roade. Fiecare cifră este comparată cu perioada de aceeași lungime de dinainte.',
    loading: 'Se calculează…',
    loadError: 'Cifrele nu au putut fi calculate.',
    refresh: 'Reîmprospătează',
    export: 'Exportă CSV',
    range: {
      from: 'De la',
      to: 'Până la',
      showing: '{from} – {to}',
      previous: 'comparat cu {from} – {to}',
    },
    empty: {
      title: 'Nimic de măsurat în această perioadă',
      body: 'Niciun client nu a scris și nu a intrat nicio comandă. Alegeți o perioadă mai lungă sau conectați un cont și importați comenzile.',
    },
    change: {
      vsPrevious: '{change} față de perioada anterioară',
      noPrevious: 'Nu există termen de comparație',
      previous: 'Perioada anterioară: {value}',
    },
    counted: {
      conversation: '{n} conversație numărată | {n} conversații numărate | {n} de conversații numărate',
      order: '{n} comandă numărată | {n} comenzi numărate | {n} de comenzi numărate',
    },
    details: {
      p90: '90% în cel mult {value}',
      firstResponseBusiness: '90% în cel mult {p90} · {business} în programul de lucru',
      hoursSaved: 'Aproximativ {hours} h economisite, la {minutes} min per răspuns',
      peak: 'Cel mai aglomerat: {day}, ora {hour}:00',
    },
    figures: {
      firstResponse: {
        title: 'Timp până la primul răspuns',
        help: 'Timpul median de la primul mesaj al clientului din perioadă până la primul vostru răspuns. Varianta pe program de lucru numără doar orele în care sunteți deschiși.',
        hit: 'Cu răspuns',
      },
      resolutionTime: {
        title: 'Timp de rezolvare',
        help: 'Timpul median de la primul mesaj al clientului din perioadă până când conversația a fost marcată rezolvată.',
        hit: 'Rezolvată',
      },
      responseRate: {
        title: 'Rată de răspuns',
        help: 'Ponderea conversațiilor cu un mesaj de la client în perioadă care au primit un răspuns.',
        hit: 'Cu răspuns',
      },
      slaAttainment: {
        title: 'Ținte de răspuns atinse',
        help: 'Ponderea cronometrelor de răspuns pornite în perioadă la care s-a răspuns la timp (atinse față de depășite).',
        hit: 'Atinsă',
      },
      volume: {
        title: 'Conversații',
        help: 'Conversațiile în care un client a scris în perioadă, după tip, intenție, platformă, cont, membru al echipei și etichetă.',
        hit: 'Numărată',
      },
      dmConversion: {
        title: 'De la mesaj la comandă',
        help: 'Ponderea conversațiilor prin mesaj direct din perioadă care au dus la o comandă atribuită în aceeași perioadă.',
        hit: 'A comandat',
      },
      orderRevenue: {
        title: 'Venituri',
        help: 'Veniturile comenzilor plasate în perioadă, în moneda principală, pe creator și cod de reducere (aceeași atribuire ca în Campanii › Rezultate).',
        hit: 'Dintr-o conversație',
      },
      aov: {
        title: 'Valoarea medie a comenzii',
        help: 'Veniturile împărțite la numărul de comenzi în moneda principală, pe creator și cod de reducere.',
        hit: 'Dintr-o conversație',
      },
      moderationFalsePositives: {
        title: 'Greșeli de moderare',
        help: 'Ponderea acțiunilor de moderare verificate pe care o persoană le-a marcat greșite sau pe care o contestație le-a anulat. Cu cât mai mică, cu atât mai bine.',
        hit: 'Greșită',
      },
      automationShare: {
        title: 'Răspunsuri trimise automat',
        help: 'Ponderea răspunsurilor trimise de o automatizare. Orele economisite presupun câteva minute de muncă omenească pentru fiecare răspuns.',
        hit: 'Automat',
      },
      bestTime: {
        title: 'Ora cea mai aglomerată',
        help: 'Mesajele clienților din cea mai aglomerată oră a săptămânii. Mesajele primite țin locul implicării: postați și fiți online când ajung la vârf.',
        hit: 'Numărată',
      },
    },
    split: {
      title: '{figure} după',
      by: 'Împarte după',
      count: 'Numărate',
      unassigned: 'Nealocată',
      none: 'Nesetat',
      empty: 'Nimic de defalcat în această perioadă.',
      notSplit: 'Această cifră nu are defalcare; deschideți rândurile ei.',
      chartLabel: 'Grafic cu bare pentru {figure}',
      dims: {
        platform: 'Platformă',
        account: 'Cont',
        member: 'Membru al echipei',
        tag: 'Etichetă',
        kind: 'Tip',
        intent: 'Intenție',
        creator: 'Creator',
        code: 'Cod de reducere',
        slot: 'Zi și oră',
      },
    },
    heatmap: {
      title: 'Când scriu clienții',
      zone: 'Ore în fusul {zone}',
      proxy: 'Mesajele primite pe zile și ore țin locul implicării: cu cât celula e mai închisă, cu atât ora e mai potrivită pentru postări și pentru a fi online. Faceți clic pe o celulă ca să vedeți conversațiile.',
      empty: 'Niciun mesaj de la clienți în această perioadă.',
      series: 'Mesaje de la clienți',
      slot: '{day} {hour}:00',
    },
    weekdays: {
      0: 'dum.',
      1: 'lun.',
      2: 'mar.',
      3: 'mie.',
      4: 'joi',
      5: 'vin.',
      6: 'sâm.',
    },
    drill: {
      show: 'Arată rândurile',
      titleKey: '{figure}: {key}',
      loadError: 'Rândurile nu au putut fi încărcate.',
      empty: 'Niciun rând.',
      open: 'Deschide în inbox',
      id: 'ID',
      name: 'Conversație sau comandă',
      at: 'Când',
      yes: 'Da',
      no: 'Nu',
      conversation: 'Conversația #{id}',
      order: 'Comanda #{id}',
    },
  },
  errors: {
    kpis: {
      unknownMetric: 'Nu există nicio cifră numită „{name}”.',
    },
  },
}

export default ro

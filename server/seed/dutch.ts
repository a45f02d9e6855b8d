import type { Weighted } from './random.js';

/*
 * Words Dutch organisations are named and staffed with. Faker's Dutch company names are English-flavoured
 * ("Bos, Jansen and Kok") and carry no legal form, so names are composed here from trades and legal forms.
 */

export type LegalForm = 'B.V.' | 'N.V.' | 'V.O.F.' | 'Eenmanszaak' | 'Stichting' | 'Vereniging' | 'Coöperatie' | 'Maatschap';

/** Roughly the mix of an SME supplier's customer base: mostly private limited companies. */
export const legalForms: Weighted<LegalForm> = [
  ['B.V.', 54], ['Eenmanszaak', 15], ['V.O.F.', 10], ['Stichting', 8], ['Vereniging', 7], ['Coöperatie', 2],
  ['Maatschap', 3], ['N.V.', 1],
];

/**
 * Common Dutch surnames missing from Faker's 131, so that 60,000 companies named after families do not
 * keep colliding on the same few names (and domains).
 */
export const extraSurnames: readonly string[] = [
  'Smit', 'Peters', 'Schouten', 'Koster', 'Prins', 'Kuipers', 'Hoekstra', 'Vermeer', 'Koopman', 'Smits',
  'Wouters', 'Bouwman', 'Claassen', 'Coenen', 'Dijkman', 'Dijkhuizen', 'Geerts', 'Hoogendoorn', 'Hoogland',
  'Jaspers', 'Keizer', 'Kerkhof', 'Klaassen', 'Knol', 'Kroon', 'Lammers', 'Lindeman', 'Meijering', 'Mertens',
  'Mooij', 'Nijhuis', 'Noordhuis', 'Oostendorp', 'Otten', 'Pieters', 'Pronk', 'Reijnders', 'Roelofs', 'Rutten',
  'Schaap', 'Schreurs', 'Sluiter', 'Snijders', 'Spijker', 'Steenbergen', 'Stam', 'Teunissen', 'Thijssen',
  'Tuinstra', 'Valk', 'Veldhuis', 'Veldman', 'Verbruggen', 'Verschuren', 'Vissers', 'Vogel', 'Vonk', 'Wessels',
  'Westerhof', 'Wijnen', 'Witteveen', 'Zwart', 'Brinkman', 'Groenewegen', 'Huijbregts', 'Verstappen',
  'de Beer', 'de Bruin', 'de Haas', 'de Kok', 'de Mol', 'de Ridder', 'de Rooij', 'de Waal', 'de Wilde',
  'ter Horst', 'ten Brink', 'van Aalst', 'van Asselt', 'van Bergen', 'van Bommel', 'van Dalen', 'van Eck',
  'van Essen', 'van Gils', 'van Helden', 'van Kessel', 'van Rijn', 'van Rooij', 'van Schaik', 'van Zanten',
  "van 't Hof", 'van den Akker', 'van den Hoek', 'van der Kolk', 'van der Molen', 'van der Sluis', 'van der Zee',
];

/** Words that follow a family name: "Jansen Installatietechniek B.V.". */
export const sectorsAfterName: readonly string[] = [
  'Installatietechniek', 'Bouw', 'Transport', 'Logistiek', 'Techniek', 'Advies', 'Makelaardij',
  'Metaalbewerking', 'Elektrotechniek', 'Schilderwerken', 'Hoveniers', 'Automatisering', 'ICT', 'Vastgoed',
  'Verhuur', 'Groothandel', 'Interieurbouw', 'Consultancy', 'Verzekeringen', 'Keukens', 'Dakwerken', 'Vloeren',
  'Glas', 'Zonwering', 'Beveiliging', 'Personeelsdiensten', 'Catering', 'Evenementen', 'Reclame', 'Communicatie',
  'Metaal', 'Kunststoffen', 'Verpakkingen', 'Machinebouw', 'Onderhoud', 'Recycling', 'Tegelwerken', 'Koeltechniek',
];

/** Trades that come before a name or a city: "Bouwbedrijf Van den Berg", "Drukkerij Utrecht". */
export const tradesBeforeName: readonly string[] = [
  'Bouwbedrijf', 'Drukkerij', 'Bakkerij', 'Slagerij', 'Garage', 'Autobedrijf', 'Schildersbedrijf',
  'Hoveniersbedrijf', 'Loonbedrijf', 'Timmerbedrijf', 'Installatiebedrijf', 'Transportbedrijf',
  'Aannemersbedrijf', 'Administratiekantoor', 'Kapsalon', 'Fietsenwinkel', 'Bloemenhandel', 'Schoonmaakbedrijf',
  'Rijschool', 'Tandartspraktijk', 'Fysiotherapie', 'Dierenkliniek', 'Architectenbureau', 'Klussenbedrijf',
];

/** Firms of partners: "Visser & De Boer Advocaten". */
export const partnerships: readonly string[] = [
  'Advocaten', 'Accountants', 'Notarissen', 'Makelaars', 'Architecten', 'Belastingadviseurs',
];

/** Brand-like first words: "Noordzee Logistiek B.V.". */
export const brandWords: readonly string[] = [
  'Delta', 'Alfa', 'Noordzee', 'Polder', 'Horizon', 'Kompas', 'Holland', 'Duin', 'Waterland', 'Veluwe',
  'Brabant', 'Twente', 'Rijnmond', 'Zuidwest', 'Eemland', 'Kennemer', 'Zeeland', 'Gooi', 'IJssel', 'Amstel',
  'Linge', 'Vecht', 'Noorderlicht', 'Zuiderzee', 'Oostwind', 'Westland', 'Flevo', 'Achterhoek', 'Friesland',
];

/** What one-person businesses call themselves after the owner's name: "Sanne Bakker Fotografie". */
export const freelanceWords: readonly string[] = [
  'Fotografie', 'Coaching', 'Advies', 'Design', 'Vertalingen', 'Tekstbureau', 'Interim Management', 'Klussen',
];

export const foundationPurposes: readonly string[] = [
  'Zorggroep', 'Kinderopvang', 'Woonzorg', 'Welzijn', 'Onderwijsgroep', 'Voedselbank', 'Dierenopvang', 'Cultuurhuis',
  'Thuiszorg', 'Jeugdzorg', 'Buurthuis', 'Muziekschool', 'Speeltuin', 'Hospice', 'Natuurbeheer', 'Peuterspeelzaal',
];

/** Names that foundations, care homes and clubs are fond of. */
export const placeNames: readonly string[] = [
  'De Linde', 'De Eik', 'Het Baken', 'De Horizon', 'Het Anker', 'De Wilgen', 'De Akker', 'De Hoeve',
  'Het Kompas', 'De Bron', 'Het Palet', 'De Regenboog', 'De Vlinder', 'Het Klaverblad', 'De Zonnewijzer',
  'De Boomgaard', 'Het Lichtpunt', 'De Molen', 'Het Wiel', 'De Schakel', 'De Toekomst', 'Het Hofje', 'De Beuk',
];

/** Club types with the abbreviation their domain names use (tvdebaan.nl, vvoranje.nl). */
export const clubTypes: readonly (readonly [string, string])[] = [
  ['Tennisvereniging', 'tv'], ['Voetbalvereniging', 'vv'], ['Hockeyclub', 'hc'], ['Korfbalvereniging', 'kv'],
  ['Zwemvereniging', 'zv'], ['Muziekvereniging', 'mv'], ['Schaakclub', 'sc'], ['Volleybalvereniging', 'vc'],
  ['Wandelvereniging', 'wv'], ['Gymnastiekvereniging', 'gv'],
];

/** Traditional Dutch club names; "De Baan" is left out, it belongs to the tennis club of the scenario. */
export const clubNames: readonly string[] = [
  'Ons Genoegen', 'De Eendracht', 'Nooit Gedacht', 'Concordia', 'Wilhelmina', 'Unitas', 'Oranje', 'De Ploeg',
  'Vlug en Lenig', 'Door Oefening Sterk', 'Excelsior', 'De Spartaan', 'Ons Belang', 'Hercules', 'Olympia',
  'Victoria', 'Juliana', 'Fortuna', 'Animo', 'Achilles', 'Be Quick', 'De Zwaluwen', 'Hollandia', 'Velocitas',
  'De Kraaien', 'Kwiek', 'Swift', 'De Meeuwen', 'Sint Joris', 'Apollo', 'Minerva', 'Pax', 'Hermes', 'Blauw-Wit',
  'Groen-Wit', 'Rood-Wit', 'Zwart-Wit', 'Oranje-Zwart',
];

export const cooperativePurposes: readonly string[] = ['Energie', 'Zorgboeren', 'Wijkenergie', 'Zonnepark', 'Inkoop'];

/** Job titles per legal form: a club has a chair and a treasurer, a B.V. a purchaser and a bookkeeper. */
export const functionsByLegalForm: Record<LegalForm, Weighted<string>> = {
  'B.V.': [
    ['Directeur', 8], ['Algemeen directeur', 3], ['Financieel directeur', 3], ['Inkoper', 10], ['Hoofd inkoop', 4],
    ['Office manager', 8], ['Boekhouder', 6], ['Administrateur', 6], ['Controller', 3], ['Accountmanager', 6],
    ['Verkoper', 4], ['Projectleider', 6], ['Managementassistent', 5], ['Receptionist', 3], ['HR-adviseur', 3],
    ['Bedrijfsleider', 4], ['Planner', 4], ['Magazijnchef', 3], ['Marketingmanager', 3], ['ICT-beheerder', 3],
    ['Facilitair manager', 3], ['Salarisadministrateur', 2], ['Werkvoorbereider', 3], ['Eigenaar', 2],
    ['Aandeelhouder', 1],
  ],
  'N.V.': [
    ['Directeur', 2], ['Inkoper', 8], ['Hoofd inkoop', 4], ['Controller', 4], ['Accountmanager', 4],
    ['Facilitair manager', 4], ['Office manager', 3], ['HR-adviseur', 2],
  ],
  'V.O.F.': [['Vennoot', 6], ['Eigenaar', 4], ['Boekhouder', 2], ['Bedrijfsleider', 2], ['Verkoper', 2]],
  // The owner gave the business its name and is rarely filed as its contact; staff and the bookkeeper are.
  Eenmanszaak: [['Eigenaar', 2], ['Medewerker', 4], ['Boekhouder', 2], ['Assistent', 2]],
  Stichting: [
    ['Bestuurder', 4], ['Directeur-bestuurder', 3], ['Penningmeester', 3], ['Secretaris', 3], ['Coördinator', 4],
    ['Teamleider', 3], ['Controller', 2], ['Office manager', 3], ['Locatiemanager', 3],
  ],
  Vereniging: [
    ['Voorzitter', 3], ['Secretaris', 3], ['Penningmeester', 3], ['Ledenadministrateur', 2], ['Bestuurslid', 3],
    ['Wedstrijdsecretaris', 2],
  ],
  'Coöperatie': [['Bestuurder', 3], ['Voorzitter', 2], ['Penningmeester', 2], ['Coördinator', 3]],
  Maatschap: [['Maat', 4], ['Praktijkmanager', 4], ['Administrateur', 2]],
};

/** Where Dutch households have their private mailbox. */
export const mailProviders: Weighted<string> = [
  ['gmail.com', 30], ['hotmail.com', 15], ['ziggo.nl', 12], ['outlook.com', 10], ['kpnmail.nl', 8],
  ['icloud.com', 5], ['live.nl', 5], ['xs4all.nl', 3], ['planet.nl', 3], ['home.nl', 3], ['hetnet.nl', 2],
];

export const generalMailboxes: Weighted<string> = [
  ['info', 70], ['contact', 10], ['administratie', 5], ['receptie', 5], ['verkoop', 5], ['post', 5],
];

/** The accounts-payable mailbox that invoices for this customer should go to. */
export const invoiceMailboxes: readonly string[] = ['facturen', 'crediteuren', 'administratie', 'inkoopfacturen'];

export const houseNumberAdditions: readonly string[] = ['A', 'B', 'C', 'hs', 'bis', '1', '2', '3'];

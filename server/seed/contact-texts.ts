import type { ContactMomentKind } from '../../src/contract/schemas/contact-moment.js';

/* What colleagues write in a contact log, per kind of moment: short Dutch subjects and a line or two. */

export const subjects: Record<ContactMomentKind, readonly string[]> = {
  call: [
    'Telefonisch contact over offerte', 'Vraag over factuur', 'Levertijd nagevraagd', 'Afspraak ingepland',
    'Klacht over levering', 'Betalingsherinnering besproken', 'Terugbelverzoek afgehandeld', 'Storing gemeld',
  ],
  meeting: [
    'Jaargesprek', 'Kennismakingsgesprek', 'Evaluatie project', 'Overleg contractverlenging',
    'Presentatie nieuwe dienstverlening', 'Kwartaaloverleg',
  ],
  visit: [
    'Bezoek op locatie', 'Bedrijfsbezoek met rondleiding', 'Opname ter plaatse', 'Oplevering gecontroleerd',
    'Stand bezocht op Beurs Utrecht',
  ],
  email: [
    'Offerte nagestuurd', 'Vraag over leveringsvoorwaarden', 'Gegevens gewijzigd', 'Bevestiging afspraak',
    'Nieuwe contactpersoon doorgegeven', 'Prijslijst opgevraagd',
  ],
  note: [
    'Betaalt vaak na de vervaldatum', 'Voorkeur voor contact per e-mail', 'Nieuwe directeur per 1 januari',
    'Verhuisd naar nieuw pand', 'Wil geen nieuwsbrief meer ontvangen', 'Alleen bereikbaar op dinsdag en donderdag',
  ],
  report: [
    'Gespreksverslag jaargesprek', 'Verslag projectoverleg', 'Verslag evaluatie', 'Gespreksverslag klachtafhandeling',
    'Verslag kennismaking',
  ],
};

export const sentences: Record<ContactMomentKind, readonly string[]> = {
  call: [
    'Klant belde met een vraag over de laatste factuur; uitgelegd hoe de korting is berekend.',
    'Levertijd is drie weken; klant gaat akkoord.',
    'Voicemail ingesproken, later teruggebeld.',
    'Klant is tevreden over de service maar wil sneller antwoord op e-mails.',
    'Storing is op afstand verholpen.',
  ],
  meeting: [
    'De samenwerking van het afgelopen jaar doorgenomen.',
    'Klant wil volgend jaar uitbreiden naar een tweede vestiging.',
    'Prijsverhoging van 4% toegelicht; geen bezwaar.',
    'Nieuwe contactpersoon voor inkoop voorgesteld.',
    'Wensen voor het komende kwartaal geïnventariseerd.',
  ],
  visit: [
    'Situatie ter plaatse bekeken en foto’s gemaakt.',
    'Rondleiding door de productiehal gekregen.',
    'Installatie werkt naar behoren; kleine punten genoteerd.',
    'Kennisgemaakt met het team van de werkvoorbereiding.',
  ],
  email: [
    'Gevraagde documentatie per e-mail verstuurd.',
    'Klant bevestigt de afspraak per e-mail.',
    'Gewijzigde factuurgegevens ontvangen en verwerkt.',
    'Offerte met aangepaste aantallen verstuurd.',
  ],
  note: [
    'Graag eerst bellen voordat we langskomen.',
    'Facturen altijd met ordernummer versturen, anders worden ze niet verwerkt.',
    'Contactpersoon is met zwangerschapsverlof tot maart.',
    'Heeft interesse in ons onderhoudscontract.',
  ],
  report: [
    'Aanwezig: directie en inkoop. Besproken: planning, prijzen en service.',
    'Knelpunten in de levering besproken; oorzaak ligt bij de vervoerder.',
    'Klant waardeert de snelle reactie bij storingen.',
    'Volgende evaluatie over een half jaar.',
  ],
};

export const agreementTexts: readonly string[] = [
  'Offerte sturen voor uitbreiding', 'Terugbellen over de levertijd', 'Contract ter ondertekening toesturen',
  'Nieuwe afspraak inplannen', 'Factuur crediteren', 'Prijslijst voor volgend jaar toesturen', 'Demo inplannen',
  'Adresgegevens bijwerken', 'Monsters opsturen', 'Servicemonteur langs laten komen',
];

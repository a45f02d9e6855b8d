/*
 * Real places. Faker's Dutch cities are invented, so search by city or postcode would find nothing a Dutch
 * user recognises: these are real cities with their real four-digit postcode ranges, PO box ranges (the
 * `xx00`–`xx09` block most cities keep for Postbus numbers), trunk prefixes and some of their real streets.
 */

export interface DutchCity {
  readonly name: string;
  /** Relative weight, about the population in thousands, so Amsterdam turns up more than Sneek. */
  readonly weight: number;
  /** Trunk prefix with the leading 0: '020' (then 7 digits) or '0570' (then 6 digits). */
  readonly areaCode: string;
  /** Inclusive ranges of the four digits of street addresses. */
  readonly postcodes: readonly (readonly [number, number])[];
  readonly poBoxPostcodes: readonly [number, number];
  /** Streets known in this city; common street names from `commonStreets` are added to them. */
  readonly streets: readonly string[];
}

export interface ForeignCity {
  readonly name: string;
  readonly country: 'BE' | 'DE';
  readonly postcodes: readonly [number, number];
  /** Phone prefix after the country code, e.g. '3' for Antwerp, '211' for Düsseldorf. */
  readonly areaCode: string;
  readonly streets: readonly string[];
}

const city = (
  name: string,
  weight: number,
  areaCode: string,
  postcodes: readonly (readonly [number, number])[],
  poBoxPostcodes: readonly [number, number],
  streets: readonly string[],
): DutchCity => ({ name, weight, areaCode, postcodes, poBoxPostcodes, streets });

export const dutchCities: readonly DutchCity[] = [
  city('Amsterdam', 930, '020', [[1011, 1109]], [1000, 1009], [
    'Damrak', 'Rokin', 'Herengracht', 'Keizersgracht', 'Prinsengracht', 'Overtoom', 'Ferdinand Bolstraat',
    'Stadhouderskade', 'Wibautstraat', 'Gustav Mahlerlaan', 'Piet Heinkade', 'Haarlemmerweg', 'Kinkerstraat',
    'Amstelveenseweg', 'Van Woustraat',
  ]),
  city('Rotterdam', 670, '010', [[3011, 3089]], [3000, 3009], [
    'Coolsingel', 'Blaak', 'Weena', 'Westblaak', 'Boompjes', 'Wilhelminakade', 'Schiedamse Vest', 'Kruiskade',
    'Mathenesserlaan', 'Beukelsdijk', 'Goudsesingel', 'Vasteland', 'Schiedamsedijk',
  ]),
  city('Den Haag', 560, '070', [[2491, 2498], [2511, 2597]], [2500, 2509], [
    'Lange Voorhout', 'Spui', 'Prinsegracht', 'Laan van Meerdervoort', 'Koninginnegracht', 'Javastraat',
    'Scheveningseweg', 'Grote Marktstraat', 'Prinses Beatrixlaan', 'Rijswijkseweg', 'Fahrenheitstraat',
    'Loosduinseweg',
  ]),
  city('Utrecht', 370, '030', [[3511, 3585]], [3500, 3509], [
    'Oudegracht', 'Catharijnesingel', 'Biltstraat', 'Amsterdamsestraatweg', 'Vredenburg', 'Croeselaan',
    'Europalaan', 'Maliebaan', 'Lange Viestraat', 'Nachtegaalstraat', 'Kanaalweg', 'Vleutenseweg', 'Weerdsingel',
  ]),
  city('Eindhoven', 240, '040', [[5611, 5658]], [5600, 5609], [
    'Stratumseind', 'Kruisstraat', 'Vestdijk', 'Dommelstraat', 'Emmasingel', 'Strijpsestraat', 'Boschdijk',
    'Fellenoord', 'Mathildelaan', 'Kennedyplein', 'Hurksestraat',
  ]),
  city('Groningen', 235, '050', [[9711, 9747]], [9700, 9709], [
    'Herestraat', 'Oosterstraat', 'Vismarkt', 'Grote Markt', 'Zuiderdiep', 'Paterswoldseweg',
    'Verlengde Hereweg', 'Eemsgolaan', 'Damsterdiep', 'Friesestraatweg',
  ]),
  city('Tilburg', 225, '013', [[5011, 5049]], [5000, 5009], [
    'Heuvelring', 'Spoorlaan', 'Piusstraat', 'Ringbaan-West', 'Ringbaan-Oost', 'Stationsstraat', 'Korvelseweg',
    'Bredaseweg', 'Goirkestraat',
  ]),
  city('Almere', 220, '036', [[1311, 1363]], [1300, 1309], [
    'Hospitaaldreef', 'Stadhuisplein', 'Grote Markt', 'Bolderweg', 'Transistorstraat',
  ]),
  city('Breda', 185, '076', [[4811, 4839]], [4800, 4809], [
    'Ginnekenweg', 'Haagweg', 'Grote Markt', 'Karrestraat', 'Nieuwe Ginnekenstraat', 'Claudius Prinsenlaan',
    'Teteringsedijk', 'Kapittelweg', 'Heerbaan',
  ]),
  city('Nijmegen', 180, '024', [[6511, 6546]], [6500, 6509], [
    'Molenstraat', 'Burchtstraat', 'Grote Markt', 'Sint Annastraat', 'Groesbeekseweg', 'Graafseweg',
    'Hertogstraat', 'Kerkenbos', 'Tunnelweg',
  ]),
  city('Apeldoorn', 165, '055', [[7311, 7339]], [7300, 7309], [
    'Hoofdstraat', 'Deventerstraat', 'Loolaan', 'Laan van Westenenk', 'Europaweg', 'Stationsstraat', 'Arnhemseweg',
  ]),
  city('Haarlem', 165, '023', [[2011, 2037]], [2000, 2009], [
    'Grote Houtstraat', 'Zijlstraat', 'Kruisweg', 'Rijksstraatweg', 'Schoterweg', 'Zijlweg', 'Kennemerplein',
    'Oudeweg', 'Kleine Houtweg',
  ]),
  city('Arnhem', 165, '026', [[6811, 6846]], [6800, 6809], [
    'Jansbinnensingel', 'Velperweg', 'Utrechtseweg', 'Amsterdamseweg', 'Rijnkade', 'Ketelstraat', 'Steenstraat',
    'Westervoortsedijk',
  ]),
  city('Enschede', 160, '053', [[7511, 7548]], [7500, 7509], [
    'Oude Markt', 'Haaksbergerstraat', 'Hengelosestraat', 'Gronausestraat', 'Boulevard 1945', 'Langestraat',
  ]),
  city('Amersfoort', 160, '033', [[3811, 3829]], [3800, 3809], [
    'Langestraat', 'Utrechtseweg', 'Stationsplein', 'Leusderweg', 'Hogeweg', 'Kamp', 'Computerweg',
  ]),
  city("'s-Hertogenbosch", 160, '073', [[5211, 5249]], [5200, 5209], [
    'Hinthamerstraat', 'Vughterstraat', 'Orthenstraat', 'Stationsweg', 'Pettelaarseweg', 'Markt',
  ]),
  city('Zwolle', 130, '038', [[8011, 8047]], [8000, 8009], [
    'Diezerstraat', 'Melkmarkt', 'Assendorperstraat', 'Luttenbergstraat', 'Stationsweg',
    'Burgemeester Roelenweg', 'Dokter van Deenweg',
  ]),
  city('Leiden', 125, '071', [[2311, 2334]], [2300, 2309], [
    'Breestraat', 'Haarlemmerstraat', 'Rapenburg', 'Stationsweg', 'Morsweg', 'Hooigracht', 'Plesmanlaan',
  ]),
  city('Zoetermeer', 125, '079', [[2711, 2729]], [2700, 2709], [
    'Dorpsstraat', 'Europaweg', 'Amerikaweg', 'Zilverstraat',
  ]),
  city('Leeuwarden', 125, '058', [[8911, 8939]], [8900, 8909], [
    'Nieuwestad', 'Zuidvliet', 'Oostergrachtswal', 'Tesselschadestraat', 'Snekertrekweg',
  ]),
  city('Maastricht', 120, '043', [[6211, 6229]], [6200, 6209], [
    'Vrijthof', 'Wycker Brugstraat', 'Stationsstraat', 'Grote Staat', 'Avenue Céramique', 'Meerssenerweg',
    'Boschstraat',
  ]),
  city('Dordrecht', 120, '078', [[3311, 3329]], [3300, 3309], [
    'Voorstraat', 'Spuiweg', 'Johan de Wittstraat', 'Merwedestraat', 'Laan der Verenigde Naties',
  ]),
  city('Ede', 120, '0318', [[6711, 6718]], [6710, 6710], ['Grotestraat', 'Molenstraat', 'Bennekomseweg']),
  city('Alkmaar', 110, '072', [[1811, 1827]], [1800, 1809], [
    'Langestraat', 'Laat', 'Kennemerstraatweg', 'Stationsweg', 'Helderseweg',
  ]),
  city('Delft', 105, '015', [[2611, 2629]], [2600, 2609], [
    'Oude Delft', 'Markt', 'Phoenixstraat', 'Mekelweg', 'Westvest', 'Schoemakerstraat',
  ]),
  city('Emmen', 105, '0591', [[7811, 7828]], [7800, 7809], ['Hoofdstraat', 'Weiert', 'Boslaan']),
  city('Deventer', 100, '0570', [[7411, 7429]], [7400, 7409], [
    'Brink', 'Keizerstraat', 'Welle', 'Zutphenseweg', 'Hanzeweg',
  ]),
  city('Venlo', 100, '077', [[5911, 5935]], [5900, 5909], ['Vleesstraat', 'Parade', 'Eindhovenseweg', 'Venrayseweg']),
  city('Oss', 95, '0412', [[5341, 5349]], [5340, 5340], ['Heuvel', 'Molenstraat', 'Kruisstraat']),
  city('Hilversum', 90, '035', [[1211, 1223]], [1200, 1209], [
    'Groest', "'s-Gravelandseweg", 'Larenseweg', 'Oude Amersfoortseweg',
  ]),
  city('Amstelveen', 90, '020', [[1181, 1189]], [1180, 1180], ['Stadsplein', 'Bovenkerkerweg', 'Handweg']),
  city('Helmond', 90, '0492', [[5701, 5709]], [5700, 5700], ['Markt', 'Europaweg', 'Steenweg']),
  city('Heerlen', 85, '045', [[6411, 6422]], [6400, 6409], ['Saroleastraat', 'Promenade', 'Akerstraat']),
  city('Hengelo', 80, '074', [[7551, 7559]], [7550, 7550], ['Enschedesestraat', 'Marktstraat', 'Deldenerstraat']),
  city('Lelystad', 80, '0320', [[8211, 8245]], [8200, 8209], ['Stationsplein', 'Agoraweg', 'Houtribweg']),
  city('Gouda', 75, '0182', [[2801, 2809]], [2800, 2800], ['Markt', 'Kleiweg', 'Lange Tiendeweg']),
  city('Hoorn', 75, '0229', [[1621, 1628]], [1620, 1620], ['Grote Noord', 'Kleine Noord', 'Roode Steen']),
  city('Roermond', 60, '0475', [[6041, 6046]], [6040, 6040], ['Roerkade', 'Steenweg', 'Swalmerstraat']),
  city('Doetinchem', 58, '0314', [[7001, 7009]], [7000, 7000], ['Hamburgerstraat', 'Terborgseweg']),
  city('Woerden', 53, '0348', [[3441, 3449]], [3440, 3440], ['Rijnstraat', 'Kerkplein', 'Steinhagenseweg']),
  city('Houten', 50, '030', [[3991, 3997]], [3990, 3990], ['Het Rond']),
  city('Middelburg', 50, '0118', [[4331, 4339]], [4330, 4330], ['Markt', 'Lange Delft', 'Korte Noordstraat']),
  city('Harderwijk', 50, '0341', [[3841, 3849]], [3840, 3840], ['Donkerstraat', 'Stationslaan']),
  city('Zutphen', 48, '0575', [[7201, 7207]], [7200, 7200], ['Beukerstraat', 'Houtmarkt']),
  city('Vlissingen', 45, '0118', [[4381, 4389]], [4380, 4380], ['Walstraat', 'Boulevard de Ruyter']),
  city('Wageningen', 40, '0317', [[6701, 6709]], [6700, 6700], ['Hoogstraat', 'Stadsbrink']),
  city('Gorinchem', 38, '0183', [[4201, 4206]], [4200, 4200], ['Langendijk']),
  city('Sneek', 34, '0515', [[8601, 8608]], [8600, 8600], ['Oosterdijk', 'Kleinzand']),
];

/** Street names found in nearly every Dutch town, so any city can have them. */
export const commonStreets: readonly string[] = [
  'Kerkstraat', 'Dorpsstraat', 'Stationsweg', 'Molenweg', 'Schoolstraat', 'Nieuwstraat', 'Hoofdstraat',
  'Julianalaan', 'Beatrixstraat', 'Wilhelminastraat', 'Prins Hendrikstraat', 'Oranjestraat', 'Parallelweg',
  'Kastanjelaan', 'Eikenlaan', 'Lindelaan', 'Beukenlaan', 'Sportlaan', 'Tulpstraat', 'Rozenstraat',
  'Vondelstraat', 'Rembrandtlaan', 'Mozartlaan', 'Spoorstraat', 'Emmastraat', 'Merelstraat', 'Zonnebloemstraat',
];

/** Streets of industrial estates (bedrijventerreinen), where many companies have their premises. */
export const businessStreets: readonly string[] = [
  'Industrieweg', 'Nijverheidsweg', 'Ambachtsweg', 'Handelsweg', 'Edisonstraat', 'Newtonstraat',
  'Einsteinstraat', 'Energieweg', 'Transportweg', 'Marconistraat', 'Kanaalweg', 'Havenweg', 'Celsiusstraat',
];

export const foreignCities: readonly ForeignCity[] = [
  { name: 'Antwerpen', country: 'BE', postcodes: [2000, 2060], areaCode: '3', streets: ['Meir', 'Frankrijklei', 'Italiëlei'] },
  { name: 'Gent', country: 'BE', postcodes: [9000, 9052], areaCode: '9', streets: ['Veldstraat', 'Korenmarkt', 'Kortrijksesteenweg'] },
  { name: 'Brugge', country: 'BE', postcodes: [8000, 8000], areaCode: '50', streets: ['Steenstraat', 'Noordzandstraat'] },
  { name: 'Hasselt', country: 'BE', postcodes: [3500, 3512], areaCode: '11', streets: ['Demerstraat', 'Kempische Steenweg'] },
  { name: 'Düsseldorf', country: 'DE', postcodes: [40210, 40629], areaCode: '211', streets: ['Königsallee', 'Schadowstraße', 'Kaiserswerther Straße'] },
  { name: 'Köln', country: 'DE', postcodes: [50667, 51149], areaCode: '221', streets: ['Hohe Straße', 'Aachener Straße', 'Rheinuferstraße'] },
  { name: 'Aachen', country: 'DE', postcodes: [52062, 52080], areaCode: '241', streets: ['Theaterstraße', 'Jülicher Straße'] },
  { name: 'Kleve', country: 'DE', postcodes: [47533, 47533], areaCode: '2821', streets: ['Große Straße', 'Hafenstraße'] },
];

/*
 * Customers just across the border, in Flanders and the Rhineland. Their names follow their own country's
 * conventions (a Belgian BV or NV, a German GmbH), since a Dutch legal form abroad would give them away.
 */

export const flemishSurnames: readonly string[] = [
  'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
  'Vermeulen', 'Dubois', 'Van Damme', 'De Backer', 'Verstraete',
];

export const germanSurnames: readonly string[] = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz',
  'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder',
];

export const germanSectors: readonly string[] = [
  'Logistik', 'Bau', 'Technik', 'Transporte', 'Handel', 'Maschinenbau', 'Elektrotechnik', 'Metallbau',
  'Gebäudereinigung', 'Haustechnik',
];

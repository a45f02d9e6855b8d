import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { Address, Label, Relation } from '../../src/contract/index.js';
import { relationsToCsv, neutralizeFormula } from '../../src/elements/internal/relation-export-dialog/csv.js';
import { labelFor, sheetsTemplate } from '../../src/elements/internal/relation-print-dialog/address-sheets.js';
import { en } from '../../src/i18n/en.js';
import { nl } from '../../src/i18n/nl.js';
import { allByRole } from './harness/roles.js';

function relation(overrides: Partial<Relation>): Relation {
  return {
    id: 'r1', number: 1, kind: 'organization', status: 'active', displayName: 'Uno B.V.', debtor: { number: 10001 }, creditor: null,
    organization: { name: 'Uno B.V.', kvkNumber: null, vatNumber: null, website: null }, person: null, email: 'info@uno.nl',
    phone: '020-1234567', iban: null, city: 'Utrecht', labelIds: ['l1'], preferences: {},
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 1, ...overrides,
  };
}

function address(overrides: Partial<Address>): Address {
  return {
    id: 'a1', relationId: 'r1', purposes: ['postal'], poBox: null, street: 'Dorpsstraat', houseNumber: '1', houseNumberAddition: 'A',
    postalCode: '3511 AB', city: 'Utrecht', country: 'NL', email: null, phone: null, version: 1, ...overrides,
  };
}

const labels = new Map<string, Label>([['l1', { id: 'l1', name: 'Nieuwsbrief', color: '#112233', relationCount: 1, version: 1 }]]);

const csvLines = async (blob: Blob) => (await blob.text()).replace(/^\uFEFF/, '').split('\r\n');

describe('CSV export', () => {
  it('neutralises spreadsheet formulas, also after leading whitespace and on any line of a cell', () => {
    expect(neutralizeFormula('=SUM(A1)')).to.equal("'=SUM(A1)");
    expect(neutralizeFormula('  +31 20 123')).to.equal("'  +31 20 123");
    expect(neutralizeFormula('-5')).to.equal("'-5");
    expect(neutralizeFormula('@cmd')).to.equal("'@cmd");
    expect(neutralizeFormula('\t=1')).to.equal("'\t=1");
    expect(neutralizeFormula('Regel één\r\n=HYPERLINK("x")')).to.equal('Regel één\r\n\'=HYPERLINK("x")');
    expect(neutralizeFormula('Bedrijf = goed')).to.equal('Bedrijf = goed');
    expect(neutralizeFormula('info@uno.nl')).to.equal('info@uno.nl');
  });

  it('writes Excel-friendly Dutch CSV byte for byte: BOM, semicolons, CRLF, quoting, neutralised cells', async () => {
    const rows = [
      relation({}),
      relation({ id: 'r2', number: 2, displayName: '=cmd|"/c calc"!A1', debtor: null, creditor: { number: 70001 }, email: null, phone: '+31 6 12345678', city: 'Den Haag; Centrum', labelIds: [] }),
    ];
    const blob = await relationsToCsv(rows, {
      columns: ['number', 'name', 'debtorNumber', 'creditorNumber', 'city', 'email', 'phone', 'labels'],
      withAddress: true,
      separator: ';',
      bom: true,
      locale: 'nl',
      labels,
      addresses: new Map([['r1', [address({})]], ['r2', [address({ id: 'a2', relationId: 'r2', poBox: '123', street: null, houseNumber: null, houseNumberAddition: null })]]]),
    });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).to.equal(
      'Nummer;Naam;Debiteurnr.;Crediteurnr.;Plaats;E-mail;Telefoon;Labels;Adres;Postcode;Plaats (adres);Land\r\n' +
        '1;Uno B.V.;10001;;Utrecht;info@uno.nl;020-1234567;Nieuwsbrief;Dorpsstraat 1 A;3511 AB;Utrecht;Nederland\r\n' +
        '2;"\'=cmd|""/c calc""!A1";;70001;"Den Haag; Centrum";;\'+31 6 12345678;;Postbus 123;3511 AB;Utrecht;Nederland\r\n',
    );
  });

  it('writes English CSV with commas and no BOM, and reports progress in chunks', async () => {
    const many = Array.from({ length: 25000 }, (_, i) => relation({ id: `r${i}`, number: i + 1, displayName: `Relatie ${i}` }));
    const progress: number[] = [];
    const blob = await relationsToCsv(many, {
      columns: ['number', 'name'], withAddress: false, separator: ',', bom: false, locale: 'en', labels,
      onProgress: (done) => progress.push(done),
    });
    const text = await blob.text();
    expect(text.startsWith('Number,Name\r\n1,Relatie 0\r\n')).to.equal(true);
    expect(text.split('\r\n')).to.have.length(25002);
    expect(progress).to.deep.equal([10000, 20000, 25000]);
  });

  it('writes the address in the reader\'s language: PO Box and the country by name', async () => {
    const rows = [relation({}), relation({ id: 'r2', number: 2 })];
    const blob = await relationsToCsv(rows, {
      columns: ['number'], withAddress: true, separator: ',', bom: false, locale: 'en', labels,
      addresses: new Map([
        ['r1', [address({ poBox: '7', street: null, houseNumber: null, houseNumberAddition: null })]],
        ['r2', [address({ id: 'a2', relationId: 'r2', purposes: ['visiting'], street: 'Rue Haute', houseNumber: '12', houseNumberAddition: 'bis', postalCode: '1000', city: 'Bruxelles', country: 'BE' })]],
      ]),
    });
    expect(await csvLines(blob)).to.deep.equal([
      'Number,Address,Postcode,City (address),Country',
      '1,PO Box 7,3511 AB,Utrecht,Netherlands',
      '2,Rue Haute 12 bis,1000,Bruxelles,Belgium',
      '',
    ]);
  });
});

describe('address labels', () => {
  const person = relation({ kind: 'person', displayName: 'D. Irecteur', person: { salutation: 'Dhr.', initials: 'D.', firstName: null, infix: null, lastName: 'Irecteur' } });
  const postal = address({ poBox: '45', street: null, houseNumber: null, houseNumberAddition: null, postalCode: '1000 AA', city: 'Amsterdam' });
  const invoice = address({ id: 'a2', purposes: ['invoice'], street: 'Kerkstraat', houseNumber: '9', houseNumberAddition: null, postalCode: '2000', city: 'Antwerpen', country: 'BE' });

  it('uses the PO box when that is the postal address, the invoice address when asked, and the country abroad', () => {
    expect(labelFor(person, [postal, invoice], 'postal', 'nl')).to.deep.equal({ name: 'Dhr. D. Irecteur', lines: ['Postbus 45', '1000 AA  AMSTERDAM'] });
    expect(labelFor(person, [postal, invoice], 'invoice', 'nl')).to.deep.equal({ name: 'Dhr. D. Irecteur', lines: ['Kerkstraat 9', '2000 Antwerpen', 'BELGIË'] });
    expect(labelFor(person, [], 'postal', 'nl')).to.equal(undefined);
  });

  it('writes PO box and country in English for an English reader', () => {
    expect(labelFor(person, [postal, invoice], 'postal', 'en')).to.deep.equal({ name: 'Dhr. D. Irecteur', lines: ['PO Box 45', '1000 AA  AMSTERDAM'] });
    expect(labelFor(person, [postal, invoice], 'invoice', 'en')).to.deep.equal({ name: 'Dhr. D. Irecteur', lines: ['Kerkstraat 9', '2000 Antwerpen', 'BELGIUM'] });
  });

  it('writes a street address the same on a label as in the CSV: number and addition apart', async () => {
    const withAddition = address({ houseNumber: '12', houseNumberAddition: 'bis' });
    const sticker = labelFor(relation({}), [withAddition], 'postal', 'nl')!;
    const blob = await relationsToCsv([relation({})], {
      columns: ['name'], withAddress: true, separator: ';', bom: false, locale: 'nl', labels, addresses: new Map([['r1', [withAddition]]]),
    });
    const street = (await csvLines(blob))[1]!.split(';')[1];
    expect(sticker.lines[0]).to.equal('Dorpsstraat 12 bis');
    expect(street).to.equal(sticker.lines[0]);
    expect(sticker.name).to.equal((await csvLines(blob))[1]!.split(';')[0]);
  });

  it('counts the relations left out in Dutch and English, singular and plural', () => {
    expect(nl.addressLabels.missing(1)).to.equal('1 relatie heeft geen adres en krijgt geen etiket.');
    expect(nl.addressLabels.missing(2)).to.equal('2 relaties hebben geen adres en krijgen geen etiket.');
    expect(nl.addressLabels.printed(21, 0)).to.equal('21 etiketten afgedrukt.');
    expect(nl.addressLabels.printed(1, 1000)).to.equal('1 etiket afgedrukt. 1.000 relaties zonder adres overgeslagen.');
    expect(en.addressLabels.missing(1)).to.equal('1 relation has no address and gets no label.');
    expect(en.addressLabels.missing(3)).to.equal('3 relations have no address and get no label.');
    expect(en.addressLabels.printed(1, 1)).to.equal('1 label printed. 1 relation without an address left out.');
    expect(en.addressLabels.printed(1000, 2)).to.equal('1,000 labels printed. 2 relations without an address left out.');
  });

  it('fills A4 sheets of 21 or 24 labels, names rendered as text', () => {
    const labelList = Array.from({ length: 30 }, (_, i) => ({ name: i === 0 ? '<img src=x onerror=alert(1)>' : `Relatie ${i}`, lines: ['Straat 1', '1234 AB  PLAATS'] }));
    for (const [layout, perSheet] of [['3x7', 21], ['3x8', 24]] as const) {
      const container = document.body.appendChild(document.createElement('div'));
      render(sheetsTemplate(labelList, layout), container);
      const sheets = allByRole(container, 'list');
      expect(sheets).to.have.length(2);
      expect(allByRole(sheets[0]!, 'listitem')).to.have.length(perSheet);
      expect(container.querySelector('img')).to.equal(null);
      expect(allByRole(sheets[0]!, 'listitem')[0]!.firstElementChild!.textContent).to.equal('<img src=x onerror=alert(1)>');
      container.remove();
    }
  });
});

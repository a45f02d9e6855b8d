import type { RelationExport } from '../../../contract/index.js';
import { formatDateTime } from '../../../i18n/formats.js';
import { history } from '../../../i18n/sections/history.js';
import type { PersonalDataMessages } from '../../../i18n/sections/personal-data.js';
import { fieldName, valueText } from '../../relation-history/history-format.js';

/**
 * An export as a document a person can read (a GDPR access request answered on paper or by mail): one HTML
 * file, each part a heading with its fields. Built with the DOM, every value set as text, so nothing the
 * data holds can become markup or script.
 */
export function readableExport(data: RelationExport, m: PersonalDataMessages['document'], locale: 'nl' | 'en'): Blob {
  const words = history[locale];
  const names = new Map(data.linkedRelations.map((relation) => [relation.id, relation.displayName]));
  const doc = document.implementation.createHTMLDocument(m.title(data.relation.displayName, data.relation.number));
  doc.documentElement.lang = locale;
  const add = (parent: Element, tag: string, text?: string) => {
    const element = doc.createElement(tag);
    if (text !== undefined) element.textContent = text;
    parent.append(element);
    return element;
  };
  /** The fields of one record (nested ones by dotted path), as a list of terms and values. */
  const fields = (parent: Element, record: object, skip: readonly string[] = ['id', 'version']) => {
    const list = add(parent, 'dl');
    const walk = (value: object, path: string) => {
      for (const [key, inner] of Object.entries(value)) {
        const field = path ? `${path}.${key}` : key;
        if (!path && skip.includes(key)) continue;
        if (inner && typeof inner === 'object' && !Array.isArray(inner)) walk(inner, field);
        else {
          add(list, 'dt', fieldName(field, words));
          add(list, 'dd', valueText(inner, words, names));
        }
      }
    };
    walk(record, '');
  };
  const part = (title: string, records: readonly object[], describe: (section: Element, record: object) => void) => {
    const section = add(doc.body, 'section');
    add(section, 'h2', title);
    if (records.length === 0) add(section, 'p', m.none);
    for (const record of records) describe(section, record);
  };

  add(doc.body, 'h1', m.title(data.relation.displayName, data.relation.number));
  add(doc.body, 'p', m.exported(formatDateTime(locale, data.exportedAt), data.exportedBy.name));
  part(m.relation, [data.relation], (section, record) => fields(section, record));
  part(m.addresses, data.addresses, (section, record) => fields(section, record, ['id', 'version', 'relationId']));
  part(m.links, data.affiliations, (section, record) => fields(section, record));
  part(m.moments, data.contactMoments, (section, record) => {
    const moment = record as RelationExport['contactMoments'][number];
    add(section, 'h3', `${formatDateTime(locale, moment.occurredAt)}: ${moment.subject}`);
    add(section, 'p', moment.body);
    for (const agreement of moment.agreements) add(section, 'p', `• ${agreement.text}`);
  });
  part(m.callbacks, data.callbackRequests, (section, record) => fields(section, record, ['id', 'version', 'relationId']));
  part(m.documents, data.documents, (section, record) => fields(section, record, ['id']));
  part(m.history, data.history, (section, record) => {
    const entry = record as RelationExport['history'][number];
    add(section, 'h3', `${formatDateTime(locale, entry.at)}: ${words.what[entry.entity][entry.action]} ${words.by(entry.actorName)}`);
    const list = add(section, 'dl');
    for (const change of entry.changes) {
      add(list, 'dt', fieldName(change.field, words));
      add(list, 'dd', `${valueText(change.old, words, names)} → ${valueText(change.new, words, names)}`);
    }
  });
  return new Blob([`<!doctype html>\n${doc.documentElement.outerHTML}`], { type: 'text/html;charset=utf-8' });
}

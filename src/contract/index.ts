/*
 * The relations contract v1: schemas, rules and the operation table. Pure TypeScript: no DOM, no network.
 */
export * from './display-name.js';
export * from './duplicates.js';
export * from './label-order.js';
export * from './locale.js';
export * from './messages.js';
export * from './operations.js';
export * from './relation-search.js';
export * from './rules/country.js';
export * from './rules/currency.js';
export * from './rules/email.js';
export * from './rules/iban.js';
export * from './rules/kvk.js';
export * from './rules/phone.js';
export * from './rules/postcode.js';
export * from './rules/vat.js';
export * from './rules/website.js';
export * from './schemas/address.js';
export * from './schemas/address-lookup.js';
export * from './schemas/affiliation.js';
export * from './schemas/callback-request.js';
export * from './schemas/change.js';
export * from './schemas/contact-moment.js';
export * from './schemas/duplicates.js';
export * from './schemas/history.js';
export * from './schemas/label.js';
export * from './schemas/module.js';
export * from './schemas/notification.js';
export * from './schemas/personal-data.js';
export * from './schemas/problem.js';
export * from './schemas/relation.js';
export * from './schemas/user.js';

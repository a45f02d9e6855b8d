import { displayName, type Address, type Affiliation, type ChangeEntity, type ContactMoment, type Label, type OperationId, type Relation } from '../contract/index.js';
import { mergePatch } from './apply.js';
import type { EntityValue } from './cache.js';

/** The writes the store knows how to apply optimistically, and what each one changes. */
export interface WriteTarget {
  entity: ChangeEntity | null;
  kind: 'create' | 'update' | 'delete' | 'other';
}

const targets: Partial<Record<OperationId, WriteTarget>> = {
  createRelation: { entity: 'relation', kind: 'create' },
  updateRelation: { entity: 'relation', kind: 'update' },
  deleteRelation: { entity: 'relation', kind: 'delete' },
  createAddress: { entity: 'address', kind: 'create' },
  updateAddress: { entity: 'address', kind: 'update' },
  deleteAddress: { entity: 'address', kind: 'delete' },
  createAffiliation: { entity: 'affiliation', kind: 'create' },
  updateAffiliation: { entity: 'affiliation', kind: 'update' },
  deleteAffiliation: { entity: 'affiliation', kind: 'delete' },
  createContactMoment: { entity: 'contactMoment', kind: 'create' },
  updateContactMoment: { entity: 'contactMoment', kind: 'update' },
  deleteContactMoment: { entity: 'contactMoment', kind: 'delete' },
  createLabel: { entity: 'label', kind: 'create' },
  updateLabel: { entity: 'label', kind: 'update' },
  deleteLabel: { entity: 'label', kind: 'delete' },
};

export function targetOf(operationId: OperationId): WriteTarget {
  return targets[operationId] ?? { entity: null, kind: 'other' };
}

const now = () => new Date().toISOString();

/**
 * What the cache shows for a created entity until the backend answers: the fields the user gave, the
 * defaults the backend would fill in, version 0 and no number yet (numbers belong to the backend). The fields
 * come from the write's request as the caller typed it (`WriteRequest`), so each result is that entity.
 */
export function provisional(entity: ChangeEntity, id: string, request: Record<string, unknown>, authorId: string): EntityValue {
  const body = (request['body'] ?? {}) as Record<string, unknown>;
  switch (entity) {
    case 'relation': {
      const organization = body['organization']
        ? mergePatch({ kvkNumber: null, vatNumber: null, website: null }, body['organization']) : null;
      const person = body['person']
        ? mergePatch({ salutation: null, initials: null, firstName: null, infix: null }, body['person']) : null;
      const relation = {
        id, number: 0, kind: body['kind'], status: body['status'] ?? 'active',
        displayName: displayName({ organization, person } as Pick<Relation, 'organization' | 'person'>),
        debtor: null, creditor: null, organization, person,
        email: body['email'] ?? null, phone: body['phone'] ?? null, iban: body['iban'] ?? null, city: null,
        labelIds: body['labelIds'] ?? [], preferences: body['preferences'] ?? {},
        createdAt: now(), updatedAt: now(), version: 0,
      };
      return relation as Relation;
    }
    case 'address':
      return {
        id, relationId: request['id'], poBox: null, street: null, houseNumber: null, houseNumberAddition: null,
        postalCode: null, city: null, country: 'NL', email: null, phone: null, ...body, version: 0,
      } as Address;
    case 'affiliation':
      return { id, function: null, email: null, phone: null, isPrimary: false, ...body, version: 0 } as Affiliation;
    case 'contactMoment':
      return {
        id, personId: null, body: '', occurredAt: now(), visibility: 'team', ...body,
        agreements: ((body['agreements'] ?? []) as Record<string, unknown>[]).map((a) => ({ dueDate: null, done: false, ...a })),
        authorId, createdAt: now(), updatedAt: now(), version: 0,
      } as ContactMoment;
    case 'label':
      return { id, relationCount: 0, ...body, version: 0 } as Label;
  }
}

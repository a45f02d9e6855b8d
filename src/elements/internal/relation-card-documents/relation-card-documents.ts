import { define } from '../../../core/define.js';
import { RelationCardDocuments } from './relation-card-documents.component.js';

export { RelationCardDocuments };

define('relation-card-documents', RelationCardDocuments);

declare global {
  interface HTMLElementTagNameMap {
    'relation-card-documents': RelationCardDocuments;
  }
}

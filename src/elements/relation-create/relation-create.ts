import { define } from '../../core/define.js';
import { RelationCreateElement } from './relation-create.component.js';

export { RelationCreateElement };

define('relation-create', RelationCreateElement);

declare global {
  interface HTMLElementTagNameMap {
    'relation-create': RelationCreateElement;
  }
}

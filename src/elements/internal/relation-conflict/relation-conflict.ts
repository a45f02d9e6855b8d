import { define } from '../../../core/define.js';
import { RelationConflict } from './relation-conflict.component.js';

export { RelationConflict };

define('relation-conflict', RelationConflict);

declare global {
  interface HTMLElementTagNameMap {
    'relation-conflict': RelationConflict;
  }
}

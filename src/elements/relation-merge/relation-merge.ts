import { define } from '../../core/define.js';
import { RelationMerge } from './relation-merge.component.js';

export { RelationMerge };

define('relation-merge', RelationMerge);

declare global {
  interface HTMLElementTagNameMap {
    'relation-merge': RelationMerge;
  }
}

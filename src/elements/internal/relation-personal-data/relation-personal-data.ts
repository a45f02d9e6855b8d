import { define } from '../../../core/define.js';
import { RelationPersonalData } from './relation-personal-data.component.js';

export { RelationPersonalData };

define('relation-personal-data', RelationPersonalData);

declare global {
  interface HTMLElementTagNameMap {
    'relation-personal-data': RelationPersonalData;
  }
}

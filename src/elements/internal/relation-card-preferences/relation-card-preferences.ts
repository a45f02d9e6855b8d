import { define } from '../../../core/define.js';
import { RelationCardPreferences } from './relation-card-preferences.component.js';

export { RelationCardPreferences };

define('relation-card-preferences', RelationCardPreferences);

declare global {
  interface HTMLElementTagNameMap {
    'relation-card-preferences': RelationCardPreferences;
  }
}

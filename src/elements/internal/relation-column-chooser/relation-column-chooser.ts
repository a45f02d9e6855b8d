import { define } from '../../../core/define.js';
import { RelationColumnChooser } from './relation-column-chooser.component.js';

export { RelationColumnChooser };

define('relation-column-chooser', RelationColumnChooser);

declare global {
  interface HTMLElementTagNameMap {
    'relation-column-chooser': RelationColumnChooser;
  }
}

import { define } from '../../core/define.js';
import { LabelFilter } from './label-filter.component.js';

export { LabelFilter };

define('label-filter', LabelFilter);

declare global {
  interface HTMLElementTagNameMap {
    'label-filter': LabelFilter;
  }
}

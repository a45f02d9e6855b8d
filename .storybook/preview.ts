import { setCustomElementsManifest, type Preview } from '@storybook/web-components';
import manifest from '../custom-elements.json';
import '../src/index.js';

// Controls and docs come from the same JSDoc as the manifest, so they never disagree with the elements.
setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: { title: 'Locale', icon: 'globe', items: ['nl', 'en'], dynamicTitle: true },
    },
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'nl', theme: 'light' },
  decorators: [
    (story, context) => {
      document.documentElement.lang = String(context.globals['locale'] ?? 'nl');
      document.body.style.background = context.globals['theme'] === 'dark' ? '#111316' : '';
      return story();
    },
  ],
};

export default preview;

// The host's own glue: what an ERP writes around the elements (token source, language, theme).
const provider = document.getElementById('provider');
const language = document.getElementById('language');
const theme = document.getElementById('theme');

// A real host asks its own auth layer; the demo signs in as colleague Anna of tenant "demo".
provider.getToken = async () => 'demo-anna';

language.addEventListener('change', () => {
  document.documentElement.lang = language.value;
});
theme.addEventListener('change', () => {
  provider.theme = theme.value;
  document.body.dataset.theme = theme.value;
});

// The elements never navigate: the host decides what opening a relation means (here: a status line).
document.addEventListener('relation-open', (event) => {
  document.getElementById('status').textContent = `relation-open: ${event.detail.id}`;
});

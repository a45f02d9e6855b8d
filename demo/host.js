// The host's own glue: what an ERP writes around the elements (token source, language, theme, routing).
const provider = document.getElementById('provider');
const language = document.getElementById('language');
const theme = document.getElementById('theme');
const panel = document.getElementById('panel');
const card = document.getElementById('card');
const createDialog = document.getElementById('create-dialog');
const status = document.getElementById('status');

// A real host asks its own auth layer; the demo signs in as the user chosen in its header (?user=demo-bram),
// so two windows can be two colleagues: what one does, the other sees without reloading.
const user = document.getElementById('user');
const token = new URLSearchParams(location.search).get('user') ?? 'demo-anna';
user.value = token;
user.addEventListener('change', () => {
  const url = new URL(location.href);
  url.searchParams.set('user', user.value);
  location.href = url.href;
});
provider.getToken = async () => token;

language.addEventListener('change', () => {
  document.documentElement.lang = language.value;
});
theme.addEventListener('change', () => {
  provider.theme = theme.value;
  document.body.dataset.theme = theme.value;
});

// The elements never navigate: the host routes. Opening a relation (a row, a contact person, a likely
// duplicate) puts it in the address; the address decides what the side panel shows, so Back works.
function route() {
  const match = /^#\/relaties\/([^/]+)$/.exec(location.hash);
  panel.hidden = !match;
  if (match) card.relationId = decodeURIComponent(match[1]);
}
window.addEventListener('hashchange', route);
route();

document.addEventListener('relation-open', (event) => {
  createDialog.close();
  location.hash = `#/relaties/${encodeURIComponent(event.detail.id)}`;
});
document.addEventListener('relation-created', (event) => {
  createDialog.close();
  status.textContent = `relation-created: ${event.detail.relation.displayName}`;
  location.hash = `#/relaties/${encodeURIComponent(event.detail.id)}`;
});
document.addEventListener('relation-saved', (event) => {
  status.textContent = `relation-saved: ${event.detail.relation.displayName}`;
});
document.addEventListener('callback-requested', () => {
  status.textContent = 'callback-requested';
});
document.addEventListener('document-open', (event) => {
  status.textContent = `document-open: ${event.detail.module} ${event.detail.id}`;
});

document.getElementById('close-panel').addEventListener('click', () => {
  location.hash = '';
});
document.getElementById('new-relation').addEventListener('click', () => createDialog.showModal());

document.getElementById('invoice').addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(event.target);
  status.textContent = `Factuur voor debiteur ${data.get('debtorId')}: ${data.get('description')} (${data.get('amount')})`;
});

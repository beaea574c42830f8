// The Segments page: every stored segment with rename, re-export (CSV, JSON) and delete.
import { api, ApiError, fmtInt, fmtNum, humanize, h } from './api.js';

const $ = (id) => document.getElementById(id);

function headers() {
  const key = sessionStorage.getItem('aether-api-key');
  return key ? { 'X-Api-Key': key } : {};
}

function showError(error) {
  $('error').hidden = !error;
  if (!error) return;
  if (error.status === 401) {
    $('api-key-row').hidden = false;
    $('error').textContent = 'This server needs an API key for segments: enter it above.';
  } else if (error.field === 'name') {
    $('error').textContent = 'Give the segment a name of 1 to 120 characters.';
  } else {
    $('error').textContent = error.status === 503 ? 'The data could not be read just now. Please try again in a moment.' : error.message;
  }
}

const when = (iso) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

async function load() {
  try {
    const { segments } = await api('api/v1/segments', { headers: headers() });
    showError(null);
    $('status').textContent = segments.length ? `${fmtInt(segments.length)} segment${segments.length === 1 ? '' : 's'}` : 'No segments yet: activate one on the campaign page.';
    $('segments').replaceChildren(
      h('tr', {}, h('th', {}, 'Name'), h('th', { class: 'num' }, 'Customers'), h('th', { class: 'num' }, 'Average CLV'), h('th', {}, 'Trigger'), h('th', {}, 'Created'), h('th', {}, 'Actions')),
      ...segments.map(row));
    document.body.dataset.loaded = 'true';
  } catch (error) {
    showError(error);
    $('status').textContent = '';
  }
}

function row(s) {
  return h('tr', { 'data-segment': s.segment_id },
    h('td', { class: 'name' }, h('span', { class: 'text' }, s.name ?? s.segment_id), h('div', { class: 'muted' }, s.objective ?? '')),
    h('td', { class: 'num' }, fmtInt(s.size)),
    h('td', { class: 'num' }, fmtNum(s.avg_clv, 3)),
    h('td', {}, humanize(s.trigger)),
    h('td', {}, h('time', { datetime: s.created_at }, when(s.created_at))),
    h('td', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', 'data-action': 'rename', 'aria-label': `Rename ${s.name}`, onclick: (e) => rename(s, e.target.closest('tr')) }, 'Rename'), ' ',
      h('button', { type: 'button', class: 'secondary', 'data-action': 'csv', 'aria-label': `Download ${s.name} as CSV`, onclick: () => download(s, 'csv') }, 'CSV'), ' ',
      h('button', { type: 'button', class: 'secondary', 'data-action': 'json', 'aria-label': `Download ${s.name} as JSON`, onclick: () => download(s, 'json') }, 'JSON'), ' ',
      h('button', { type: 'button', class: 'secondary', 'data-action': 'delete', 'aria-label': `Delete ${s.name}`, onclick: () => remove(s) }, 'Delete')));
}

function rename(s, tr) {
  const cell = tr.querySelector('td.name');
  const input = h('input', { value: s.name ?? '', maxlength: 120, 'aria-label': 'New name', 'data-edit': 'name' });
  const save = async () => {
    const name = input.value.trim();
    if (!name) { showError({ field: 'name' }); input.setAttribute('aria-invalid', 'true'); return; }
    try {
      await api(`api/v1/segments/${encodeURIComponent(s.segment_id)}`, { method: 'PATCH', headers: headers(), body: { name } });
      await load();
    } catch (error) { showError(error); }
  };
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') save(); if (e.key === 'Escape') load(); });
  cell.replaceChildren(input, ' ', h('button', { type: 'button', 'data-action': 'save', onclick: save }, 'Save'));
  input.focus();
}

async function download(s, format) {
  const response = await fetch(`api/v1/segments/${encodeURIComponent(s.segment_id)}/export?format=${format}`, { headers: headers() });
  if (!response.ok) {
    showError(new ApiError(response.status, await response.json().catch(() => null)));
    return;
  }
  const fileName = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '')?.[1] ?? `segment.${format}`;
  const a = h('a', { href: URL.createObjectURL(await response.blob()), download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
}

async function remove(s) {
  if (!window.confirm(`Delete "${s.name ?? s.segment_id}" and its ${fmtInt(s.size)} members? Exports already downloaded are not affected.`)) return;
  try {
    await api(`api/v1/segments/${encodeURIComponent(s.segment_id)}`, { method: 'DELETE', headers: headers() });
    await load();
  } catch (error) { showError(error); }
}

$('api-key').addEventListener('change', () => { sessionStorage.setItem('aether-api-key', $('api-key').value); load(); });
load();

// The five-step campaign segmentation workflow: objective -> interpretation and eligible segment -> ranked triggers
// -> refinement with live preview and attrition waterfall -> activation with confirmation, explanation and export.
// The audience is in the marketer's hands: every condition (ai, trigger, user) is a chip that can be edited or removed,
// with undo and reset; the whole state lives in the URL, so Back, Forward and reload restore it.
import { api, ApiError, fmtInt, fmtNum, fmtPct, fmtMoney, humanize, h } from './api.js';
import { barChart, donutChart, horizontalBarChart, xyChart, TIER_COLORS } from './charts.js';
import { capitalize, loadProfile } from './profile.js';

const $ = (id) => document.getElementById(id);
const state = {
  analysis: null, // the analyze answer for the current objective text
  coo: null, // the campaign objective object as edited by the marketer (ai chips)
  trigger: null, filters: {}, segment: null, last: null, previewSeq: 0, history: [], draftKey: null, policy: null,
};
// The lists below come from the server's business profile (GET /api/v1/profile, see applyProfile).
const COUNTRIES = {}; // first place level value -> its values at the second level
const CATEGORIES = []; // the first taxonomy level's values
const PLACE_LEVELS = []; // { name, attribute } of each place level, outermost first (breakdowns and sample members)
let VALUE_ATTRIBUTE = 'clv_score'; // the sample members' property holding the value score
let VALUE_LABEL = 'CLV';
// A sample member's place, innermost level first ("Denver, Rockies"); the demo's city and country until the profile loads.
const placeOf = (s) => (PLACE_LEVELS.length ? [...PLACE_LEVELS].reverse().map((l) => s[l.attribute]) : [s.city, s.country])
  .filter((v) => v !== null && v !== undefined && v !== '').join(', ');
const exampleObjectives = []; // { title, text }
const PROVENANCE_CLASS = { ai: 'badge', trigger: 'badge trigger', user: 'badge user' };
const PROVENANCE_LABEL = { ai: 'AI', trigger: 'trigger', user: 'you' };
// The filter each trigger adds (its eligibility in the profile), shown before the trigger is applied.
const TRIGGER_FILTERS = {};
// Which fields of the objective object an interpreter filter comes from, and which one number edits it.
const AI_FIELDS = {
  value_tier: { clear: ['audience.value_tier'] },
  clv_min: { clear: ['audience.clv_min'], edit: 'audience.clv_min', label: 'Minimum CLV (0 to 1)', min: 0, max: 1, step: 0.05 },
  countries: { clear: ['audience.countries'] },
  cities: { clear: ['audience.cities'] },
  churn_risk: { clear: ['audience.churn_risk'] },
  acquisition_sources: { clear: ['audience.acquisition_sources'] },
  abandoned_cart_within_days: { clear: ['audience.behavior.abandoned_cart_within_days', 'audience.behavior.min_cart_value'], edit: 'audience.behavior.abandoned_cart_within_days', label: 'Abandoned a cart within (days)', min: 1, max: 3650, step: 1 },
  min_cart_value: { clear: ['audience.behavior.min_cart_value'], edit: 'audience.behavior.min_cart_value', label: 'Minimum cart value ($)', min: 0, max: 100000, step: 50 },
  purchased_within_days: { clear: ['audience.behavior.purchased_within_days', 'audience.categories', 'audience.product_types'], edit: 'audience.behavior.purchased_within_days', label: 'Purchased within (days)', min: 1, max: 3650, step: 1 },
  purchased_products: { clear: ['audience.behavior.purchased_within_days', 'audience.categories', 'audience.product_types'] },
  viewed_within_days: { clear: ['audience.behavior.viewed_within_days'], edit: 'audience.behavior.viewed_within_days', label: 'Viewed within (days)', min: 1, max: 3650, step: 1 },
  no_purchase_for_days: { clear: ['audience.behavior.no_purchase_for_days'], edit: 'audience.behavior.no_purchase_for_days', label: 'No purchase for (days)', min: 1, max: 3650, step: 1 },
  acquired_within_days: { clear: ['audience.behavior.acquired_within_days'], edit: 'audience.behavior.acquired_within_days', label: 'Acquired within (days)', min: 1, max: 3650, step: 1 },
};
const USER_FIELDS = { location_country: 'f-country', location_city: 'f-city', clv_min: 'f-clv', cart_value_min: 'f-cart', category: 'f-category' };

// Plain-language messages for the fields a marketer can get wrong; the API's own words stay in the console.
const FIELD_WORDS = {
  objective: 'Describe the campaign in a sentence, for example who to reach and with what offer.',
  'new_filters.clv_min': 'Minimum CLV must be a number from 0 to 1.',
  'new_filters.cart_value_min': 'Minimum cart value must be zero or more dollars.',
  'new_filters.location_city': 'Pick a city in the chosen country.',
  name: 'Give the segment a name of 1 to 120 characters.',
};

function plain(error) {
  if (!error) return '';
  if (error.status === 401) return 'This server needs an API key to save segments: enter it below and try again.';
  if (error.status === 503) return 'The data could not be read just now. Please try again in a moment.';
  if (error.status === 429) return 'Too many requests in a minute: wait a few seconds and try again.';
  return FIELD_WORDS[error.field] || error.message;
}

function showError(id, error) {
  const el = $(id);
  el.hidden = !error;
  el.textContent = error ? plain(error) : '';
}

function metric(label, value, hint, id) {
  return h('div', { class: 'metric', 'data-metric': id }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value), hint ? h('div', { class: 'hint' }, hint) : null);
}

function list(values) {
  return values && values.length ? values.join(', ') : '–';
}

function apiKeyHeaders() {
  const key = sessionStorage.getItem('aether-api-key');
  return key ? { 'X-Api-Key': key } : {};
}

const clone = (v) => (v === null || v === undefined ? v : JSON.parse(JSON.stringify(v)));

function setPath(obj, path, value) {
  const parts = path.split('.');
  let o = obj;
  for (const p of parts.slice(0, -1)) { o[p] = o[p] ?? {}; o = o[p]; }
  const last = parts[parts.length - 1];
  o[last] = value === null && Array.isArray(o[last]) ? [] : value;
}

function getPath(obj, path) {
  return path.split('.').reduce((o, p) => (o === null || o === undefined ? undefined : o[p]), obj);
}

// URL state -------------------------------------------------------------------------------------------------------
function snapshot() {
  return { coo: clone(state.coo), trigger: state.trigger, filters: { ...state.filters } };
}

function writeUrl(push) {
  const params = new URLSearchParams();
  params.set('objective', $('objective').value);
  if (state.analysis) {
    params.set('trigger', state.trigger ?? 'none');
    if (Object.keys(state.filters).length) params.set('filters', JSON.stringify(state.filters));
    if (JSON.stringify(state.coo) !== JSON.stringify(state.analysis.campaign_objective_object)) params.set('coo', JSON.stringify(state.coo));
    if (state.segment) params.set('segment', state.segment.segment_id);
  }
  const url = `${location.pathname}?${params}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
}

// Changes the audience: remembers the previous state for undo, marks an activated segment stale, updates the URL.
async function change(mutate) {
  state.history.push(snapshot());
  mutate();
  state.draftKey = null;
  markStale();
  writeUrl(true);
  syncForm();
  renderChips();
  await refresh();
}

async function restoreFromUrl() {
  const params = new URLSearchParams(location.search);
  const objective = params.get('objective');
  if (!objective) return;
  if (!state.analysis || objective !== $('objective').value) {
    $('objective').value = objective;
    await analyze({ fromUrl: true });
  }
  if (!state.analysis) return;
  const trigger = params.get('trigger');
  state.trigger = trigger === 'none' ? null : (trigger ?? state.trigger);
  try { state.filters = JSON.parse(params.get('filters') || '{}'); } catch { state.filters = {}; }
  try { state.coo = params.get('coo') ? JSON.parse(params.get('coo')) : clone(state.analysis.campaign_objective_object); } catch { state.coo = clone(state.analysis.campaign_objective_object); }
  syncForm();
  markTrigger();
  renderChips();
  await refresh();
  const segmentId = params.get('segment');
  if (segmentId && (!state.segment || state.segment.segment_id !== segmentId)) {
    try {
      state.segment = await api(`api/v1/segments/${encodeURIComponent(segmentId)}`);
      state.last = JSON.stringify(snapshot());
      renderActivation(false);
    } catch { /* a deleted segment: leave step 5 closed */ }
  } else if (!segmentId && state.segment) {
    markStale();
  }
}

// Step 1 --------------------------------------------------------------------------------------------------------
function setupStep1() {
  $('examples').replaceChildren(...exampleObjectives.map((e) => h('button', {
    type: 'button', class: 'chip', title: e.text,
    onclick: () => { $('objective').value = e.text; analyze(); },
  }, e.title)));
  $('objective-form').addEventListener('submit', (event) => { event.preventDefault(); analyze(); });
  window.addEventListener('popstate', () => { restoreFromUrl(); });
  restoreFromUrl();
}

async function analyze({ fromUrl = false } = {}) {
  const objective = $('objective').value.trim();
  showError('error-1', null);
  if (objective.length < 3) {
    showError('error-1', { field: 'objective', message: FIELD_WORDS.objective });
    $('objective').setAttribute('aria-invalid', 'true');
    $('objective').focus();
    return;
  }
  $('objective').removeAttribute('aria-invalid');
  $('analyze').disabled = true;
  $('analyze-status').textContent = 'Interpreting and sizing the segment…';
  try {
    state.analysis = await api('api/v1/campaigns/analyze', { method: 'POST', body: { objective } });
    state.coo = clone(state.analysis.campaign_objective_object);
    state.filters = {};
    state.history = [];
    state.segment = null;
    state.draftKey = null;
    $('refine-form').reset();
    for (const id of ['step-2', 'step-3', 'step-4']) $(id).hidden = false;
    $('step-5').hidden = true;
    renderInterpretation();
    renderTriggers();
    state.trigger = preselectTrigger();
    markTrigger();
    renderChips();
    if (!fromUrl) writeUrl(true);
    await refresh();
    $('analyze-status').textContent = '';
    document.body.dataset.step = 'analyzed';
  } catch (error) {
    showError('error-1', error);
    $('analyze-status').textContent = '';
  } finally {
    $('analyze').disabled = false;
  }
}

// The offer the objective names wins over the model's top pick; the note explains when they differ.
function preselectTrigger() {
  const suggestions = state.analysis.trigger_suggestions || [];
  const named = state.analysis.campaign_objective_object.suggested_trigger;
  const best = suggestions[0]?.trigger ?? null;
  const chosen = named ?? best;
  $('trigger-note').textContent = named && best && named !== best
    ? `Preselected ${humanize(named)} because the objective names it; the models rank ${humanize(best)} highest — pick it in the table to switch.`
    : chosen ? `Preselected ${humanize(chosen)}${named ? ', the offer the objective names' : ', the top-ranked trigger'}.` : '';
  return chosen;
}

// Step 2 --------------------------------------------------------------------------------------------------------
function renderInterpretation() {
  const o = state.analysis.campaign_objective_object;
  const a = o.audience, b = a.behavior;
  const fields = [
    ['campaign_type', 'Campaign type', humanize(o.campaign_type)],
    ['value_tier', 'Value tier', humanize(a.value_tier)],
    ['clv_min', 'Minimum CLV', a.clv_min ?? '–'],
    ['countries', 'Countries', list(a.countries)],
    ['cities', 'Cities', list(a.cities)],
    ['categories', 'Categories', list(a.categories)],
    ['product_types', 'Product types', list(a.product_types)],
    ['churn_risk', 'Churn risk', humanize(a.churn_risk)],
    ['acquisition_sources', 'Acquisition sources', list(a.acquisition_sources?.map(humanize))],
    ['abandoned_cart_within_days', 'Abandoned cart within (days)', b.abandoned_cart_within_days ?? '–'],
    ['purchased_within_days', 'Purchased within (days)', b.purchased_within_days ?? '–'],
    ['no_purchase_for_days', 'No purchase for (days)', b.no_purchase_for_days ?? '–'],
    ['acquired_within_days', 'Acquired within (days)', b.acquired_within_days ?? '–'],
    ['viewed_within_days', 'Viewed within (days)', b.viewed_within_days ?? '–'],
    ['min_cart_value', 'Minimum cart value', b.min_cart_value === null || b.min_cart_value === undefined ? '–' : fmtMoney(b.min_cart_value)],
    ['incentive', 'Incentive', o.incentive.type ? `${humanize(o.incentive.type)}${o.incentive.value !== null && o.incentive.value !== undefined ? ` (${o.incentive.value})` : ''}` : '–'],
    ['kpi', 'KPI', o.kpi.metric ? `${humanize(o.kpi.metric)}${o.kpi.target_change_pct !== null && o.kpi.target_change_pct !== undefined ? ` +${o.kpi.target_change_pct}%` : ''}` : '–'],
    ['suggested_trigger', 'Suggested trigger', humanize(o.suggested_trigger)],
    ['interpreter', 'Interpreter', `${o.interpreter} · confidence ${fmtNum(o.confidence, 2)}`],
  ];
  $('interpretation').replaceChildren(
    ...fields.map(([key, label, value]) => h('div', { class: 'field', 'data-field': key }, h('div', { class: 'k' }, label), h('div', { class: 'v' }, String(value)))),
    ...(o.warnings || []).map((w) => h('div', { class: 'field error' }, w)));
  // A weak interpretation asks the marketer instead of guessing silently.
  const weak = (o.confidence ?? 1) < (state.policy?.low_confidence_below ?? 0.5) || state.analysis.segment_preview.filters.length === 0;
  $('clarify').hidden = !weak;
  $('clarify').textContent = weak
    ? `The objective was hard to read (confidence ${fmtNum(o.confidence, 2)}${state.analysis.segment_preview.filters.length === 0 ? ', no audience condition found' : ''}). Name who to reach, e.g. a category ("bought Lighting"), a place ("in Canada") or a behaviour ("abandoned a cart this week"), and analyze again — or refine below.`
    : '';

  const p = state.analysis.segment_preview;
  $('segment-metrics').replaceChildren(
    metric('Eligible customers', fmtInt(p.size), `of ${fmtInt(p.total_customers)} customers`, 'size'),
    metric('Average CLV', fmtNum(p.avg_clv, 3), null, 'avg_clv'),
    metric('Average cart value', p.avg_cart_value === null || p.avg_cart_value === undefined ? '–' : fmtMoney(p.avg_cart_value), null, 'avg_cart_value'),
    metric('Predicted uplift', p.predicted_uplift === null || p.predicted_uplift === undefined ? '–' : fmtPct(p.predicted_uplift),
      p.trigger ? `with ${humanize(p.trigger)} (the suggested trigger), conversion points` : 'conversion points', 'predicted_uplift'));
  $('segment-filters').replaceChildren(...(p.filters.length ? p.filters : [{ description: 'No filters: every customer is eligible', provenance: 'ai' }])
    .map((f) => h('li', {}, h('span', { class: PROVENANCE_CLASS[f.provenance] || 'badge' }, PROVENANCE_LABEL[f.provenance] ?? f.provenance), ' ', f.description)));
  const bd = p.breakdowns || {};
  const place = PLACE_LEVELS[0]?.name ?? 'country';
  barChart($('chart-segment-country'), (bd[`by_${place}`] || []).map((c) => ({ label: c.name, value: c.size })), { label: `Segment by ${place}`, format: fmtInt, height: 180 });
  donutChart($('chart-segment-tier'), (bd.by_value_tier || []).map((t) => ({ label: `${t.name} value`, value: t.size, color: TIER_COLORS[t.name] })), { label: 'Segment by value tier', format: fmtInt, centerLabel: fmtInt(p.size) });
  $('samples').replaceChildren(
    h('tr', {}, h('th', {}, 'Customer'), h('th', {}, 'Name'), h('th', {}, 'E-mail'), h('th', {}, capitalize(PLACE_LEVELS.at(-1)?.name ?? 'city')), h('th', { class: 'num' }, VALUE_LABEL)),
    ...(p.sample_profiles || []).map((s) => h('tr', {}, h('td', {}, s.customer_id), h('td', {}, s.first_name ?? '–'), h('td', {}, s.email ?? '–'),
      h('td', {}, placeOf(s)), h('td', { class: 'num' }, fmtNum(s[VALUE_ATTRIBUTE], 3)))));
}

// Chips: every condition of the audience, editable and removable --------------------------------------------------
function renderChips() {
  if (!state.analysis) return;
  const chips = [];
  const aiFilters = state.lastPreview?.preview?.filters?.filter((f) => f.provenance === 'ai') ?? state.analysis.segment_preview.filters;
  for (const f of aiFilters) {
    const spec = AI_FIELDS[f.key];
    chips.push(chip('ai', f.key, f.description, spec?.edit ? () => editAi(f.key, spec) : null, spec ? () => change(() => removeAi(f.key, spec)) : null));
  }
  if (state.trigger) {
    chips.push(chip('trigger', state.trigger, `${humanize(state.trigger)}: ${TRIGGER_FILTERS[state.trigger] ?? ''}`,
      () => $('triggers').querySelector(`tr[data-trigger='${state.trigger}'] input`)?.focus(),
      () => change(() => { state.trigger = null; markTrigger(); })));
  }
  for (const [key, value] of Object.entries(state.filters)) {
    chips.push(chip('user', key, `${humanize(key)}: ${key === 'cart_value_min' ? fmtMoney(value) : value}`,
      () => $(USER_FIELDS[key])?.focus(),
      () => change(() => { delete state.filters[key]; if (key === 'location_country') delete state.filters.location_city; })));
  }
  $('audience-chips').replaceChildren(...(chips.length ? chips : [h('span', { class: 'muted' }, 'No conditions: every customer is in the audience.')]));
  $('undo').disabled = state.history.length === 0;
}

// Clears the objective fields a filter came from; products that only the viewed filter carried go with it.
function removeAi(key, spec) {
  for (const p of spec.clear) setPath(state.coo, p, null);
  if (key === 'viewed_within_days' && getPath(state.coo, 'audience.behavior.purchased_within_days') == null) {
    setPath(state.coo, 'audience.categories', null);
    setPath(state.coo, 'audience.product_types', null);
  }
}

function chip(provenance, key, text, onEdit, onRemove) {
  return h('span', { class: `condition ${provenance}`, 'data-chip': `${provenance}:${key}` },
    h('span', { class: PROVENANCE_CLASS[provenance] }, PROVENANCE_LABEL[provenance]), ' ', h('span', { class: 'text' }, text),
    onEdit ? h('button', { type: 'button', class: 'icon', 'data-action': 'edit', 'aria-label': `Edit ${text}`, onclick: onEdit }, '✎') : null,
    onRemove ? h('button', { type: 'button', class: 'icon', 'data-action': 'remove', 'aria-label': `Remove ${text}`, onclick: onRemove }, '×') : null);
}

function editAi(key, spec) {
  const host = $('audience-chips').querySelector(`[data-chip='ai:${key}']`);
  const input = h('input', { type: 'number', min: spec.min, max: spec.max, step: spec.step, value: getPath(state.coo, spec.edit) ?? '', 'aria-label': spec.label, 'data-edit': key });
  const error = h('span', { class: 'error', role: 'alert' });
  const apply = () => {
    const v = Number(input.value);
    if (input.value === '' || Number.isNaN(v) || v < spec.min || v > spec.max) {
      error.textContent = `${spec.label} must be from ${spec.min} to ${spec.max}.`;
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    change(() => setPath(state.coo, spec.edit, v));
  };
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); apply(); } if (e.key === 'Escape') renderChips(); });
  host.replaceChildren(h('label', { class: 'inline' }, spec.label, input), h('button', { type: 'button', class: 'secondary', 'data-action': 'apply', onclick: apply }, 'Apply'), error);
  input.focus();
}

async function undo() {
  const previous = state.history.pop();
  if (!previous) return;
  state.coo = previous.coo; state.trigger = previous.trigger; state.filters = previous.filters;
  state.draftKey = null;
  markStale(); writeUrl(true); syncForm(); markTrigger(); renderChips();
  await refresh();
}

async function reset() {
  if (!state.analysis) return;
  await change(() => {
    state.coo = clone(state.analysis.campaign_objective_object);
    state.filters = {};
    state.trigger = preselectTrigger();
    markTrigger();
  });
}

// Step 3 --------------------------------------------------------------------------------------------------------
function renderTriggers() {
  const suggestions = state.analysis.trigger_suggestions || [];
  $('triggers').replaceChildren(
    h('tr', {}, h('th', {}, '#'), h('th', {}, 'Trigger'), h('th', { class: 'num' }, 'Predicted uplift'), h('th', { class: 'num' }, 'Incremental conversions'),
      h('th', { class: 'num' }, 'Incremental revenue'), h('th', { class: 'num' }, 'Size after trigger'), h('th', {}, 'Adds the filter'), h('th', {}, 'Why')),
    ...suggestions.map((s, i) => h('tr', { 'data-trigger': s.trigger, onclick: () => selectTrigger(s.trigger) },
      h('td', {}, String(i + 1)),
      h('td', {}, h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'trigger', value: s.trigger }), humanize(s.trigger))),
      h('td', { class: 'num' }, fmtPct(s.predicted_uplift, 2)),
      h('td', { class: 'num' }, fmtNum(s.expected_incremental_conversions, 1)),
      h('td', { class: 'num' }, fmtMoney(s.expected_incremental_revenue)),
      h('td', { class: 'num' }, fmtInt(s.segment_size_after_trigger)),
      h('td', {}, TRIGGER_FILTERS[s.trigger] ?? '–'),
      h('td', { class: 'why' }, s.rationale))));
  if (suggestions.length === 0) $('triggers').append(h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'No trigger ranking is available for this store.')));
}

function markTrigger() {
  for (const row of $('triggers').querySelectorAll('tr[data-trigger]')) {
    const selected = row.dataset.trigger === state.trigger;
    row.classList.toggle('selected', selected);
    row.querySelector('input').checked = selected;
  }
}

async function selectTrigger(trigger) {
  if (trigger === state.trigger) return;
  await change(() => { state.trigger = trigger; markTrigger(); });
}

// Step 4 --------------------------------------------------------------------------------------------------------
function fillCities() {
  const country = $('f-country').value;
  const cities = country ? COUNTRIES[country] : Object.values(COUNTRIES).flat();
  const current = $('f-city').value;
  $('f-city').replaceChildren(h('option', { value: '' }, country ? `any in ${country}` : 'any'), ...cities.map((c) => h('option', { value: c }, c)));
  $('f-city').value = cities.includes(current) ? current : '';
}

function setupStep4() {
  $('f-country').append(...Object.keys(COUNTRIES).map((c) => h('option', { value: c }, c)));
  fillCities();
  $('f-category').append(...CATEGORIES.map((c) => h('option', { value: c }, c)));
  let timer = null;
  $('refine-form').addEventListener('input', (event) => {
    if (event.target.id === 'f-country') fillCities();
    clearTimeout(timer);
    timer = setTimeout(readFiltersAndRefresh, 250);
  });
  $('refine-form').addEventListener('submit', (event) => event.preventDefault());
  $('activate').addEventListener('click', openConfirmation);
  $('undo').addEventListener('click', undo);
  $('reset').addEventListener('click', reset);
  $('confirm-cancel').addEventListener('click', () => $('confirm-dialog').close());
  $('alloc-on').addEventListener('change', () => { $('alloc-panel').hidden = !$('alloc-on').checked; if ($('alloc-on').checked) loadAllocation(); });
  $('alloc-form').addEventListener('submit', (e) => { e.preventDefault(); loadAllocation(); });
  $('alloc-budget').addEventListener('change', loadAllocation);
  $('design-form').addEventListener('submit', (e) => { e.preventDefault(); loadDesign(); });
  $('design-holdout').addEventListener('change', loadDesign);
  $('confirm-form').addEventListener('submit', (event) => { event.preventDefault(); activate(); });
  $('confirm-ack').addEventListener('change', () => { $('confirm-activate').disabled = !$('confirm-ack').checked && !$('confirm-ack-row').hidden; });
  api('api/v1/segments/activation-policy').then((p) => { state.policy = p; }).catch(() => { state.policy = null; });
}

// Client-side checks with the words next to the field; only valid values reach the API.
function readFiltersAndRefresh() {
  const filters = {};
  let valid = true;
  for (const el of $('refine-form').elements) {
    if (!el.name) continue;
    const message = el.closest('label')?.querySelector('.field-error');
    let problem = '';
    if (el.type === 'number' && el.value !== '') {
      const v = Number(el.value);
      if (Number.isNaN(v) || (el.min !== '' && v < Number(el.min)) || (el.max !== '' && v > Number(el.max))) {
        problem = FIELD_WORDS[`new_filters.${el.name}`] || 'Enter a valid number.';
      }
    }
    if (message) message.textContent = problem;
    el.toggleAttribute('aria-invalid', Boolean(problem));
    if (problem) { valid = false; continue; }
    if (el.value === '') continue;
    filters[el.name] = el.type === 'number' ? Number(el.value) : el.value;
  }
  if (!valid) return;
  if (JSON.stringify(filters) === JSON.stringify(state.filters)) return;
  change(() => { state.filters = filters; });
}

function syncForm() {
  $('f-country').value = state.filters.location_country ?? '';
  fillCities();
  $('f-city').value = state.filters.location_city ?? '';
  $('f-clv').value = state.filters.clv_min ?? '';
  $('f-cart').value = state.filters.cart_value_min ?? '';
  $('f-category').value = state.filters.category ?? '';
}

async function refresh() {
  if (!state.analysis) return;
  const seq = ++state.previewSeq;
  try {
    const result = await api('api/v1/segments/preview-filters', {
      method: 'POST',
      body: { campaign_objective_object: state.coo, new_filters: state.filters, trigger: state.trigger },
    });
    if (seq !== state.previewSeq) return; // a newer preview is on its way
    state.lastPreview = result;
    showError('error-4', null);
    renderTriggerCompare(result);
    renderRefinement(result);
    renderChips();
    if ($('alloc-on').checked) loadAllocation();
    document.body.dataset.preview = String(seq);
  } catch (error) {
    if (seq === state.previewSeq) {
      const field = error.field ? USER_FIELDS[error.field.replace('new_filters.', '')] : null;
      showError('error-4', error);
      if (field) $(field).setAttribute('aria-invalid', 'true');
    }
  }
}

// Step 3 option: the best trigger per customer under a budget (POST /api/v1/segments/allocate over the audience as it
// stands). Every figure is the allocation's own number; the curve is its profit-vs-budget curve.
let allocSeq = 0;
async function loadAllocation() {
  if (!state.analysis) return;
  const raw = $('alloc-budget').value.trim();
  const budget = raw === '' ? undefined : Number(raw);
  $('alloc-budget-error').textContent = '';
  $('alloc-budget').removeAttribute('aria-invalid');
  if (budget !== undefined && !(budget > 0)) {
    $('alloc-budget-error').textContent = 'A budget above $0, or empty for none.';
    $('alloc-budget').setAttribute('aria-invalid', 'true');
    return;
  }
  const mine = ++allocSeq;
  $('alloc-status').textContent = 'Scoring every customer for every trigger…';
  showError('alloc-error', null);
  try {
    const run = await api('api/v1/segments/allocate', {
      method: 'POST',
      body: { campaign_objective_object: state.coo, additional_filters: state.filters, budget, curve_points: 10 },
    });
    if (mine !== allocSeq) return;
    renderAllocation(run);
    $('alloc-status').textContent = '';
  } catch (error) {
    if (mine !== allocSeq) return;
    $('alloc-status').textContent = '';
    for (const id of ['alloc-metrics', 'alloc-triggers', 'chart-profit-curve-svg', 'alloc-warnings']) $(id).replaceChildren();
    if (error.field === 'budget') $('alloc-budget').setAttribute('aria-invalid', 'true');
    showError('alloc-error', error);
  }
  document.body.dataset.allocation = String(mine);
}

function renderAllocation(run) {
  const range = (e, fmt) => (e.low === null || e.low === undefined ? null : `interval ${fmt(e.low)} to ${fmt(e.high)}`);
  const one = (v) => fmtNum(v, 1);
  $('alloc-metrics').replaceChildren(
    metric('Customers sent a trigger', fmtInt(run.assigned), `of ${fmtInt(run.members)} scored`, 'alloc_assigned'),
    metric('Budget', run.budget === null || run.budget === undefined ? 'none' : fmtMoney(run.budget), null, 'alloc_budget'),
    metric('Spend', fmtMoney(run.spend), 'sends plus incentives on incremental conversions', 'alloc_spend'),
    metric('Incremental conversions', one(run.expected_incremental_conversions.value), range(run.expected_incremental_conversions, one), 'alloc_conversions'),
    metric('Incremental revenue', fmtMoney(run.expected_incremental_revenue.value), range(run.expected_incremental_revenue, fmtMoney), 'alloc_revenue'),
    metric('Incremental profit', fmtMoney(run.expected_incremental_profit.value), range(run.expected_incremental_profit, fmtMoney), 'alloc_profit'));
  $('alloc-triggers').replaceChildren(
    h('tr', {}, h('th', {}, 'Trigger'), h('th', { class: 'num' }, 'Customers'), h('th', { class: 'num' }, 'Incremental conversions'),
      h('th', { class: 'num' }, 'Incremental revenue'), h('th', { class: 'num' }, 'Incremental profit'), h('th', { class: 'num' }, 'Spend')),
    ...run.triggers.map((t) => h('tr', { 'data-alloc-trigger': t.trigger },
      h('td', {}, humanize(t.trigger)), h('td', { class: 'num' }, fmtInt(t.members)),
      h('td', { class: 'num' }, one(t.expected_incremental_conversions.value)), h('td', { class: 'num' }, fmtMoney(t.expected_incremental_revenue.value)),
      h('td', { class: 'num' }, fmtMoney(t.expected_incremental_profit.value)), h('td', { class: 'num' }, fmtMoney(t.spend)))));
  xyChart($('chart-profit-curve-svg'), run.profit_curve.map((p) => ({ x: p.budget, y: p.expected_incremental_profit })), {
    label: 'Expected incremental profit against budget; the marked point is this plan',
    formatX: fmtMoney, formatY: fmtMoney,
    marker: { x: run.budget ?? run.spend, y: run.expected_incremental_profit.value, label: `this plan: ${fmtMoney(run.expected_incremental_profit.value)} profit for ${fmtMoney(run.spend)} spent` },
  });
  $('alloc-warnings').replaceChildren(...(run.warnings || []).map((w) => h('li', {}, w)));
}

function renderTriggerCompare(result) {
  // Every number here comes from this one answer: sizes before/after the trigger filter and the trigger's estimate
  // over exactly the audience shown.
  const estimate = result.trigger_estimate;
  const p = result.preview;
  const afterTrigger = state.trigger ? result.before.size : p.total_customers;
  const aiStep = p.waterfall.filter((s) => s.provenance === 'ai').at(-1);
  $('trigger-compare').replaceChildren(
    metric('Before: eligible', fmtInt(aiStep ? aiStep.size : p.total_customers), 'after the interpretation', 'trigger_before'),
    metric(state.trigger ? `After: ${humanize(state.trigger)}` : 'No trigger', fmtInt(afterTrigger), state.trigger ? `adds: ${TRIGGER_FILTERS[state.trigger] ?? ''}` : 'no trigger filter', 'trigger_after'),
    metric('Predicted uplift', estimate ? fmtPct(estimate.predicted_uplift, 2) : '–', `over the ${fmtInt(result.after.size)} customers in the audience`, 'trigger_uplift'),
    metric('Incremental conversions', estimate ? fmtNum(estimate.expected_incremental_conversions, 1) : '–', estimate ? `${fmtMoney(estimate.expected_incremental_revenue)} revenue` : null, 'trigger_conversions'));
}

function renderRefinement(result) {
  const pct = result.size_change_pct;
  $('refine-compare').replaceChildren(
    metric('Before refinement', fmtInt(result.before.size), `avg CLV ${fmtNum(result.before.avg_clv, 3)}`, 'refine_before'),
    metric('After refinement', fmtInt(result.after.size), `avg CLV ${fmtNum(result.after.avg_clv, 3)}`, 'refine_after'),
    metric('Change', `${result.size_change >= 0 ? '+' : ''}${fmtInt(result.size_change)}`, pct === null || pct === undefined ? null : `${pct}%`, 'refine_change'));
  const p = result.preview;
  const colors = { ai: '#2f6f62', trigger: '#b06f1c', user: '#4a6fa5' };
  horizontalBarChart($('chart-waterfall'), [
    { label: 'All customers', value: p.total_customers, color: '#6b7785' },
    ...p.waterfall.map((s) => ({ label: s.description, value: s.size, color: colors[s.provenance] })),
  ], { label: 'Attrition waterfall', format: fmtInt, labelWidth: window.innerWidth < 600 ? 150 : 360 });
}

// Step 5 --------------------------------------------------------------------------------------------------------
function warnings(result) {
  const list = [];
  const size = result.after.size;
  const total = result.preview.total_customers;
  const tiny = state.policy?.tiny_segment_size ?? 50;
  if (size === 0) list.push('The segment is empty: nobody would receive the campaign.');
  else if (size < tiny) list.push(`The segment is tiny (${fmtInt(size)} customers, under ${fmtInt(tiny)}): results will be noisy and individuals easier to single out.`);
  if (total > 0 && size === total) list.push('The segment is the whole customer base: no condition narrows it.');
  const confidence = state.coo?.confidence ?? 1;
  if (confidence < (state.policy?.low_confidence_below ?? 0.5)) list.push(`The interpretation is uncertain (confidence ${fmtNum(confidence, 2)}): check every condition above.`);
  return list;
}

function openConfirmation() {
  const name = $('segment-name').value.trim();
  $('name-error').textContent = '';
  $('segment-name').removeAttribute('aria-invalid');
  if (name.length === 0 || name.length > 120) {
    $('name-error').textContent = FIELD_WORDS.name;
    $('segment-name').setAttribute('aria-invalid', 'true');
    $('segment-name').focus();
    return;
  }
  const result = state.lastPreview;
  if (!result) return;
  const columns = state.policy?.exported_columns ?? ['customer_id', 'first_name', 'last_name', 'email', 'country', 'city', 'clv_score'];
  const personal = (state.policy?.personal_columns ?? ['first_name', 'last_name', 'email']).filter((c) => columns.includes(c));
  const list = warnings(result);
  $('confirm-summary').replaceChildren(
    h('li', {}, h('strong', {}, 'Name: '), name),
    h('li', { 'data-summary': 'size' }, h('strong', {}, 'Customers: '), fmtInt(result.after.size), ` of ${fmtInt(result.preview.total_customers)}`),
    h('li', {}, h('strong', {}, 'Trigger: '), state.trigger ? humanize(state.trigger) : 'none'),
    h('li', {}, h('strong', {}, 'Predicted uplift: '), result.trigger_estimate ? `${fmtPct(result.trigger_estimate.predicted_uplift, 2)} (${fmtNum(result.trigger_estimate.expected_incremental_conversions, 1)} extra conversions)` : '–'),
    h('li', {}, h('strong', {}, 'Exported columns: '), columns.join(', ')),
    h('li', { 'data-summary': 'personal' }, h('strong', {}, 'Personal data: '), personal.length ? `yes (${personal.join(', ')})` : 'no'));
  $('confirm-warnings').replaceChildren(...list.map((w) => h('li', {}, w)));
  $('confirm-warnings').hidden = list.length === 0;
  $('confirm-ack-row').hidden = list.length === 0;
  $('confirm-ack').checked = false;
  $('confirm-activate').disabled = list.length > 0;
  document.body.dataset.warnings = String(list.length);
  $('confirm-dialog').showModal();
}

async function activate() {
  $('confirm-activate').disabled = true;
  showError('error-5', null);
  // One key per audience draft: a double click or a retry returns the same segment instead of making two.
  state.draftKey = state.draftKey ?? (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
  try {
    state.segment = await api('api/v1/segments/create', {
      method: 'POST',
      headers: { ...apiKeyHeaders(), 'Idempotency-Key': state.draftKey },
      body: {
        campaign_objective: state.coo, override_trigger: state.trigger ?? 'none', additional_filters: state.filters, name: $('segment-name').value.trim(),
        holdout: $('holdout-on').checked ? Number($('holdout-share').value) / 100 : undefined,
      },
    });
    state.last = JSON.stringify(snapshot());
    $('confirm-dialog').close();
    writeUrl(true);
    renderActivation(true);
  } catch (error) {
    $('confirm-dialog').close();
    $('step-5').hidden = false;
    if (error instanceof ApiError && error.status === 401) askForKey();
    showError('error-5', error);
  } finally {
    $('confirm-activate').disabled = false;
  }
}

function markStale() {
  if (!state.segment) return;
  const stale = state.last !== JSON.stringify(snapshot());
  $('step-5').classList.toggle('stale', stale);
  $('stale-note').hidden = !stale;
  for (const id of ['export-json', 'export-csv']) $(id).disabled = stale;
  document.body.dataset.stale = String(stale);
}

function askForKey() {
  $('api-key-row').hidden = false;
  $('api-key').onchange = () => { sessionStorage.setItem('aether-api-key', $('api-key').value); };
}

function renderActivation(scroll) {
  const s = state.segment;
  $('step-5').hidden = false;
  $('activation-metrics').replaceChildren(
    metric('Segment', s.name ?? s.segment_id, `${s.segment_id} · ${new Date(s.created_at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`, 'segment_id'),
    metric('Members', fmtInt(s.size), null, 'segment_size'),
    metric('Average CLV', fmtNum(s.avg_clv, 3), null, 'segment_avg_clv'),
    metric('Trigger', humanize(s.trigger), null, 'segment_trigger'));
  $('activation-metrics').querySelector('[data-metric="segment_id"]').dataset.segmentId = s.segment_id;
  $('explanation-summary').textContent = s.explanation?.summary ?? '';
  $('explanation-filters').replaceChildren(...(s.explanation?.filters || []).map((f) =>
    h('li', {}, h('span', { class: PROVENANCE_CLASS[f.provenance] || 'badge' }, PROVENANCE_LABEL[f.provenance] ?? f.provenance), ' ', h('strong', {}, f.description), ': ', f.reason)));
  $('explanation-trigger').textContent = s.explanation?.trigger_rationale ?? '';
  const link = new URL(`api/v1/segments/${encodeURIComponent(s.segment_id)}`, location.href).toString();
  $('api-link').value = link;
  $('export-json').onclick = () => download('json');
  $('export-csv').onclick = () => download('csv');
  markStale();
  if (s.holdout?.share) $('design-holdout').value = String(Math.round(s.holdout.share * 100));
  loadDesign();
  document.body.dataset.step = 'activated';
  if (scroll) $('step-5').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

// Step 5: the experiment design (GET .../experiment/design): every figure is the design's own number.
let designSeq = 0;
async function loadDesign() {
  const s = state.segment;
  if (!s) return;
  const share = Number($('design-holdout').value);
  $('design-holdout-error').textContent = '';
  $('design-holdout').removeAttribute('aria-invalid');
  if (!Number.isFinite(share) || share < 1 || share > 50) {
    $('design-holdout-error').textContent = 'A holdout share from 1% to 50%.';
    $('design-holdout').setAttribute('aria-invalid', 'true');
    return;
  }
  const mine = ++designSeq;
  if (!s.trigger) {
    // No trigger, no predicted effect to detect: say so instead of asking the API for a design it refuses.
    $('design-statement').textContent = 'This segment sends no trigger, so there is no predicted effect to design an experiment for.';
    $('design-metrics').replaceChildren();
    $('design-sources').textContent = '';
    document.body.dataset.design = String(mine);
    return;
  }
  $('design-status').textContent = 'Computing the power…';
  showError('design-error', null);
  try {
    const d = await api(`api/v1/segments/${encodeURIComponent(s.segment_id)}/experiment/design?holdout=${share / 100}`, { headers: apiKeyHeaders() });
    if (mine !== designSeq) return;
    renderDesign(d);
    $('design-status').textContent = '';
  } catch (error) {
    if (mine !== designSeq) return;
    $('design-status').textContent = '';
    $('design-statement').textContent = '';
    $('design-metrics').replaceChildren();
    $('design-sources').textContent = '';
    if (error instanceof ApiError && error.status === 401) askForKey();
    showError('design-error', error);
  }
  document.body.dataset.design = String(mine);
}

function renderDesign(d) {
  const pp = (v) => `${(Number(v) * 100).toFixed(2)} pp`;
  $('design-statement').textContent = d.statement;
  $('design-statement').className = d.detectable ? '' : 'notice';
  $('design-metrics').replaceChildren(
    metric('Holdout share', fmtPct(d.holdout_share, 0), `${fmtInt(d.treated)} treated, ${fmtInt(d.holdout)} held out`, 'design_holdout_share'),
    metric('Baseline conversion rate', fmtPct(d.baseline_rate, 2), null, 'design_baseline'),
    metric('Predicted uplift', pp(d.predicted_uplift), null, 'design_predicted_uplift'),
    metric('Power', fmtPct(d.power, 0), 'to detect the predicted uplift (two-sided, 5%)', 'design_power'),
    metric('Detectable at 80% power', pp(d.mde_at_80), d.mde_relative_at_80 === null || d.mde_relative_at_80 === undefined ? null : `${fmtPct(d.mde_relative_at_80, 0)} of the baseline`, 'design_mde'),
    metric('Holdout share needed', d.required_holdout_share === null || d.required_holdout_share === undefined ? 'none up to 50%' : fmtPct(d.required_holdout_share, 0),
      d.required_members ? `${fmtInt(d.required_members)} members at this share${d.required_days ? `, about ${fmtNum(d.required_days, 0)} days of sends` : ''}` : null, 'design_required_share'));
  $('design-sources').textContent = `Baseline: ${d.baseline_source}. Predicted uplift: ${d.predicted_uplift_source}.`;
}

async function download(format) {
  showError('error-5', null);
  const response = await fetch(`api/v1/segments/${encodeURIComponent(state.segment.segment_id)}/export?format=${format}`, { headers: apiKeyHeaders() });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    if (response.status === 401) askForKey();
    showError('error-5', new ApiError(response.status, problem));
    return;
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `segment.${format}`;
  const blob = await response.blob();
  const a = h('a', { href: URL.createObjectURL(blob), download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
}

// Fills the lists from the profile; a filter the profile cannot serve (no carts, no second place level) is hidden.
function applyProfile(profile) {
  const [first, second] = profile.place_levels;
  PLACE_LEVELS.push(...profile.place_levels.map((l) => ({ name: l.name, attribute: l.attribute ?? l.name })));
  if (profile.value_score) { VALUE_ATTRIBUTE = profile.value_score.name; VALUE_LABEL = capitalize(profile.value_score.label); }
  if (first) $('segment-place-title').textContent = `By ${first.name}`;
  for (const v of first?.values ?? []) COUNTRIES[v.name] = [];
  for (const v of second?.values ?? []) (COUNTRIES[v.parent] ??= []).push(v.name);
  CATEGORIES.push(...(profile.taxonomy_levels[0]?.values ?? []).map((v) => v.name));
  exampleObjectives.push(...profile.examples.objectives);
  for (const t of profile.triggers) TRIGGER_FILTERS[t.id] = t.eligibility ?? t.description;
  const label = (id, text) => { const node = $(id).closest('label').firstChild; node.textContent = `${text} `; };
  const show = (id, key) => { $(id).closest('label').hidden = !profile.refinement_keys.includes(key); };
  if (first) label('f-country', capitalize(first.name));
  if (second) label('f-city', capitalize(second.name));
  if (profile.taxonomy_levels[0]) label('f-category', capitalize(profile.taxonomy_levels[0].name));
  if (profile.value_score) label('f-clv', `Minimum ${profile.value_score.label}`);
  if (profile.value_score?.high > 1) {
    // A value score in money, not on 0..1: no upper bound, a hint at the high tier's threshold.
    $('f-clv').removeAttribute('max');
    $('f-clv').step = 'any';
    $('f-clv').placeholder = `e.g. ${profile.value_score.high}`;
  }
  $('f-country').closest('label').hidden = !first || first.refinement_key !== 'location_country';
  $('f-city').closest('label').hidden = !second || second.refinement_key !== 'location_city';
  show('f-clv', 'clv_min');
  show('f-cart', 'cart_value_min');
  show('f-category', 'category');
}

loadProfile().then(applyProfile).catch(() => { /* the lists stay empty: the workflow still runs */ }).finally(() => {
  setupStep4();
  setupStep1();
});

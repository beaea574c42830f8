// The five-step campaign segmentation workflow: objective -> interpretation and eligible segment -> ranked triggers
// -> refinement with live preview and attrition waterfall -> activation with explanation and export.
import { api, ApiError, fmtInt, fmtNum, fmtPct, fmtMoney, humanize, h } from './api.js';
import { barChart, donutChart, horizontalBarChart } from './charts.js';
import { exampleObjectives } from './examples.js';

const $ = (id) => document.getElementById(id);
const state = { analysis: null, trigger: null, filters: {}, segment: null, previewSeq: 0 };
const COUNTRIES = { 'United States': ['New York', 'Los Angeles', 'Chicago', 'Houston', 'Phoenix', 'Seattle'], 'United Kingdom': ['London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow'], Canada: ['Toronto', 'Vancouver', 'Montreal', 'Calgary', 'Ottawa'], Australia: ['Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide'] };
const CATEGORIES = ['Living Room', 'Bedroom', 'Kitchen & Dining', 'Office', 'Storage & Organization', 'Bathroom', 'Outdoor', 'Lighting', 'Textiles', 'Decoration'];
const PROVENANCE_CLASS = { ai: 'badge', trigger: 'badge trigger', user: 'badge user' };

function showError(id, error) {
  const el = $(id);
  el.hidden = !error;
  el.textContent = error ? (error.field ? `${error.message} (field: ${error.field})` : error.message) : '';
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

// Step 1 --------------------------------------------------------------------------------------------------------
function setupStep1() {
  $('examples').replaceChildren(...exampleObjectives.map((e) => h('button', {
    type: 'button', class: 'chip', title: e.text,
    onclick: () => { $('objective').value = e.text; analyze(); },
  }, e.title)));
  $('objective-form').addEventListener('submit', (event) => { event.preventDefault(); analyze(); });
  const fromLink = new URLSearchParams(location.search).get('objective');
  if (fromLink) {
    $('objective').value = fromLink;
    analyze();
  }
}

async function analyze() {
  const objective = $('objective').value;
  $('analyze').disabled = true;
  $('analyze-status').textContent = 'Interpreting and sizing the segment…';
  showError('error-1', null);
  try {
    state.analysis = await api('api/v1/campaigns/analyze', { method: 'POST', body: { objective } });
    state.filters = {};
    $('refine-form').reset();
    state.segment = null;
    for (const id of ['step-2', 'step-3', 'step-4']) $(id).hidden = false;
    $('step-5').hidden = true;
    renderInterpretation();
    renderTriggers();
    await selectTrigger(state.analysis.trigger_suggestions[0]?.trigger ?? state.analysis.campaign_objective_object.suggested_trigger ?? null);
    $('analyze-status').textContent = '';
    document.body.dataset.step = 'analyzed';
  } catch (error) {
    showError('error-1', error);
    $('analyze-status').textContent = '';
  } finally {
    $('analyze').disabled = false;
  }
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
    ['min_cart_value', 'Minimum cart value', b.min_cart_value ?? '–'],
    ['incentive', 'Incentive', o.incentive.type ? `${humanize(o.incentive.type)}${o.incentive.value !== null && o.incentive.value !== undefined ? ` (${o.incentive.value})` : ''}` : '–'],
    ['kpi', 'KPI', o.kpi.metric ? `${humanize(o.kpi.metric)}${o.kpi.target_change_pct !== null && o.kpi.target_change_pct !== undefined ? ` +${o.kpi.target_change_pct}%` : ''}` : '–'],
    ['suggested_trigger', 'Suggested trigger', humanize(o.suggested_trigger)],
    ['interpreter', 'Interpreter', `${o.interpreter} · confidence ${fmtNum(o.confidence, 2)}`],
  ];
  $('interpretation').replaceChildren(
    ...fields.map(([key, label, value]) => h('div', { class: 'field', 'data-field': key }, h('div', { class: 'k' }, label), h('div', { class: 'v' }, String(value)))),
    ...(o.warnings || []).map((w) => h('div', { class: 'field error' }, w)));

  const p = state.analysis.segment_preview;
  $('segment-metrics').replaceChildren(
    metric('Eligible customers', fmtInt(p.size), `of ${fmtInt(p.total_customers)} customers`, 'size'),
    metric('Average CLV', fmtNum(p.avg_clv, 3), null, 'avg_clv'),
    metric('Average cart value', p.avg_cart_value === null || p.avg_cart_value === undefined ? '–' : fmtMoney(p.avg_cart_value), null, 'avg_cart_value'),
    metric('Predicted uplift', p.predicted_uplift === null || p.predicted_uplift === undefined ? '–' : fmtPct(p.predicted_uplift),
      p.trigger ? `with ${humanize(p.trigger)} (the suggested trigger), conversion points` : 'conversion points', 'predicted_uplift'));
  $('segment-filters').replaceChildren(...(p.filters.length ? p.filters : [{ description: 'No filters: every customer is eligible', provenance: 'ai' }])
    .map((f) => h('li', {}, h('span', { class: PROVENANCE_CLASS[f.provenance] || 'badge' }, f.provenance), ' ', f.description)));
  const bd = p.breakdowns || {};
  barChart($('chart-segment-country'), (bd.by_country || []).map((c) => ({ label: c.name, value: c.size })), { label: 'Segment by country', format: fmtInt, height: 180 });
  donutChart($('chart-segment-tier'), (bd.by_value_tier || []).map((t) => ({ label: t.name, value: t.size })), { label: 'Segment by value tier', format: fmtInt, centerLabel: fmtInt(p.size) });
  $('samples').replaceChildren(
    h('tr', {}, h('th', {}, 'Customer'), h('th', {}, 'Name'), h('th', {}, 'E-mail'), h('th', {}, 'City'), h('th', { class: 'num' }, 'CLV')),
    ...(p.sample_profiles || []).map((s) => h('tr', {}, h('td', {}, s.customer_id), h('td', {}, s.first_name), h('td', {}, s.email), h('td', {}, `${s.city}, ${s.country}`), h('td', { class: 'num' }, fmtNum(s.clv_score, 3)))));
}

// Step 3 --------------------------------------------------------------------------------------------------------
function renderTriggers() {
  const suggestions = state.analysis.trigger_suggestions || [];
  $('triggers').replaceChildren(
    h('tr', {}, h('th', {}, '#'), h('th', {}, 'Trigger'), h('th', { class: 'num' }, 'Predicted uplift'), h('th', { class: 'num' }, 'Incremental conversions'),
      h('th', { class: 'num' }, 'Incremental revenue'), h('th', { class: 'num' }, 'Size after trigger'), h('th', {}, 'Why')),
    ...suggestions.map((s, i) => h('tr', { 'data-trigger': s.trigger, onclick: () => selectTrigger(s.trigger), style: 'cursor:pointer' },
      h('td', {}, String(i + 1)),
      h('td', {}, h('label', { style: 'flex-direction:row;gap:0.4rem;color:inherit' }, h('input', { type: 'radio', name: 'trigger', value: s.trigger }), humanize(s.trigger))),
      h('td', { class: 'num' }, fmtPct(s.predicted_uplift, 2)),
      h('td', { class: 'num' }, fmtNum(s.expected_incremental_conversions, 1)),
      h('td', { class: 'num' }, fmtMoney(s.expected_incremental_revenue)),
      h('td', { class: 'num' }, fmtInt(s.segment_size_after_trigger)),
      h('td', {}, s.rationale))));
  if (suggestions.length === 0) $('triggers').append(h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No trigger ranking is available for this store.')));
}

async function selectTrigger(trigger) {
  state.trigger = trigger;
  for (const row of $('triggers').querySelectorAll('tr[data-trigger]')) {
    const selected = row.dataset.trigger === trigger;
    row.classList.toggle('selected', selected);
    row.querySelector('input').checked = selected;
  }
  await refresh();
}

// Step 4 --------------------------------------------------------------------------------------------------------
function setupStep4() {
  $('f-country').append(...Object.keys(COUNTRIES).map((c) => h('option', { value: c }, c)));
  $('f-city').append(...Object.values(COUNTRIES).flat().map((c) => h('option', { value: c }, c)));
  $('f-category').append(...CATEGORIES.map((c) => h('option', { value: c }, c)));
  let timer = null;
  $('refine-form').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(readFiltersAndRefresh, 250); });
  $('refine-form').addEventListener('submit', (event) => event.preventDefault());
  $('activate').addEventListener('click', activate);
}

function readFiltersAndRefresh() {
  const filters = {};
  for (const el of $('refine-form').elements) {
    if (!el.name || el.value === '') continue;
    filters[el.name] = el.type === 'number' ? Number(el.value) : el.value;
  }
  state.filters = filters;
  refresh();
}

async function refresh() {
  if (!state.analysis) return;
  const seq = ++state.previewSeq;
  try {
    const result = await api('api/v1/segments/preview-filters', {
      method: 'POST',
      body: { campaign_objective_object: state.analysis.campaign_objective_object, new_filters: state.filters, trigger: state.trigger },
    });
    if (seq !== state.previewSeq) return; // a newer preview is on its way
    showError('error-4', null);
    renderTriggerCompare(result);
    renderRefinement(result);
    document.body.dataset.preview = String(seq);
  } catch (error) {
    if (seq === state.previewSeq) showError('error-4', error);
  }
}

function renderTriggerCompare(result) {
  const before = state.analysis.segment_preview;
  // Uplift and conversions come from the same answer as the sizes: the chosen trigger over the audience shown.
  const suggestion = result.trigger_estimate;
  $('trigger-compare').replaceChildren(
    metric('Before: eligible', fmtInt(before.size), `avg CLV ${fmtNum(before.avg_clv, 3)}`, 'trigger_before'),
    metric(`After: ${humanize(state.trigger)}`, fmtInt(result.before.size), `avg CLV ${fmtNum(result.before.avg_clv, 3)}`, 'trigger_after'),
    metric('Predicted uplift', suggestion ? fmtPct(suggestion.predicted_uplift, 2) : '–', `over the ${fmtInt(result.after.size)} customers after refinement`, 'trigger_uplift'),
    metric('Incremental conversions', suggestion ? fmtNum(suggestion.expected_incremental_conversions, 1) : '–', null, 'trigger_conversions'));
}

function renderRefinement(result) {
  const pct = result.size_change_pct;
  $('refine-compare').replaceChildren(
    metric('Before refinement', fmtInt(result.before.size), `avg CLV ${fmtNum(result.before.avg_clv, 3)}`, 'refine_before'),
    metric('After refinement', fmtInt(result.after.size), `avg CLV ${fmtNum(result.after.avg_clv, 3)}`, 'refine_after'),
    metric('Change', `${result.size_change >= 0 ? '+' : ''}${fmtInt(result.size_change)}`, pct === null || pct === undefined ? null : `${pct}%`, 'refine_change'));
  const p = result.preview;
  const colors = { ai: '#2f6f62', trigger: '#d98e32', user: '#5b7fb8' };
  horizontalBarChart($('chart-waterfall'), [
    { label: 'All customers', value: p.total_customers, color: '#9aa5b1' },
    ...p.waterfall.map((s) => ({ label: s.description, value: s.size, color: colors[s.provenance] })),
  ], { label: 'Attrition waterfall', format: fmtInt, labelWidth: 360 });
}

// Step 5 --------------------------------------------------------------------------------------------------------
async function activate() {
  $('activate').disabled = true;
  showError('error-5', null);
  try {
    state.segment = await api('api/v1/segments/create', {
      method: 'POST',
      headers: apiKeyHeaders(),
      body: { campaign_objective: state.analysis.campaign_objective_object, override_trigger: state.trigger, additional_filters: state.filters },
    });
    renderActivation();
  } catch (error) {
    $('step-5').hidden = false;
    if (error instanceof ApiError && error.status === 401) askForKey();
    showError('error-5', error);
  } finally {
    $('activate').disabled = false;
  }
}

function askForKey() {
  $('api-key-row').hidden = false;
  $('api-key').onchange = () => { sessionStorage.setItem('aether-api-key', $('api-key').value); };
}

function renderActivation() {
  const s = state.segment;
  $('step-5').hidden = false;
  $('activation-metrics').replaceChildren(
    metric('Segment', s.segment_id, new Date(s.created_at).toLocaleString(), 'segment_id'),
    metric('Members', fmtInt(s.size), null, 'segment_size'),
    metric('Average CLV', fmtNum(s.avg_clv, 3), null, 'segment_avg_clv'),
    metric('Trigger', humanize(s.trigger), null, 'segment_trigger'));
  $('explanation-summary').textContent = s.explanation?.summary ?? '';
  $('explanation-filters').replaceChildren(...(s.explanation?.filters || []).map((f) =>
    h('li', {}, h('span', { class: PROVENANCE_CLASS[f.provenance] || 'badge' }, f.provenance), ' ', h('strong', {}, f.description), ': ', f.reason)));
  $('explanation-trigger').textContent = s.explanation?.trigger_rationale ?? '';
  const link = new URL(`api/v1/segments/${encodeURIComponent(s.segment_id)}`, location.href).toString();
  $('api-link').value = link;
  $('export-json').onclick = () => download('json');
  $('export-csv').onclick = () => download('csv');
  document.body.dataset.step = 'activated';
  $('step-5').scrollIntoView({ behavior: 'smooth', block: 'start' });
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
  const blob = await response.blob();
  const a = h('a', { href: URL.createObjectURL(blob), download: `${state.segment.segment_id}.${format}` });
  document.body.append(a);
  a.click();
  a.remove();
}

setupStep1();
setupStep4();

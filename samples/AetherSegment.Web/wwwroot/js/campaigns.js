// The Campaigns page: activated segments with a holdout and their experiment status (GET /api/v1/experiments);
// selecting one shows its report (GET .../experiment/results): per-arm rates, lift with its 95% interval,
// incremental conversions and revenue, the p-values, the cumulative lift with its always-valid band by day and the
// calibration of predicted against observed uplift by decile. Every figure is the report's own number.
import { api, fmtInt, fmtMoney, fmtNum, fmtPct, humanize, h } from './api.js';
import { bandChart, intervalChart } from './charts.js';

const $ = (id) => document.getElementById(id);
const STATUS_LABEL = { not_sent: 'not sent', running: 'running', measured: 'measured' };
let seq = 0;

function headers() {
  const key = sessionStorage.getItem('aether-api-key');
  return key ? { 'X-Api-Key': key } : {};
}

function message(error) {
  if (error.status === 401) {
    $('api-key-row').hidden = false;
    return 'This server needs an API key for experiments: enter it above.';
  }
  return error.status === 503 ? 'The data could not be read just now. Please try again in a moment.' : error.message;
}

function showError(id, error) {
  $(id).hidden = !error;
  $(id).textContent = error ? message(error) : '';
}

const when = (iso) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const interval = (i, fmt) => (i ? `${fmt(i.low)} to ${fmt(i.high)}` : '–');
const pp = (v) => (v === null || v === undefined ? '–' : `${(Number(v) * 100).toFixed(2)} pp`);

function metric(label, value, hint, id) {
  return h('div', { class: 'metric', 'data-metric': id }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value), hint ? h('div', { class: 'hint' }, hint) : null);
}

async function load() {
  try {
    const list = await api('api/v1/experiments', { headers: headers() });
    showError('error', null);
    const rows = list.experiments;
    $('status').textContent = rows.length
      ? `${fmtInt(rows.length)} experiment${rows.length === 1 ? '' : 's'}; status over a ${list.window_days}-day attribution window.`
      : 'No experiments yet: activate a segment with a holdout (API: holdout on segments/create; CLI: segment create --holdout).';
    $('experiments').replaceChildren(
      h('tr', {}, h('th', {}, 'Segment'), h('th', {}, 'Trigger'), h('th', { class: 'num' }, 'Members'), h('th', { class: 'num' }, 'Holdout'), h('th', {}, 'Activated'), h('th', {}, 'Status'), h('th', {}, 'Report')),
      ...rows.map(row));
    document.body.dataset.loaded = 'true';
  } catch (error) {
    showError('error', error);
    $('status').textContent = '';
  }
}

function row(e) {
  const label = e.name ?? e.segment_id;
  return h('tr', { 'data-segment': e.segment_id, 'data-status': e.status },
    h('td', {}, label, h('div', { class: 'muted' }, e.segment_id)),
    h('td', {}, humanize(e.trigger)),
    h('td', { class: 'num' }, fmtInt(e.size)),
    h('td', { class: 'num' }, fmtPct(e.holdout_share, 0)),
    h('td', {}, h('time', { datetime: e.created_at }, when(e.created_at))),
    h('td', {}, h('span', { class: 'badge', title: e.status_detail }, STATUS_LABEL[e.status] ?? e.status), h('div', { class: 'muted' }, e.status_detail)),
    h('td', {}, h('button', { type: 'button', class: 'secondary', 'data-action': 'report', 'aria-label': `Show the report of ${label}`, onclick: () => show(e) }, 'Show report')));
}

async function show(e) {
  const mine = ++seq;
  $('report').hidden = false;
  $('report-title').textContent = `Results: ${e.name ?? e.segment_id}`;
  $('report-status').textContent = 'Measuring…';
  showError('report-error', null);
  $('report-body').hidden = true;
  delete document.body.dataset.report;
  try {
    const report = await api(e.results_href.replace(/^\//, ''), { headers: headers() });
    if (mine !== seq) return;
    render(report);
    $('report-status').textContent = '';
    $('report-body').hidden = false;
  } catch (error) {
    if (mine !== seq) return;
    $('report-status').textContent = '';
    showError('report-error', error);
  }
  document.body.dataset.report = e.segment_id;
  $('report').scrollIntoView({ block: 'start' });
}

function render(r) {
  $('report-statement').textContent = r.statement;
  $('report-source').textContent = `Outcomes: ${r.source}.`;
  $('report-metrics').replaceChildren(
    metric('Treated conversion rate', fmtPct(r.treated.conversion_rate, 2), `${fmtInt(r.treated.conversions)} of ${fmtInt(r.treated.members)}`, 'treated_rate'),
    metric('Holdout conversion rate', fmtPct(r.holdout.conversion_rate, 2), `${fmtInt(r.holdout.conversions)} of ${fmtInt(r.holdout.members)}`, 'holdout_rate'),
    metric('Absolute lift', pp(r.absolute_lift.estimate), `95% interval ${interval(r.absolute_lift, pp)}`, 'absolute_lift'),
    metric('Relative lift', r.relative_lift ? fmtPct(r.relative_lift.estimate, 1) : '–', r.relative_lift ? `95% interval ${interval(r.relative_lift, (v) => fmtPct(v, 1))}` : 'an arm has no conversion', 'relative_lift'),
    metric('Incremental conversions', fmtNum(r.incremental_conversions.estimate, 1), `95% interval ${interval(r.incremental_conversions, (v) => fmtNum(v, 1))}`, 'incremental_conversions'),
    metric('Incremental revenue', fmtMoney(r.incremental_revenue.estimate), `95% interval ${interval(r.incremental_revenue, fmtMoney)}`, 'incremental_revenue'),
    metric('p-value', fmtNum(r.p_value, 4), 'fixed horizon: valid for one look at the end', 'p_value'),
    metric('Always-valid p-value', fmtNum(r.always_valid_p_value, 4), `valid however often it is looked at; lift ${interval(r.always_valid_lift, pp)}`, 'always_valid_p_value'));
  $('report-arms').replaceChildren(
    h('tr', {}, h('th', {}, 'Arm'), h('th', { class: 'num' }, 'Members'), h('th', { class: 'num' }, 'Conversions'), h('th', { class: 'num' }, 'Conversion rate'), h('th', { class: 'num' }, 'Revenue')),
    ...[['Treated', r.treated], ['Holdout', r.holdout]].map(([name, a]) => h('tr', { 'data-arm': name.toLowerCase() },
      h('td', {}, name), h('td', { class: 'num' }, fmtInt(a.members)), h('td', { class: 'num' }, fmtInt(a.conversions)),
      h('td', { class: 'num' }, fmtPct(a.conversion_rate, 2)), h('td', { class: 'num' }, fmtMoney(a.revenue)))));

  const daily = r.daily || [];
  if (daily.length) {
    bandChart($('chart-lift-svg'), daily.map((p) => ({ label: `day ${p.day}`, value: p.lift.estimate, low: p.lift.low, high: p.lift.high })),
      { label: 'Cumulative absolute lift by day with its always-valid 95% band', format: pp, bandLabel: 'always-valid 95% band' });
    $('lift-note').textContent = `${daily.length} daily look${daily.length === 1 ? '' : 's'}; the band is a confidence sequence, so looking every day does not inflate false positives.`;
  } else {
    $('chart-lift-svg').replaceChildren();
    $('lift-note').textContent = 'No daily looks: the outcomes carry no dates.';
  }

  const bins = r.calibration || [];
  if (bins.length) {
    intervalChart($('chart-calibration-svg'), bins.map((b) => {
      const observed = b.observed_uplift ?? b.observedUplift;
      return { label: `D${b.decile}`, predicted: b.predicted_uplift ?? b.predictedUplift, value: observed.estimate, low: observed.low, high: observed.high };
    }), { label: 'Predicted (bars) against observed uplift (dots with 95% intervals) by decile of predicted uplift', format: pp });
    $('calibration-note').textContent = 'Bars: predicted uplift; dots and whiskers: observed uplift with its 95% interval. Decile 1 has the highest predicted uplift.';
  } else {
    $('chart-calibration-svg').replaceChildren();
    $('calibration-note').textContent = 'not ranked: no calibration';
  }
}

$('api-key').addEventListener('change', () => { sessionStorage.setItem('aether-api-key', $('api-key').value); load(); });
load();

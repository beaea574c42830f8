// Conversational analytics: a question in plain English -> answer, table, chart and the read-only SQL that ran.
import { api, fmtNum, humanize, h } from './api.js';
import { barChart, donutChart, lineChart } from './charts.js';
import { loadProfile } from './profile.js';

const $ = (id) => document.getElementById(id);
const HISTORY_KEY = 'aether-analytics-history';
const MAX_HISTORY = 8;

function loadHistory() {
  try { return JSON.parse(sessionStorage.getItem(HISTORY_KEY)) || []; } catch { return []; }
}

function saveHistory(items) {
  sessionStorage.setItem(HISTORY_KEY, JSON.stringify(items.slice(0, MAX_HISTORY)));
}

function renderHistory() {
  const items = loadHistory();
  $('history').replaceChildren(...items.map((item) => h('li', {},
    h('button', { type: 'button', onclick: () => ask(item.question) }, item.question),
    h('div', { class: 'muted', style: 'font-size:0.8rem' }, item.answer))));
}

function renderExamples(questions) {
  $('examples').replaceChildren(...questions.map((q) => h('button', { type: 'button', class: 'chip', onclick: () => ask(q) }, q)));
}

// Columns are named after the semantic layer's measures and dimensions: money and shares are told by their names
// (the demo data's amounts are USD), dates by their ISO form.
const MONEY_COLUMN = /(^|_)(revenue|order_value|cart_value|spend|spent|amount|price)$/;
const SHARE_COLUMN = /(probability|_rate|_share|_pct)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function formatDate(text, column) {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [, y, mo, d, hh = '00', mi = '00', ss = '00'] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mi), Number(ss)));
  const midnight = hh === '00' && mi === '00' && ss === '00';
  if (midnight && d === '01' && /month/.test(column)) {
    return date.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  }
  if (midnight) return date.toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${date.toLocaleString('en-US', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' })} UTC`;
}

function cell(value, column = '') {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') {
    if (MONEY_COLUMN.test(column)) {
      return `${value < 0 ? '−' : ''}$${Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    }
    if (SHARE_COLUMN.test(column) && value >= 0 && value <= 1) return `${(value * 100).toFixed(1)}%`;
    return Number.isInteger(value) ? value.toLocaleString('en-US') : fmtNum(value, 2);
  }
  return formatDate(String(value), column) ?? String(value);
}

function renderChart(container, answer) {
  const chart = answer.chart;
  if (!chart || !answer.rows.length) return false;
  const data = answer.rows.map((r) => ({ label: cell(r[chart.x], chart.x), value: Number(r[chart.y] ?? 0) }));
  const options = { label: chart.title, format: (v) => cell(v, chart.y) };
  if (chart.type === 'line') lineChart(container, data, options);
  else if (chart.type === 'pie') donutChart(container, data, options);
  else barChart(container, data.slice(0, 24), options);
  return true;
}

// What was computed, in words, and which path computed it (issue 17): shown under every answer that ran.
function renderRestatement(answer) {
  if (!answer.restatement) return null;
  const path = answer.source === 'language_model' ? 'language model' : 'rules';
  return h('p', { id: 'answer-restatement', class: 'muted', 'data-source': answer.source || '' },
    h('span', { id: 'answer-restatement-text' }, answer.restatement), ' ', h('span', { class: 'path' }, `[${path}]`));
}

function renderAnswer(answer) {
  const columns = answer.columns?.length ? answer.columns : Object.keys(answer.rows[0] || {});
  const chart = h('div', { class: 'chart', id: 'answer-chart' });
  const hasChart = renderChart(chart, answer);
  $('current').replaceChildren(h('div', { class: 'turn', 'data-status': answer.status },
    h('div', { class: 'q' }, answer.question),
    h('p', { id: 'answer-text' }, answer.answer),
    renderRestatement(answer),
    ...(answer.warnings || []).map((w) => h('p', { class: 'muted' }, w)),
    hasChart ? h('div', {}, h('h3', {}, answer.chart.title), chart) : null,
    answer.rows.length ? h('div', { class: 'table-wrap', tabindex: 0 }, h('table', { id: 'answer-table' },
      h('tr', {}, ...columns.map((c) => h('th', { class: typeof answer.rows[0]?.[c] === 'number' ? 'num' : null }, humanize(c)))),
      ...answer.rows.slice(0, 100).map((r) => h('tr', {}, ...columns.map((c) => h('td', { class: typeof r[c] === 'number' ? 'num' : null }, cell(r[c], c))))))) : null,
    answer.sql ? h('details', {}, h('summary', {}, 'SQL'), h('pre', { class: 'sql', id: 'answer-sql' }, answer.sql)) : null,
    answer.suggestions?.length ? h('div', {}, h('h3', {}, 'You can ask, for example'),
      h('div', { class: 'chips' }, ...answer.suggestions.map((q) => h('button', { type: 'button', class: 'chip', onclick: () => ask(q) }, q)))) : null));
}

async function ask(question) {
  $('question').value = question;
  $('ask').disabled = true;
  $('error').hidden = true;
  try {
    // With a language model configured the server asks for its API key (the campaign page stores it for the session).
    const key = sessionStorage.getItem('aether-api-key');
    const answer = await api('api/v1/analytics/ask', { method: 'POST', body: { question }, headers: key ? { 'X-Api-Key': key } : {} });
    renderAnswer(answer);
    const history = loadHistory().filter((item) => item.question !== answer.question);
    history.unshift({ question: answer.question, answer: answer.answer });
    saveHistory(history);
    renderHistory();
    document.body.dataset.answered = String(Number(document.body.dataset.answered || 0) + 1);
  } catch (error) {
    $('error').hidden = false;
    $('error').textContent = error.message;
  } finally {
    $('ask').disabled = false;
  }
}

$('ask-form').addEventListener('submit', (event) => { event.preventDefault(); ask($('question').value); });
$('clear-history').addEventListener('click', () => { saveHistory([]); renderHistory(); });
renderHistory();
// The examples are the profile's (GET /api/v1/profile); without any, the analytics service's own.
loadProfile()
  .then((p) => (p.examples.questions.length ? p.examples.questions : api('api/v1/analytics/examples').then((r) => r.questions)))
  .then(renderExamples)
  .catch(() => renderExamples([]));

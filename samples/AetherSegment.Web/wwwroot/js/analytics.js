// Conversational analytics: a question in plain English -> answer, table, chart and the read-only SQL that ran.
import { api, fmtNum, humanize, h } from './api.js';
import { barChart, donutChart, lineChart } from './charts.js';

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

function cell(value) {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : fmtNum(value, 2);
  return String(value);
}

function renderChart(container, answer) {
  const chart = answer.chart;
  if (!chart || !answer.rows.length) return false;
  const data = answer.rows.map((r) => ({ label: String(r[chart.x] ?? '–'), value: Number(r[chart.y] ?? 0) }));
  const options = { label: chart.title, format: (v) => cell(v) };
  if (chart.type === 'line') lineChart(container, data, options);
  else if (chart.type === 'pie') donutChart(container, data, options);
  else barChart(container, data.slice(0, 24), options);
  return true;
}

function renderAnswer(answer) {
  const columns = answer.columns?.length ? answer.columns : Object.keys(answer.rows[0] || {});
  const chart = h('div', { class: 'chart', id: 'answer-chart' });
  const hasChart = renderChart(chart, answer);
  $('current').replaceChildren(h('div', { class: 'turn', 'data-status': answer.status },
    h('div', { class: 'q' }, answer.question),
    h('p', { id: 'answer-text' }, answer.answer),
    ...(answer.warnings || []).map((w) => h('p', { class: 'muted' }, w)),
    hasChart ? h('div', {}, h('h3', {}, answer.chart.title), chart) : null,
    answer.rows.length ? h('div', { class: 'table-wrap', tabindex: 0 }, h('table', { id: 'answer-table' },
      h('tr', {}, ...columns.map((c) => h('th', { class: typeof answer.rows[0]?.[c] === 'number' ? 'num' : null }, humanize(c)))),
      ...answer.rows.slice(0, 100).map((r) => h('tr', {}, ...columns.map((c) => h('td', { class: typeof r[c] === 'number' ? 'num' : null }, cell(r[c]))))))) : null,
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
    $('error').textContent = error.field ? `${error.message} (field: ${error.field})` : error.message;
  } finally {
    $('ask').disabled = false;
  }
}

$('ask-form').addEventListener('submit', (event) => { event.preventDefault(); ask($('question').value); });
$('clear-history').addEventListener('click', () => { saveHistory([]); renderHistory(); });
renderHistory();
api('api/v1/analytics/examples').then((r) => renderExamples(r.questions)).catch(() => renderExamples([]));

// Step 3's "Models" panel: how well each trigger model ranks customers on held-out campaign history, as
// scikit-uplift shows it: the Qini curve, the uplift curve and uplift by decile, every trigger on one chart with a
// legend, and the Qini coefficient and AUUC in a table. Every number comes from one call,
// GET api/v1/uplift/trigger-models/evaluation; the page only rescales the points (x to % of held-out customers
// targeted, y per 100 held-out customers) so triggers with different numbers of held-out rows share the axes.
import { api, fmtInt, fmtNum, humanize, h } from './api.js';
import { palette } from './charts.js';

const SVG = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);
let loaded = false;
let ids = 0;

function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

function tip(node, text) {
  el('title', {}, node).textContent = text;
  return node;
}

// An accessible chart root: role img, named by its <title> and described by its <desc>.
function root(container, width, height, title, desc) {
  const n = ++ids;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `mc-t${n} mc-d${n}` });
  el('title', { id: `mc-t${n}` }, svg).textContent = title;
  el('desc', { id: `mc-d${n}` }, svg).textContent = desc;
  container.replaceChildren(svg);
  return svg;
}

// Round ticks (1, 2 or 5 times a power of ten) inside [min, max].
function ticks(min, max, count = 5) {
  const raw = (max - min) / count, power = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

const tick = (v) => Number(v).toLocaleString('en-US', { maximumFractionDigits: 2 });

function axes(svg, box, x, y, xRange, yRange, xLabel, yLabel) {
  const g = el('g', { class: 'axes', 'aria-hidden': 'true' }, svg);
  for (const v of ticks(yRange[0], yRange[1])) {
    el('line', { x1: box.left, x2: box.right, y1: y(v), y2: y(v), stroke: '#e3e1dc' }, g);
    el('text', { x: box.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, g).textContent = tick(v);
  }
  if (yRange[0] < 0 && yRange[1] > 0) el('line', { x1: box.left, x2: box.right, y1: y(0), y2: y(0), stroke: '#76808c' }, g);
  if (xRange) {
    for (const v of ticks(xRange[0], xRange[1])) el('text', { x: x(v), y: box.bottom + 16, 'text-anchor': 'middle' }, g).textContent = tick(v);
  }
  el('text', { x: (box.left + box.right) / 2, y: box.bottom + 34, 'text-anchor': 'middle' }, g).textContent = xLabel;
  el('text', { transform: `translate(12 ${(box.top + box.bottom) / 2}) rotate(-90)`, 'text-anchor': 'middle' }, g).textContent = yLabel;
}

function range(values) {
  let min = 0, max = 0;
  for (const v of values) { if (Number.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); } }
  const pad = (max - min || 1) * 0.05;
  return [min - (min < 0 ? pad : 0), max + pad];
}

// Several curves on one chart: series = [{ name, color, points: [{ x, y }] }] with x in 0..100.
function curveChart(container, series, title, desc, yLabel) {
  const width = 520, height = 300, box = { left: 52, right: 508, top: 14, bottom: 250 };
  const svg = root(container, width, height, title, desc);
  const yRange = range(series.flatMap((s) => s.points.map((p) => p.y)));
  const x = (v) => box.left + ((box.right - box.left) * v) / 100;
  const y = (v) => box.bottom - ((box.bottom - box.top) * (v - yRange[0])) / (yRange[1] - yRange[0]);
  axes(svg, box, x, y, [0, 100], yRange, '% of held-out customers targeted (best predicted uplift first)', yLabel);
  for (const s of series) {
    const line = el('polyline', {
      class: 'series', 'data-series': s.trigger, fill: 'none', stroke: s.color, 'stroke-width': 2,
      points: s.points.map((p) => `${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(' '),
    }, svg);
    tip(line, s.label);
  }
  return svg;
}

// Uplift by decile as grouped bars: series = [{ name, color, values: [pts or null] x 10 }].
function decileChart(container, series, title, desc) {
  const width = 1040, height = 300, box = { left: 52, right: 1028, top: 14, bottom: 250 };
  const svg = root(container, width, height, title, desc);
  const yRange = range(series.flatMap((s) => s.values));
  const y = (v) => box.bottom - ((box.bottom - box.top) * (v - yRange[0])) / (yRange[1] - yRange[0]);
  axes(svg, box, null, y, null, yRange, 'Decile of predicted uplift (1 = the customers the model ranks best)', 'Uplift (percentage points)');
  const group = (box.right - box.left) / 10, bar = (group * 0.84) / Math.max(1, series.length);
  for (let d = 0; d < 10; d++) {
    el('text', { x: box.left + group * (d + 0.5), y: box.bottom + 16, 'text-anchor': 'middle', 'aria-hidden': 'true' }, svg).textContent = String(d + 1);
  }
  series.forEach((s, i) => {
    const g = el('g', { class: 'series', 'data-series': s.trigger, fill: s.color }, svg);
    s.values.forEach((v, d) => {
      if (v === null) return;
      const top = y(Math.max(0, v)), bottom = y(Math.min(0, v));
      tip(el('rect', { x: (box.left + group * d + group * 0.08 + bar * i).toFixed(1), y: top.toFixed(1), width: bar.toFixed(1), height: Math.max(0.5, bottom - top).toFixed(1) }, g),
        `${s.name}, decile ${d + 1}: ${fmtNum(v, 2)} pts`);
    });
  });
  return svg;
}

function legend(container, series) {
  container.replaceChildren(...series.map((s) => {
    const swatch = h('i', { 'aria-hidden': 'true' });
    swatch.style.background = s.color;
    return h('span', { 'data-series': s.trigger }, swatch, s.label);
  }));
}

function scoresTable(triggers, evaluated) {
  const color = Object.fromEntries(evaluated.map((t) => [t.trigger, t.color]));
  $('model-scores').replaceChildren(
    h('caption', { class: 'muted' }, 'Scores on held-out customers (higher ranks better; 0 is random order, 1 the perfect order)'),
    h('tr', {}, h('th', { scope: 'col' }, 'Trigger'), h('th', { scope: 'col', class: 'num' }, 'Qini coefficient'), h('th', { scope: 'col', class: 'num' }, 'AUUC'),
      h('th', { scope: 'col', class: 'num' }, 'Held-out rows (treated / control)'), h('th', { scope: 'col', class: 'num' }, 'Trained on rows'), h('th', { scope: 'col' }, 'Plots (SVG)')),
    ...triggers.map((t) => {
      const swatch = h('i', { 'aria-hidden': 'true', class: 'swatch' });
      if (color[t.trigger]) swatch.style.background = color[t.trigger];
      return h('tr', { 'data-trigger': t.trigger, 'data-evaluated': String(t.evaluated) },
        h('th', { scope: 'row' }, swatch, humanize(t.trigger)),
        t.evaluated
          ? [
            h('td', { class: 'num', 'data-metric': 'qini_coefficient', 'data-value': String(t.qini_coefficient) }, fmtNum(t.qini_coefficient, 3)),
            h('td', { class: 'num', 'data-metric': 'auuc', 'data-value': String(t.auuc) }, fmtNum(t.auuc, 3)),
            h('td', { class: 'num' }, `${fmtInt(t.holdout_rows)} (${fmtInt(t.holdout_treated)} / ${fmtInt(t.holdout_control)})`),
            h('td', { class: 'num' }, fmtInt(t.training_rows)),
            h('td', {}, ...['qini', 'uplift', 'decile'].map((c, i) => [i ? ' · ' : '', h('a', { href: t.plots[c].replace(/^\//, ''), 'aria-label': `${humanize(t.trigger)} ${c} plot (SVG)` }, c)]).flat()),
          ]
          : h('td', { colspan: 5, class: 'muted' }, t.reason));
    }));
}

function decileTable(evaluated) {
  $('decile-table').replaceChildren(
    h('caption', { class: 'muted' }, 'Treated minus control conversion rate (percentage points) per decile of predicted uplift'),
    h('tr', {}, h('th', { scope: 'col' }, 'Trigger'), ...Array.from({ length: 10 }, (_, d) => h('th', { scope: 'col', class: 'num' }, `D${d + 1}`))),
    ...evaluated.map((t) => h('tr', { 'data-trigger': t.trigger }, h('th', { scope: 'row' }, humanize(t.trigger)),
      ...t.uplift_by_decile.map((v) => h('td', { class: 'num' }, v === null ? '–' : fmtNum(v * 100, 1))))));
}

function render(result) {
  const evaluated = result.triggers.filter((t) => t.evaluated).map((t, i) => ({ ...t, color: palette[i % palette.length] }));
  const per100 = (t, curve) => t[curve].map((p) => ({ x: (p.x / t.holdout_rows) * 100, y: (p.y / t.holdout_rows) * 100 }));
  const share = Math.round(result.holdout_share * 100);
  $('curves-status').textContent = evaluated.length === 0
    ? 'No trigger has enough campaign history to evaluate a model.'
    : `${evaluated.length} of ${result.triggers.length} trigger models evaluated: each trained on the campaign rows of ${100 - share}% of customers and scored on the other ${share}% (chosen by a hash of the customer id), for campaign history version ${result.data_version}.`;
  scoresTable(result.triggers, evaluated);
  const names = evaluated.map((t) => `${humanize(t.trigger)} (Qini ${fmtNum(t.qini_coefficient, 3)})`).join(', ');
  curveChart($('chart-qini'), evaluated.map((t) => ({ trigger: t.trigger, color: t.color, label: `${humanize(t.trigger)}: Qini coefficient ${fmtNum(t.qini_coefficient, 3)}`, points: per100(t, 'qini_curve') })),
    'Qini curves of the trigger models',
    `Incremental conversions per 100 held-out customers against the share targeted, one line per trigger: ${names}. A random order follows the straight line from the origin to a curve's end; the higher above it, the better. Numbers in the table above.`,
    'Incremental conversions per 100 customers');
  curveChart($('chart-uplift'), evaluated.map((t) => ({ trigger: t.trigger, color: t.color, label: `${humanize(t.trigger)}: AUUC ${fmtNum(t.auuc, 3)}`, points: per100(t, 'uplift_curve') })),
    'Uplift curves of the trigger models',
    `Uplift (treated minus control conversion rate) times the customers targeted, per 100 held-out customers, one line per trigger: ${evaluated.map((t) => `${humanize(t.trigger)} (AUUC ${fmtNum(t.auuc, 3)})`).join(', ')}. Numbers in the table above.`,
    'Uplift × targeted, per 100 customers');
  decileChart($('chart-decile'), evaluated.map((t) => ({ trigger: t.trigger, color: t.color, name: humanize(t.trigger), values: t.uplift_by_decile.map((v) => (v === null ? null : v * 100)) })),
    'Uplift by decile of predicted uplift',
    `Treated minus control conversion rate in each tenth of the held-out customers, ranked by each trigger model, one bar per trigger: ${evaluated.map((t) => humanize(t.trigger)).join(', ')}. A model that ranks well has high bars on the left. The values are in the table below.`);
  legend($('curves-legend'), evaluated.map((t) => ({ trigger: t.trigger, color: t.color, label: humanize(t.trigger) })));
  decileTable(evaluated);
}

async function load(attempt = 0) {
  const panel = $('model-curves');
  panel.dataset.state = 'loading';
  $('curves-status').textContent = 'Evaluating the trigger models on held-out campaign history…';
  try {
    render(await api('api/v1/uplift/trigger-models/evaluation'));
    panel.dataset.state = 'ready';
  } catch (error) {
    // 503 while the models train: try again a few times, then say so.
    if (error.status === 503 && attempt < 20) {
      $('curves-status').textContent = `${error.message} Retrying…`;
      setTimeout(() => load(attempt + 1), 3000);
      return;
    }
    panel.dataset.state = 'error';
    $('curves-status').textContent = error.message;
    loaded = false;
  }
}

$('model-curves').addEventListener('toggle', () => {
  if ($('model-curves').open && !loaded) {
    loaded = true;
    load();
  }
});

// Small SVG charts: bar, horizontal bar, donut and line. Our own component: no library, no CDN.
// Every chart takes a container element and data as [{ label, value }] (line: [{ label, value }] in x order),
// replaces the container's content with one <svg>, and gives every mark a <title> for hover and screen readers.

const SVG = 'http://www.w3.org/2000/svg';
export const palette = ['#2f6f62', '#d98e32', '#5b7fb8', '#b3412f', '#7a6aa8', '#4d9a8b', '#c2a14a', '#8c6d5a', '#6b8e23', '#a05a7d'];

function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

function title(node, text) {
  el('title', {}, node).textContent = text;
  return node;
}

function svg(container, width, height, label) {
  container.replaceChildren();
  const root = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label || 'chart' });
  container.appendChild(root);
  return root;
}

const defaultFormat = (v) => Number(v).toLocaleString('en-US', { maximumFractionDigits: 2 });

/** One colour per value tier, the same on every chart and page. */
export const TIER_COLORS = { high: '#2f6f62', medium: '#b06f1c', low: '#b3412f' };

/** Vertical bars. options: { format, color, height, label } */
export function barChart(container, data, options = {}) {
  const width = 480, height = options.height || 220, pad = { top: 18, right: 8, bottom: 42, left: 8 };
  const root = svg(container, width, height, options.label);
  const max = Math.max(1e-9, ...data.map((d) => d.value));
  const slot = (width - pad.left - pad.right) / Math.max(1, data.length);
  const barW = Math.max(4, Math.min(slot * 0.68, 72));
  const fmt = options.format || defaultFormat;
  data.forEach((d, i) => {
    const h = ((height - pad.top - pad.bottom) * d.value) / max;
    const x = pad.left + i * slot + (slot - barW) / 2;
    const y = height - pad.bottom - h;
    title(el('rect', { x, y, width: barW, height: Math.max(0, h), rx: 3, fill: d.color || options.color || palette[i % palette.length] }, root), `${d.label}: ${fmt(d.value)}`);
    el('text', { x: x + barW / 2, y: y - 4, 'text-anchor': 'middle', class: 'value-label' }, root).textContent = fmt(d.value);
    const t = el('text', { x: x + barW / 2, y: height - pad.bottom + 14, 'text-anchor': 'middle' }, root);
    t.textContent = d.label.length > 14 ? d.label.slice(0, 13) + '…' : d.label;
  });
  return root;
}

/** Horizontal bars, one row per item, labels on the left. options: { format, color, label, rowHeight, width, labelWidth } */
export function horizontalBarChart(container, data, options = {}) {
  const rowH = options.rowHeight || 26, valueW = 70;
  const width = Math.max(280, Math.round(container.clientWidth || options.width || 480)); // drawn 1:1, so text stays readable on a phone
  const labelW = Math.min(options.labelWidth || 150, Math.round(width * 0.42));
  const maxChars = Math.floor(labelW / 6.5);
  const height = Math.max(rowH, data.length * rowH) + 6;
  const root = svg(container, width, height, options.label);
  const max = Math.max(1e-9, ...data.map((d) => d.value));
  const fmt = options.format || defaultFormat;
  data.forEach((d, i) => {
    const y = 3 + i * rowH;
    const w = ((width - labelW - valueW) * d.value) / max;
    const label = el('text', { x: labelW - 8, y: y + rowH / 2 + 4, 'text-anchor': 'end' }, root);
    label.textContent = d.label.length > maxChars ? d.label.slice(0, maxChars - 1) + '…' : d.label;
    title(label, d.label);
    title(el('rect', { x: labelW, y: y + 4, width: Math.max(1, w), height: rowH - 8, rx: 3, fill: d.color || options.color || palette[i % palette.length] }, root), `${d.label}: ${fmt(d.value)}`);
    el('text', { x: labelW + w + 6, y: y + rowH / 2 + 4, class: 'value-label' }, root).textContent = fmt(d.value);
  });
  return root;
}

/** A donut with a legend; the centre shows options.centerLabel. options: { format, label, centerLabel, legend } */
export function donutChart(container, data, options = {}) {
  const size = 220, r = 90, inner = 56, cx = size / 2, cy = size / 2;
  const wrap = document.createElement('div');
  container.replaceChildren(wrap);
  const root = el('svg', { viewBox: `0 0 ${size} ${size}`, role: 'img', 'aria-label': options.label || 'chart', style: 'max-width:240px;margin:auto' });
  wrap.appendChild(root);
  const total = data.reduce((s, d) => s + d.value, 0);
  const fmt = options.format || defaultFormat;
  let angle = -Math.PI / 2;
  data.forEach((d, i) => {
    const color = d.color || palette[i % palette.length];
    const share = total === 0 ? 0 : d.value / total;
    if (share >= 0.9999) {
      title(el('circle', { cx, cy, r: (r + inner) / 2, fill: 'none', stroke: color, 'stroke-width': r - inner }, root), `${d.label}: ${fmt(d.value)}`);
      return;
    }
    const end = angle + share * 2 * Math.PI;
    const large = end - angle > Math.PI ? 1 : 0;
    const p = (rad, radius) => `${cx + radius * Math.cos(rad)} ${cy + radius * Math.sin(rad)}`;
    const path = `M ${p(angle, r)} A ${r} ${r} 0 ${large} 1 ${p(end, r)} L ${p(end, inner)} A ${inner} ${inner} 0 ${large} 0 ${p(angle, inner)} Z`;
    if (share > 0) title(el('path', { d: path, fill: color }, root), `${d.label}: ${fmt(d.value)} (${(share * 100).toFixed(1)}%)`);
    angle = end;
  });
  if (options.centerLabel) {
    const t = el('text', { x: cx, y: cy + 6, 'text-anchor': 'middle', class: 'value-label', style: 'font-size:20px' }, root);
    t.textContent = options.centerLabel;
  }
  if (options.legend !== false) {
    const legend = document.createElement('div');
    legend.className = 'legend';
    data.forEach((d, i) => {
      const item = document.createElement('span');
      const swatch = document.createElement('i');
      swatch.style.background = d.color || palette[i % palette.length];
      item.append(swatch, `${d.label} ${total ? ((d.value / total) * 100).toFixed(1) : '0'}%`);
      legend.appendChild(item);
    });
    wrap.appendChild(legend);
  }
  return root;
}

/** A line with dots over ordered points. options: { format, color, label, height } */
export function lineChart(container, data, options = {}) {
  const width = 480, height = options.height || 200, pad = { top: 16, right: 12, bottom: 30, left: 44 };
  const root = svg(container, width, height, options.label);
  const fmt = options.format || defaultFormat;
  const max = Math.max(1e-9, ...data.map((d) => d.value));
  const innerW = width - pad.left - pad.right, innerH = height - pad.top - pad.bottom;
  const x = (i) => pad.left + (data.length <= 1 ? innerW / 2 : (innerW * i) / (data.length - 1));
  const y = (v) => pad.top + innerH - (innerH * v) / max;
  for (const f of [0, 0.5, 1]) {
    el('line', { x1: pad.left, x2: width - pad.right, y1: y(max * f), y2: y(max * f), stroke: '#e3e1dc' }, root);
    el('text', { x: pad.left - 6, y: y(max * f) + 4, 'text-anchor': 'end' }, root).textContent = fmt(Math.round(max * f));
  }
  const color = options.color || palette[0];
  if (data.length > 0) {
    el('polyline', { points: data.map((d, i) => `${x(i)},${y(d.value)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2.5 }, root);
  }
  const every = Math.max(1, Math.ceil(data.length / 7));
  data.forEach((d, i) => {
    title(el('circle', { cx: x(i), cy: y(d.value), r: 3.5, fill: color }, root), `${d.label}: ${fmt(d.value)}`);
    if (i % every === 0) {
      el('text', { x: x(i), y: height - 10, 'text-anchor': 'middle' }, root).textContent = d.label;
    }
  });
  return root;
}

/** Shared scale for charts whose values may be negative: [min, max] padded to include 0. */
function signedScale(values) {
  const finite = values.filter((v) => Number.isFinite(v));
  let lo = Math.min(0, ...finite), hi = Math.max(0, ...finite);
  if (hi - lo < 1e-12) { lo -= 1; hi += 1; }
  const pad = (hi - lo) * 0.08;
  return [lo - (lo < 0 ? pad : 0), hi + (hi > 0 ? pad : 0)];
}

/**
 * A line with a shaded band around it over ordered points, values may be negative (a zero line is drawn).
 * data: [{ label, value, low, high }]. options: { format, color, label, height, bandLabel }
 */
export function bandChart(container, data, options = {}) {
  const width = 480, height = options.height || 220, pad = { top: 16, right: 12, bottom: 30, left: 56 };
  const root = svg(container, width, height, options.label);
  const fmt = options.format || defaultFormat;
  const [lo, hi] = signedScale(data.flatMap((d) => [d.value, d.low, d.high]));
  const innerW = width - pad.left - pad.right, innerH = height - pad.top - pad.bottom;
  const x = (i) => pad.left + (data.length <= 1 ? innerW / 2 : (innerW * i) / (data.length - 1));
  const y = (v) => pad.top + innerH - (innerH * (v - lo)) / (hi - lo);
  for (const v of [lo, 0, hi]) {
    el('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v), stroke: v === 0 ? '#76808c' : '#e3e1dc', 'stroke-dasharray': v === 0 ? '4 3' : '' }, root);
    el('text', { x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, root).textContent = fmt(v);
  }
  const color = options.color || palette[0];
  if (data.length > 0) {
    const upper = data.map((d, i) => `${x(i)},${y(d.high)}`);
    const lower = data.map((d, i) => `${x(i)},${y(d.low)}`).reverse();
    title(el('polygon', { points: [...upper, ...lower].join(' '), fill: color, 'fill-opacity': 0.18, stroke: 'none', class: 'band' }, root), options.bandLabel || 'band');
    el('polyline', { points: data.map((d, i) => `${x(i)},${y(d.value)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2.5 }, root);
  }
  const every = Math.max(1, Math.ceil(data.length / 7));
  data.forEach((d, i) => {
    title(el('circle', { cx: x(i), cy: y(d.value), r: 3.5, fill: color, class: 'point' }, root), `${d.label}: ${fmt(d.value)} (${fmt(d.low)} to ${fmt(d.high)})`);
    if (i % every === 0) el('text', { x: x(i), y: height - 10, 'text-anchor': 'middle' }, root).textContent = d.label;
  });
  return root;
}

/**
 * Predicted against observed per category: the predicted value as a bar, the observed estimate as a dot with its
 * interval as a whisker. data: [{ label, predicted, value, low, high }]. options: { format, label, height }
 */
export function intervalChart(container, data, options = {}) {
  const width = 480, height = options.height || 220, pad = { top: 16, right: 12, bottom: 30, left: 56 };
  const root = svg(container, width, height, options.label);
  const fmt = options.format || defaultFormat;
  const [lo, hi] = signedScale(data.flatMap((d) => [d.predicted, d.value, d.low, d.high]));
  const innerW = width - pad.left - pad.right, innerH = height - pad.top - pad.bottom;
  const slot = innerW / Math.max(1, data.length);
  const y = (v) => pad.top + innerH - (innerH * (v - lo)) / (hi - lo);
  for (const v of [lo, 0, hi]) {
    el('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v), stroke: v === 0 ? '#76808c' : '#e3e1dc' }, root);
    el('text', { x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, root).textContent = fmt(v);
  }
  data.forEach((d, i) => {
    const cx = pad.left + i * slot + slot / 2;
    const barW = Math.max(4, Math.min(slot * 0.5, 40));
    const top = Math.min(y(d.predicted), y(0)), h = Math.abs(y(d.predicted) - y(0));
    title(el('rect', { x: cx - barW / 2, y: top, width: barW, height: Math.max(1, h), rx: 2, fill: palette[2], 'fill-opacity': 0.55, class: 'predicted' }, root), `${d.label}: predicted ${fmt(d.predicted)}`);
    el('line', { x1: cx, x2: cx, y1: y(d.low), y2: y(d.high), stroke: palette[1], 'stroke-width': 2 }, root);
    title(el('circle', { cx, cy: y(d.value), r: 4, fill: palette[1], class: 'observed' }, root), `${d.label}: observed ${fmt(d.value)} (${fmt(d.low)} to ${fmt(d.high)})`);
    el('text', { x: cx, y: height - 10, 'text-anchor': 'middle' }, root).textContent = d.label;
  });
  return root;
}

/**
 * A line over numeric x (e.g. profit against budget), with an optional marked point.
 * data: [{ x, y }] in x order. options: { formatX, formatY, label, height, marker: { x, y, label } }
 */
export function xyChart(container, data, options = {}) {
  const width = 480, height = options.height || 220, pad = { top: 16, right: 16, bottom: 30, left: 64 };
  const root = svg(container, width, height, options.label);
  const fx = options.formatX || defaultFormat, fy = options.formatY || defaultFormat;
  const points = options.marker ? [...data, options.marker] : data;
  const xMax = Math.max(1e-9, ...points.map((d) => d.x));
  const [lo, hi] = signedScale(points.map((d) => d.y));
  const innerW = width - pad.left - pad.right, innerH = height - pad.top - pad.bottom;
  const x = (v) => pad.left + (innerW * v) / xMax;
  const y = (v) => pad.top + innerH - (innerH * (v - lo)) / (hi - lo);
  for (const v of [lo, 0, hi]) {
    el('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v), stroke: v === 0 ? '#76808c' : '#e3e1dc' }, root);
    el('text', { x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, root).textContent = fy(v);
  }
  for (const f of [0, 0.5, 1]) el('text', { x: x(xMax * f), y: height - 10, 'text-anchor': f === 0 ? 'start' : f === 1 ? 'end' : 'middle' }, root).textContent = fx(xMax * f);
  const color = options.color || palette[0];
  if (data.length > 0) el('polyline', { points: data.map((d) => `${x(d.x)},${y(d.y)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2.5 }, root);
  data.forEach((d) => title(el('circle', { cx: x(d.x), cy: y(d.y), r: 3.5, fill: color, class: 'point' }, root), `${fx(d.x)}: ${fy(d.y)}`));
  if (options.marker) {
    const m = options.marker;
    el('line', { x1: x(m.x), x2: x(m.x), y1: pad.top, y2: pad.top + innerH, stroke: palette[1], 'stroke-dasharray': '4 3' }, root);
    title(el('circle', { cx: x(m.x), cy: y(m.y), r: 5.5, fill: palette[1], class: 'marker' }, root), m.label || `${fx(m.x)}: ${fy(m.y)}`);
  }
  return root;
}

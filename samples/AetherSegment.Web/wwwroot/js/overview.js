// The overview dashboard: loads /api/v1/overview/stats and refreshes it every few seconds while the live
// event stream appends behavioral events.
import { api, fmtInt, fmtNum, fmtPct, fmtMoney, humanize, h } from './api.js';
import { barChart, donutChart, horizontalBarChart, lineChart, TIER_COLORS } from './charts.js';
import { capitalize, loadProfile } from './profile.js';

const REFRESH_MS = 5000;
const $ = (id) => document.getElementById(id);

function ago(hours, future) {
  if (hours === null || hours === undefined) return '–';
  if (future || hours < 0) return `⚠ ${Math.abs(hours).toFixed(1)} h in the future: check the loader's clock`;
  if (hours < 1) return `${Math.max(0, Math.round(hours * 60))} min ago`;
  if (hours < 48) return `${hours.toFixed(1)} h ago`;
  return `${(hours / 24).toFixed(1)} days ago`;
}

// Labels from the profile: its first two place levels, its first taxonomy level, its value and churn scores.
const labels = { place: 'country', places: 'countries', subPlaces: 'cities', categories: 'categories', events: {} };
const eventLabel = (name) => labels.events[name] ?? humanize(name);

function applyProfile(profile) {
  const [first, second] = profile.place_levels;
  if (first) Object.assign(labels, { place: first.name, places: first.plural });
  if (second) labels.subPlaces = second.plural;
  if (profile.taxonomy_levels[0]) labels.categories = profile.taxonomy_levels[0].plural;
  for (const e of profile.event_types) labels.events[e.name] = e.label;
  $('sub-places-title').textContent = `Top ${labels.subPlaces}`;
  $('categories-title').textContent = `Top ${labels.categories} (30 days)`;
  if (profile.value_score) {
    $('m-clv-label').textContent = `Average ${profile.value_score.label}`;
    $('m-clv-hint').textContent = profile.value_score.name.replaceAll('_', ' ');
  }
  if (profile.churn_score) $('m-risk-hint').textContent = `high ${profile.churn_score.label}`;
}

function render(stats) {
  const m = stats.metrics;
  const notes = m.notes || {};
  $('m-total').textContent = fmtInt(m.total_customers);
  $('m-carts').textContent = fmtInt(m.abandoned_carts_7d);
  if (notes.abandoned_carts_7d) $('m-carts-hint').textContent = `not available: ${notes.abandoned_carts_7d}`;
  $('m-clv').textContent = fmtNum(m.avg_clv_score, 3);
  if (notes.avg_clv_score) $('m-clv-hint').textContent = `not available: ${notes.avg_clv_score}`;
  $('m-risk').textContent = fmtInt(m.at_risk_customers);
  if (notes.at_risk_customers) $('m-risk-hint').textContent = `not available: ${notes.at_risk_customers}`;

  $('opportunities').replaceChildren(...stats.opportunities.map((o) => h('article', { class: 'opportunity', 'data-id': o.id },
    h('span', { class: 'badge' }, humanize(o.campaign_type)),
    h('strong', {}, o.title),
    h('span', { class: 'size' }, fmtInt(o.size), h('span', { class: 'muted', style: 'font-size:0.85rem;font-weight:400' }, ' customers')),
    h('p', {}, o.description),
    h('a', { class: 'button', href: `campaign-segmentation.html?objective=${encodeURIComponent(o.objective)}` }, 'Build this segment'))));

  donutChart($('chart-geo'), stats.geographic_distribution.map((c) => ({ label: c.country, value: c.customers })),
    { label: `Customers by ${labels.place}`, centerLabel: fmtInt(m.total_customers), format: fmtInt });
  const cities = stats.geographic_distribution.flatMap((c) => c.cities).sort((a, b) => b.customers - a.customers).slice(0, 8);
  horizontalBarChart($('chart-cities'), cities.map((c) => ({ label: c.city, value: c.customers })), { label: `Top ${labels.subPlaces}`, format: fmtInt });

  const tierColors = TIER_COLORS;
  barChart($('chart-value'), stats.value_segments.map((t) => ({ label: `${t.tier} value`, value: t.customers, color: tierColors[t.tier] })),
    { label: 'Customers by value tier', format: fmtInt, height: 190 });
  $('table-value').replaceChildren(
    h('tr', {}, h('th', {}, 'Tier'), h('th', { class: 'num' }, 'Customers'), h('th', { class: 'num' }, 'Share'), h('th', { class: 'num' }, 'Avg CLV')),
    ...stats.value_segments.map((t) => h('tr', {}, h('td', {}, t.tier), h('td', { class: 'num' }, fmtInt(t.customers)),
      h('td', { class: 'num' }, fmtPct(t.share)), h('td', { class: 'num' }, fmtNum(t.avg_clv, 3)))));

  const b = stats.behavioral_insights;
  lineChart($('chart-activity'), b.recent_activity.map((d) => ({ label: d.date.slice(5), value: d.events })), { label: 'Events per day', format: fmtInt });
  horizontalBarChart($('chart-events'), b.event_types_7d.map((e) => ({ label: eventLabel(e.name), value: e.count })), { label: 'Events by type', format: fmtInt, rowHeight: 22 });
  horizontalBarChart($('chart-categories'), b.top_categories_30d.map((c) => ({ label: c.category, value: c.revenue })), { label: `Revenue by ${labels.categories}`, format: fmtMoney });
  $('features').replaceChildren(...(b.features_30d || []).slice(0, 4).map((f) => h('div', { class: 'metric', 'data-event-type': f.name },
    h('div', { class: 'label' }, `${eventLabel(f.name)}: customers`), h('div', { class: 'value' }, fmtInt(f.customers)),
    h('div', { class: 'hint' }, `${fmtInt(f.events)} events`))));
  donutChart($('chart-devices'), b.devices_30d.map((d) => ({ label: d.name, value: d.count })), { label: 'Events by device', format: fmtInt });

  $('table-health').replaceChildren(
    h('tr', {}, h('th', {}, 'Table'), h('th', { class: 'num' }, 'Rows'), h('th', {}, 'Latest record'), h('th', {}, 'Freshness')),
    ...stats.data_health.map((t) => h('tr', { 'data-table': t.table }, h('td', {}, t.table), h('td', { class: 'num' }, fmtInt(t.rows)),
      h('td', {}, t.latest ? new Date(t.latest).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '–'), h('td', { class: t.future ? 'error' : '' }, ago(t.age_hours, t.future)))));

  $('live-status').textContent = `Live · updated ${new Date(stats.generated_at).toLocaleTimeString()}`;
}

async function refresh() {
  try {
    const stats = await api('api/v1/overview/stats');
    $('error').hidden = true;
    render(stats);
    document.body.dataset.loaded = 'true';
  } catch (error) {
    $('error').hidden = false;
    $('error').textContent = error.status === 503 ? `Preparing data: ${error.message}` : `Could not load the overview: ${error.message}`;
    $('live-status').textContent = 'Waiting for data…';
  } finally {
    setTimeout(refresh, REFRESH_MS);
  }
}

loadProfile().then(applyProfile).catch(() => { /* the default labels stay */ }).finally(refresh);

// The overview dashboard: loads /api/v1/overview/stats and refreshes it every few seconds while the live
// event stream appends behavioral events.
import { api, fmtInt, fmtNum, fmtPct, fmtMoney, humanize, h } from './api.js';
import { barChart, donutChart, horizontalBarChart, lineChart, TIER_COLORS } from './charts.js';

const REFRESH_MS = 5000;
const $ = (id) => document.getElementById(id);

function ago(hours, future) {
  if (hours === null || hours === undefined) return '–';
  if (future || hours < 0) return `⚠ ${Math.abs(hours).toFixed(1)} h in the future: check the loader's clock`;
  if (hours < 1) return `${Math.max(0, Math.round(hours * 60))} min ago`;
  if (hours < 48) return `${hours.toFixed(1)} h ago`;
  return `${(hours / 24).toFixed(1)} days ago`;
}

function render(stats) {
  const m = stats.metrics;
  $('m-total').textContent = fmtInt(m.total_customers);
  $('m-carts').textContent = fmtInt(m.abandoned_carts_7d);
  $('m-clv').textContent = fmtNum(m.avg_clv_score, 3);
  $('m-risk').textContent = fmtInt(m.at_risk_customers);

  $('opportunities').replaceChildren(...stats.opportunities.map((o) => h('article', { class: 'opportunity', 'data-id': o.id },
    h('span', { class: 'badge' }, humanize(o.campaign_type)),
    h('strong', {}, o.title),
    h('span', { class: 'size' }, fmtInt(o.size), h('span', { class: 'muted', style: 'font-size:0.85rem;font-weight:400' }, ' customers')),
    h('p', {}, o.description),
    h('a', { class: 'button', href: `campaign-segmentation.html?objective=${encodeURIComponent(o.objective)}` }, 'Build this segment'))));

  donutChart($('chart-geo'), stats.geographic_distribution.map((c) => ({ label: c.country, value: c.customers })),
    { label: 'Customers by country', centerLabel: fmtInt(m.total_customers), format: fmtInt });
  const cities = stats.geographic_distribution.flatMap((c) => c.cities).sort((a, b) => b.customers - a.customers).slice(0, 8);
  horizontalBarChart($('chart-cities'), cities.map((c) => ({ label: c.city, value: c.customers })), { label: 'Top cities', format: fmtInt });

  const tierColors = TIER_COLORS;
  barChart($('chart-value'), stats.value_segments.map((t) => ({ label: `${t.tier} value`, value: t.customers, color: tierColors[t.tier] })),
    { label: 'Customers by value tier', format: fmtInt, height: 190 });
  $('table-value').replaceChildren(
    h('tr', {}, h('th', {}, 'Tier'), h('th', { class: 'num' }, 'Customers'), h('th', { class: 'num' }, 'Share'), h('th', { class: 'num' }, 'Avg CLV')),
    ...stats.value_segments.map((t) => h('tr', {}, h('td', {}, t.tier), h('td', { class: 'num' }, fmtInt(t.customers)),
      h('td', { class: 'num' }, fmtPct(t.share)), h('td', { class: 'num' }, fmtNum(t.avg_clv, 3)))));

  const b = stats.behavioral_insights;
  lineChart($('chart-activity'), b.recent_activity.map((d) => ({ label: d.date.slice(5), value: d.events })), { label: 'Events per day', format: fmtInt });
  horizontalBarChart($('chart-events'), b.event_types_7d.map((e) => ({ label: humanize(e.name), value: e.count })), { label: 'Events by type', format: fmtInt, rowHeight: 22 });
  horizontalBarChart($('chart-categories'), b.top_categories_30d.map((c) => ({ label: c.category, value: c.revenue })), { label: 'Revenue by category', format: fmtMoney });
  $('m-planner').textContent = fmtInt(b.room_planner_30d.customers);
  $('m-planner-events').textContent = `${fmtInt(b.room_planner_30d.events)} sessions`;
  $('m-ar').textContent = fmtInt(b.ar_view_30d.customers);
  $('m-ar-events').textContent = `${fmtInt(b.ar_view_30d.events)} views`;
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

refresh();

// Measures the dashboard's first paint in Debian's headless Chromium through playwright-core (the copy bundled with
// the Microsoft.Playwright NuGet package in the web tests' output folder; nothing is downloaded).
// Usage: node benchmarks/load/first-paint.mjs [url] [runs]
// Env: PLAYWRIGHT_CORE (path to playwright-core), CHROMIUM (default /usr/bin/chromium).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const corePath = process.env.PLAYWRIGHT_CORE
  || path.join(here, '../../tests/AetherSegment.Web.Tests/bin/Release/net10.0/.playwright/package');
const { chromium } = createRequire(import.meta.url)(corePath);

const url = process.argv[2] || 'http://127.0.0.1:5000/';
const runs = Number(process.argv[3] || 10);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const results = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } }); // cold cache every run
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector("body[data-loaded='true']");
  const timing = await page.evaluate(() => {
    const paints = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
    const nav = performance.getEntriesByType('navigation')[0];
    const data = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/v1/overview/stats'));
    return {
      first_paint_ms: paints['first-paint'],
      first_contentful_paint_ms: paints['first-contentful-paint'],
      dom_content_loaded_ms: nav.domContentLoadedEventEnd,
      stats_loaded_ms: data ? data.responseEnd : null,
    };
  });
  results.push(timing);
  await context.close();
}
await browser.close();

const summary = {};
for (const key of Object.keys(results[0])) {
  const values = results.map((r) => r[key]).filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  summary[key] = {
    median: Math.round(values[Math.floor(values.length / 2)] * 10) / 10,
    max: Math.round(values[values.length - 1] * 10) / 10,
  };
}
console.log(JSON.stringify({ url, runs, ...summary }, null, 2));

import { chromium } from 'playwright-core';
import { serveStatic } from './tests/e2e/static-server';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/find-chromium';
const { server, url } = await serveStatic('/work/main/build-e2e', '/explainer');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const cases = [
  ['s9', '/stepper?stage=9', '[data-testid="stage-mask-head"] .numbers-toggle'],
  ['s4', '/stepper?stage=4', '[data-testid="stage-rpn"] .numbers-toggle'],
  ['s2', '/stepper?stage=2', null],
];
for (const [w, scheme] of [[1280, 'light'], [375, 'dark']] as const) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 900 }, colorScheme: scheme });
  for (const [name, path, sel] of cases) {
    const page = await ctx.newPage();
    await page.goto(url + path, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="stepper"]:not([data-render-ms=""])', { timeout: 60000 });
    await page.waitForTimeout(1500);
    if (sel) {
      const b = page.locator(sel).first();
      await b.scrollIntoViewIfNeeded(); await b.focus(); await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      const box = await b.boundingBox();
      await page.screenshot({ path: `/tmp/probe/${name}-${w}-${scheme}.png`, clip: { x: 0, y: Math.max(0, box!.y - 100 + (await page.evaluate(() => scrollY))), width: w, height: 700 }, fullPage: true });
    } else {
      // focus the first keyed picture (P plane) and press arrows
      const svg = page.locator('figure.raster svg[tabindex="0"]').first();
      await svg.scrollIntoViewIfNeeded(); await svg.focus(); await page.keyboard.press('ArrowRight'); await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(300);
      const box = await svg.boundingBox();
      await page.screenshot({ path: `/tmp/probe/${name}-${w}-${scheme}.png`, clip: { x: 0, y: Math.max(0, box!.y - 150 + (await page.evaluate(() => scrollY))), width: w, height: 700 }, fullPage: true });
    }
    await page.close();
  }
  await ctx.close();
}
await browser.close(); server.close();

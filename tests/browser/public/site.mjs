// Browser test of the public site in headless Debian Chromium: a caseworker's path (search,
// page, open an interpreter, switch language, verify a number) and a tip sent through the tip
// form (look-up, a rejected send that keeps its text, the receipt) with JavaScript off, and
// axe-core WCAG 2.1 A/AA checks with zero violations on every kind of page.
// Usage: node site.mjs http://127.0.0.1:PORT   (./run starts the server and calls this)

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const base = process.argv[2];
if (!base) {
  console.error('usage: node site.mjs http://127.0.0.1:PORT');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e.stack || e).split('\n').join('\n  ')}`);
  }
}

// The user's path, with JavaScript switched off: the site must work without it.
const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
const page = await noJs.newPage();
let interpreterUrl;
let interpreterNumber;

await check('search for a language with a typo', async () => {
  await page.goto(base + '/');
  assert.equal(await page.locator('h1').innerText(), 'Finn en kvalifisert tolk');
  await page.getByLabel('Språk', { exact: true }).fill('arabsik');
  await page.getByRole('button', { name: 'Søk' }).click();
  await page.waitForURL(/\/sok\?/);
  const h1 = await page.locator('h1').innerText();
  assert.match(h1, /^\d+ tolker i arabisk$/);
  assert.match(await page.locator('.ds-alert').first().innerText(), /Du skrev «arabsik»/);
  assert.equal(await page.locator('ol.results > li').count(), 20);
});

await check('filters narrow the results', async () => {
  const before = Number((await page.locator('h1').innerText()).split(' ')[0]);
  await page.locator('aside summary').click();
  await page.locator('aside').getByLabel('Laveste kvalifikasjonskategori').selectOption('B');
  await page.locator('aside').getByRole('button', { name: 'Søk' }).click();
  await page.waitForURL(/category=B/);
  const after = Number((await page.locator('h1').innerText()).split(' ')[0]);
  assert.ok(after > 0 && after < before, `${after} of ${before}`);
  const tags = await page.locator('ol.results .entry-list li:first-child .ds-tag').allInnerTexts();
  assert.ok(tags.every((t) => t === 'A' || t === 'B'), tags.join(','));
});

await check('go to the next page of results', async () => {
  const first = await page.locator('ol.results h3 a').first().innerText();
  await page.getByRole('link', { name: 'Neste' }).click();
  await page.waitForURL(/page=2/);
  assert.equal(await page.locator('ol.results').getAttribute('start'), '21');
  assert.notEqual(await page.locator('ol.results h3 a').first().innerText(), first);
});

await check('open an interpreter', async () => {
  const link = page.locator('ol.results h3 a').first();
  const name = await link.innerText();
  await link.click();
  await page.waitForURL(/\/tolk\/\d+/);
  interpreterUrl = page.url();
  interpreterNumber = interpreterUrl.match(/\/tolk\/(\d+)/)[1];
  assert.equal(await page.locator('h1').innerText(), name);
  assert.match(await page.locator('table').innerText(), /arabisk/);
});

await check('switch the language to nynorsk and English', async () => {
  await page.getByRole('link', { name: 'Nynorsk' }).click();
  await page.waitForURL(/lang=nn/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'nn');
  assert.match(await page.locator('body').innerText(), /Slik arbeider tolken/);
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/lang=en/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.locator('body').innerText(), /How the interpreter works/);
  // The choice follows the user to the next page.
  await page.getByRole('link', { name: 'Find an interpreter' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Find a qualified interpreter');
});

await check('verify an interpreter number', async () => {
  await page.goto(base + '/kontroller');
  await page.getByLabel('Tolkenummer').fill(interpreterNumber);
  await page.getByRole('button', { name: 'Kontroller' }).click();
  assert.match(await page.locator('.verify-result').innerText(), new RegExp(`Tolk ${interpreterNumber} er oppført`));
  await page.getByLabel('Tolkenummer').fill('12ab');
  await page.getByRole('button', { name: 'Kontroller' }).click();
  assert.match(await page.locator('.ds-error-summary').innerText(), /ikke et gyldig tolkenummer/);
});

await check('a phone-sized screen shows the search form before the results', async () => {
  await page.goto(base + '/sok?language=farsi');
  const form = await page.locator('aside').boundingBox();
  const list = await page.locator('ol.results').boundingBox();
  assert.ok(form.y < list.y, 'form first on small screens');
  assert.ok(list.width <= 390, 'no horizontal overflow');
});

// The tip form, with JavaScript off: find the interpreter, be refused, fix it, get a receipt.
const tipAccount = 'Tolken fortalte en nabo om det som ble sagt hos legen. Dette skjedde to ganger.';
let receiptUrl;
await check('the help page leads to the tip form', async () => {
  await page.goto(base + '/hjelp');
  await page.locator('main').getByRole('link', { name: 'Varsle om en tolk' }).click();
  await page.waitForURL(/\/varsle$/);
  assert.equal(await page.locator('h1').innerText(), 'Varsle om brudd på tolkeloven');
});

await check('look up the interpreter by number and choose them', async () => {
  await page.getByLabel('Tolkens navn eller tolkenummer').fill(interpreterNumber);
  await page.getByRole('button', { name: 'Finn tolk' }).click();
  await page.waitForURL(/\/varsle$/);
  assert.match(await page.locator('.lookup-note').innerText(), /Vi fant 1 oppført tolk/);
  await page.locator(`#interpreter-${interpreterNumber}`).check();
});

await check('a rejected tip says why and keeps everything written', async () => {
  await page.getByLabel('Sted eller virksomhet (valgfritt)').fill('Legevakten i Bergen');
  await page.getByLabel('Hva skjedde?').fill(tipAccount);
  await page.getByLabel('Ja, jeg oppgir navn og kontaktinformasjon').check();
  await page.getByLabel('E-post').fill('kari@example.no');
  await page.getByRole('button', { name: 'Send varselet' }).click();
  await page.waitForURL(/\/varsle$/);
  assert.match(await page.title(), /^Feil: /);
  const summary = await page.locator('.ds-error-summary').innerText();
  assert.match(summary, /Velg minst ett av punktene/);
  assert.match(summary, /Velg hvilken rolle du hadde/);
  assert.match(summary, /Skriv navnet ditt/);
  assert.equal(await page.getByLabel('Hva skjedde?').inputValue(), tipAccount);
  assert.equal(await page.getByLabel('Sted eller virksomhet (valgfritt)').inputValue(), 'Legevakten i Bergen');
  assert.equal(await page.getByLabel('E-post').inputValue(), 'kari@example.no');
  assert.ok(await page.locator(`#interpreter-${interpreterNumber}`).isChecked(), 'the chosen interpreter stays chosen');
  assert.ok(await page.getByLabel('Ja, jeg oppgir navn og kontaktinformasjon').isChecked());
  // The summary's links lead to the fields.
  await page.locator('.ds-error-summary a', { hasText: 'Velg minst ett av punktene' }).click();
  assert.match(page.url(), /#ground-good_practice$/);
});

await check('send the tip and get a receipt with a case reference', async () => {
  await page.getByLabel('Taushetsplikt (tolkeloven § 15)').check();
  await page.getByLabel('Jeg var der for et offentlig organ', { exact: false }).check();
  await page.getByLabel('Navn', { exact: true }).fill('Kari Nordmann');
  await page.getByRole('button', { name: 'Send varselet' }).click();
  await page.waitForURL(/\/varsle\/kvittering\?/);
  receiptUrl = page.url();
  assert.equal(await page.locator('h1').innerText(), 'Varselet er mottatt');
  assert.match(await page.locator('.reference').innerText(), /^VAR-\d{4}-\d{5}$/);
  assert.doesNotMatch(await page.locator('main').innerText(), /Kari Nordmann|legen/);
  // Reloading the receipt files nothing and shows the same reference.
  const reference = await page.locator('.reference').innerText();
  await page.reload();
  assert.equal(await page.locator('.reference').innerText(), reference);
});

// Accessibility: axe-core injected into each page (bypassing our CSP, which allows no scripts).
const axeContext = await browser.newContext({ bypassCSP: true });
const axePage = await axeContext.newPage();
const pages = {
  front: '/',
  results: '/sok?language=arabisk',
  'results (nynorsk, filtered)': '/sok?language=arabisk&category=C&county=03&lang=nn',
  'zero results': '/sok?language=somali&category=A&county=56&mode=on_site&gender=unspecified',
  'bad search': '/sok?language=klingonsk',
  interpreter: () => new URL(interpreterUrl).pathname,
  'interpreter (English)': () => new URL(interpreterUrl).pathname + '?lang=en',
  languages: '/sprak',
  language: '/sprak/ARB',
  verify: '/kontroller',
  'verify, listed': () => '/kontroller?nummer=' + interpreterNumber,
  'verify, invalid': '/kontroller?nummer=12ab',
  help: '/hjelp',
  accessibility: '/tilgjengelighet',
  'not found': '/finnes-ikke',
  'tip form': '/varsle',
  'tip form (nynorsk)': '/varsle?lang=nn',
  'tip form with errors': async () => {
    await axePage.goto(base + '/varsle?lang=en');
    await axePage.getByLabel('The interpreter\'s name or interpreter number').fill('haddad');
    await axePage.getByRole('button', { name: 'Find interpreter' }).click();
    await axePage.getByRole('button', { name: 'Send the report' }).click();
    await axePage.locator('.ds-error-summary').waitFor();
  },
  'tip receipt': () => new URL(receiptUrl).pathname + new URL(receiptUrl).search,
};
for (const [name, path] of Object.entries(pages)) {
  await check(`axe: ${name} has no WCAG 2.1 A/AA violations`, async () => {
    let target = typeof path === 'function' ? path() : path;
    if (target instanceof Promise) {
      await target;
      target = new URL(axePage.url()).pathname;
    } else {
      await axePage.goto(base + target);
    }
    await axePage.addScriptTag({ path: AXE });
    const result = await axePage.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
    );
    const problems = result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`,
    );
    assert.equal(result.violations.length, 0, `${target}\n  ${problems.join('\n  ')}`);
  });
}

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

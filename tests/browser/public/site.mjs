// Browser test of the public site in headless Debian Chromium: a caseworker's path (search,
// page, open an interpreter, switch language, verify a number), results first on a phone,
// removable filters, a shared language name ("kurdisk"), the header menu on a 320 px phone, the
// categories' legend, the about, contact, privacy and guide pages, and a tip sent through the
// tip form (look-up, a rejected send that keeps its text, Enter sending it, the receipt) with
// JavaScript off; axe-core
// WCAG 2.1 A/AA checks with zero violations, and reflow at 320 px and 200 % text, on every
// kind of page; the statistics pages (figures for a chosen date through a form without
// JavaScript, the figures before the form on a phone, a keyboard-only pass reaching the date
// form and the downloads, no sideways scrolling at 320 px). SCREENSHOTS=DIR saves phone-width
// screenshots of the results and statistics pages there.
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
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Find an interpreter' }).click();
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

await check('on a 390 px phone the first interpreter comes before the facets, in the first screen', async () => {
  await page.goto(base + '/sok?language=arabisk');
  const first = await page.locator('ol.results > li').first().boundingBox();
  const name = await page.locator('ol.results > li h3 a').first().boundingBox();
  const facets = await page.locator('#facet-categories').boundingBox();
  const form = await page.locator('aside form').boundingBox();
  assert.ok(name.y + name.height <= 844, `first name ends at ${name.y + name.height} px`);
  assert.ok(first.y < form.y && first.y < facets.y, `result at ${first.y}, form at ${form.y}, facets at ${facets.y}`);
  // The search is one line with a way to change it, which leads to the form.
  const summary = page.locator('.search-summary');
  assert.ok(await summary.isVisible());
  assert.match(await summary.innerText(), /Søk: arabisk/);
  await summary.getByRole('link', { name: 'Endre søket' }).click();
  assert.match(page.url(), /#change-search$/);
  await page.locator('aside').getByLabel('Språk', { exact: true }).waitFor();
});

await check('the heading names each active filter, and each can be removed', async () => {
  await page.goto(base + '/sok?language=arabisk&county=03&category=C');
  const heading = await page.locator('h1').innerText();
  assert.match(heading, /^\d+ tolker i arabisk i Oslo, kategori C eller høyere$/);
  await page.getByRole('link', { name: 'Fjern filteret Oslo' }).click();
  await page.waitForURL((u) => !u.search.includes('county'));
  assert.match(await page.locator('h1').innerText(), /^\d+ tolker i arabisk, kategori C eller høyere$/);
  await page.getByRole('link', { name: 'Fjern filteret kategori C eller høyere' }).click();
  await page.waitForURL((u) => !u.search.includes('category'));
  const all = await page.locator('h1').innerText();
  assert.match(all, /^\d+ tolker i arabisk$/);
  assert.ok(Number(all.split(' ')[0]) > Number(heading.split(' ')[0]), `${all} vs ${heading}`);
  assert.equal(await page.locator('.active-filters').count(), 0);
});

await check('"kurdisk" offers both Kurdish register languages and searches both, saying so', async () => {
  await page.goto(base + '/sok?language=kurdisk');
  assert.match(await page.locator('h1').innerText(), /^\d+ tolker i sorani eller kurmanji\/badini$/);
  const note = page.locator('.shared-language');
  assert.match(await note.innerText(), /«kurdisk» kan bety flere språk i registeret\. Vi viser tolker i alle: sorani og kurmanji\/badini\./);
  assert.match(await note.innerText(), /Mente du: sorani, kurmanji\/badini\?/);
  const entries = await page.locator('ol.results .entry-list li:first-child').allInnerTexts();
  assert.ok(entries.some((e) => /^sorani/.test(e)) && entries.some((e) => /^kurmanji\/badini/.test(e)), entries.join(' | '));
  await note.getByRole('link', { name: 'kurmanji/badini' }).click();
  assert.match(await page.locator('h1').innerText(), /^\d+ tolker i kurmanji\/badini$/);
  assert.equal(await page.locator('.shared-language').count(), 0);
  // A shared name that is one language's own searches that language and offers the other.
  await page.goto(base + '/sok?language=persisk');
  assert.match(await page.locator('h1').innerText(), /^\d+ tolker i persisk$/);
  assert.match(await page.locator('.shared-language').innerText(), /«persisk» kan også bety dari\.\s+Mente du: dari\?/);
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

await check('send the tip with Enter in a text field and get a receipt with a case reference', async () => {
  await page.getByLabel('Taushetsplikt (tolkeloven § 15)').check();
  await page.getByLabel('Jeg var der for et offentlig organ', { exact: false }).check();
  // Enter in a text field sends the form: its default button is the send button, not the
  // interpreter look-up (which would come back to the form instead of the receipt).
  await page.getByLabel('Navn', { exact: true }).fill('Kari Nordmann');
  await page.getByLabel('Navn', { exact: true }).press('Enter');
  await page.waitForURL(/\/varsle\/kvittering\?/, { timeout: 5000 });
  receiptUrl = page.url();
  assert.equal(await page.locator('h1').innerText(), 'Varselet er mottatt');
  assert.match(await page.locator('.reference').innerText(), /^VAR-\d{4}-\d{5}$/);
  assert.doesNotMatch(await page.locator('main').innerText(), /Kari Nordmann|legen/);
  // Reloading the receipt files nothing and shows the same reference.
  const reference = await page.locator('.reference').innerText();
  await page.reload();
  assert.equal(await page.locator('.reference').innerText(), reference);
});

await check('the tip form links to the privacy statement', async () => {
  await page.goto(base + '/varsle');
  await page.getByRole('link', { name: /personvernerklæring/ }).first().click();
  await page.waitForURL(/\/personvern$/);
  assert.equal(await page.locator('h1').innerText(), 'Personvernerklæring');
  assert.match(await page.locator('main').innerText(), /Datatilsynet/);
  assert.match(await page.locator('main').innerText(), /Postboks 2832 Tøyen/);
});

await check('the header menu takes two rows at most on a 320 px phone and leads to each part', async () => {
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    await page.goto(base + '/');
    const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
    const links = menu.getByRole('link');
    assert.deepEqual(await links.allInnerTexts(), ['Finn tolk', 'Kontroller ID-kort', 'Varsle brudd', 'Hjelp']);
    const tops = new Set();
    for (const box of await Promise.all((await links.all()).map((l) => l.boundingBox()))) tops.add(Math.round(box.y));
    assert.ok(tops.size <= 2, `the menu's links sit on ${tops.size} rows`);
    assert.equal(await links.first().getAttribute('aria-current'), 'page');
    for (const [name, url, heading] of [
      ['Kontroller ID-kort', /\/kontroller$/, 'Kontroller tolkenummer'],
      ['Varsle brudd', /\/varsle$/, 'Varsle om brudd på tolkeloven'],
      ['Hjelp', /\/hjelp$/, 'Hjelp'],
      ['Finn tolk', /\/$/, 'Finn en kvalifisert tolk'],
    ]) {
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name }).click();
      await page.waitForURL(url);
      assert.equal(await page.locator('h1').innerText(), heading);
      assert.equal(await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name }).getAttribute('aria-current'), 'page');
    }
  } finally {
    await page.setViewportSize({ width: 390, height: 844 });
  }
});

await check('the results and the interpreter page explain the categories, linking to the help page', async () => {
  for (const url of [base + '/sok?language=arabisk', interpreterUrl]) {
    await page.goto(url);
    const legend = page.locator('details.category-legend');
    assert.equal(await legend.getAttribute('open'), null, `${url}: folded at first`);
    await legend.locator('summary', { hasText: 'Hva betyr kategoriene A–E?' }).click();
    // Designsystemet animates the opening; wait until the lines are shown.
    await legend.locator('dd').last().waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await legend.locator('dt').count(), 5, url);
    assert.match(await legend.innerText(), /Statsautorisert tolk med bachelorgrad i tolking/, url);
  }
  const more = page.locator('details.category-legend').getByRole('link', { name: /Mer om kategoriene/ });
  const href = await more.getAttribute('href');
  assert.equal(href, '/hjelp#kategorier');
  await page.goto(base + href);
  assert.ok(await page.locator('#kategorier').isVisible());
  assert.equal(await page.locator('#kategorier').innerText(), 'Hva kategoriene betyr');
});

await check('the footer leads to the about, contact, privacy and guide pages', async () => {
  for (const [name, url, heading] of [
    ['Om registeret', /\/om$/, 'Om Nasjonalt tolkeregister'],
    ['Kontakt IMDi', /\/kontakt$/, 'Kontakt IMDi'],
    ['Personvernerklæring', /\/personvern$/, 'Personvernerklæring'],
    ['Veileder for offentlige organer', /\/veileder$/, 'Veileder for offentlige organer'],
  ]) {
    await page.locator('footer').getByRole('link', { name, exact: true }).click();
    await page.waitForURL(url);
    assert.equal(await page.locator('h1').innerText(), heading);
  }
});


// The statistics pages, with JavaScript off: choose a date with the form, read table 3-4-1.
await check('statistics: the footer leads to the statistics, and a date is chosen with the form', async () => {
  await page.goto(base + '/');
  await page.locator('footer').getByRole('link', { name: 'Statistikk', exact: true }).click();
  await page.waitForURL(/\/statistikk$/);
  assert.equal(await page.locator('h1').innerText(), 'Statistikk om tolkeregisteret');
  await page.getByLabel('Dato', { exact: true }).fill('2023-12-31');
  await page.getByRole('button', { name: 'Vis tallene' }).click();
  await page.waitForURL(/dag=2023-12-31/);
  assert.match(await page.locator('#key-figures').innerText(), /Tall per 31\. desember 2023/);
  const rowA = await page.locator('#table-341 tr', { has: page.locator('th', { hasText: /^A$/ }) }).innerText();
  assert.match(rowA, /^A\s+18\s+26\s+66\s+92\b/);
  const total = await page.locator('#table-341 tr.total').innerText();
  assert.match(total, /1\s653\s+1\s948\s+2\s245\s+2\s782/);
  // The chart's numbers are one click away, without script.
  await page.locator('.chart-data summary').first().click();
  await page.locator('#series-table').waitFor({ state: 'visible', timeout: 3000 });
});

await check('statistics: on a 390 px phone the figures come before the date form', async () => {
  await page.goto(base + '/statistikk?dag=2023-12-31');
  const figures = await page.locator('.key-figures').boundingBox();
  const form = await page.locator('form.stats-form').boundingBox();
  assert.ok(figures.y < form.y, `figures at ${figures.y}, form at ${form.y}`);
  assert.ok(figures.y < 844, `the figures start in the first screen (${figures.y})`);
});

await check('statistics: a hidden county cell is marked and explained', async () => {
  await page.goto(base + '/statistikk/fylker?dag=2023-12-31');
  const hidden = page.locator('#counties-table td.suppressed');
  assert.ok(await hidden.count() > 0);
  assert.equal(await hidden.first().locator('span[aria-hidden="true"]').innerText(), '–');
  assert.equal(await hidden.first().locator('.ds-sr-only').textContent(), 'skjult');
  assert.match(await page.locator('#suppressed-note').innerText(), /Skjult av personvernhensyn/);
  assert.match(await page.locator('main').innerText(), /Slik skjuler vi små tall/);
});

await check('statistics: a date before 2020 gets 400 and a message in the page language', async () => {
  const response = await page.goto(base + '/statistikk?dag=2019-12-31&lang=en');
  assert.equal(response.status(), 400);
  assert.match(await page.locator('.ds-error-summary').innerText(), /The statistics begin on 1 January 2020/);
  assert.equal(await page.getByLabel('Date', { exact: true }).getAttribute('aria-invalid'), 'true');
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
  about: '/om',
  'about (nynorsk)': '/om?lang=nn',
  contact: '/kontakt',
  privacy: '/personvern',
  'privacy (English)': '/personvern?lang=en',
  guide: '/veileder',
  'guide (English)': '/veileder?lang=en',
  'not found': '/finnes-ikke',
  'tip form': '/varsle',
  'tip form (nynorsk)': '/varsle?lang=nn',
  'tip form with errors': async (pg) => {
    await pg.goto(base + '/varsle?lang=en');
    await pg.getByLabel('The interpreter\'s name or interpreter number').fill('haddad');
    await pg.getByRole('button', { name: 'Find interpreter' }).click();
    await pg.getByRole('button', { name: 'Send the report' }).click();
    await pg.locator('.ds-error-summary').waitFor();
  },
  'results for a long language name': '/sok?language=serbisk&category=E&county=46&mode=telephone',
  'shared language name': '/sok?language=samisk',
  'tip receipt': () => new URL(receiptUrl).pathname + new URL(receiptUrl).search,
  statistics: '/statistikk',
  'statistics (nynorsk)': '/statistikk?lang=nn',
  'statistics (English, 2023)': '/statistikk?dag=2023-12-31&lang=en',
  'statistics by language': '/statistikk/sprak',
  'statistics by language (nynorsk)': '/statistikk/sprak?lang=nn',
  'statistics by language (English)': '/statistikk/sprak?lang=en',
  'statistics by county': '/statistikk/fylker',
  'statistics by county (nynorsk)': '/statistikk/fylker?lang=nn',
  'statistics by county (English)': '/statistikk/fylker?dag=2023-12-31&lang=en',
  'statistics, bad date': '/statistikk?dag=2019-12-31',
  coverage: '/statistikk/dekning',
  'coverage (English)': '/statistikk/dekning?lang=en',
};
// Opens one of `pages` in `pg`: a path, a function giving one, or steps that take the page.
async function open(pg, path) {
  if (typeof path === 'function' && path.length === 1) {
    await path(pg);
    return new URL(pg.url()).pathname;
  }
  const target = typeof path === 'function' ? path() : path;
  await pg.goto(base + target);
  return target;
}
for (const [name, path] of Object.entries(pages)) {
  await check(`axe: ${name} has no WCAG 2.1 A/AA violations`, async () => {
    const target = await open(axePage, path);
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

// Reflow (WCAG 1.4.10, 1.4.4): every page fits 320 px without sideways scrolling, and a
// 1280 px window with text at 200 % (as a browser's text-size setting does) fits too.
const screenshots = process.env.SCREENSHOTS;
const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } });
const narrowPage = await narrow.newPage();
const wideBigText = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
const bigTextPage = await wideBigText.newPage();
async function overflow(pg) {
  return pg.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`);
    return { scroll: root.scrollWidth, client: root.clientWidth, wide };
  });
}
for (const [name, path] of Object.entries(pages)) {
  await check(`reflow: ${name} fits 320 px without horizontal scrolling`, async () => {
    const target = await open(narrowPage, path);
    const o = await overflow(narrowPage);
    assert.ok(o.scroll <= o.client, `${target}: ${o.scroll} px wide in ${o.client} px: ${o.wide.join(', ')}`);
  });
  await check(`text zoom: ${name} fits at 200 % text`, async () => {
    const target = await open(bigTextPage, path);
    await bigTextPage.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    const o = await overflow(bigTextPage);
    assert.ok(o.scroll <= o.client, `${target}: ${o.scroll} px wide in ${o.client} px: ${o.wide.join(', ')}`);
  });
}

// Keyboard only: Tab from the top of the statistics page reaches the scrolling tables, the date
// field, its button and the downloads, and nothing on the way is hidden from sight.
await check('statistics: the keyboard reaches the tables, the date form and the downloads', async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const kb = await ctx.newPage();
  try {
    await kb.goto(base + '/statistikk?dag=2023-12-31');
    const seen = [];
    for (let i = 0; i < 120; i++) {
      await kb.keyboard.press('Tab');
      const f = await kb.evaluate(() => {
        const e = document.activeElement;
        const r = e.getBoundingClientRect();
        return { tag: e.tagName.toLowerCase(), id: e.id, href: e.getAttribute('href') || '', role: e.getAttribute('role') || '',
          type: e.getAttribute('type') || '', visible: r.width > 0 && r.height > 0 };
      });
      seen.push(f);
      if (f.href.includes('katalog.jsonld')) break;
    }
    const at = (pred) => seen.findIndex(pred);
    const region = at((f) => f.role === 'region');
    const date = at((f) => f.id === 'dag');
    const button = at((f) => f.tag === 'button' && f.type === 'submit');
    const csv = at((f) => f.href.includes('/statistikk/data/') && f.href.includes('.csv'));
    const catalogue = at((f) => f.href.includes('katalog.jsonld'));
    assert.ok(region >= 0, 'a scrolling table can be focused');
    assert.ok(date >= 0 && button > date, `date field at ${date}, its button at ${button}`);
    assert.ok(csv > button && catalogue > csv, `downloads at ${csv}..${catalogue}`);
    assert.ok(seen.slice(0, catalogue + 1).every((f) => f.visible), 'every stop is visible');
  } finally {
    await ctx.close();
  }
});

// No sideways scrolling on the statistics pages at 320 px, as the browser itself measures it.
await check('statistics: no page scrolls sideways at 320 px', async () => {
  const ctx = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const narrowStats = await ctx.newPage();
  try {
    for (const path of ['/statistikk', '/statistikk/sprak', '/statistikk/fylker', '/statistikk?lang=en',
      '/statistikk/fylker?lang=nn', '/statistikk?dag=2019-01-01', '/statistikk/dekning']) {
      await narrowStats.goto(base + path);
      const { scroll, inner } = await narrowStats.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
      assert.ok(scroll <= inner, `${path}: ${scroll} px wide in ${inner} px`);
    }
  } finally {
    await ctx.close();
  }
});

if (screenshots) {
  for (const width of [390, 320]) {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 844 } });
    const shot = await ctx.newPage();
    for (const [file, path] of [['arabisk', '/sok?language=arabisk'], ['kurdisk', '/sok?language=kurdisk'],
      ['hbs-filters', '/sok?language=serbisk&county=03&category=D'], ['statistikk', '/statistikk?dag=2023-12-31'],
      ['statistikk-sprak', '/statistikk/sprak?dag=2023-12-31'], ['statistikk-fylker', '/statistikk/fylker?dag=2023-12-31'],
      ['statistics-en', '/statistikk?lang=en']]) {
      await shot.goto(base + path);
      await shot.screenshot({ path: `${screenshots}/${file}-${width}.png` });
      await shot.screenshot({ path: `${screenshots}/${file}-${width}-full.png`, fullPage: true });
    }
    await ctx.close();
  }
}

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

// The admin service's full flow in headless Chromium (including one tip case through to a
// decision with four eyes), plus axe-core on every admin page.
// Starts `tolkeregister serve-admin` on a fresh SQLite file and reads the demo logins it prints.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const bin = process.env.TOLKEREGISTER_BIN;
const dir = mkdtempSync(join(tmpdir(), 'tolkeregister-admin-'));
const today = new Date().toISOString().slice(0, 10);

let current = null;
let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`FAIL ${name}: ${e.message.split('\n')[0]}`);
    if (process.env.DEBUG && current) console.log(`  at ${current.url()}: ${(await current.textContent('main').catch(() => '')).slice(0, 400)}`);
  }
}
function expect(cond, message) {
  if (!cond) throw new Error(message);
}

/** Starts the admin service; resolves with its base URL and the printed demo passwords. */
function startService() {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['serve-admin', '--admin-addr', '127.0.0.1:0'], {
      env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'register.db')}`, RUST_LOG: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`service did not start:\n${out}`)), 60000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = out.match(/Saksbehandlertjeneste:\s+(http:\/\/[^/\s]+)\//);
      if (url && out.includes('Stopp med Ctrl+C')) {
        clearTimeout(timer);
        const passwords = {};
        for (const m of out.matchAll(/^\s{4}(\w+)\s+(\S+)\s+/gm)) passwords[m[1]] = m[2];
        resolve({ child, base: url[1], passwords });
      }
    });
    child.on('exit', (code) => reject(new Error(`service exited (${code}):\n${out}`)));
  });
}

async function axe(page, name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const problems = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
  expect(problems.length === 0, `${name}: ${problems.join('; ')}`);
}

async function login(browser, base, user, password) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${base}/logg-inn`);
  await page.fill('#username', user);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${base}/`), page.click('button[type=submit]')]);
  return page;
}

async function category(page, table) {
  return (await page.locator(`#${table} [data-language="ARB"]`).textContent()).trim();
}

async function submit(page) {
  await Promise.all([page.waitForLoadState('load'), page.click('main form button[type=submit]')]);
}

const service = await startService();
const { base, passwords } = service;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const pages = {};

try {
  let kari;
  let number;
  await check('the login page is accessible and wrong passwords are refused', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/logg-inn`);
    await axe(page, 'login');
    await page.fill('#username', 'kari');
    await page.fill('#password', 'wrong');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=Feil brukernavn eller passord');
    expect((await page.inputValue('#username')) === 'kari', 'username kept');
    await context.close();
  });

  await check('a caseworker logs in and sees the work list', async () => {
    kari = await login(browser, base, 'kari', passwords.kari);
    current = kari;
    await kari.waitForSelector('h1:text("Arbeidsliste")');
    const cookies = await kari.context().cookies();
    const session = cookies.find((c) => c.name === 'tolkeregister_admin');
    expect(session && session.httpOnly && session.secure && session.sameSite === 'Strict', `cookie ${JSON.stringify(session)}`);
    pages.worklist = kari.url();
  });

  await check('registering shows errors next to the field and keeps the input, then saves', async () => {
    await kari.goto(`${base}/tolker/ny`);
    pages.newInterpreter = kari.url();
    await kari.selectOption('#source', 'email');
    await kari.fill('#source_ref', '24/4711');
    await kari.fill('#national_id', '15076500566');
    await kari.fill('#given_name', 'Leila');
    await kari.fill('#family_name', 'Haddad');
    await kari.selectOption('#gender', 'female');
    await kari.selectOption('#county', '46');
    await kari.fill('#phone', '+47 912 34 567');
    await kari.fill('#email', 'leila@example.no');
    await kari.selectOption('#availability', 'part_time');
    await kari.check('#on_site');
    await submit(kari);
    const error = await kari.textContent('#national_id-error');
    expect(error.includes('kontrollsiffer'), `error: ${error}`);
    expect((await kari.inputValue('#given_name')) === 'Leila', 'name kept');
    await axe(kari, 'registration with errors');
    await kari.fill('#national_id', '01019012561');
    await submit(kari);
    await kari.waitForSelector('text=Tolken er registrert.');
    number = kari.url().match(/\/tolker\/(\d+)/)[1];
    pages.dossier = `${base}/tolker/${number}`;
  });

  async function qualification(kind, language) {
    await kari.goto(`${base}/tolker/${number}/kvalifikasjoner/ny`);
    await kari.selectOption('#kind', kind);
    if (language) await kari.selectOption('#language', language);
    await kari.fill('#completed_on', '2023-05-01');
    await kari.fill('#institution', 'OsloMet');
    await kari.fill('#evidence_ref', 'ARK-2024-88');
    await kari.fill('#reason', 'Kopi av dokumentasjon mottatt per e-post');
    await submit(kari);
    await kari.waitForSelector('text=Kvalifikasjonen er registrert');
  }

  await check('qualifications give a derived category', async () => {
    await qualification('tao_course', null);
    await qualification('bilingual_test', 'ARB');
    expect((await category(kari, 'derived')) === 'E', 'TAO + bilingual test is E');
    pages.qualification = `${base}/tolker/${number}/kvalifikasjoner/ny`;
  });

  await check('a decision lists the interpreter and prints a nynorsk letter', async () => {
    await kari.goto(`${base}/tolker/${number}/vedtak/ny`);
    pages.decision = kari.url();
    await kari.selectOption('#kind', 'approve_entry');
    await kari.selectOption('#language', 'ARB');
    await kari.fill('#reasons', 'Søkjaren har greidd Tospråktesten og TAO.');
    await kari.selectOption('#letter_language', 'nn');
    await submit(kari);
    await kari.waitForSelector('text=Vedtaket er fattet.');
    const letter = await kari.textContent('article.letter');
    expect(letter.includes('ført opp i Nasjonalt tolkeregister for arabisk i kategori E'), letter);
    expect(letter.includes('tre veker'), 'nynorsk appeal text');
    pages.letter = kari.url();
    await kari.goto(pages.dossier);
    expect((await category(kari, 'entries')) === 'E', 'listed in E');
  });

  await check('a foundation course and a licence raise the category to B', async () => {
    await qualification('foundation_course', 'ARB');
    expect((await category(kari, 'entries')) === 'D', 'D after the foundation course');
    await kari.goto(`${base}/tolker/${number}/bevillinger/ny`);
    pages.licence = kari.url();
    await kari.selectOption('#language', 'ARB');
    await kari.fill('#granted_on', today);
    await kari.fill('#decision_ref', '24/00321');
    await kari.fill('#reason', 'Bestått autorisasjonsprøven');
    await submit(kari);
    await kari.waitForSelector('text=Bevillingen er registrert');
    expect((await category(kari, 'entries')) === 'B', 'B with licence + foundation course');
  });

  let sigrid;
  await check('a revocation waits for a second senior, then the category falls', async () => {
    await kari.goto(`${base}/tolker/${number}/bevillinger/1/status`);
    pages.status = kari.url();
    await kari.selectOption('#status', 'revoked');
    await kari.fill('#reason', 'Alvorlig brudd på god tolkeskikk, sak 24/77');
    await submit(kari);
    await kari.waitForSelector('text=Endringen er sendt til godkjenning');
    expect((await category(kari, 'entries')) === 'B', 'still B before approval');

    sigrid = await login(browser, base, 'sigrid', passwords.sigrid);
    await sigrid.goto(`${base}/godkjenninger`);
    pages.approvals = sigrid.url();
    await axe(sigrid, 'approvals');
    await Promise.all([sigrid.waitForLoadState('load'), sigrid.click('button:text("Godkjenn tilbakekall av bevilling nr. 1")')]);
    await sigrid.waitForSelector('text=Endringen er utført.');
    expect((await category(sigrid, 'entries')) === 'D', 'D after the revocation');
    const history = await sigrid.textContent('#history');
    expect(history.includes('godkjent av staff:sigrid') && history.includes('sak 24/77'), 'history says who and why');
  });

  await check('a foreign-qualification case can be opened', async () => {
    await kari.goto(`${base}/utenlandske-saker/ny?tolk=${number}`);
    pages.newCase = kari.url();
    await kari.selectOption('#language', 'ARB');
    await kari.fill('#country', 'Egypt');
    await kari.fill('#institution', 'Cairo University');
    await kari.fill('#title', 'BA in Interpreting');
    await kari.fill('#completed_on', '2019-06-30');
    await submit(kari);
    await kari.waitForSelector('text=Bekreft mottak');
    pages.case = kari.url();
    pages.cases = `${base}/utenlandske-saker`;
  });

  /** Opens an action on the case page, fills it, submits it and waits for the page after it. */
  async function caseAction(page, action, fill, reason = 'Saksbehandling i nettlesertesten') {
    await page.click(`#action-${action} summary`);
    if (fill) await fill(page);
    await page.fill(`#${action}-reason`, reason);
    await Promise.all([page.waitForNavigation(), page.click(`#action-${action} button[type=submit]`)]);
    const notice = await page.textContent('main .notice.ok').catch(() => null);
    expect(notice, `${action}: ${(await page.textContent('main')).slice(0, 300)}`);
    return notice;
  }

  await check('a tip case goes from staff intake to a decision approved by a second senior', async () => {
    await kari.goto(`${base}/varsler/ny`);
    pages.tipIntake = kari.url();
    await kari.selectOption('#channel', 'email');
    await kari.fill('#interpreter', number);
    await kari.fill('#assignment_place', 'NAV Grünerløkka');
    await kari.fill('#account', 'Tolken ga brukeren egne råd under samtalen.');
    await kari.selectOption('#reporter_role', 'public_body');
    await kari.fill('#reporter_name', 'Ingrid Varslersen');
    await kari.fill('#reporter_email', 'ingrid@nav.example.no');
    await submit(kari);
    await kari.waitForSelector('text=velg minst ett grunnlag');
    expect((await kari.inputValue('#account')).includes('egne råd'), 'account kept');
    await kari.check('#ground_good_practice');
    await submit(kari);
    await kari.waitForSelector('text=Varselet er registrert.');
    pages.tipCase = kari.url().split('?')[0];
    pages.tips = `${base}/varsler`;

    await caseAction(kari, 'take');
    expect((await kari.textContent('#reporter')).includes('Ingrid Varslersen'), 'the assigned caseworker sees the reporter');
    await caseAction(kari, 'start_assessment');
    await caseAction(kari, 'open_investigation');
    await caseAction(kari, 'send_advance_notice');
    expect((await kari.textContent('#status')).includes('Forhåndsvarslet'), 'advance notice sent');
    await caseAction(kari, 'record_reply');
    const proposed = await caseAction(kari, 'decide', async (p) => {
      await p.selectOption('#decide-outcome', 'warning');
      await p.fill('#decide-reasons', 'Tolken ga egne råd, i strid med god tolkeskikk (tolkeloven § 14).');
    });
    expect(proposed.includes('venter på godkjenning'), proposed);
    expect(!(await kari.textContent('main')).includes('Godkjenn forslaget'), 'a caseworker cannot approve');

    if (!sigrid) sigrid = await login(browser, base, 'sigrid', passwords.sigrid);
    await sigrid.goto(pages.tipCase);
    expect(!(await sigrid.textContent('#reporter')).includes('Ingrid Varslersen'), 'an unassigned senior does not see the reporter');
    await Promise.all([sigrid.waitForNavigation(), sigrid.click('button:text("Godkjenn forslaget")')]);
    await sigrid.waitForSelector('text=Forslaget er godkjent og gjennomført.');
    expect((await sigrid.textContent('#status')).includes('Vedtak fattet'), 'decided');
    const decision = await sigrid.textContent('#decision');
    expect(decision.includes('Advarsel') && decision.includes('kari') && decision.includes('sigrid'), decision);
    await axe(sigrid, 'tip case with access log');
    await kari.goto(pages.tips);
    await axe(kari, 'tips list');
    await kari.goto(pages.tipCase);
    await axe(kari, 'tip case');
  });

  await check('every admin page passes axe-core', async () => {
    const problems = [];
    for (const [name, url] of Object.entries(pages)) {
      const page = name === 'approvals' ? sigrid : kari;
      if (!page) continue;
      await page.goto(url);
      try {
        await axe(page, name);
      } catch (e) {
        problems.push(e.message);
      }
    }
    pages.search = `${base}/tolker?q=Haddad`;
    await kari.goto(pages.search);
    await axe(kari, 'search').catch((e) => problems.push(e.message));
    const ingrid = await login(browser, base, 'ingrid', passwords.ingrid);
    await ingrid.goto(`${base}/statistikk`);
    await axe(ingrid, 'statistics').catch((e) => problems.push(e.message));
    const tone = await login(browser, base, 'tone', passwords.tone);
    await tone.goto(`${base}/brukere`);
    await axe(tone, 'users').catch((e) => problems.push(e.message));
    const forbidden = await tone.goto(`${base}/tolker/${number}`);
    expect(forbidden.status() === 403, 'an administrator cannot open an interpreter');
    expect(problems.length === 0, problems.join(' | '));
  });

  await check('every staff page reflows at 320 px without sideways scrolling', async () => {
    const wide = [];
    pages.profile = `${base}/tolker/${number}/opplysninger`;
    pages.home = `${base}/`;
    for (const [name, url] of Object.entries(pages)) {
      const page = name === 'approvals' ? sigrid : kari;
      if (!page) continue;
      await page.setViewportSize({ width: 320, height: 800 });
      await page.goto(url);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (scroll > client) wide.push(`${name} ${scroll} px`);
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    expect(wide.length === 0, `wider than 320 px: ${wide.join(', ')}`);
  });

  await check('a statistician imports the demo demand file and sees coverage; the workspace passes axe and reflows', async () => {
    const ingrid = await login(browser, base, 'ingrid', passwords.ingrid);
    await ingrid.goto(`${base}/statistikk/ettersporsel`);
    await ingrid.setInputFiles('#file', join(process.cwd(), 'fixtures', 'demand-demo.csv'));
    await ingrid.fill('#note', 'Demo (oppdiktede tall)');
    await Promise.all([ingrid.waitForLoadState('load'), ingrid.click('main form button[type=submit]')]);
    const imported = await ingrid.textContent('main');
    expect(/demand-demo\.csv/.test(imported), 'the import is listed by its file name');
    await ingrid.goto(`${base}/statistikk/dekning?ar=2022`);
    const coverage = await ingrid.textContent('main');
    expect(/arabisk/i.test(coverage), 'coverage names Arabic');
    expect(/0,35/.test(coverage), 'the capacity share is shown with the figures');
    const problems = [];
    const wide = [];
    for (const [name, path] of [
      ['statistics workspace', '/statistikk'],
      ['statistics on a day', '/statistikk?dag=2023-12-31'],
      ['coverage', '/statistikk/dekning?ar=2022'],
      ['demand import', '/statistikk/ettersporsel'],
    ]) {
      await ingrid.goto(`${base}${path}`);
      await axe(ingrid, name).catch((e) => problems.push(e.message));
      await ingrid.setViewportSize({ width: 320, height: 800 });
      await ingrid.goto(`${base}${path}`);
      const [scroll, client] = await ingrid.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (scroll > client) wide.push(`${name} ${scroll} px`);
      await ingrid.setViewportSize({ width: 1280, height: 800 });
    }
    expect(problems.length === 0, problems.join(' | '));
    expect(wide.length === 0, `wider than 320 px: ${wide.join(', ')}`);
  });

  await check('on a phone the staff header is one row and its menu opens from the keyboard', async () => {
    await kari.setViewportSize({ width: 320, height: 800 });
    await kari.goto(pages.tipCase);
    const height = await kari.locator('header.top').evaluate((h) => h.getBoundingClientRect().height);
    expect(height <= 80, `header is ${height} px high at 320 px`);
    expect(!(await kari.locator('.menu-small nav a[href="/varsler"]').isVisible()), 'menu folded');
    await kari.locator('.menu-small summary').focus();
    await kari.keyboard.press('Enter');
    expect(await kari.locator('.menu-small nav a[href="/varsler"]').isVisible(), 'menu opens with Enter');
    expect(await kari.locator('.menu-small form.logout button').isVisible(), 'sign-out in the menu');
    const crumbs = await kari.locator('nav.breadcrumbs').innerText();
    expect(/Arbeidsliste\s*›?\s*Varsler/.test(crumbs), `breadcrumbs: ${crumbs}`);
    await kari.setViewportSize({ width: 1280, height: 800 });
  });

  await check('the tips list sorts by a column heading and back, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await kari.context().storageState() });
    const plain = await context.newPage();
    await plain.goto(`${base}/varsler?status=all`);
    await plain.click('#tips th a:has-text("Mottatt")');
    expect((await plain.locator('#tips th[aria-sort]').innerText()).startsWith('Mottatt'), 'sorted by received');
    expect((await plain.locator('#tips th[aria-sort]').getAttribute('aria-sort')) === 'ascending', 'ascending first');
    expect(plain.url().includes('status=all'), `filter kept: ${plain.url()}`);
    await plain.click('#tips th a:has-text("Mottatt")');
    expect((await plain.locator('#tips th[aria-sort]').getAttribute('aria-sort')) === 'descending', 'then descending');
    // The form's hidden sort fields come first in the query it sends.
    await Promise.all([plain.waitForURL((u) => u.search.startsWith('?tips.sort=')), plain.click('form.filters button[type=submit]')]);
    expect((await plain.locator('#tips th[aria-sort]').getAttribute('aria-sort')) === 'descending', 'the filter keeps the order');
    await context.close();
  });

  await check('logging out ends the session', async () => {
    await Promise.all([kari.waitForURL(`${base}/logg-inn`), kari.click('header form.logout button')]);
    const back = await kari.goto(pages.dossier);
    expect(back.status() === 401, `status ${back.status()}`);
  });
} finally {
  await browser.close();
  service.child.kill();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

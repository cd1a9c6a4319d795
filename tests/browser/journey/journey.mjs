// Issue 5's "done when", in headless Chromium against `tolkeregister serve` on a fresh embedded
// database (the README's run command): a tip sent through the public form appears in admin, goes
// through committee advice to a decision approved by a second senior, and the decision shows in
// public search. A committee member sees the case summary without the reporter.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'tolkeregister-journey-'));
const reporterName = 'Kari Varslersen';
const account = 'Tolken la til egne meninger og rådet pasienten til å avslå behandlingen.';

let passed = 0;
let failed = 0;
let stop = false;
/** Runs one step; after a failed step the rest are skipped (each builds on the one before). */
async function step(name, fn) {
  if (stop) {
    failed += 1;
    console.log(`SKIP ${name}`);
    return;
  }
  try {
    await fn();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed += 1;
    stop = true;
    console.log(`FAIL ${name}: ${e.message.split('\n')[0]}`);
  }
}
function expect(cond, message) {
  if (!cond) throw new Error(message);
}

/** Starts both services; resolves with their base URLs and the printed demo passwords. */
function startServices() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.TOLKEREGISTER_BIN, ['serve', '--public-addr', '127.0.0.1:0', '--admin-addr', '127.0.0.1:0'], {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'data', 'register.db')}`,
        TOLKEREGISTER_INDEX_DIR: join(dir, 'data', 'index'), RUST_LOG: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`services did not start:\n${out}`)), 120000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const pub = out.match(/Offentlig tjeneste:\s+(http:\/\/[^/\s]+)\//);
      const admin = out.match(/Saksbehandlertjeneste:\s+(http:\/\/[^/\s]+)\//);
      if (pub && admin && out.includes('Stopp med Ctrl+C')) {
        clearTimeout(timer);
        const passwords = {};
        for (const m of out.matchAll(/^\s{4}(\w+)\s+(\S+)\s+/gm)) passwords[m[1]] = m[2];
        resolve({ child, pub: pub[1], admin: admin[1], passwords });
      }
    });
    child.on('exit', (code) => reject(new Error(`services exited (${code}):\n${out}`)));
  });
}

async function axe(page, name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const problems = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
  expect(problems.length === 0, `${name}: ${problems.join('; ')}`);
}

async function waitFor(what, check, ms = 20000) {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function login(browser, base, user, password) {
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.goto(`${base}/logg-inn`);
  await page.fill('#username', user);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${base}/`), page.click('button[type=submit]')]);
  return page;
}

/** Opens an action on the tip case page, fills it, submits it, and returns the confirmation. */
async function caseAction(page, action, fill, reason = 'Saksbehandling i reisetesten') {
  await page.click(`#action-${action} summary`);
  if (fill) await fill(page);
  await page.fill(`#${action}-reason`, reason);
  await Promise.all([page.waitForNavigation(), page.click(`#action-${action} button[type=submit]`)]);
  const notice = await page.textContent('main .notice.ok').catch(() => null);
  expect(notice, `${action}: ${(await page.textContent('main')).slice(0, 300)}`);
  return notice;
}

function isoDate(days) {
  return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

const services = await startServices();
const { pub, admin, passwords } = services;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const listed = async (n) => {
  const res = await fetch(`${pub}/api/v1/verify/${n}`, { headers: { accept: 'application/json' } });
  return (await res.json()).listed;
};

try {
  let number;
  let reference;
  let kari;
  let casePage;

  await step('the public service has built its index and lists an Arabic interpreter', async () => {
    await waitFor('the public index', async () => (await fetch(`${pub}/readyz`)).status === 200, 60000);
    const res = await fetch(`${pub}/api/v1/search?language=ARB`, { headers: { accept: 'application/json' } });
    const body = await res.text();
    number = body.match(/"interpreter_number":"?(\d+)"?/)?.[1];
    expect(number, `no interpreter in ${body.slice(0, 200)}`);
    expect(await listed(number), `${number} listed`);
  });

  await step('a member of the public sends a tip through the form without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${pub}/varsle`);
    await page.getByLabel('Tolkens navn eller tolkenummer').fill(number);
    await page.getByRole('button', { name: 'Finn tolk' }).click();
    await page.locator(`#interpreter-${number}`).check();
    await page.getByLabel('Sted eller virksomhet (valgfritt)').fill('Haukeland universitetssjukehus');
    await page.getByLabel('Hva skjedde?').fill(account);
    await page.getByLabel('God tolkeskikk (tolkeloven § 14)').check();
    await page.getByLabel('Habilitet (tolkeloven § 16)').check();
    await page.getByLabel('Jeg var der for et offentlig organ', { exact: false }).check();
    await page.getByLabel('Ja, jeg oppgir navn og kontaktinformasjon').check();
    await page.getByLabel('Navn', { exact: true }).fill(reporterName);
    await page.getByLabel('E-post').fill('kari.varslersen@helse-bergen.example.no');
    await page.getByRole('button', { name: 'Send varselet' }).click();
    await page.waitForURL(/\/varsle\/kvittering\?/);
    reference = (await page.locator('.reference').innerText()).trim();
    expect(/^VAR-\d{4}-\d{5}$/.test(reference), reference);
    await context.close();
  });

  await step('the tip appears in the caseworkers\' work list and the caseworker takes it', async () => {
    kari = await login(browser, admin, 'kari', passwords.kari);
    await kari.goto(`${admin}/varsler`);
    await Promise.all([kari.waitForLoadState('load'), kari.click(`main a:text("${reference}")`)]);
    casePage = kari.url().split('?')[0];
    const main = await kari.textContent('main');
    expect(main.includes(account), 'the account is on the case page');
    expect(!(await kari.textContent('main')).includes(reporterName), 'not assigned yet: no reporter');
    await caseAction(kari, 'take');
    expect((await kari.textContent('#reporter')).includes(reporterName), 'the assigned caseworker sees the reporter');
    await caseAction(kari, 'start_assessment');
    await caseAction(kari, 'open_investigation');
  });

  await step('the taken tip is on the caseworker\'s own work list, with the interpreter named', async () => {
    await kari.goto(`${admin}/`);
    const mine = await kari.textContent('#my-tips');
    expect((await kari.textContent('main')).includes('Mine varselsaker (1)'), 'one tip case of her own');
    expect(mine.includes(reference) && mine.includes(`(${number})`), mine);
    await axe(kari, 'work list');
  });

  await step('a caseworker corrects the interpreter\'s phone number and public search shows it within a second', async () => {
    const phone = '+47 400 12 345';
    await kari.goto(`${admin}/tolker/${number}/opplysninger`);
    await axe(kari, 'profile correction');
    await kari.fill('#phone', phone);
    await kari.fill('#reason', 'Nytt nummer oppgitt av tolken');
    await Promise.all([kari.waitForNavigation(), kari.click('main button[type=submit]')]);
    expect((await kari.textContent('main .notice.ok')).includes('Endringen er utført'), 'saved');
    const ms = await waitFor('the new phone number in public search', async () => {
      const res = await fetch(`${pub}/api/v1/interpreters/${number}`, { headers: { accept: "application/json" } });
      return (await res.text()).includes(phone);
    }, 5000);
    console.log(`     (public search showed the new number ${ms} ms after the save answered)`);
    expect(ms < 1000, `took ${ms} ms`);
    await kari.goto(casePage);
  });

  await step('the case is referred to the committee\'s meeting', async () => {
    await caseAction(kari, 'refer_to_committee', async (p) => {
      const first = await p.locator('#refer_to_committee-meeting option:not([value=""])').first().getAttribute('value');
      await p.selectOption('#refer_to_committee-meeting', first);
      await p.fill('#refer_to_committee-summary', 'Tolken skal ha gitt egne råd om behandling under en sykehuskonsultasjon.');
    });
  });

  await step('a committee member reads the summary without the reporter and gives advice', async () => {
    const amina = await login(browser, admin, 'amina', passwords.amina);
    await amina.goto(`${admin}/utvalg/mine`);
    await Promise.all([amina.waitForLoadState('load'), amina.click(`main a:text("${reference}")`)]);
    const main = await amina.textContent('main');
    expect(main.includes('egne råd om behandling'), 'the summary is shown');
    expect(!main.includes(reporterName) && !main.includes(account), 'no reporter, no account');
    await axe(amina, 'committee case summary');
    await kari.goto(casePage);
    await caseAction(kari, 'record_advice', async (p) => {
      const first = await p.locator('#record_advice-meeting option:not([value=""])').first().getAttribute('value');
      await p.selectOption('#record_advice-meeting', first);
      await p.fill('#record_advice-advice', 'Utvalget mener bruddet er vesentlig og anbefaler utestenging i ett år.');
    });
    expect((await kari.textContent('main')).includes('anbefaler utestenging'), 'the advice is shown to the caseworker');
  });

  await step('after advance notice, an exclusion is proposed and approved by a second senior', async () => {
    await caseAction(kari, 'send_advance_notice');
    await caseAction(kari, 'record_reply');
    const proposed = await caseAction(kari, 'decide', async (p) => {
      await p.selectOption('#decide-outcome', 'exclusion');
      await p.fill('#decide-until', isoDate(365));
      await p.check('#decide-substantial_breach');
      await p.fill('#decide-reasons', 'Tolken ga egne råd om behandling, et vesentlig brudd på tolkeloven §§ 14 og 16.');
    });
    expect(proposed.includes('venter på godkjenning'), proposed);
    expect(await listed(number), 'still listed before approval');
    const sigrid = await login(browser, admin, 'sigrid', passwords.sigrid);
    await sigrid.goto(casePage);
    await Promise.all([sigrid.waitForNavigation(), sigrid.click('button:text("Godkjenn forslaget")')]);
    await sigrid.waitForSelector('text=Forslaget er godkjent og gjennomført.');
    expect((await sigrid.textContent('#status')).includes('Vedtak fattet'), 'decided');
  });

  await step('the decision shows in public search: the interpreter is no longer listed', async () => {
    const ms = await waitFor('the exclusion in public search', async () => !(await listed(number)));
    console.log(`     (public search updated ${ms} ms after the approval answered)`);
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${pub}/kontroller?nummer=${number}`);
    const text = await page.locator('main').innerText();
    expect(!new RegExp(`Tolk ${number} er oppført`).test(text), text.slice(0, 200));
  });
  await step('the committee and figures pages pass axe-core and count the tip', async () => {
    const problems = [];
    const sigrid = await login(browser, admin, 'sigrid', passwords.sigrid);
    for (const path of ['/utvalg', '/utvalg/moter']) {
      await sigrid.goto(`${admin}${path}`);
      await axe(sigrid, path).catch((e) => problems.push(e.message));
    }
    const hrefs = await sigrid.$$eval('main a', (as) => as.map((a) => a.getAttribute('href')));
    const meeting = hrefs.find((h) => /^\/utvalg\/moter\/\d+$/.test(h || ''));
    expect(meeting, `a meeting link among ${hrefs.join(' ')}`);
    await sigrid.goto(`${admin}${meeting}`);
    expect((await sigrid.textContent('main')).includes(reference), 'the case is on the meeting\'s agenda');
    await axe(sigrid, 'meeting').catch((e) => problems.push(e.message));
    const amina = await login(browser, admin, 'amina', passwords.amina);
    await amina.goto(`${admin}/utvalg/mine`);
    await axe(amina, 'member meetings').catch((e) => problems.push(e.message));
    const ingrid = await login(browser, admin, 'ingrid', passwords.ingrid);
    await ingrid.goto(`${admin}/statistikk/varsler`);
    await axe(ingrid, 'tip figures').catch((e) => problems.push(e.message));
    const csv = await ingrid.request.get(`${admin}/statistikk/varsler.csv`);
    expect(csv.status() === 200 && (await csv.text()).includes(String(new Date().getUTCFullYear())), 'this year in the CSV');
    expect(problems.length === 0, problems.join(' | '));
  });
} finally {
  await browser.close();
  services.child.kill();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

/// <reference lib="dom" />
// The web app, end to end, in Debian's headless Chromium against the real service: what a movie
// lover and an editor do, the session cookie, keyboard use, the JavaScript budget, and screenshots
// of every page at desktop and phone width (test-output/screenshots, not committed).
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWebApp,
  launchChromium,
  newContext,
  RUN_BROWSER_TESTS,
  type RunningApp,
  screenshot,
  SCREENSHOTS_DIR,
  startApp,
  VIEWPORTS,
} from '../helpers/browser.js';
import { clientFor, created, register, signInAs, type SignedIn, unique } from '../helpers/builders.js';
import { query } from '../helpers/database.js';
import { makeImage, multipart } from '../helpers/images.js';

// Without Chromium (and outside CI) the suite is skipped, and the run's last lines say so
// (test/helpers/global-setup.ts).
const BUDGET_BYTES = 200 * 1024;
/** TMDB's Writing department, seeded second of the twelve. */
const WRITING = 2;

let t: RunningApp;
let browser: Browser;
let editorAccount: { login: string; password: string };
let inception: { id: number };

/** The catalogue the tests browse: two Nolan films with cast and pictures, and a few more. */
async function seedCatalogue(editor: SignedIn) {
  const api = clientFor(t, editor);
  const genres = (await api.get('/genres?pageSize=100')).json<{ items: { id: number; name: string }[] }>().items;
  const genreId = (name: string) => genres.find((g) => g.name === name)!.id;
  const us = (await api.get('/countries?q=US')).json<{ items: { id: number; code: string }[] }>().items.find((c) => c.code === 'US')!;

  const person = async (firstName: string, lastName: string, withPhoto: boolean) => {
    const p = await created<{ id: number }>(
      await api.post('/persons', { firstName, lastName, gender: 'unknown', biography: `${firstName} ${lastName} works in film.` }),
    );
    if (withPhoto) {
      const upload = multipart(await makeImage(300, 450, 'jpeg'), `${lastName}.jpg`, 'image/jpeg');
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/persons/${p.id}/photos`,
        payload: upload.payload,
        headers: { ...editor.headers, ...upload.headers },
      });
      expect(response.statusCode).toBe(201);
    }
    return p;
  };
  const nolan = await person('Christopher', 'Nolan', true);
  const leo = await person('Leonardo', 'DiCaprio', true);
  const elliot = await person('Elliot', 'Page', false);

  const movie = await created<{ id: number }>(
    await api.post('/movies', {
      title: 'Inception',
      releaseDate: '2010-07-16',
      durationMinutes: 148,
      budget: 160_000_000,
      directorId: nolan.id,
      countryId: us.id,
      genreIds: [genreId('Action'), genreId('Science Fiction')],
      description: 'A thief who steals corporate secrets through dream-sharing technology.',
    }),
  );
  const poster = multipart(await makeImage(500, 750, 'png'), 'inception.png', 'image/png');
  expect(
    (
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/movies/${movie.id}/poster`,
        payload: poster.payload,
        headers: { ...editor.headers, ...poster.headers },
      })
    ).statusCode,
  ).toBe(200);
  await created(await api.post(`/movies/${movie.id}/characters`, { name: 'Cobb', role: 'leading', actorId: leo.id, billingOrder: 0 }));
  await created(
    await api.post(`/movies/${movie.id}/characters`, { name: 'Ariadne', role: 'leading', actorId: elliot.id, billingOrder: 1 }),
  );
  await created(
    await api.post('/movies', { title: 'The Prestige', releaseDate: '2006-10-20', directorId: nolan.id, genreIds: [genreId('Drama')] }),
  );
  // Two of the quiet films are rated, with enough votes to rank (the rating filter's case).
  const ratings: Record<number, { voteAverage: number; voteCount: number }> = {
    1: { voteAverage: 7.2, voteCount: 500 },
    2: { voteAverage: 5.1, voteCount: 500 },
  };
  for (let i = 1; i <= 6; i++) {
    await created(
      await api.post('/movies', { title: `Quiet Film ${i}`, releaseDate: `199${i}-01-01`, genreIds: [genreId('Comedy')], ...ratings[i] }),
    );
  }
  // TMDB's data of Inception: a keyword, a company, its spoken languages, and a writer in its crew.
  const dream = await created<{ id: number }>(await api.post('/keywords', { name: 'dream' }));
  const syncopy = await created<{ id: number }>(await api.post('/companies', { name: 'Syncopy', originCountryId: us.id }));
  const patched = await api.patch(`/movies/${movie.id}`, { keywordIds: [dream.id], companyIds: [syncopy.id], languageCodes: ['en', 'ja'] });
  expect(patched.statusCode).toBe(200);
  await created(await api.post(`/movies/${movie.id}/crew`, { personId: nolan.id, departmentId: WRITING, job: 'Screenplay' }));
  return movie;
}

/** An account with a real password, given a role. */
async function accountWithRole(role: 'editor' | 'admin') {
  const account = await register(t);
  await query(t.database.handle, `update user_account set role = '${role}' where user_id = ${account.user.id}`);
  return { login: account.user.username, password: account.password };
}

async function signInThroughForm(page: Page, account: { login: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('Username or e-mail').fill(account.login);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Back where it came from (the home page); on a phone the account links sit in the folded menu.
  await page.waitForURL((url) => url.pathname === '/');
}

describe.runIf(RUN_BROWSER_TESTS)('the web app in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const webDir = await buildWebApp();
    t = await startApp(webDir);
    browser = await launchChromium();
    const editor = await signInAs(t, 'editor');
    inception = await seedCatalogue(editor);
    editorAccount = await accountWithRole('editor');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('browse: home -> a movie -> its cast -> an actor', async () => {
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    const recent = page.getByRole('list', { name: 'Recent releases' });
    await recent
      .getByRole('link', { name: /Inception/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Inception' }).waitFor();
    expect(page.url()).toBe(`${t.baseUrl}/movies/${inception.id}`);

    const cast = page.getByRole('list', { name: 'Cast' });
    const members = await cast.locator('li').allInnerTexts();
    // Elliot Page has no photo: initials stand in for it.
    expect(members.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
      'Leonardo DiCaprio Cobb Leading',
      'EP Elliot Page Ariadne Leading',
    ]);
    await expect
      .poll(() =>
        page.getByRole('img', { name: 'Photo of Leonardo DiCaprio' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBeGreaterThan(0);
    // The poster comes in the service's sizes, for the browser to choose.
    const poster = page.getByRole('img', { name: 'Poster of Inception' });
    expect(await poster.getAttribute('srcset')).toMatch(/ 92w, .* 185w, .* 500w$/);
    expect(await page.locator('.facts').innerText()).toMatch(
      /Released\s+July 16, 2010\s+Runtime\s+2 h 28 min\s+Rating\s+Not rated\s+Budget\s+\$160,000,000\s+Revenue\s+Unknown\s+Country\s+United States/,
    );
    expect(await page.getByRole('list', { name: 'Genres' }).innerText()).toMatch(/Action\s+Science Fiction/);

    await cast.getByRole('link', { name: /Leonardo DiCaprio/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Leonardo DiCaprio' }).waitFor();
    expect(await page.locator('.filmography').first().innerText()).toMatch(/2010\s*Inception\s+as Cobb \(leading\)/);
    // Back goes back to the movie.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Inception' }).waitFor();
    await context.close();
  });

  it('the movie page shows its languages, companies, keywords and crew, and each link opens discover filtered by it', async () => {
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    await page.goto(`/movies/${inception.id}`);
    await page.getByRole('heading', { level: 1, name: 'Inception' }).waitFor();
    expect(await page.locator('.facts').innerText()).toMatch(
      /Country\s+United States of America\s+Languages\s+English, Japanese\s+Director/,
    );
    const keywords = page.getByRole('list', { name: 'Keywords' });
    expect(await keywords.innerText()).toBe('dream');
    const companies = page.getByRole('list', { name: 'Companies' });
    expect((await companies.innerText()).trim()).toBe('Syncopy (US)');
    expect(await page.getByRole('list', { name: 'Writing' }).innerText()).toMatch(/^Screenplay\s+Christopher Nolan$/);
    // The departments in TMDB's order: the director (credited by directorId) first.
    expect(await page.locator('.crew h3').allInnerTexts()).toEqual(['Directing', 'Writing']);

    // A keyword: discover lists the one movie that has it, and the filter names it.
    await keywords.getByRole('link', { name: 'dream' }).click();
    await page.waitForURL(/\/discover\?keyword=\d+$/);
    const grid = page.getByRole('list', { name: 'Movies' });
    await page.getByText('1 movie shown, the end of the list.').waitFor();
    expect((await grid.getByRole('link').innerText()).split('\n')[0]).toBe('Inception');
    await page.getByRole('list', { name: 'Chosen keywords' }).getByText('dream').waitFor();

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Inception' }).waitFor();
    await page.getByRole('list', { name: 'Companies' }).getByRole('link', { name: 'Syncopy' }).click();
    await page.waitForURL(/\/discover\?company=\d+$/);
    await page.getByText('1 movie shown, the end of the list.').waitFor();
    expect((await grid.getByRole('link').innerText()).split('\n')[0]).toBe('Inception');
    await page.getByRole('list', { name: 'Chosen companies' }).getByText('Syncopy').waitFor();

    // A spoken language: the select shows it chosen.
    await page.goBack();
    await page.locator('.facts').getByRole('link', { name: 'Japanese' }).click();
    await page.waitForURL(/\/discover\?language=ja$/);
    await page.getByText('1 movie shown, the end of the list.').waitFor();
    await expect.poll(() => page.getByLabel('Spoken language').inputValue()).toBe('ja');

    // The writer's page: what they are known for, and the crew work beside the directing.
    await page.goBack();
    await page.getByRole('list', { name: 'Writing' }).getByRole('link', { name: 'Christopher Nolan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Christopher Nolan' }).waitFor();
    // A movie's director is credited in its crew too: two directing credits outnumber the one in writing.
    expect(await page.locator('.facts').innerText()).toMatch(/Known for\s+Directing\s/);
    expect(
      (await page.getByRole('list', { name: 'Crew work' }).locator('li').allInnerTexts()).map((text) =>
        // The year is a column of its own (no space after it in the text).
        text.replace(/^(\d{4})\s*/, '$1 ').replace(/\s+/g, ' '),
      ),
    ).toEqual(['2010 Inception Director (Directing)', '2010 Inception Screenplay (Writing)', '2006 The Prestige Director (Directing)']);
    await context.close();
  });

  it('a rating filter narrows the discover grid; the home page ranks the rated movies under Top rated', async () => {
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    const topRated = page.getByRole('list', { name: 'Top rated' });
    await topRated.waitFor();
    expect((await topRated.getByRole('link').allInnerTexts()).map((text) => text.split('\n')[0])).toEqual(['Quiet Film 1', 'Quiet Film 2']);

    await page.goto('/discover?genre=Comedy');
    await page.getByText('6 movies shown, the end of the list.').waitFor();
    const rating = page.getByRole('group', { name: 'Rating (0 to 10)' });
    await rating.getByLabel('At least', { exact: true }).fill('6');
    await rating.getByLabel('At least', { exact: true }).press('Enter');
    await page.waitForURL(/[?&]minVoteAverage=6(&|$)/);
    await page.getByText('1 movie shown, the end of the list.').waitFor();
    const grid = page.getByRole('list', { name: 'Movies' });
    expect((await grid.getByRole('link').innerText()).split('\n')[0]).toBe('Quiet Film 1');

    // Votes at least: neither rated film has 1,000.
    await rating.getByLabel('At least', { exact: true }).fill('');
    await rating.getByLabel('At least', { exact: true }).press('Enter');
    await page.getByText('6 movies shown, the end of the list.').waitFor();
    await rating.getByLabel('Votes, at least').fill('1000');
    await rating.getByLabel('Votes, at least').press('Enter');
    await page.waitForURL(/[?&]minVoteCount=1000(&|$)/);
    await page.getByText('No movies match these filters.').waitFor();
    await context.close();
  });

  it('search with a typo finds the right movie, in the suggestions and on the results page', async () => {
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    const box = page.getByRole('combobox', { name: 'Search movies and people' });
    await box.fill('Inceptoin');
    const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
    await suggestions.waitFor();
    expect((await suggestions.getByRole('option').first().innerText()).split('\n')[0]).toBe('Inception');

    // Enter without choosing a suggestion opens the results page, with the query in its address.
    await box.press('Escape');
    await box.press('Enter');
    await page.waitForURL('**/search?q=Inceptoin');
    await page.getByRole('heading', { level: 1, name: /Results for/ }).waitFor();
    const found = page.getByRole('list', { name: 'Movies found' });
    expect((await found.getByRole('link').first().innerText()).split('\n')[0]).toBe('Inception');

    // Arrow down + Enter opens the highlighted suggestion.
    await box.fill('nolan christofer');
    await suggestions.getByRole('option', { name: /Christopher Nolan/ }).waitFor();
    await box.press('ArrowDown');
    await expect.poll(() => suggestions.getByRole('option', { selected: true }).innerText()).toMatch(/Christopher Nolan/);
    await box.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Christopher Nolan' }).waitFor();
    await context.close();
  });

  it('on the results page, Enter before the suggestions come closes their list; coming back to the box shows them', async () => {
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    await page.goto('/search?q=Inception');
    await page.getByRole('heading', { level: 1, name: /Results for/ }).waitFor();
    const box = page.getByRole('combobox', { name: 'Search movies and people' });
    const suggested = page.waitForResponse(
      (r) => r.url().includes('/api/v1/search?') && r.url().includes('q=nolan') && r.url().includes('limit=8'),
    );
    await box.fill('nolan');
    await box.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Results for “nolan”' }).waitFor();
    await suggested;
    // The suggestions came after Enter: the list stays closed over the results.
    await page.waitForTimeout(300);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('listbox', { name: 'Suggestions' }).count()).toBe(0);

    await box.blur();
    await box.focus();
    await page
      .getByRole('listbox', { name: 'Suggestions' })
      .getByRole('option', { name: /Christopher Nolan/ })
      .waitFor();
    await context.close();
  });

  it('the actor filter empties after each pick; Escape on a closed picker keeps its text', async () => {
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    await page.goto('/discover');
    const actor = page.getByRole('combobox', { name: 'Actor', exact: true });
    await actor.fill('leonardo');
    await page
      .getByRole('listbox', { name: 'Actor', exact: true })
      .getByRole('option', { name: /Leonardo DiCaprio/ })
      .waitFor();
    await actor.press('Enter');
    await page.getByRole('list', { name: 'Chosen actors' }).getByText('Leonardo DiCaprio').waitFor();
    await page.waitForURL(/[?&]cast=\d+/);
    // The field stays, empty and closed, with the focus, for the next actor.
    const next = page.getByRole('combobox', { name: 'Add an actor' });
    expect(await next.inputValue()).toBe('');
    expect(await next.getAttribute('aria-expanded')).toBe('false');
    expect(await next.evaluate((input) => input === document.activeElement)).toBe(true);

    const director = page.getByRole('combobox', { name: 'Director', exact: true });
    await director.fill('zzzz');
    const noMatch = page.locator('.field-hint', { hasText: 'No match.' });
    await noMatch.waitFor();
    await director.press('Escape');
    await noMatch.waitFor({ state: 'detached' });
    await director.press('Escape');
    expect(await director.inputValue()).toBe('zzzz');
    // Coming back to the field shows its status again.
    await director.blur();
    await director.focus();
    await noMatch.waitFor();
    await context.close();
  });

  it('sign up -> favorite a movie -> it is in my favorites after a reload; no script can read the refresh token', async () => {
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    const username = unique('fan_');
    await page.goto('/sign-up');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('E-mail').fill(`${username}@example.com`);
    await page.getByLabel(/^Password/).fill('a long enough password');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('link', { name: username }).waitFor();

    await page.goto(`/movies/${inception.id}`);
    const toggle = page.getByRole('button', { name: /Add to favorites/ });
    await toggle.click();
    await page.getByRole('button', { name: /In my favorites/, pressed: true }).waitFor();

    await page.goto('/favorites');
    // The page is loaded (its session restored from the cookie) before the reload.
    const grid = page.locator('.movie-grid');
    await grid.getByRole('link', { name: /Inception/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My favorites' }).waitFor();
    await grid.getByRole('link', { name: /Inception/ }).waitFor();
    expect(await grid.getByRole('link').count()).toBe(1);

    // The refresh token is a cookie scripts cannot see, and nothing keeps a token in storage.
    expect(await page.evaluate(() => document.cookie)).not.toContain('moviedb_refresh');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ|\.[\w-]{43}/);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'moviedb_refresh')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/v1/auth/refresh',
    });

    // The service agrees.
    const [row] = await query<{ n: number }>(
      t.database.handle,
      `select count(*)::int as n from favorite_movies f join user_account u using (user_id) where u.username = '${username}' and f.movie_id = ${inception.id}`,
    );
    expect(row!.n).toBe(1);

    // A full load of the movie page, signed in from the cookie, shows it as a favorite.
    await page.goto(`/movies/${inception.id}`);
    await page.getByRole('button', { name: /In my favorites/, pressed: true }).waitFor();

    // Signing out ends the session on the service too: its refresh token no longer works, and a
    // reload stays signed out.
    const refresh = (await context.cookies()).find((c) => c.name === 'moviedb_refresh')!.value;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    const [session] = await query<{ revoked_reason: string | null }>(
      t.database.handle,
      `select revoked_reason from auth_session where session_id = '${refresh.split('.')[0]}'`,
    );
    expect(session!.revoked_reason).toBe('signed out');
    const spent = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: { cookie: `moviedb_refresh=${refresh}` } });
    expect(spent.statusCode).toBe(401);
    await context.close();
  });

  it('a user makes an API key on the profile page, sees it once, copies it, and revokes it', async () => {
    const context = await newContext(browser, t.baseUrl);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    const fan = await register(t);
    await signInThroughForm(page, { login: fan.user.username, password: fan.password });
    await page.goto('/profile');
    const section = page.getByRole('region', { name: 'API keys' });
    await section.getByText('No API keys yet.').waitFor();
    await section.getByLabel('Name of a new key').fill('Radarr');
    await section.getByRole('button', { name: 'Create key' }).click();

    const shown = section.getByLabel('API key', { exact: true });
    const key = await shown.inputValue();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    await section.getByText('Copy it now: it will not be shown again.').waitFor();
    await section.getByRole('button', { name: 'Copy key' }).click();
    await section.getByText('Copied.').waitFor();
    await screenshot(page, 'profile-new-api-key', 'desktop');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    const [row] = await query<{ keyHash: string }>(
      t.database.handle,
      `select key_hash as "keyHash" from api_key where user_id = ${fan.user.id}`,
    );
    expect(row!.keyHash).toBe(createHash('sha256').update(key).digest('hex'));

    // Once dismissed (or after a reload) the key is nowhere on the page: only its first characters.
    await section.getByRole('button', { name: 'Done' }).click();
    const listed = section.getByRole('row', { name: /Radarr/ });
    await listed.getByText(`${key.slice(0, 6)}…`).waitFor();
    expect(await listed.getByRole('cell').nth(2).innerText()).toBe('Never');
    await page.reload();
    await listed.waitFor();
    expect(await page.content()).not.toContain(key);

    page.once('dialog', (dialog) => void dialog.accept());
    await listed.getByRole('button', { name: 'Revoke Radarr' }).click();
    // The Revoke button gives way to the date it was revoked.
    await expect.poll(() => listed.getByRole('cell').nth(3).innerText()).toMatch(/^\d+ \w+ \d{4}, \d\d:\d\d$/);
    expect(await listed.getByRole('button').count()).toBe(0);
    await screenshot(page, 'profile-api-keys', 'desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await screenshot(page, 'profile-api-keys', 'phone');
    const [revoked] = await query<{ revoked: boolean }>(
      t.database.handle,
      `select revoked_at is not null as revoked from api_key where user_id = ${fan.user.id}`,
    );
    expect(revoked).toEqual({ revoked: true });
    await context.close();
  });

  it('an editor creates a movie with a poster, and it appears in discover', async () => {
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    await signInThroughForm(page, editorAccount);
    await page.getByRole('link', { name: 'New movie' }).click();
    const title = `Arrival ${unique('')}`;
    await page.getByLabel('Title', { exact: true }).fill(title);
    const posterFile = await makeImage(400, 600, 'jpeg');
    await page.getByLabel('Poster', { exact: true }).setInputFiles({ name: 'arrival.jpg', mimeType: 'image/jpeg', buffer: posterFile });
    await page.getByRole('button', { name: 'Create movie' }).click();
    await page.waitForURL(/\/movies\/\d+$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    await expect
      .poll(() =>
        page.getByRole('img', { name: `Poster of ${title}` }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBeGreaterThan(0);
    await screenshot(page, 'movie-created', 'desktop');

    await page.goto('/discover?sort=-createdAt');
    await page.getByRole('heading', { level: 1, name: 'Discover' }).waitFor();
    const first = page.locator('.movie-grid li').first();
    await first.getByRole('link', { name: new RegExp(title) }).waitFor();

    const stored = (await clientFor(t).get(`/movies/${id}`)).json<{ title: string; poster: { width: number; height: number } | null }>();
    expect(stored.title).toBe(title);
    expect(stored.poster).toMatchObject({ width: 400, height: 600 });
    await context.close();
  });

  it('a movie created whose poster is refused is saved once: the address names it, and a reload edits it', async () => {
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    await signInThroughForm(page, editorAccount);
    await page.goto('/movies/new');
    const title = `Half Saved ${unique('')}`;
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page
      .getByLabel('Poster', { exact: true })
      .setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not an image') });
    await page.getByRole('button', { name: 'Create movie' }).click();
    await page.getByText(/The movie was created, but not everything/).waitFor();
    const [stored] = await query<{ id: number }>(t.database.handle, `select movie_id as id from movie where title = '${title}'`);
    expect(page.url()).toBe(`${t.baseUrl}/movies/${stored!.id}/edit`);
    await page.reload();
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`**/movies/${stored!.id}`);
    expect(await query(t.database.handle, `select count(*)::int as n from movie where title = '${title}'`)).toEqual([{ n: 1 }]);
    await context.close();
  });

  it('a session that ends under an open editor keeps what was typed; signing in again in place saves it', async () => {
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    await signInThroughForm(page, editorAccount);
    await page.goto('/movies/new');
    const title = `Kept Through ${unique('')}`;
    await page.getByLabel('Title', { exact: true }).fill(title);
    // Signed out everywhere meanwhile (a password changed on another device, say).
    await query(
      t.database.handle,
      `update auth_session set revoked_at = now(), revoked_reason = 'test' where user_id = (select user_id from user_account where username = '${editorAccount.login}')`,
    );
    await page.getByRole('button', { name: 'Create movie' }).click();
    const again = page.getByRole('region', { name: 'Your session ended' });
    await again.waitFor();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
    await again.getByLabel('Username or e-mail').fill(editorAccount.login);
    await again.getByLabel('Password').fill(editorAccount.password);
    await again.getByRole('button', { name: 'Sign in again' }).click();
    await again.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
    await page.getByRole('button', { name: 'Create movie' }).click();
    await page.waitForURL(/\/movies\/\d+$/);
    expect(await query(t.database.handle, `select count(*)::int as n from movie where title = '${title}'`)).toEqual([{ n: 1 }]);
    await context.close();
  });

  it('a save that writes only part of a movie keeps the form open, even when reading the movie again fails', async () => {
    const api = clientFor(t, await signInAs(t, 'editor'));
    const movie = await created<{ id: number }>(await api.post('/movies', { title: `Reread ${unique('')}` }));
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    await signInThroughForm(page, editorAccount);
    await page.goto(`/movies/${movie.id}/edit`);
    const titleField = page.getByLabel('Title', { exact: true });
    await expect.poll(() => titleField.inputValue()).toMatch(/^Reread /);
    const title = `Reread again ${unique('')}`;
    await titleField.fill(title);
    await page
      .getByLabel('Poster', { exact: true })
      .setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not an image') });
    // From now on, reading the movie fails.
    await page.route(`**/api/v1/movies/${movie.id}`, (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({
            status: 500,
            contentType: 'application/problem+json',
            body: JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Failed on purpose.' }),
          })
        : route.continue(),
    );
    const reread = page.waitForResponse((r) => r.url().endsWith(`/api/v1/movies/${movie.id}`) && r.request().method() === 'GET');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/The movie’s details were saved, but not everything/).waitFor();
    // The movie was written, so what shows it is read again, the editor's own copy too; that read
    // failed, and the form is still there with what was typed.
    expect((await reread).status()).toBe(500);
    expect(await page.locator('.state-error').count()).toBe(0);
    expect(await titleField.inputValue()).toBe(title);
    expect(await query(t.database.handle, `select title from movie where movie_id = ${movie.id}`)).toEqual([{ title }]);
    await context.close();
  });

  it('an editor fills in TMDB’s facts and the movie page shows them; a bad language code is refused, by the browser and by the service', async () => {
    const api = clientFor(t, await signInAs(t, 'editor'));
    const movie = await created<{ id: number }>(await api.post('/movies', { title: `Voyage ${unique('')}` }));
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    await signInThroughForm(page, editorAccount);
    await page.goto(`/movies/${movie.id}/edit`);
    const titleField = page.getByLabel('Title', { exact: true });
    await expect.poll(() => titleField.inputValue()).toMatch(/^Voyage /);
    const title = await titleField.inputValue();
    await page.getByLabel('Tagline', { exact: true }).fill('A trip to the Moon.');
    await page.getByLabel('Original title', { exact: true }).fill('Le Voyage dans la Lune');
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Released' });
    await page.getByLabel('Revenue (US dollars)', { exact: true }).fill('677471339.25');
    await page.getByLabel('Rating (0 to 10)', { exact: true }).fill('7.5');
    await page.getByLabel('Votes', { exact: true }).fill('1234');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`**/movies/${movie.id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.locator('.tagline').innerText()).toBe('A trip to the Moon.');
    expect(await page.locator('.original-title').innerText()).toBe('Original title: Le Voyage dans la Lune');
    expect(await page.locator('.facts').innerText()).toMatch(
      /Rating\s+7\.5 \/ 10 \(1,234 votes\)\s+Budget\s+Unknown\s+Revenue\s+\$677,471,339\s/,
    );
    expect(
      await query(
        t.database.handle,
        `select status, revenue::text, vote_average::text, vote_count, original_language from movie where movie_id = ${movie.id}`,
      ),
    ).toEqual([{ status: 'released', revenue: '677471339.25', vote_average: '7.5', vote_count: 1234, original_language: null }]);

    // A language code of letters only: the input's own pattern stops the save, and the browser says why.
    await page.getByRole('link', { name: 'Edit this movie' }).click();
    const language = page.getByLabel('Original language', { exact: true });
    await expect.poll(() => page.getByLabel('Tagline', { exact: true }).inputValue()).toBe('A trip to the Moon.');
    let writes = 0;
    page.on('request', (request) => {
      if (request.method() === 'PATCH') writes++;
    });
    await language.fill('EN1');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await language.evaluate((input: HTMLInputElement) => input.validity.patternMismatch)).toBe(true);
    expect(await language.evaluate((input: HTMLInputElement) => input.validationMessage)).not.toBe('');
    expect(page.url()).toBe(`${t.baseUrl}/movies/${movie.id}/edit`);
    // Past the browser's checks (as without them), the service refuses it, and its message shows under the field.
    // The first form is the movie's; the crew's own form comes after it.
    await page
      .locator('form.form')
      .first()
      .evaluate((form: HTMLFormElement) => (form.noValidate = true));
    const refused = page.waitForResponse((r) => r.url().endsWith(`/api/v1/movies/${movie.id}`) && r.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect((await refused).status()).toBe(400);
    expect(writes).toBe(1);
    await expect.poll(() => language.getAttribute('aria-invalid')).toBe('true');
    const message = page.locator(`[id="${await language.getAttribute('id')}-error"]`);
    expect(await message.innerText()).not.toBe('');
    expect(await language.getAttribute('aria-describedby')).toContain(await message.getAttribute('id'));
    expect(page.url()).toBe(`${t.baseUrl}/movies/${movie.id}/edit`);
    expect(await query(t.database.handle, `select original_language from movie where movie_id = ${movie.id}`)).toEqual([
      { original_language: null },
    ]);
    await context.close();
  });

  it('an editor sets the production countries, spoken languages and keywords, adds a crew credit, sees them on the movie page, and removes the credit', async () => {
    const api = clientFor(t, await signInAs(t, 'editor'));
    const movie = await created<{ id: number }>(await api.post('/movies', { title: `Crewed ${unique('')}` }));
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    await signInThroughForm(page, editorAccount);
    await page.goto(`/movies/${movie.id}/edit`);
    await page.getByText('No crew yet.').waitFor();

    // The lists go with the form's save, whole.
    await expect.poll(() => page.getByLabel('Add a spoken language').locator('option').count()).toBeGreaterThan(100);
    await page.getByLabel('Add a spoken language').selectOption({ label: 'French' });
    await page.getByLabel('Add a spoken language').selectOption({ label: 'English' });
    // In the order chosen, each chip with its remove button.
    expect(
      await page
        .getByRole('list', { name: 'Spoken languages' })
        .getByRole('button')
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label'))),
    ).toEqual(['Remove French', 'Remove English']);
    const keyword = page.getByRole('combobox', { name: 'Add a keyword', exact: true });
    await keyword.fill('drea');
    await page.getByRole('listbox', { name: 'Add a keyword', exact: true }).getByRole('option', { name: /dream/ }).waitFor();
    await keyword.press('Enter');
    await page.getByRole('list', { name: 'Keywords' }).getByText('dream').waitFor();
    // Production countries, the first the main one.
    const country = page.getByRole('combobox', { name: 'Add a country', exact: true });
    for (const [typed, name] of [
      ['fran', 'France'],
      ['japa', 'Japan'],
    ]) {
      await country.fill(typed!);
      await page
        .getByRole('listbox', { name: 'Add a country', exact: true })
        .getByRole('option', { name: new RegExp(`^${name}`) })
        .waitFor();
      await country.press('Enter');
      await page.getByRole('list', { name: 'Production countries' }).getByText(name!).waitFor();
      // The field empties for the next country.
      await expect.poll(() => country.inputValue()).toBe('');
    }
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`**/movies/${movie.id}`);
    await page.getByRole('heading', { level: 1, name: /^Crewed / }).waitFor();
    expect(await page.locator('.facts').innerText()).toMatch(/Countries\s+France, Japan\s+Languages\s+French, English\s/);
    expect(
      await query(
        t.database.handle,
        `select c.code, (m.country_id = c.country_id) as main from movie_country mc join country c on c.country_id = mc.country_id
         join movie m on m.movie_id = mc.movie_id where mc.movie_id = ${movie.id} order by mc.position`,
      ),
    ).toEqual([
      { code: 'FR', main: true },
      { code: 'JP', main: false },
    ]);
    expect(await page.getByRole('list', { name: 'Keywords' }).innerText()).toBe('dream');
    expect(
      await query(t.database.handle, `select language_code from movie_language where movie_id = ${movie.id} order by position`),
    ).toEqual([{ language_code: 'fr' }, { language_code: 'en' }]);
    await page.getByRole('link', { name: 'Edit this movie' }).click();
    await page.getByText('No crew yet.').waitFor();
    const member = page.getByRole('combobox', { name: 'Crew member', exact: true });
    await member.fill('elliot');
    await page
      .getByRole('listbox', { name: 'Crew member', exact: true })
      .getByRole('option', { name: /Elliot Page/ })
      .waitFor();
    await member.press('Enter');
    const adding = page.getByRole('form', { name: 'Add a crew credit' });
    await adding.getByLabel('Department').selectOption({ label: 'Sound' });
    await adding.getByLabel('Job', { exact: true }).fill('Foley Artist');
    await adding.getByRole('button', { name: 'Add to the crew' }).click();
    const credits = page.getByRole('list', { name: 'Crew credits' });
    await credits.getByText('Elliot Page').waitFor();
    expect((await credits.innerText()).replace(/\s+/g, ' ').trim()).toBe('Elliot Page — Foley Artist (Sound) Remove');
    // The form empties for the next credit; the department stays.
    expect(await adding.getByLabel('Job', { exact: true }).inputValue()).toBe('');
    // The same credit again: the service's 409 shows in the form, and nothing is added.
    await member.fill('elliot');
    await page
      .getByRole('listbox', { name: 'Crew member', exact: true })
      .getByRole('option', { name: /Elliot Page/ })
      .waitFor();
    await member.press('Enter');
    await adding.getByLabel('Job', { exact: true }).fill('Foley Artist');
    const repeated = page.waitForResponse((r) => r.url().endsWith(`/api/v1/movies/${movie.id}/crew`) && r.request().method() === 'POST');
    await adding.getByRole('button', { name: 'Add to the crew' }).click();
    expect((await repeated).status()).toBe(409);
    expect(await adding.getByRole('alert').innerText()).not.toBe('');
    expect(await query(t.database.handle, `select count(*)::int as n from crew_credit where movie_id = ${movie.id}`)).toEqual([{ n: 1 }]);
    await adding.getByRole('button', { name: /^Clear crew member/ }).click();

    await page.getByRole('link', { name: 'Back to the movie page' }).click();
    await page.getByRole('heading', { level: 1, name: /^Crewed / }).waitFor();
    expect(await page.getByRole('list', { name: 'Sound' }).innerText()).toMatch(/^Foley Artist\s+Elliot Page$/);

    await page.getByRole('link', { name: 'Edit this movie' }).click();
    await page.getByRole('button', { name: 'Remove Elliot Page as Foley Artist' }).click();
    await page.getByText('No crew yet.').waitFor();
    expect(await query(t.database.handle, `select count(*)::int as n from crew_credit where movie_id = ${movie.id}`)).toEqual([{ n: 0 }]);
    await context.close();
  });

  it('signs in with the keyboard alone, with the focus visible on the way', async () => {
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('list', { name: 'Recent releases' }).waitFor();
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent === 'Sign in');
    }
    expect(reached).toBe(true);
    // The app's own focus ring: 3 px of amber (--focus), not the browser's default.
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
    });
    expect(outline).toBe('solid 3px rgb(245, 158, 11)');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/sign-in');
    // The login field has the focus on arrival.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('login');
    await page.keyboard.type(editorAccount.login);
    await page.keyboard.press('Tab');
    await page.keyboard.type(editorAccount.password);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.getByRole('link', { name: editorAccount.login }).count()).toBe(1);
    await context.close();
  });

  it('a wrong password is refused with a message, and the page says who may see editor pages', async () => {
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    await page.goto('/movies/new');
    await page.getByRole('heading', { name: 'Sign in first' }).waitFor();
    await page.goto('/sign-in');
    await page.getByLabel('Username or e-mail').fill(editorAccount.login);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Wrong login or password.');

    const fan = await register(t);
    await signInThroughForm(page, { login: fan.user.username, password: fan.password });
    await page.goto('/admin/users');
    expect(await page.getByRole('alert').innerText()).toBe('This page needs the admin role; you are signed in as user.');
    expect(await page.getByRole('link', { name: 'New movie' }).count()).toBe(0);
    await context.close();
  });

  it.each([
    ['the home page', '/', 'Recent releases'],
    ['discover', '/discover?genre=Action', 'Discover'],
    ['a movie page', '/movies/1', ''],
  ])('first load of %s ships at most 200 KB of JavaScript (gzip)', async (label, url, heading) => {
    const context = await newContext(browser, t.baseUrl);
    const page = await context.newPage();
    const scripts = new Set<string>();
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    if (heading) await page.getByRole('heading', { name: heading }).first().waitFor();
    await context.close();
    expect(scripts.size).toBeGreaterThan(0);
    // Each script as the service sends it to a browser that accepts gzip (and brotli, smaller still).
    let gzip = 0;
    let brotli = 0;
    for (const script of scripts) {
      const gz = await t.app.inject({ method: 'GET', url: script, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      gzip += gz.rawPayload.length;
      const br = await t.app.inject({ method: 'GET', url: script, headers: { 'accept-encoding': 'br, gzip' } });
      expect(br.headers['content-encoding']).toBe('br');
      brotli += br.rawPayload.length;
    }
    console.log(
      `web app first load of ${label}: ${scripts.size} script(s), ${(gzip / 1024).toFixed(1)} KB gzip, ${(brotli / 1024).toFixed(1)} KB brotli (budget 200 KB gzip)`,
    );
    expect(gzip).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('saves screenshots of every page at desktop and phone width', async () => {
    const admin = await accountWithRole('admin');
    const pages: [string, string, string][] = [
      ['home', '/', 'moviedb'],
      ['discover', '/discover?genre=Action%7CComedy&sort=-releaseDate', 'Discover'],
      ['search', '/search?q=nolan', 'Results for'],
      ['movie', `/movies/${inception.id}`, 'Inception'],
      [
        'person',
        `/persons/${(await clientFor(t).get('/persons?q=nolan')).json<{ items: { id: number }[] }>().items[0]!.id}`,
        'Christopher Nolan',
      ],
      ['favorites', '/favorites', 'My favorites'],
      ['profile', '/profile', ''],
      ['movie-editor', `/movies/${inception.id}/edit`, ''],
      ['person-editor', '/persons/new', ''],
      ['genres', '/genres', ''],
      ['admin-users', '/admin/users', ''],
      ['not-found', '/no/such/page', 'Page not found'],
    ];
    const saved: string[] = [];
    for (const viewport of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
      const context = await newContext(browser, t.baseUrl, viewport);
      const page = await context.newPage();
      for (const [name, url] of [
        ['sign-in', '/sign-in'],
        ['sign-up', '/sign-up'],
      ] as const) {
        await page.goto(url, { waitUntil: 'networkidle' });
        saved.push(await screenshot(page, name, viewport));
      }
      await signInThroughForm(page, admin);
      if (viewport === 'phone') {
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByRole('button', { name: 'Sign out' }).waitFor();
        saved.push(await screenshot(page, 'menu', viewport));
      }
      for (const [name, url, heading] of pages) {
        await page.goto(url, { waitUntil: 'networkidle' });
        if (heading) await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
        expect(await page.locator('.state-error').count(), `${name} shows no error`).toBe(0);
        saved.push(await screenshot(page, name, viewport));
      }
      await context.close();
    }
    expect(saved).toHaveLength(29);
    for (const file of saved) expect(statSync(file).size).toBeGreaterThan(5_000);
    console.log(`screenshots: ${saved.length} in ${SCREENSHOTS_DIR}`);
    expect(existsSync(SCREENSHOTS_DIR)).toBe(true);
  });
});

/**
 * A real browser for the page tests: Debian's Chromium (never a downloaded one) driven by
 * playwright-core, with every request off this machine refused and recorded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where the browser tests leave their screenshots (git-ignored). */
export const SCREENSHOTS = path.join(__dirname, '..', 'browser', 'screenshots');

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Whether Chromium is installed (`.ci/run` installs it; elsewhere: apt-get install chromium). */
export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM);
}

/** A browser page at 1280x800 that records requests to other hosts and page errors. */
export interface TestBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** URLs of requests to hosts other than localhost (refused). */
  offsite: string[];
  /** Uncaught errors in the page. */
  errors: string[];
  close(): Promise<void>;
}

function local(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

/** Launches Chromium headless with the project's flags. */
export async function openBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const offsite: string[] = [];
  const errors: string[] = [];
  // Offline by construction: anything off this machine is refused, and the test fails on it.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    offsite.push(url);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  return { browser, context, page, offsite, errors, close: () => browser.close() };
}

/**
 * Saves a screenshot and returns the standard deviation of its grey levels, measured by
 * drawing it on a canvas in the browser (a blank page gives ~0).
 */
export async function screenshot(t: TestBrowser, name: string): Promise<number> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const png = await t.page.screenshot({ path: path.join(SCREENSHOTS, name) });
  const probe = await t.context.newPage();
  try {
    // A string, so the page-side code needs no DOM types here.
    const measure = `(async () => {
      const img = new Image();
      img.src = 'data:image/png;base64,${png.toString('base64')}';
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const g = canvas.getContext('2d');
      g.drawImage(img, 0, 0);
      const data = g.getImageData(0, 0, img.width, img.height).data;
      let sum = 0, sq = 0;
      const n = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const v = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
        sum += v;
        sq += v * v;
      }
      return Math.sqrt(sq / n - (sum / n) ** 2);
    })()`;
    return (await probe.evaluate(measure)) as number;
  } finally {
    await probe.close();
  }
}

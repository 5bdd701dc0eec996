import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { projectRoot } from '@cartographer/config';

/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it): never a downloaded browser. */
export const CHROMIUM = process.env.CARTO_CHROMIUM ?? '/usr/bin/chromium';

/** Screenshots of every run (gitignored); the README's ones only when asked for. */
export const ARTIFACTS = join(projectRoot(), 'test-artifacts', 'e2e');
export const README_IMAGES = join(projectRoot(), 'docs', 'images');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: install the Debian package (apt-get install chromium)`);
  // Playwright gives each launch a new, empty user-data-dir. The flags keep Chromium off the
  // network (this machine has none) and out of the sandbox, which root cannot use.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Saves a screenshot as an artifact, and as a README image when CARTO_README_SCREENSHOTS=1. */
export async function screenshot(page: Page, name: string, readmeName?: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  if (readmeName && process.env.CARTO_README_SCREENSHOTS === '1') {
    await mkdir(README_IMAGES, { recursive: true });
    await page.screenshot({ path: join(README_IMAGES, `${readmeName}.png`) });
  }
}

/** Serious and critical axe-core violations against WCAG 2.1 A and AA, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** Presses Tab until the element with this test id has the focus; fails after `limit` presses. */
export async function tabTo(page: Page, testId: string, limit = 80): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null");
    if (focused === testId) return presses;
  }
  throw new Error(`'${testId}' not reached with ${limit} Tab presses`);
}

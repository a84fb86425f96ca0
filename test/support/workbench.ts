// Job: drive the VS Code workbench served by code-server the way a person does,
// through headless Debian Chromium and playwright-core: command palette, status
// bar, activity bar views, tree rows, clipboard, webviews, and screenshots/logs
// kept under test-results/ as artifacts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { repoRoot, type CodeServer } from './codeServer';

export const resultsDir = join(repoRoot, 'test-results');

export interface OpenOptions {
  /** Extra query parameters for the workbench URL (e.g. the smoke-test payload). */
  query?: Record<string, string>;
  /** Runs after the page exists and before navigation (exposeFunction, listeners). */
  beforeNavigate?: (page: Page) => Promise<void>;
  /** Wait for `.monaco-workbench` (default true). */
  waitForWorkbench?: boolean;
  /** Browser viewport (default 1400×900). */
  viewport?: { width: number; height: number };
}

export interface TreeRow {
  label: string;
  description: string;
  level: number;
}

export class Workbench {
  private constructor(
    readonly server: CodeServer,
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(server: CodeServer, opts: OpenOptions = {}): Promise<Workbench> {
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const context = await browser.newContext({
        viewport: opts.viewport ?? { width: 1400, height: 900 },
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      const page = await context.newPage();
      await opts.beforeNavigate?.(page);
      await page.goto(server.folderUrl(opts.query));
      if (opts.waitForWorkbench !== false) await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      return new Workbench(server, browser, context, page);
    } catch (err) {
      await browser.close();
      throw err;
    }
  }

  /** F1, type the command title, pick the row whose label is exactly that title. */
  async runCommand(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    for (let attempt = 0; ; attempt++) {
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        break;
      } catch (err) {
        if (attempt === 2) throw err; // the first F1 can land before the keybindings load
      }
    }
    await input.fill(`>${title}`);
    const row = this.page
      .locator('.quick-input-widget .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) })
      .first();
    try {
      await row.waitFor({ timeout: 10_000 });
    } catch {
      const shown = await this.page.locator('.quick-input-widget .monaco-list-row .label-name').allInnerTexts();
      throw new Error(`command "${title}" is not in the palette; it shows: ${shown.join(' / ') || 'nothing'}`);
    }
    await row.click();
  }

  /**
   * Answers the input box a command opened (showInputBox / showQuickPick filter).
   * With `title`, waits until the widget shows that title first, so the answer
   * cannot land in the previous prompt of a multi-step command while it closes.
   */
  async answerInput(text: string, opts: { title?: string } = {}): Promise<void> {
    await this.waitForInput(opts.title);
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill(text);
    await input.press('Enter');
  }

  /** Waits for the quick input (input box or quick pick), optionally the one with this title. */
  async waitForInput(title?: string, timeout = 10_000): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    const input = widget.locator('.quick-input-box input');
    try {
      await input.waitFor({ state: 'visible', timeout });
      if (title !== undefined) await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout });
    } catch (err) {
      const shown = await widget.locator('.quick-input-title').innerText({ timeout: 500 }).catch(() => '(no quick input open)');
      throw new Error(`waiting for the prompt${title ? ` "${title}"` : ''}: the quick input shows "${shown}" (${(err as Error).message.split('\n')[0]})`);
    }
  }

  /** Texts of the visible status bar items, left to right. */
  async statusBarItems(): Promise<string[]> {
    const texts = await this.page.locator('.part.statusbar .statusbar-item').allInnerTexts();
    return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t.length > 0);
  }

  async readStatusBar(): Promise<string> {
    return (await this.statusBarItems()).join(' | ');
  }

  /** Opens a view container from the activity bar by its title (no toggle if already open). */
  async openView(containerTitle: string): Promise<void> {
    const item = this.page
      .locator('.part.activitybar .action-item')
      .filter({ has: this.page.locator(`.action-label[aria-label^="${containerTitle}"]`) })
      .first();
    await item.waitFor({ timeout: 20_000 });
    // Clicking the active entry would hide the side bar instead.
    const active = (await item.getAttribute('aria-selected')) === 'true' || ((await item.getAttribute('class')) ?? '').split(/\s+/).includes('checked');
    if (!active) await item.click();
    await this.page
      .locator('.part.sidebar .composite.title h2')
      .filter({ hasText: new RegExp(escapeRegExp(containerTitle), 'i') })
      .waitFor();
  }

  /** The rows of a view in the side bar, expanding its section first. */
  async treeRows(viewTitle: string): Promise<TreeRow[]> {
    const pane = this.page
      .locator('.part.sidebar .pane')
      .filter({ has: this.page.locator('.pane-header h3.title', { hasText: new RegExp(`^${escapeRegExp(viewTitle)}$`, 'i') }) })
      .first();
    const header = pane.locator('.pane-header').first();
    await header.waitFor();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    // Read in one go: a tree that re-renders between row reads would leave a stale row handle waiting.
    return pane.locator('.pane-body .monaco-list-row').evaluateAll((rows) =>
      rows.map((row) => ({
        label: (row.querySelector('.label-name')?.textContent ?? '').trim(),
        description: (row.querySelector('.label-description')?.textContent ?? '').trim(),
        level: Number(row.getAttribute('aria-level') ?? '1'),
      })),
    );
  }

  async readClipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Inner document of the newest visible webview (iframe.webview → iframe#active-frame). */
  webviewFrame(): FrameLocator {
    return this.page
      .locator('iframe.webview')
      .filter({ visible: true })
      .last()
      .contentFrame()
      .locator('iframe#active-frame')
      .contentFrame();
  }

  /** Saves test-results/<name>.png (the whole page, or just `of`) and returns its path. */
  async screenshot(name: string, opts: { of?: Locator } = {}): Promise<string> {
    mkdirSync(resultsDir, { recursive: true });
    const path = join(resultsDir, `${name}.png`);
    if (opts.of) await opts.of.screenshot({ path });
    else await this.page.screenshot({ path });
    return path;
  }

  /** On failure: screenshot, logs copied under test-results/<name>/, extension-host log tails printed. */
  async captureFailure(name: string): Promise<void> {
    await this.screenshot(name).catch(() => undefined);
    this.server.saveLogs(join(resultsDir, name));
    for (const [file, text] of this.server.extensionHostLogs()) {
      // The host's own log and the extension's output channel; other extensions' logs stay in the copy.
      if (!/remoteexthost\.log$|campaign/i.test(file)) continue;
      const tail = text.trimEnd().split('\n').slice(-40).join('\n');
      if (tail) process.stderr.write(`--- ${file} (last 40 lines)\n${tail}\n`);
    }
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

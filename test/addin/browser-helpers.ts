/** Helpers for the browser test: build with the project's webpack config, serve a folder on
 * 127.0.0.1, bundle the office.js stub, launch Debian's Chromium, and refuse every request that
 * is neither the page's own origin nor the (stubbed) office.js URL. */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';

export const ROOT = path.join(__dirname, '..', '..');
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
export const SCREENSHOTS = path.join(ROOT, 'test', 'output', 'screenshots');

const run = promisify(execFile);

/** Waits (polling) for a file another engineer is writing, up to `timeoutMs`. */
export async function waitForFile(file: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (existsSync(file)) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** `npx webpack --mode production` with the project's own webpack.config.js. */
export async function buildDist(extraArgs: string[] = []): Promise<void> {
  await run(process.execPath, [path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', ...extraArgs], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

/** A tiny static server for `dir` on 127.0.0.1 and a free port. */
export async function serve(dir: string): Promise<{ origin: string; close: () => Promise<void>; requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(path.normalize(dir))) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file)
      .then((st) => {
        if (!st.isFile()) throw new Error('not a file');
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        createReadStream(file).pipe(res);
      })
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The office.js stub: `test/addin/office-stub.ts` bundled for the browser into one IIFE. */
export async function bundleOfficeStub(): Promise<string> {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    entryPoints: [path.join(__dirname, 'office-stub.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    minify: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return out.outputFiles[0].text;
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Serves the stub for office.js and blocks (and records) every request to anywhere else than
 * `origin`. The caller fails the test when `violations` is not empty. */
export async function guardNetwork(page: Page, origin: string, officeStub: string): Promise<{ violations: string[]; seen: string[] }> {
  const violations: string[] = [];
  const seen: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    seen.push(url);
    if (!allowed(url, origin)) violations.push(url);
  });
  page.on('websocket', (ws) => violations.push(ws.url()));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: officeStub });
    if (allowed(url, origin)) return route.continue();
    return route.abort('blockedbyclient');
  });
  return { violations, seen };
}

function allowed(url: string, origin: string): boolean {
  if (url === OFFICE_JS) return true;
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** A page screenshot (the whole pane, scrolled) under test/output/screenshots. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The bare React + Fluent UI page (test/addin/bare-page), built with the project's webpack
 * options (mode, target, loaders, resolve, minifier) into `outDir`: the baseline the pane's
 * size and time to first render are compared with. */
export async function buildBarePage(outDir: string): Promise<void> {
  const webpack = (await import('webpack')).default;
  const HtmlWebpackPlugin = (await import('html-webpack-plugin')).default;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configOf = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<import('webpack').Configuration>;
  const base = await configOf({}, { mode: 'production' });
  const config: import('webpack').Configuration = {
    ...base,
    entry: { bare: path.join(__dirname, 'bare-page', 'index.tsx') },
    output: { ...base.output, path: outDir, filename: '[name].js', clean: true },
    plugins: [new HtmlWebpackPlugin({ filename: 'bare.html', template: path.join(__dirname, 'bare-page', 'bare.html'), chunks: ['bare'], scriptLoading: 'defer' })],
    performance: { hints: false },
  };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

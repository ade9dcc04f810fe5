/* global require, module, process, __dirname, console, URL */
/**
 * The Excel add-in's build (the Office Yo generator's Excel React template conventions).
 *
 *   npm run build        production: minified, dist/manifest.xml on $APA_BASE_URL (an https URL;
 *                        unset: a placeholder, with a warning), e.g.
 *                        APA_BASE_URL=https://apa.example.gov.bd/addin/ npm run build
 *   npm run build:dev    development (source maps), https://localhost:3000/; npm run watch rebuilds
 *   npm run dev-server   serves the build on https://localhost:3000 with the Office dev certificates
 *                        (npx office-addin-dev-certs install); plain http when they are missing or in CI
 *   npm start / npm stop sideload into Excel desktop and remove it again
 *                        (npx office-addin-debugging@6: needs Excel and the internet; not installed here)
 *   npm run validate     Microsoft's online manifest validator (needs the internet; optional)
 *   npm run lint         ESLint with office-addin-lint's Office rules over addin/src, offline
 *                        (its prettier rule off: the repository is not prettier-formatted; no-undef
 *                        off: tsc checks names, as typescript-eslint advises)
 *
 * Entries: `functions` (addin/src/functions/functions.ts: the =APA.* custom functions) and, when
 * it exists, `taskpane` (addin/src/taskpane/index.tsx: the shared React pane of `pane/` over Office.js). Both load in ONE page,
 * taskpane.html, which is also the custom functions' page: the add-in uses a shared runtime
 * (manifest.xml), so the functions register from the task pane page. office.js is not bundled: the
 * page loads it from Microsoft's CDN with a <script> tag (added if the page template lacks it).
 *
 * Custom functions' metadata and help (FunctionHelpPlugin): custom-functions-metadata-plugin writes
 * functions.json from functions.ts's JSDoc; addin/tools/function-metadata.ts rewrites it as
 * functions.json (English) and functions-bn.json (Bengali: manifest.xml's bn-BD override), both
 * with `allowErrorForDataTypeAny` (so Excel runs a function over a range holding an error cell) and
 * each function's help URL on the base URL; addin/tools/help-pages.ts builds the help pages those
 * URLs lead to, help/*.html (with their pictures), from the Markdown in docs/. Icons, the support
 * and the privacy page are copied from addin/assets/.
 *
 * The manifest's URLs are written for https://localhost:3000/; the copy in dist/ has that prefix
 * replaced by the base URL the files are hosted at: env APA_BASE_URL (an https URL; development
 * default https://localhost:3000/, production default a placeholder).
 *
 * Options: --env functionsOnly (or APA_FUNCTIONS_ONLY=1) builds the functions without the pane.
 *
 * Google Sheets sidebar: --env sidebar (npm run build:gas:sidebar) builds something else entirely:
 * the same React App (`pane/`) over google.script.run (appsscript/src/sidebar/index.tsx) into ONE
 * self-contained appsscript/build/Sidebar.html, the JavaScript inlined (HtmlService serves one
 * file: no other script, no CDN). It writes only that file (the folder is not cleaned: the Apps
 * Script bundle lives there too).
 * HyperFormula (GPL) is for tests only and must never be imported from addin/src.
 */
const fs = require('fs');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

/** The metadata and help steps: TypeScript beside the add-in (they read core's registry), loaded
 * by tsx when a build first needs them (requiring this file for its helpers loads nothing). */
let releaseTools;
function tools() {
  if (!releaseTools) {
    const tsx = require('tsx/cjs/api');
    releaseTools = {
      ...tsx.require('./addin/tools/function-metadata.ts', __filename),
      ...tsx.require('./addin/tools/help-pages.ts', __filename),
    };
  }
  return releaseTools;
}

const DEV_URL = 'https://localhost:3000/';
const PLACEHOLDER_URL = 'https://apa-sheets.example.gov.bd/addin/';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

const ROOT = __dirname;
const at = (...p) => path.join(ROOT, ...p);
/** package.json's version: the pane's footer shows it (both builds put it in as __APA_VERSION__). */
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const FUNCTIONS_ENTRY = at('addin', 'src', 'functions', 'functions.ts');
const TASKPANE_ENTRY = at('addin', 'src', 'taskpane', 'index.tsx');
const TASKPANE_TEMPLATE = at('addin', 'src', 'taskpane', 'taskpane.html');

/** The page used when the task pane has no template yet: the functions still need a page. */
const FALLBACK_PAGE = `<!doctype html>
<html lang="bn">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>APA Sheets</title>
    <script type="text/javascript" src="${OFFICE_JS}"></script>
  </head>
  <body>
    <p>APA শিট: =APA.SCORE ও অন্যান্য ফাংশন চালু আছে। · APA Sheets: =APA.SCORE and the other functions are loaded.</p>
  </body>
</html>
`;

/** The base URL the add-in's files are hosted at, with a trailing slash. */
function baseUrl(dev) {
  const raw = process.env.APA_BASE_URL || (dev ? DEV_URL : PLACEHOLDER_URL);
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`APA_BASE_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:') throw new Error(`APA_BASE_URL must be an https URL (Office loads add-ins over https only): ${raw}`);
  if (url.search || url.hash) throw new Error(`APA_BASE_URL must not have a query or fragment: ${raw}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The manifest as deployed: every https://localhost:3000/ URL moved to `base`, and the
 * maintainers' comments left out. */
function rewriteManifest(xml, base) {
  return xml
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .split(DEV_URL)
    .join(base);
}

/** The page with office.js loaded from the CDN before any bundle (the bundles are deferred). */
function withOfficeJs(html) {
  if (html.includes(OFFICE_JS)) return html;
  const tag = `<script type="text/javascript" src="${OFFICE_JS}"></script>`;
  return html.includes('</head>') ? html.replace('</head>', `  ${tag}\n  </head>`) : `${tag}\n${html}`;
}

/** Makes sure every page html-webpack-plugin writes loads office.js. */
class OfficeJsPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap('OfficeJsPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('OfficeJsPlugin', (data) => {
        data.html = withOfficeJs(data.html);
        return data;
      });
    });
  }
}

const METADATA_FILE = 'functions.json';

/**
 * The custom functions' metadata and help, after custom-functions-metadata-plugin has written
 * functions.json from functions.ts's JSDoc: functions.json (English) and functions-bn.json
 * (Bengali), each with `allowErrorForDataTypeAny` and help URLs on the base URL
 * (addin/tools/function-metadata.ts); and the help pages built from docs/ (help/…,
 * addin/tools/help-pages.ts).
 */
class FunctionHelpPlugin {
  constructor(base) {
    this.base = base;
  }
  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('FunctionHelpPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: 'FunctionHelpPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        const { localizedMetadata, renderHelp, HELP_PAGES } = tools();
        for (const page of HELP_PAGES) compilation.fileDependencies.add(at('docs', page.source));
        const generated = compilation.getAsset(METADATA_FILE);
        if (!generated) {
          // The metadata plugin reports its own errors; without its file there is nothing to localise.
          if (!compilation.errors.length) compilation.errors.push(new WebpackError(`${METADATA_FILE} was not generated`));
          return;
        }
        try {
          for (const [file, json] of localizedMetadata(generated.source.source().toString(), DEV_URL, this.base)) {
            const source = new sources.RawSource(json);
            if (compilation.getAsset(file)) compilation.updateAsset(file, source);
            else compilation.emitAsset(file, source);
          }
          // Written as they are meant to be read: the minimizer leaves pages marked minimized alone.
          for (const [file, bytes] of await renderHelp(at('docs'))) compilation.emitAsset(file, new sources.RawSource(bytes), { minimized: true });
        } catch (err) {
          compilation.errors.push(new WebpackError(err && err.message ? err.message : String(err)));
        }
      });
    });
  }
}

/** https options for the dev server: the Office dev certificates when they are installed (or can
 * be, on a developer's terminal); none in CI or when that fails, and the server falls back to http. */
async function devServerHttps() {
  if (process.env.CI || process.env.APA_DEV_HTTP) return null;
  try {
    const devCerts = require('office-addin-dev-certs');
    const { caCertificatePath, localhostCertificatePath, localhostKeyPath } = require('office-addin-dev-certs/lib/defaults');
    const installed = [caCertificatePath, localhostCertificatePath, localhostKeyPath].every((f) => fs.existsSync(f));
    if (!installed && !process.stdout.isTTY) throw new Error('the dev certificates are not installed (npx office-addin-dev-certs install)');
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (err) {
    console.warn(
      `APA Sheets dev server: no https certificate (${err && err.message ? err.message : err}); serving plain http. Excel needs https: run npx office-addin-dev-certs install.`,
    );
    return null;
  }
}

const SIDEBAR_ENTRY = at('appsscript', 'src', 'sidebar', 'index.tsx');
const SIDEBAR_TEMPLATE = at('appsscript', 'src', 'sidebar', 'sidebar.html');
const SIDEBAR_OUT = at('appsscript', 'build');
const SIDEBAR_FILE = 'Sidebar.html';
const SIDEBAR_MARK = '<!-- APA_SIDEBAR_SCRIPT -->';

/** The bundle as an inline <script>: `</script` cannot occur inside one (it would end it), and
 * neither can `<!--` (it changes how the HTML parser reads the rest of the script). */
function inlineScript(js) {
  const code = js.replace(/<\/(script)/gi, '<\\/$1');
  if (/<!--/.test(code)) throw new Error('the sidebar bundle contains "<!--", which cannot be inlined in a <script>');
  return `<script>\n${code}\n</script>`;
}

/** Replaces the sidebar's emitted assets by one HTML file: the template with the (minified) bundle
 * inlined where it has the APA_SIDEBAR_SCRIPT comment, and the licence texts the minifier extracted
 * in a comment at the top. Runs after every minimizing and hashing stage, so nothing rewrites the
 * page afterwards. */
class InlineSidebarPlugin {
  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('InlineSidebarPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'InlineSidebarPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, (assets) => {
        compilation.fileDependencies.add(SIDEBAR_TEMPLATE);
        const names = Object.keys(assets);
        const js = names.filter((n) => /\.js$/.test(n));
        if (js.length !== 1) {
          compilation.errors.push(new WebpackError(`the sidebar must be one script, got: ${js.join(', ') || 'none'}`));
          return;
        }
        const template = fs.readFileSync(SIDEBAR_TEMPLATE, 'utf8');
        if (!template.includes(SIDEBAR_MARK)) {
          compilation.errors.push(new WebpackError(`${SIDEBAR_TEMPLATE} has no ${SIDEBAR_MARK}`));
          return;
        }
        let html;
        try {
          // The minifier's "see sidebar.js.LICENSE.txt" banner points at a file that is not shipped: the texts are in the page.
          const code = assets[js[0]].source().toString().replace(/^\/\*! For license information please see [^*]*\*\/\n?/, '');
          html = template.replace(SIDEBAR_MARK, () => inlineScript(code));
        } catch (err) {
          compilation.errors.push(new WebpackError(err.message));
          return;
        }
        // Licence texts a minifier extracted go inside the page, not beside it.
        const licences = names.filter((n) => /\.LICENSE\.txt$/.test(n)).map((n) => assets[n].source().toString().replace(/--/g, '- -'));
        if (licences.length) html = html.replace('<head>', () => `<head>\n    <!-- Licences of the bundled packages:\n${licences.join('\n')}\n    -->`);
        for (const n of names) compilation.deleteAsset(n);
        compilation.emitAsset(SIDEBAR_FILE, new sources.RawSource(html));
      });
    });
  }
}

/** Where the sidebar's help links lead: the add-in's help pages on APA_BASE_URL when it is given
 * (npm run package), else nowhere (null) — the sidebar then has only the guide built into it. */
function sidebarHelpBase() {
  return process.env.APA_BASE_URL ? baseUrl(false) : null;
}

/** The Google Sheets sidebar build (--env sidebar): appsscript/build/Sidebar.html and nothing else.
 * The user guide goes inside it (__APA_HELP__, from docs/ by addin/tools/help-pages.ts): a Sheets
 * user's Help opens there, with no host needed. */
async function sidebarConfig(dev) {
  const { DefinePlugin } = require('webpack');
  const help = await tools().inlineHelp(at('docs'));
  return {
    mode: dev ? 'development' : 'production',
    // No eval and no separate source maps: the page is one file.
    devtool: false,
    target: ['web', 'es2020'],
    context: ROOT,
    entry: { sidebar: SIDEBAR_ENTRY },
    output: {
      path: SIDEBAR_OUT,
      filename: '[name].js',
      // The folder also holds the Apps Script bundle (npm run build:gas): never clean it.
      clean: false,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.jsx', '.mjs'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { configFile: at('appsscript', 'src', 'sidebar', 'tsconfig.json'), transpileOnly: true },
          },
        },
      ],
    },
    // The page is written by InlineSidebarPlugin after the JavaScript is minified; webpack's HTML
    // minimizer (experiments.html "auto") would otherwise rework it and move the licences out.
    optimization: { splitChunks: false, runtimeChunk: false, minimizeOptions: { html: false } },
    plugins: [
      new DefinePlugin({ __APA_VERSION__: JSON.stringify(VERSION), __APA_HELP__: JSON.stringify(help), __APA_HELP_BASE__: JSON.stringify(sidebarHelpBase()) }),
      new InlineSidebarPlugin(),
    ],
    performance: { hints: dev ? false : 'warning', maxAssetSize: 1.5e6, maxEntrypointSize: 1.5e6 },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = (argv.mode || process.env.NODE_ENV || 'production') === 'development';
  if (env.sidebar) return sidebarConfig(dev);
  const base = baseUrl(dev);
  const functionsOnly = Boolean(env.functionsOnly || process.env.APA_FUNCTIONS_ONLY);
  const withTaskpane = !functionsOnly && fs.existsSync(TASKPANE_ENTRY);
  if (!dev && base === PLACEHOLDER_URL) console.warn(`APA Sheets: APA_BASE_URL is not set; dist/manifest.xml points at the placeholder ${PLACEHOLDER_URL}`);

  const entry = { functions: FUNCTIONS_ENTRY };
  // The pane depends on the functions' chunk (the page loads it first): the core modules both use
  // (scoring, dates, the catalogue) are sent once, and functions.js still stands alone.
  if (withTaskpane) entry.taskpane = { import: TASKPANE_ENTRY, dependOn: 'functions' };

  const config = {
    mode: dev ? 'development' : 'production',
    // Never eval-based: the task pane's Content-Security-Policy has no 'unsafe-eval'.
    devtool: dev ? 'source-map' : false,
    target: ['web', 'es2020'],
    context: ROOT,
    entry,
    output: {
      path: at('dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.jsx', '.mjs'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type-checking is `npm run typecheck`; the bundle only needs the JavaScript.
            options: { configFile: at('addin', 'tsconfig.json'), transpileOnly: true },
          },
        },
        {
          test: /\.(png|jpe?g|gif|ico|svg)$/,
          type: 'asset/resource',
          generator: { filename: 'assets/[name][ext][query]' },
        },
      ],
    },
    plugins: [
      new (require('webpack').DefinePlugin)({ __APA_VERSION__: JSON.stringify(VERSION) }),
      new CustomFunctionsMetadataPlugin({ output: METADATA_FILE, input: FUNCTIONS_ENTRY }),
      new FunctionHelpPlugin(base),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        ...(withTaskpane && fs.existsSync(TASKPANE_TEMPLATE) ? { template: TASKPANE_TEMPLATE } : { templateContent: FALLBACK_PAGE }),
        // The functions first: they register with Excel even if the pane fails to start.
        chunks: withTaskpane ? ['functions', 'taskpane'] : ['functions'],
        chunksSortMode: 'manual',
        scriptLoading: 'defer',
      }),
      new OfficeJsPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'addin/assets/*.{png,html}', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => rewriteManifest(content.toString('utf8'), base),
          },
        ],
      }),
    ],
    performance: { hints: dev ? false : 'warning', maxAssetSize: 1.5e6, maxEntrypointSize: 1.5e6 },
    devServer: {
      port: DEV_SERVER_PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
    },
  };

  // Only `webpack serve` needs the certificates; builds never touch them.
  if (env.WEBPACK_SERVE) {
    const https = await devServerHttps();
    config.devServer.server = https ? { type: 'https', options: https } : { type: 'http' };
  }
  return config;
};

module.exports.DEV_URL = DEV_URL;
module.exports.PLACEHOLDER_URL = PLACEHOLDER_URL;
module.exports.OFFICE_JS = OFFICE_JS;
module.exports.rewriteManifest = rewriteManifest;
module.exports.baseUrl = baseUrl;
module.exports.SIDEBAR_FILE = SIDEBAR_FILE;
module.exports.inlineScript = inlineScript;

const { readFileSync } = require('node:fs');
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { Compilation, WebpackError, sources } = require('webpack');
require('tsx/cjs');
const { acceptingErrors, localizeFunctions } = require('./scripts/localize-functions.ts');
const { addinBaseUrl, manifestForBaseUrl } = require('./scripts/manifest-url.ts');
const { gzipSync } = require('node:zlib');
const BUNDLE_BUDGETS = require('./bench/bundle-budgets.json');

const OFFICE_JS = path.join(__dirname, 'node_modules', '@microsoft', 'office-js', 'dist');

/**
 * Office.js is served by the add-in itself (no network), in the folder layout of Microsoft's CDN: office.js
 * loads `<its folder>/<locale>/office_strings.js` for the host's language (falling back to en-us) and its
 * telemetry from `telemetry/`, so every locale folder's strings are shipped and nothing it asks for is 404.
 */
const officeJsFiles = [
  'office.js',
  'excel*.js',
  'custom-functions-runtime.js',
  'o15apptofilemappingtable.js',
  'es6-promise.js',
  '*/office_strings.js',
  'telemetry/oteljs_agave.js',
  'ariatelemetry/aria-web-telemetry.js',
].map((from) => ({
  from,
  context: OFFICE_JS,
  to: 'office-js/[path][name][ext]',
  globOptions: { ignore: ['**/*.debug.js'] },
}));

/** Lets error cells reach the functions, and emits functions-it.json beside functions.json; a missing translation fails the build. */
class ItalianFunctionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ItalianFunctionsMetadata', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ItalianFunctionsMetadata', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const generated = compilation.getAsset('functions.json');
        if (generated === undefined) return; // the metadata plugin already reported why
        const english = acceptingErrors(generated.source.source().toString());
        compilation.updateAsset('functions.json', new sources.RawSource(english));
        const translationsFile = path.join(__dirname, 'src', 'functions', 'functions.it.json');
        compilation.fileDependencies.add(translationsFile);
        const translations = JSON.parse(readFileSync(translationsFile, 'utf8'));
        const localized = localizeFunctions(english, translations);
        if (!localized.ok) {
          for (const e of localized.errors) compilation.errors.push(new WebpackError(`functions.it.json: ${e}`));
          return;
        }
        compilation.emitAsset('functions-it.json', new sources.RawSource(localized.json));
      });
    });
  }
}

/** Fails a production build whose bundles are more than 10% over their gzip size goals. */
class BundleBudgetPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('BundleBudget', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'BundleBudget', stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, (assets) => {
        for (const [file, { goal }] of Object.entries(BUNDLE_BUDGETS)) {
          const asset = assets[file];
          if (asset === undefined) continue;
          const size = gzipSync(asset.source()).length;
          if (size > goal * 1.1) compilation.errors.push(new WebpackError(`${file}: ${(size / 1024).toFixed(1)} KiB gzip, over its budget of ${((goal * 1.1) / 1024).toFixed(1)} KiB`));
        }
      });
    });
  }
}

/**
 * Excel on the web fetches functions.json from its own origin (https://excel.officeapps.live.com and
 * regional hosts such as inc-excel.officeapps.live.com: OfficeDev/office-js issue 3970,
 * OfficeDev/Excel-Custom-Functions issue 212; cloud.microsoft is the domain Microsoft 365's web apps
 * are moving to), so the dev server allows Office's origins, and only them: a wildcard would let any
 * page open in the browser read what the server holds, source maps included.
 * Pane and desktop Excel load everything from the server's own origin and need no header.
 */
const OFFICE_ON_THE_WEB = /^https:\/\/([a-z0-9-]+\.)*(officeapps\.live\.com|cloud\.microsoft)$/;

function officeOnTheWebCors(req) {
  const origin = req.headers.origin;
  return typeof origin === 'string' && OFFICE_ON_THE_WEB.test(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : { Vary: 'Origin' };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  // Where the office serves dist/ (ADDIN_URL=https://intranet.example/smvp/ npm run build, or
  // `--env ADDIN_URL=…`, which needs no shell syntax); localhost when unset.
  const baseUrl = addinBaseUrl(env?.ADDIN_URL ?? process.env.ADDIN_URL);
  const config = {
    devtool: dev ? 'source-map' : false,
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.join(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: dev } } } }],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: './src/functions/functions.ts', output: 'functions.json' }),
      new ItalianFunctionsMetadataPlugin(),
      ...(dev ? [] : [new BundleBudgetPlugin()]),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: 'assets/*.png', to: 'assets/[name][ext]' }, { from: 'manifest.xml', transform: (content) => manifestForBaseUrl(content.toString(), baseUrl) }, ...officeJsFiles],
      }),
    ],
    performance: { hints: false },
  };
  if (dev && argv.env?.WEBPACK_SERVE) {
    const devCerts = require('office-addin-dev-certs');
    config.devServer = {
      static: { directory: path.join(__dirname, 'dist') },
      // This machine only: Excel and the browser reach it as https://localhost, nobody else should.
      host: 'localhost',
      headers: officeOnTheWebCors,
      server: { type: 'https', options: await devCerts.getHttpsServerOptions() },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    };
  }
  return config;
};

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { defineConfig, type Plugin } from 'vite';
import { sourcesHash, TARGETS, writeStamp } from './scripts/build-stamp.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCHEMA_FILE = path.resolve(HERE, '../schema/admin.graphql');
const VIRTUAL_ID = 'virtual:admin-introspection';

/**
 * The data provider needs the schema's introspection. It is computed here, at build time, from the
 * printed schema/admin.graphql, so the console works where the API has introspection switched off.
 */
function introspectionFromPrintedSchema(): Plugin {
  return {
    name: 'admin-introspection',
    resolveId: (id) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
    load(id) {
      if (id !== `\0${VIRTUAL_ID}`) return undefined;
      this.addWatchFile(SCHEMA_FILE);
      const schema = buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'));
      // without descriptions: the data provider reads types, fields and arguments only
      return `export default ${JSON.stringify(introspectionFromSchema(schema, { descriptions: false }).__schema)};`;
    },
  };
}

/** The chunk of a library module: its package's name (`@mui/material` → `mui-material`). */
function packageChunk(id: string): string {
  const parts = id
    .split(/[\\/]node_modules[\\/]/)
    .pop()!
    .split(/[\\/]/);
  return (parts[0].startsWith('@') ? `${parts[0].slice(1)}-${parts[1]}` : parts[0]).replace(/[^a-zA-Z0-9_-]/g, '_');
}

/**
 * exceljs's own browser bundle, copied beside the app (vendor/exceljs.min.js) and loaded when a sheet
 * is first read or written (admin/src/vendor/exceljs.ts, which `exceljs` resolves to in the build).
 */
function exceljsAsStaticFile(): Plugin {
  return {
    name: 'exceljs-static',
    apply: 'build',
    generateBundle() {
      const file = path.resolve(HERE, '../node_modules/exceljs/dist/exceljs.min.js');
      this.emitFile({ type: 'asset', fileName: 'vendor/exceljs.min.js', source: fs.readFileSync(file) });
    },
  };
}

/** Files worth compressing: text larger than a packet. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Writes `<file>.br` (brotli, best) and `<file>.gz` (gzip, best) beside every compressible output file,
 * once: the API sends them to browsers that accept the encoding (serveConsole in api/src/app.ts), so nothing
 * is compressed per request.
 */
function precompress(): Plugin {
  const brotli = promisify(zlib.brotliCompress);
  const gzip = promisify(zlib.gzip);
  return {
    name: 'precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir!;
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(dir, name);
          const body = await fs.promises.readFile(file);
          if (body.length < 1024) return;
          const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length };
          await fs.promises.writeFile(`${file}.br`, await brotli(body, { params }));
          await fs.promises.writeFile(`${file}.gz`, await gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }));
        }),
      );
    },
  };
}

/**
 * The console's build stamp (admin/scripts/build-stamp.mjs): the sources' hash when the build starts, written
 * beside the output once it is complete, so `npm start` after `npm run build:admin` (or `npm test`) does not
 * build the console again.
 */
function buildStamp(): Plugin {
  let hash = '';
  return {
    name: 'build-stamp',
    apply: 'build',
    buildStart() {
      hash = sourcesHash(TARGETS.admin);
    },
    // after precompress (plugins' hooks run in order): the stamp says the output is whole
    writeBundle: { sequential: true, order: 'post', handler: () => writeStamp(TARGETS.admin, hash) },
  };
}

export default defineConfig(({ command }) => ({
  root: HERE,
  base: '/admin/',
  plugins: [introspectionFromPrintedSchema(), exceljsAsStaticFile(), precompress(), buildStamp()],
  resolve: command === 'build' ? { alias: [{ find: /^exceljs$/, replacement: path.resolve(HERE, 'src/vendor/exceljs.ts') }] } : {},
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // the largest chunk is the schema's introspection (data, ~690 kB, ~80 kB compressed), loaded after sign-in with the data provider
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // One chunk per library package (cached across releases; packages do not import each other
        // in cycles, so the chunks load in a well-defined order, which size-based splitting broke);
        // each module's screens are chunks of their own (loaded on first visit: resources/common/module.ts).
        // The console's operations (admin/src/graphql/generated.ts, used by most screens) are one chunk too.
        // The sign-in page loads react-admin, MUI and the messages; the data provider (Apollo, the schema's introspection),
        // the layout, the home page and the operations load once signed in (App.tsx, dataProvider/lazy.ts, authProvider.login):
        // admin/test/console-assets.test.ts holds the sign-in page to its size.
        codeSplitting: {
          groups: [
            { name: packageChunk, debugName: 'packages', test: /node_modules[\\/]/ },
            { name: 'console-operations', test: /admin[\\/]src[\\/]graphql[\\/]generated\.ts$/ },
          ],
        },
      },
      // MUI marks its modules "use client" (a React Server Components hint); meaningless in this SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/graphql': 'http://localhost:4000', '/files': 'http://localhost:4000', '/health': 'http://localhost:4000' },
  },
}));

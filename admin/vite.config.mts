import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { defineConfig, type Plugin } from 'vite';

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
      return `export default ${JSON.stringify(introspectionFromSchema(schema).__schema)};`;
    },
  };
}

export default defineConfig({
  root: HERE,
  base: '/admin/',
  plugins: [introspectionFromPrintedSchema()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      // MUI marks its modules "use client" (a React Server Components hint); meaningless in this SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/graphql': 'http://localhost:4000', '/health': 'http://localhost:4000' },
  },
});

// The documents the console sends for the benchmark's admin list operations (A1, A3), made by the console's
// own query builder (admin/src/dataProvider/buildQuery.ts with each module's selections) against the printed
// schema, and written to api/bench/operations/. Run again after a selection or the schema changes:
//   node api/bench/console-documents.mjs            # write
//   node api/bench/console-documents.mjs --check    # exit 1 when a committed document differs
// Loaded through Vite's module runner, as the console's code is TypeScript/TSX for the browser. Apollo's `gql`
// (a CommonJS module the runner cannot name-import) is replaced by graphql's parse (console-gql.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, getIntrospectionQuery, graphqlSync, print } from 'graphql';
import { createRequire } from 'node:module';
import { runnerImport } from 'vite';

// The console's Apollo client keeps the default cache (addTypename): every selection set it sends asks for __typename.
const { addTypenameToDocument } = createRequire(import.meta.url)('@apollo/client/utilities');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'api/bench/operations');
const { module: bq } = await runnerImport(path.join(ROOT, 'admin/src/dataProvider/buildQuery.ts'), {
  root: ROOT,
  configFile: false,
  logLevel: 'silent',
  resolve: { alias: { '@apollo/client': path.join(ROOT, 'api/bench/console-gql.mjs') } },
});

const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'schema/admin.graphql'), 'utf8'));
const intro = graphqlSync({ schema, source: getIntrospectionQuery() }).data.__schema;
const queries = intro.types.find((t) => t.name === intro.queryType.name).fields;
const build = bq.buildQueryFactory({ schema: intro, queries, types: intro.types.filter((t) => t.name !== intro.queryType.name && t.name !== intro.mutationType?.name) });

const { module: generated } = await runnerImport(path.join(ROOT, 'admin/src/graphql/generated.ts'), { root: ROOT, configFile: false, logLevel: 'silent' });
const panels = fs.readFileSync(path.join(ROOT, 'admin/src/resources/task/TaskPanels.tsx'), 'utf8');
const constant = (name) => Number(new RegExp(`const ${name} = (\\d+);`).exec(panels)[1]);

// react-admin's list defaults: sort by id ascending; the page size is the benchmark's (50).
const LISTS = {
  'A1-task-list': ['TaskItem', { planId: '$planId' }],
  'A3-roster-page': ['Membership', {}],
};
const documents = Object.entries(LISTS).map(([name, [resource, filter]]) => {
  const r = build('GET_LIST', resource, { pagination: { page: 1, perPage: 50 }, sort: { field: 'id', order: 'ASC' }, filter });
  return [name, r.query, r.variables];
});
// A2: the home page's task panels (admin/src/resources/task/TaskPanels.tsx: TaskPanelsDocument with HOME_DEADLINES and HOME_UNITS)
documents.push(['A2-task-panels', generated.TaskPanelsDocument, { asOf: '$today', deadlines: constant('HOME_DEADLINES'), units: constant('HOME_UNITS') }]);

let differs = false;
for (const [name, query, variables] of documents) {
  const file = path.join(OUT, `${name}.graphql`);
  const text = `${print(addTypenameToDocument(query))}\n`;
  if (process.argv.includes('--check')) {
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
      console.error(`${path.relative(ROOT, file)} is not what the console sends now: run node api/bench/console-documents.mjs`);
      differs = true;
    }
  } else {
    fs.writeFileSync(file, text);
    console.log(`${path.relative(ROOT, file)}  variables as the console sends them: ${JSON.stringify(variables)}`);
  }
}
process.exit(differs ? 1 : 0);

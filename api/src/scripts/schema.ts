import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printAdminSchema, printPartnerSchema } from '../schema';

/**
 * `schema.ts --write` prints the SDL into schema/; `schema.ts --check` fails when the committed
 * files differ from what the code produces.
 */
const FILES: Array<{ file: string; print: () => string }> = [
  { file: 'schema/admin.graphql', print: printAdminSchema },
  { file: 'schema/partner.graphql', print: printPartnerSchema },
];

const mode = process.argv[2];
const root = path.resolve(__dirname, '../../..').replace(/[\\/]dist$/, '');
let stale = 0;
for (const { file, print } of FILES) {
  const target = path.join(root, file);
  const sdl = print();
  if (mode === '--write') {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, sdl);
    console.log(`wrote ${file}`);
  } else {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current !== sdl) {
      stale++;
      console.error(`${file} is stale: run npm run schema:print`);
    }
  }
}
if (mode !== '--write' && stale === 0) console.log('schema files are up to date');
process.exit(stale ? 1 : 0);

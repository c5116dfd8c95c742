// Build stamps: which build (the API's tsc, the console's vite) is older than its sources, so that
// `npm start` rebuilds only what changed (admin/scripts/start.mjs). A stamp beside the output records the
// SHA-256 of the sources' content when the build started and the modification time of one output file the
// build always rewrites (the marker): the output is fresh when both still match. Content, not mtimes, of the
// sources: a checkout or `touch` that changes nothing rebuilds nothing; an edit, an added or removed file, or a
// build run some other way (a bare tsc, `vite build`: the marker changed) rebuilds.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What each build reads (files and folders, from the repository root), the file it always rewrites, and its stamp. */
export const TARGETS = {
  api: {
    inputs: ['api/src', 'seeds', 'api/tsconfig.build.json', 'tsconfig.json', 'package-lock.json'],
    marker: 'dist/api/src/index.js',
    stamp: 'dist/.build-stamp-api.json',
  },
  admin: {
    inputs: ['admin/src', 'admin/index.html', 'admin/vite.config.mts', 'admin/scripts/build-stamp.mjs', 'schema/admin.graphql', 'package-lock.json'],
    marker: 'admin/dist/index.html',
    stamp: 'admin/dist/.build-stamp.json',
  },
};

/** Every file under `inputs` (relative to root), sorted; a missing input counts as absent. */
function filesOf(root, inputs) {
  const out = [];
  const walk = (rel) => {
    const abs = path.join(root, rel);
    let stat;
    try {
      stat = fs.statSync(abs);
    } catch {
      return;
    }
    if (stat.isDirectory()) for (const name of fs.readdirSync(abs).sort()) walk(path.posix.join(rel, name));
    else if (stat.isFile()) out.push(rel);
  };
  for (const input of inputs) walk(input);
  return out.sort();
}

/** The SHA-256 of the inputs' paths and contents. */
export function sourcesHash(target, root = ROOT) {
  const hash = crypto.createHash('sha256');
  for (const rel of filesOf(root, target.inputs))
    hash
      .update(rel)
      .update('\0')
      .update(fs.readFileSync(path.join(root, rel)))
      .update('\0');
  return hash.digest('hex');
}

const markerTime = (target, root) => {
  try {
    return fs.statSync(path.join(root, target.marker)).mtimeMs;
  } catch {
    return null;
  }
};

/** Whether the output is as the sources are now (`hash`: their hash, computed once by the caller). */
export function isFresh(target, hash, root = ROOT) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(root, target.stamp), 'utf8'));
  } catch {
    return false;
  }
  const marker = markerTime(target, root);
  return marker !== null && stamp.sources === hash && stamp.marker === marker;
}

/** Records that the output was built from sources of this hash (called once the build succeeded). */
export function writeStamp(target, hash, root = ROOT) {
  const marker = markerTime(target, root);
  if (marker === null) throw new Error(`${target.marker} is missing after the build`);
  fs.writeFileSync(path.join(root, target.stamp), JSON.stringify({ sources: hash, marker, builtAt: new Date().toISOString() }) + '\n');
}

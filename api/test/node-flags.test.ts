import fs from 'node:fs';
import path from 'node:path';
import { productionNodeFlags } from '../bench/servers';

/*
 * The heap sizes production runs with (issue 18: peak resident memory under load ≤ 250 MB) are written in
 * `npm start`'s command (package.json); `npm run start:cluster`, the Docker image and the benchmark's
 * servers must run with the same ones, or the figures measured are not the ones deployed.
 */
const ROOT = path.resolve(__dirname, '../..');
const flagsOf = (command: string) => command.match(/--max-[a-z-]+=\d+/g) ?? [];

describe('the heap sizes production runs with', () => {
  const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const start = flagsOf(scripts.start);

  it('are set by npm start: a young generation of 32 MB a half and an old generation of 256 MB', () => {
    expect(start).toEqual(['--max-semi-space-size=32', '--max-old-space-size=256']);
  });

  it('are the same for the cluster, the Docker image and both benchmark servers', () => {
    expect(flagsOf(scripts['start:cluster'])).toEqual(start);
    const cmd = fs
      .readFileSync(path.join(ROOT, 'docker/Dockerfile'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('CMD '))!;
    expect(flagsOf((JSON.parse(cmd.slice(4)) as string[]).join(' '))).toEqual(start);
    expect(productionNodeFlags()).toEqual(start);
  });
});

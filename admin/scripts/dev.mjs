// npm run dev: the API (ts-node, port 4000) and the console with hot reload (Vite, port 5173, proxying /graphql).
import { spawn } from 'node:child_process';

const run = (script) => spawn('npm', ['run', '-s', script], { stdio: 'inherit', shell: process.platform === 'win32' });
const children = [run('dev:api'), run('dev:admin')];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((c) =>
  c.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  }),
);
console.log('Console with hot reload: http://localhost:5173/admin/  (API on http://localhost:4000/graphql)');

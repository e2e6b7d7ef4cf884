#!/usr/bin/env node
// The keikai command. Runs the compiled CLI; `npm run build` (or `npm start`) compiles it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(compiled)) {
  console.error('keikai is not built yet: run `npm run build` (npm start builds it for you).');
  process.exit(1);
}
await import(compiled);

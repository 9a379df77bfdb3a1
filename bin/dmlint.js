#!/usr/bin/env node
// The CLI is bundled (dist/bundle) so it starts fast; the unbundled build is the fallback.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/bundle/dmlint.js', import.meta.url);
await import(existsSync(bundle) ? bundle.href : new URL('../dist/src/cli/run.js', import.meta.url).href);

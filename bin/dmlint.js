#!/usr/bin/env node
// The CLI is bundled (dist/bundle) so it starts fast; the unbundled build is the fallback.
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs (in its temporary folder, or NODE_COMPILE_CACHE;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off): one draft 66 -> 57 ms there. Node 20 has no such cache.
module.enableCompileCache?.();

const bundle = new URL('../dist/bundle/dmlint.js', import.meta.url);
await import(existsSync(bundle) ? bundle.href : new URL('../dist/src/cli/run.js', import.meta.url).href);

// Writes schema.json, the config's JSON schema for editors, from the built rule metadata.
import { writeFileSync } from 'node:fs';
import { configSchema } from '../dist/src/config/schema.js';
import { builtinRules } from '../dist/rules/index.js';

const schema = configSchema(builtinRules);
writeFileSync(new URL('../schema.json', import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);

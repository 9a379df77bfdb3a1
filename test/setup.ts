// Runs before each test file (vitest.config.ts): the folders a test file made go when it ends.
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers.js';

afterAll(removeTempDirs);

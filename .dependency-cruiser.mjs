/**
 * The layers of dmlint and the one direction imports may take between them, checked by
 * `npm run check:imports` (part of `npm test`). docs/architecture.md draws the same picture.
 *
 * Each layer may import from its own folder and from the layers listed in `may`, nothing else
 * in src/ or rules/. Type-only imports count: a type is as much a dependency as a value.
 */

const LAYERS = {
  types: { path: '^src/types\\.ts$', label: 'src/types.ts (the shared shapes)', may: [] },
  package: { path: '^src/package/', label: 'src/package/ (facts about the package)', may: ['types'] },
  text: { path: '^src/text/', label: 'src/text/ (pure text helpers)', may: ['types'] },
  draft: { path: '^src/draft/', label: 'src/draft/ (parsing a draft file)', may: ['text', 'types'] },
  engine: { path: '^src/engine/', label: 'src/engine/ (the single-file core)', may: ['draft', 'text', 'types'] },
  'rule-api': {
    path: '^src/rule-api/',
    label: 'src/rule-api/ (what rules may use)',
    may: ['engine', 'draft', 'text', 'package', 'types'],
  },
  rules: {
    path: '^rules/',
    label: 'rules/ (the built-in rules)',
    may: ['rule-api-entry'],
    fix: 'export what the rule needs from src/rule-api/index.ts and import it from there',
  },
  config: {
    path: '^src/config/',
    label: 'src/config/ (find, load, validate, merge config)',
    may: ['rule-api', 'engine', 'draft', 'text', 'package', 'types'],
    fix: 'config receives the built-in rules as an argument (src/api/config.ts supplies them); pass what it needs in the same way',
  },
  report: { path: '^src/report/', label: 'src/report/ (summary, report shape, formatters)', may: ['text', 'package', 'types'] },
  fs: { path: '^src/fs/', label: 'src/fs/ (creating files safely)', may: [] },
  cache: { path: '^src/cache/', label: 'src/cache/ (the result cache)', may: ['config', 'report', 'fs', 'text', 'package', 'types'] },
  run: {
    path: '^src/run/',
    // The worker thread's entry point is a layer of its own below: it also hands over the rules.
    pathNot: '^src/run/parallel/lint-worker\\.ts$',
    label: 'src/run/ (linting over files)',
    may: ['config', 'engine', 'cache', 'fs', 'draft', 'text', 'package', 'types'],
  },
  'lint-worker': {
    path: '^src/run/parallel/lint-worker\\.ts$',
    label: 'src/run/parallel/lint-worker.ts (a worker thread\'s entry point)',
    may: ['run', 'rules-entry', 'config', 'engine', 'cache', 'fs', 'draft', 'text', 'package', 'types'],
  },
  api: {
    path: '^src/api/',
    label: 'src/api/ (the library)',
    may: ['rules-entry', 'run', 'cache', 'fs', 'report', 'config', 'rule-api', 'engine', 'draft', 'text', 'package', 'types'],
  },
  cli: {
    path: '^src/cli/',
    label: 'src/cli/ (the command)',
    may: ['index', 'docs', 'api', 'run', 'cache', 'fs', 'report', 'config', 'rule-api', 'engine', 'draft', 'text', 'package', 'types'],
    fix: 'reach the built-in rules through src/api/config.ts',
  },
  docs: {
    path: '^src/docs/',
    label: 'src/docs/ (doc generation)',
    may: ['run', 'cache', 'report', 'config', 'rule-api', 'engine', 'draft', 'text', 'package', 'types'],
  },
  index: {
    path: '^src/index\\.ts$',
    label: 'src/index.ts (the library entry point)',
    may: ['api', 'run', 'cache', 'report', 'config', 'rule-api', 'engine', 'draft', 'text', 'package', 'types'],
  },
};

/** Targets that are not whole layers: the one module of a layer others may import. */
const ENTRIES = {
  'rule-api-entry': { path: '^src/rule-api/index\\.ts$', label: 'src/rule-api/index.ts' },
  'rules-entry': { path: '^rules/index\\.ts$', label: 'rules/index.ts' },
};

const targetOf = (name) => LAYERS[name] ?? ENTRIES[name];
const INTERNAL = '^(src|rules)/';

function layerRule(name, layer) {
  const allowed = layer.may.map((other) => targetOf(other).label.replace(/ \(.*\)$/, ''));
  const may = allowed.length > 0 ? `may import only its own folder and ${allowed.join(', ')}` : 'imports nothing from src/ or rules/';
  const fix = layer.fix ?? 'move the code both need down into a layer this one may import, or move this code up (see docs/architecture.md)';
  return {
    name: `layer-${name}`,
    severity: 'error',
    comment: `${layer.label} ${may}. Fix: ${fix}.`,
    from: { path: layer.path, ...(layer.pathNot ? { pathNot: layer.pathNot } : {}) },
    to: { path: INTERNAL, pathNot: [layer.path, ...layer.may.map((other) => targetOf(other).path)] },
  };
}

const layerPaths = Object.values(LAYERS).map((layer) => layer.path);

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...Object.entries(LAYERS).map(([name, layer]) => layerRule(name, layer)),
    {
      name: 'parallel-behind-lint-files',
      severity: 'error',
      comment:
        'Only src/run/lint-files.ts starts worker threads: nothing else imports src/run/parallel/. Fix: call lintFiles (src/run/lint-files.ts), which decides when threads pay.',
      from: { path: INTERNAL, pathNot: ['^src/run/lint-files\\.ts$', '^src/run/parallel/'] },
      to: { path: '^src/run/parallel/' },
    },
    {
      name: 'no-dev-code',
      severity: 'error',
      comment:
        'Shipped code (src/, rules/) never imports test/, eval/, bench/ or scripts/: they are not in the package. Fix: move what both need into src/ and import it from the tool.',
      from: { path: INTERNAL },
      to: { path: '^(test|eval|bench|scripts)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules must not import each other in a circle. Fix: move what both need into a third module that both import.',
      from: { path: INTERNAL },
      to: { circular: true },
    },
    {
      name: 'in-a-layer',
      severity: 'error',
      comment: 'Every module in src/ belongs to a layer folder. Fix: move this file into the folder of its layer (see docs/architecture.md).',
      from: { path: '^src/', pathNot: layerPaths },
      to: {},
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment: 'This import does not resolve to a file. Fix: correct the path (imports name the .js file the .ts compiles to).',
      from: { path: INTERNAL },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'] },
  },
};

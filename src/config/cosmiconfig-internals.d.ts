// cosmiconfig's Explorer and its default loaders, imported directly (see explorer() in load.ts);
// the package ships no types for these modules.
declare module 'cosmiconfig/dist/Explorer.js';
declare module 'cosmiconfig/dist/defaults.js';

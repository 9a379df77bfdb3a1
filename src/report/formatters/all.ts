/** Every formatter, for library users: `formatters.stylish(results, context)`. */
export { default as stylish } from './stylish.js';
export { default as compact } from './compact.js';
export { default as json } from './json.js';
export { default as sarif } from './sarif.js';
export { default as github } from './github.js';
export { default as junit } from './junit.js';
export { default as markdown } from './markdown.js';
export { default as html } from './html.js';

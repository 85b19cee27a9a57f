/**
 * The siptrunk library API. The CLI (src/cli) is a thin layer over these functions.
 */
export * from './errors.js';
export { Secret } from './util/secret.js';
export type * from './model/types.js';

/**
 * Synchronous, lazy loading of heavy dependencies (libphonenumber-js with its full metadata,
 * sip.js's grammar). A cold `siptrunk validate` pays for them only when a number or a URI is
 * actually checked, and the check functions stay synchronous. Node 20.19+ can require() ES
 * modules, which sip.js is.
 */
import { createRequire } from 'node:module';

export const lazyRequire = createRequire(import.meta.url);

/** A value computed on first use and kept. */
export function lazy<T>(load: () => T): () => T {
  let value: T | undefined;
  let loaded = false;
  return () => {
    if (!loaded) {
      value = load();
      loaded = true;
    }
    return value as T;
  };
}

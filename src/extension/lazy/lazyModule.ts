// Job: a module namespace that `require`s its bundle (dist/lazy/NAME.js) the
// first time one of its exports is read. The extension bundle's imports of a
// package the views need only after activation (yaml: the first parse runs
// after activate() returns) resolve to one of these (scripts/build.mjs), so
// activation does not load or compile it.
import { join } from 'node:path';

const loaded = new Map<string, unknown>();

/** `require`s dist/lazy/NAME.js once. */
export function requireLazy<T>(name: string): T {
  let mod = loaded.get(name);
  if (!mod) {
    // A computed path: esbuild leaves it alone, and Node loads the file next to this bundle.
    mod = require(join(__dirname, 'lazy', `${name}.js`)) as T;
    loaded.set(name, mod);
  }
  return mod as T;
}

/** The lazy bundles loaded so far. */
export function loadedLazyBundles(): string[] {
  return [...loaded.keys()];
}

/**
 * A stand-in for the module `name` exporting `names`: listing its exports
 * costs nothing; reading one loads the bundle. esbuild's interop copies the
 * export names as getters, so each use reads through to the real module.
 */
export function lazyNamespace(name: string, names: readonly string[]): object {
  const real = () => requireLazy<Record<string | symbol, unknown>>(name);
  const known = new Set<string | symbol>(names);
  return new Proxy(
    {},
    {
      get: (_, key) => (key === '__esModule' ? undefined : real()[key]),
      has: (_, key) => known.has(key),
      ownKeys: () => [...names],
      getOwnPropertyDescriptor: (_, key) => (known.has(key) ? { configurable: true, enumerable: true, get: () => real()[key] } : undefined),
      getPrototypeOf: () => Object.prototype,
    },
  );
}

// The module scripts/build.mjs generates for the main bundle: the namespaces of
// its modules that the later bundles (dist/lazy/*.js) use, by path from the
// repository root (or package name).
declare module 'campaign:shared' {
  export const SHARED: Readonly<Record<string, unknown>>;
}

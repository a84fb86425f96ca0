// Job: the entry of dist/lazy/yaml.js — the `yaml` package, loaded on first
// use through lazyModule.ts instead of with the extension bundle.
export * from 'yaml';

// Pure (no `vscode`): what a build-log row is called in the sidebar — its
// title, else its first accomplishment — so rows differ in a narrow view
// where dates alone would look the same.
import type { BuildLogEntry } from '../core/model/model';

export function entryTitle(e: BuildLogEntry): string {
  const title = e.title?.trim() || e.accomplishments.find((a) => a.trim() !== '')?.trim();
  if (title) return title;
  return e.decisions.length ? `${e.decisions.length} decision${e.decisions.length === 1 ? '' : 's'}` : 'Session';
}

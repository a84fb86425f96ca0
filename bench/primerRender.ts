// Primer render time: renderPrimer on an already loaded campaign (what the
// extension does after every change, and the SessionStart hook on every start).
import { CampaignDocument } from '../src/core/document/campaignDocument';
import { renderPrimer } from '../src/core/primer/primer';
import { campaignOfSize } from './corpus';
import type { SizeSpec } from './editLatency';
import { summarize, timeSync, type Summary } from './stats';

export interface PrimerRenderRow {
  label: string;
  bytes: number;
  runs: number;
  render: Summary;
  primerChars: number;
}

export function measurePrimerRender(sizes: readonly SizeSpec[], budget: number | undefined): PrimerRenderRow[] {
  return sizes.map((size) => {
    const g = campaignOfSize(size.bytes);
    const model = CampaignDocument.parse(g.text).model;
    const options = budget !== undefined ? { budget } : {};
    let chars = 0;
    for (let i = 0; i < 3; i++) chars = renderPrimer(model, options).text.length; // warm-up
    const runs = Math.max(size.runs, 30);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(timeSync(() => renderPrimer(model, options)).ms);
    return { label: size.label, bytes: g.bytes, runs, render: summarize(samples), primerChars: chars };
  });
}

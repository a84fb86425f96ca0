// Turns a run's results into the Markdown printed by `npm run bench` and kept
// in docs/benchmarks.md: one section of tables per measurement, each figure
// next to its target with ✓ or ✗.
import type { EfficiencyRow } from './contextEfficiency';
import type { CliProcessRow } from './cliProcess';
import type { EditLatencyRow } from './editLatency';
import type { ExtensionResult } from './extension';
import type { Machine } from './machine';
import type { MemoryResult } from './memory';
import type { PrimerRenderRow } from './primerRender';
import type { RefusalRow } from './refusals';
import { formatSize, round } from './stats';

export interface BenchResults {
  generatedAt: string;
  machine: Machine;
  totalSeconds?: number;
  primerBudget: number;
  contextEfficiency: EfficiencyRow[];
  editLatency: EditLatencyRow[];
  cliProcess?: CliProcessRow[];
  primerRender: PrimerRenderRow[];
  memory: MemoryResult[];
  refusals?: RefusalRow[];
  extension?: ExtensionResult;
  extensionNote?: string;
  targets: TargetCheck[];
  /** With `--only`: the parts whose figures come from an earlier run. */
  carriedOver?: { parts: string[]; from: string };
  /** When each part's figures were measured (ISO time). */
  measuredAt?: Record<string, string>;
  /** The 1-minute load average while each part was measured (start → end of its run). */
  loadDuring?: Record<string, { start: number; end?: number }>;
}

export interface TargetCheck {
  target: string;
  met: boolean | null;
  detail: string;
}

const mark = (ok: boolean | null | undefined) => (ok === null || ok === undefined ? '–' : ok ? '✓' : '✗');
const n = (x: number) => x.toLocaleString('en-US');
const ms = (x: number) => (x >= 100 ? `${Math.round(x)}` : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mib = (bytes: number) => `${round(bytes / 2 ** 20, 1)} MiB`;
const kb = (bytes: number) => `${round(bytes / 1000, 1)} KB`;

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The ✓/✗ verdicts, computed once and stored in results.json. */
export function checkTargets(r: Omit<BenchResults, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const eff = r.contextEfficiency;
  const over = eff.filter((e) => !e.withinBudget);
  checks.push({
    target: 'primer always within its token budget',
    met: over.length === 0,
    detail: over.length ? `over budget at ${over.map((e) => `${e.entries} entries (${e.primerTokens} tokens)`).join(', ')}` : `largest primer ${Math.max(...eff.map((e) => e.primerTokens))} o200k tokens, budget ${r.primerBudget}`,
  });
  const big = eff.filter((e) => e.entries >= 300);
  const small = big.filter((e) => e.ratio < 10);
  checks.push({
    target: 'primer ≥10× smaller than the file from 300 entries up',
    met: big.length ? small.length === 0 : null,
    detail: big.map((e) => `${e.entries}: ${e.ratio}×`).join(', '),
  });
  const missing = eff.filter((e) => e.mustKeepPresent < e.mustKeep);
  checks.push({
    target: 'must-keep coverage 100 %',
    met: missing.length === 0,
    detail: missing.length
      ? missing.map((e) => `${e.entries} entries: missing ${e.missing.slice(0, 3).map((m) => `${m.kind} "${m.text}"`).join(', ')}${e.missing.length > 3 ? ` and ${e.missing.length - 3} more` : ''}`).join('; ')
      : `${eff.reduce((s, e) => s + e.mustKeep, 0)} items over ${eff.length} campaigns, all present`,
  });
  const oneMb = r.editLatency.find((e) => e.label === '1 MB');
  if (oneMb) {
    checks.push({
      target: '≤50 ms median per operation at 1 MB',
      met: oneMb.operation.median <= 50,
      detail: `work.add ${ms(oneMb.operation.median)} ms median (load + validate alone ${ms(oneMb.load.median)} ms)`,
    });
  }
  const five = r.editLatency.find((e) => e.label === '5 MB');
  if (oneMb && five) {
    const growth = five.operationMsPerMB / oneMb.operationMsPerMB;
    checks.push({
      target: 'operation time grows close to linearly with file size (ms/MB at 5 MB ≤ 1.5 × at 1 MB)',
      met: growth <= 1.5,
      detail: `wall ${r.editLatency.map((e) => `${e.label}: ${ms(e.operationMsPerMB)}`).join(', ')} ms/MB (×${round(growth, 2)} from 1 to 5 MB); CPU ${r.editLatency.map((e) => `${e.label}: ${ms(e.operationCpuMsPerMB)}`).join(', ')} ms/MB`,
    });
  }
  const primerOneMb = r.primerRender.find((p) => p.label === '1 MB');
  if (primerOneMb) {
    checks.push({
      target: 'primer render ≤20 ms at 1 MB',
      met: primerOneMb.render.median <= 20,
      detail: `${ms(primerOneMb.render.median)} ms median`,
    });
  }
  const cli1 = r.cliProcess?.find((c) => c.label === '1 MB');
  if (cli1) {
    checks.push({
      target: 'CLI `work add` at 1 MB, wall, ≤ 1.0× the naive script in the same run',
      met: cli1.ratioToNaive <= 1.0,
      detail: `${cli1.ratioToNaive}× (${ms(cli1.cliAdd.median)} vs ${ms(cli1.naive.median)} ms median of ${cli1.runs}); whole-document fallback ${cli1.ratioToNaiveFull}×`,
    });
  }
  const cli30 = r.cliProcess?.find((c) => c.label === '30 KB');
  if (cli30) {
    checks.push({
      target: 'CLI `work add` at 30 KB, whole process, ≤ 60 ms above a bare `node -e 0`',
      met: cli30.cliAboveNode <= 60,
      detail: `${ms(cli30.cliAboveNode)} ms above (${ms(cli30.cliAdd.median)} vs ${ms(cli30.nodeBare.median)} ms median of ${cli30.runs})`,
    });
  }
  for (const w of r.extension?.warm ?? []) {
    const limit = w.bytes >= 500_000 ? 50 : 10;
    checks.push({
      target: `warm operation in the extension host at ${w.label} ≤ ${limit} ms (${w.path} path)`,
      met: w.path === 'full' ? null : w.summary ? w.summary.median <= limit : false,
      detail: w.summary ? `${ms(w.summary.median)} ms median of ${w.summary.runs} (p95 ${ms(w.summary.p95)}); took ${w.paths?.join(', ')}` : `not measured: ${w.notMeasured}`,
    });
  }
  const act = r.extension?.activation;
  if (act?.summary) {
    checks.push({ target: 'activation ≤ 50 ms (host figure, median of at least 5)', met: act.summary.median <= 50, detail: `${ms(act.summary.median)} ms median of ${act.summary.runs}` });
  }
  if (act?.firstItems) {
    checks.push({ target: 'activation → Remaining Work first items ≤ 150 ms (100 KB)', met: act.firstItems.median <= 150, detail: `${ms(act.firstItems.median)} ms median of ${act.firstItems.runs}` });
  }
  if (act?.codeLoadedBytes !== undefined) {
    checks.push({ target: 'code loaded before activate() returns ≤ 250 KB', met: act.codeLoadedBytes <= 250_000, detail: act.codeLoaded ?? kb(act.codeLoadedBytes) });
  }
  for (const f of r.refusals ?? []) {
    checks.push({
      target: `${f.input} refused${f.via === 'cli' ? ' by the CLI' : ''} in ≤${n(Math.round(f.targetMs))} ms`,
      met: f.refused && f.wall.max <= f.targetMs,
      detail: `${ms(f.wall.median)} ms median, ${ms(f.wall.max)} ms slowest of ${f.wall.runs}${f.refused ? '' : '; NOT refused cleanly'}`,
    });
  }
  if (r.extension?.liveUpdate?.summary) {
    const live = r.extension.liveUpdate.summary;
    checks.push({ target: 'an edit on disk reaches the Remaining Work view in ≤1,500 ms', met: live.max <= 1500, detail: `${ms(live.median)} ms median, ${ms(live.max)} ms slowest of ${live.runs}` });
  }
  const ext = r.extension;
  for (const b of ext?.bundles ?? []) {
    if (!b.target) continue;
    checks.push({ target: `${b.file} ≤ ${kb(b.target)} minified`, met: b.bytes <= b.target, detail: kb(b.bytes) });
  }
  return checks;
}

export function renderMarkdown(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;

  out.push('### Context efficiency');
  out.push('');
  out.push(`Primer (default budget, ${n(r.primerBudget)} tokens) against the whole \`campaign.yaml\`, both counted with the o200k tokenizer. Must-keep: identity, constraints, focus, blockers, handoff notes and every open high-priority work item, found verbatim in the primer.`);
  out.push('');
  out.push(
    table(
      ['entries', 'remaining work', 'file', 'file tokens', 'primer tokens', 'smaller by', 'within budget', 'must-keep'],
      r.contextEfficiency.map((e) => [
        n(e.entries),
        n(e.remainingWork),
        formatSize(e.fileBytes),
        n(e.fileTokens),
        n(e.primerTokens),
        `${e.ratio}×${e.entries >= 300 ? ` ${mark(e.ratio >= 10)}` : ''}`,
        `${mark(e.withinBudget)} ${n(e.primerTokens)} ≤ ${n(e.budget)}`,
        `${mark(e.mustKeepPresent === e.mustKeep)} ${e.mustKeepPresent}/${e.mustKeep}${e.mustKeepShortened ? ` (${e.mustKeepShortened} more shortened)` : ''}`,
      ]),
    ),
  );
  out.push('');

  out.push('### Edit latency');
  out.push('');
  out.push('`work.add` end to end through `applyToFile` (lock, read, parse, validate, apply, splice the changed nodes, re-parse and re-validate the touched section, hash guard, atomic write + fsync; docs/edit-path.md), next to the naive `yaml.parse → push → yaml.stringify → writeFileSync` in the same run, interleaved. Median / p95 of wall time in ms; CPU ms is this process\'s own CPU time for the same runs (median), which other work on the machine disturbs less.');
  out.push('');
  out.push(
    table(
      ['file', 'runs', 'load + validate', 'naive parse', 'work.add', 'ms/MB', 'work.add CPU ms (ms/MB)', 'naive edit', 'naive edit CPU ms', 'comment lines kept (Campaign / naive)', 'lines changed (Campaign / naive)'],
      r.editLatency.map((e) => [
        `${formatSize(e.bytes)} (${n(e.entries)} entries)`,
        String(e.runs),
        `${ms(e.load.median)} / ${ms(e.load.p95)}`,
        `${ms(e.naiveLoad.median)} / ${ms(e.naiveLoad.p95)}`,
        `${ms(e.operation.median)} / ${ms(e.operation.p95)}${e.label === '1 MB' ? ` ${mark(e.operation.median <= 50)}` : ''}`,
        ms(e.operationMsPerMB),
        `${ms(e.operationCpu.median)} (${ms(e.operationCpuMsPerMB)})`,
        `${ms(e.naiveOperation.median)} / ${ms(e.naiveOperation.p95)}`,
        ms(e.naiveOperationCpu.median),
        `${mark(e.commentLinesAfter >= e.commentLines)} ${n(e.commentLinesAfter)}/${n(e.commentLines)} / ${mark(e.naiveCommentLinesAfter >= e.commentLines)} ${n(e.naiveCommentLinesAfter)}/${n(e.commentLines)}`,
        `+${e.linesChanged.added} −${e.linesChanged.removed} / +${n(e.naiveLinesChanged.added)} −${n(e.naiveLinesChanged.removed)}`,
      ]),
    ),
  );
  out.push('');
  const phaseNames = Object.keys(r.editLatency[0]?.phases ?? {});
  if (phaseNames.length) {
    out.push('Where the time of one `work.add` goes (median ms of each step, timed separately):');
    out.push('');
    out.push(table(['step', ...r.editLatency.map((e) => e.label)], phaseNames.map((p) => [p, ...r.editLatency.map((e) => ms(e.phases[p] ?? NaN))])));
    out.push('');
  }

  if (r.cliProcess?.length) {
    out.push('### CLI process');
    out.push('');
    out.push('`campaign work add` as a person runs it (a new Node process: load the minified CLI bundle, read, parse, validate, splice, write), next to a bare `node -e 0` and to the naive script (`yaml.parse` → push → `yaml.stringify` → write, which drops every comment). The CLI column is a repeated `work add`: it parses only `remaining_work` when every other section is as the last write found it valid (core/file/sectionTrust.ts). Beside it, the first write to a file, with nothing recorded yet (`CAMPAIGN_NO_SECTION_TRUST=1`: the whole file is parsed and validated), and the whole-document render (`CAMPAIGN_EDIT_PATH=full`, the fallback). All five interleaved run by run; median / p95 wall ms.');
    out.push('');
    out.push(
      table(
        ['file', 'runs', '`node -e 0`', 'CLI work add', 'first write (whole file read)', 'whole-document fallback', 'naive script', 'CLI − node', 'CLI ÷ naive (fallback ÷ naive)'],
        r.cliProcess.map((c) => [
          formatSize(c.bytes),
          String(c.runs),
          `${ms(c.nodeBare.median)} / ${ms(c.nodeBare.p95)}`,
          `${ms(c.cliAdd.median)} / ${ms(c.cliAdd.p95)}`,
          c.cliAddWhole ? `${ms(c.cliAddWhole.median)} / ${ms(c.cliAddWhole.p95)}` : '–',
          `${ms(c.cliAddFull.median)} / ${ms(c.cliAddFull.p95)}`,
          `${ms(c.naive.median)} / ${ms(c.naive.p95)}`,
          ms(c.cliAboveNode),
          `${c.ratioToNaive}× (${c.ratioToNaiveFull}×)`,
        ]),
      ),
    );
    out.push('');
  }

  out.push('### Primer render');
  out.push('');
  out.push(
    table(
      ['file', 'runs', 'median ms', 'p95 ms', 'target'],
      r.primerRender.map((p) => [formatSize(p.bytes), String(p.runs), ms(p.render.median), ms(p.render.p95), p.label === '1 MB' ? `≤20 ms ${mark(p.render.median <= 20)}` : '']),
    ),
  );
  out.push('');

  if (r.refusals?.length) {
    out.push('### Refusals of hostile files');
    out.push('');
    out.push('How long a hostile file takes to be refused (alias bombs, deep nesting, complex keys, a 50 MB file) or, for the largest values the fuzz writes, read. Wall-clock ms; the tests assert only that each is refused cleanly.');
    out.push('');
    out.push(
      table(
        ['input', 'size', 'via', 'median', 'slowest', 'target'],
        r.refusals.map((f) => [f.input, formatSize(f.bytes), f.via === 'cli' ? 'CLI process' : 'parse', ms(f.wall.median), ms(f.wall.max), `${mark(f.refused && f.wall.max <= f.targetMs)} ≤${n(Math.round(f.targetMs))}`]),
      ),
    );
    out.push('');
  }

  out.push('### Memory');
  out.push('');
  const five = r.memory[0];
  out.push(`Loading the ${five ? formatSize(five.bytes) : '5 MB'} campaign in a fresh Node process (\`--expose-gc\`; median of 3 processes). Peak = highest RSS of the process (\`resourceUsage().maxRSS\`) minus RSS before the load; retained = RSS after a full GC with the loaded document still referenced, minus RSS before.`);
  out.push('');
  out.push(
    table(
      ['load', 'RSS before', 'peak RSS Δ', 'retained RSS Δ', 'retained heap Δ'],
      r.memory.map((x) => [
        x.mode === 'campaign' ? 'Campaign (parse + validate + model)' : 'naive `yaml.parse`',
        mib(x.rssBefore),
        mib(x.peakDelta),
        mib(x.retainedDelta),
        mib(x.heapUsedAfter - x.heapUsedBefore),
      ]),
    ),
  );
  out.push('');

  out.push('### Extension');
  out.push('');
  const ext = r.extension;
  if (!ext) {
    out.push(`Not measured: ${r.extensionNote ?? 'skipped'}.`);
  } else {
    const rows: string[][] = ext.bundles.map((b) => [
      `\`${b.file}\``,
      kb(b.bytes),
      kb(b.gzipBytes),
      b.target ? `≤ ${kb(b.target)} ${mark(b.bytes <= b.target)}` : '',
    ]);
    rows.push(['`.vsix`', ext.vsix ? kb(ext.vsix.bytes) : `not measured: ${ext.vsixNote ?? 'no package'}`, '', '']);
    if (ext.buildNote) rows.push(['build', ext.buildNote, '', '']);
    out.push('Production build (`node scripts/build.mjs --production`, minified) and the `.vsix` from `npm run package`.');
    out.push('');
    out.push(table(['artifact', 'size', 'gzip', 'target'], rows));
    out.push('');
    const a = ext.activation;
    if (a.summary) {
      out.push(
        `Activation in the real VS Code of the test bed (code-server, \`.vsix\` installed, workspace with ${a.workspace ?? 'a campaign file'}; activated by \`${a.activationEvent ?? '?'}\`), as the extension host measured it (code loading + \`activate()\`, "Developer: Show Running Extensions"): **${ms(a.summary.median)} ms** median over ${a.summary.runs} fresh starts (${a.samples!.join(', ')} ms)${a.activateCall ? `; the \`activate()\` call itself took ${ms(a.activateCall.median)} ms median (the extension's log), the rest is loading the code` : ''}.`,
      );
    } else {
      out.push(`Activation: not measured — ${a.notMeasured ?? 'unknown reason'}.`);
    }
    if (a.firstItems) out.push(`\nFrom \`activate()\` beginning to Remaining Work first holding items (the extension's own log): **${ms(a.firstItems.median)} ms** median (${a.firstItems.runs} runs). ${a.codeLoaded ? `When \`activate()\` returned, ${a.codeLoaded}.` : ''}`);
    if (ext.warm?.length) {
      out.push('');
      out.push('A warm operation in the real extension host: **Add Work Item** typed into the workbench (title, priority) on the document the extension already holds, timed by the extension from the write\'s start to the file renamed into place, as the target is defined (the folder\'s fsync and the lock\'s release that follow are in the last column; the Claude Code primer file regenerated afterwards is not counted); one untimed warm-up first. The whole-document row runs the extension with `CAMPAIGN_EDIT_PATH=full`.');
      out.push('');
      out.push(
        table(
          ['file', 'path', 'runs', 'median ms', 'p95 ms', 'of which apply / write to the rename (medians)', 'to the write\'s end (median)', 'path taken'],
          ext.warm.map((w) => [
            formatSize(w.bytes),
            w.path === 'full' ? 'whole document (fallback)' : 'splice',
            w.summary ? String(w.summary.runs) : '–',
            w.summary ? ms(w.summary.median) : `not measured: ${w.notMeasured}`,
            w.summary ? ms(w.summary.p95) : '',
            w.apply && w.write ? `${ms(w.apply.median)} / ${ms(w.write.median)}` : '',
            w.done ? ms(w.done.median) : '',
            w.paths?.join(', ') ?? '',
          ]),
        ),
      );
    }
    if (a.errors?.length) out.push(`\nActivation errors logged: ${a.errors.join('; ')}`);
  }
  out.push('');

  out.push('### Targets');
  out.push('');
  out.push(table(['target', 'met', 'figures'], r.targets.map((t) => [t.target, mark(t.met), t.detail])));
  out.push('');
  if (r.carriedOver) {
    const when = (part: string) => (r.measuredAt?.[part] ?? r.carriedOver!.from).slice(0, 16).replace('T', ' ');
    const load = (part: string) => {
      const l = r.loadDuring?.[part];
      return l ? `, load ${l.start}${l.end !== undefined ? ` → ${l.end}` : ''}` : '';
    };
    out.push(`Parts not measured in this run (\`--only\`), carried over from earlier runs: ${r.carriedOver.parts.map((p) => `${p} (${when(p)} UTC${load(p)})`).join(', ')}.\n`);
  }
  out.push(
    `Machine: ${m.nproc} × ${m.cpuModel}, ${m.memoryGiB} GiB RAM, Node ${m.node} (${m.platform}); 1-minute load average ${m.loadAverage.start}${m.loadAverage.end !== undefined ? ` → ${m.loadAverage.end}` : ''}. Run ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC${r.totalSeconds !== undefined ? `, ${round(r.totalSeconds, 0)} s in all` : ''}.`,
  );
  return out.join('\n');
}

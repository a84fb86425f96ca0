// Job: the fixed table that maps a memory bank's headings (English and
// Japanese keywords, emoji status marks) to campaign sections, and the written
// priority rule (docs/decisions.md, "Import priorities"). No model, no network:
// a heading either matches a row here or its lines are kept as unplaced.
import type { Priority, WorkStatus } from '../../model/model';
import type { FileRole } from './bankLayout';

/** Where a heading's lines go. */
export type Target =
  | 'name' // identity.name
  | 'purpose' // identity.purpose
  | 'tech' // identity.tech_stack
  | 'constraints'
  | 'focus' // handoff_notes (never active_session: an import is not a session)
  | 'next' // remaining work, high
  | 'work' // remaining work, priority from the rule
  | 'done' // build-log accomplishments
  | 'recent' // build-log accomplishments
  | 'decisions'
  | 'keep'; // narrative: stays under import_unplaced, never in the primer

export interface HeadingRule {
  target: Target;
  priority?: Priority;
  status?: WorkStatus;
}

interface Row extends HeadingRule {
  match: RegExp;
  /** Roles whose files this row applies in; all when absent. */
  roles?: readonly FileRole[];
}

/** Files where work, focus and progress headings mean what they say. */
const LIVE: readonly FileRole[] = ['active', 'progress', 'tasks', 'decisionLog', 'other'];

// First match wins; order is the priority rule: "next" and "in progress" before
// generic work words, "done" marks before "work" so "Completed tasks" is done.
const ROWS: Row[] = [
  { match: /\b(next steps?|immediate|next up|next (development )?priorities|next actions?)\b|次のステップ|次の作業|直近|今後の作業/, target: 'next', priority: 'high', roles: LIVE },
  { match: /\b(in progress|in-progress|current (tasks?|work)(?! focus)|active (development|work|tasks?))\b|進行中|作業中|対応中/, target: 'work', priority: 'high', status: 'in_progress', roles: LIVE },
  { match: /\b(what works|completed|done|finished|achieved|accomplished)\b|^working$|完了|済み|できていること/, target: 'done', roles: LIVE },
  { match: /\b(recent (changes|progress|updates)|changelog|change log|major updates|latest milestone)\b|最近の変更|変更履歴/, target: 'recent', roles: LIVE },
  { match: /\b(known issues?|issues|challenges|bugs?|blockers?|problems)\b|既知の問題|課題|問題点|不具合/, target: 'work', priority: 'medium', roles: LIVE },
  { match: /\b(planned|upcoming|future(?! sessions?)|could have|nice to have|roadmap|backlog|later|optional|enhancements?|long term|medium term)\b|予定|将来|今後/, target: 'work', priority: 'low', roles: LIVE },
  { match: /\b(what'?s left|left to build|remaining|to-?do|pending|tasks?|short term|milestones?)\b|残っている|残タスク|未完了|タスク/, target: 'work', priority: 'medium', roles: LIVE },
  { match: /\b(decisions?|decided|adrs?)\b|決定/, target: 'decisions' },
  // Narrative (patterns, learnings, setup): kept as unplaced, and it stops a parent heading's mapping.
  { match: /\b(patterns?|architecture|insights?|learnings?|lessons|preferences|setup|environment|configuration|workflow|notes|context for|key files)\b|パターン|学び|洞察|設定|環境/, target: 'keep' },
  { match: /\b(current (work )?focus|active focus|focus|current (status|state|mode))\b|フォーカス|現在の状況|現在のステータス|現在の状態/, target: 'focus', roles: ['active', 'other'] },
  { match: /\b(technical constraints|constraints?|limitations?|out of scope|non-goals?)\b|制約|制限|スコープ外/, target: 'constraints' },
  { match: /\b(tech(nology)? stack|stack|technologies( used)?|core technologies|frameworks|languages?)\b|技術スタック|使用技術|技術構成|開発言語|主要ライブラリ|使用ライブラリ/, target: 'tech' },
  { match: /\b(project overview|overview|purpose|core purpose|project goals?|why .*exists|project description|summary|mission)\b|概要|目的/, target: 'purpose', roles: ['brief', 'product'] },
  { match: /^(project|project name|name)$|^project\s*:|プロジェクト名/, target: 'name', roles: ['brief', 'product'] },
];

/** An explicit priority in a heading beats the section rule ("### High Priority" under "Known Issues"). */
const PRIORITY_WORDS: [RegExp, Priority][] = [
  [/\b(high priority|critical|urgent|must have|p0|p1)\b|優先度高|高優先/, 'high'],
  [/\b(low priority|could have|nice to have|optional|p3)\b|優先度低|低優先/, 'low'],
  [/\b(medium priority|should have|p2)\b|優先度中/, 'medium'],
];

const DONE_MARK = /✅|✔️?|☑️?|🟢|\[(done|完了)\]|\bcomplete(d)?\b|\bdone\b|完了|済/i;
const PROGRESS_MARK = /🚧|🔄|🏗️?|\bwip\b|\bin progress\b|進行中|作業中/i;
const TODO_MARK = /⏳|🔲|⬜|❌|🚫|📋|🟡|🔴/;

/** Lower case, markup and numbering stripped: what the table matches against. */
export function headingKey(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .replace(/^\d+(\.\d+)*[.)]?\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The row for a heading in a file of this role, if any. */
export function classifyHeading(text: string, role: FileRole): HeadingRule | undefined {
  const key = headingKey(text);
  for (const row of ROWS) {
    if (row.roles && !row.roles.includes(role)) continue;
    if (row.match.test(key)) {
      const rule: HeadingRule = { target: row.target };
      if (row.priority) rule.priority = row.priority;
      if (row.status) rule.status = row.status;
      return rule;
    }
  }
  return undefined;
}

export function explicitPriority(text: string): Priority | undefined {
  const key = headingKey(text);
  for (const [re, p] of PRIORITY_WORDS) if (re.test(key)) return p;
  return undefined;
}

/** The status an emoji or word mark in a heading or item gives it, if any. */
export function statusMark(text: string): 'done' | 'in_progress' | 'todo' | undefined {
  // "Phase 1 (5% Complete)" is not done; "(100% Complete)" is.
  text = text.replace(/\b(\d{1,2}(\.\d+)?)\s*%\s*(complete|done|完了)/gi, '');
  if (PROGRESS_MARK.test(text)) return 'in_progress';
  if (DONE_MARK.test(text)) return 'done';
  if (TODO_MARK.test(text)) return 'todo';
  return undefined;
}

/** Emoji marks, bold/italic/code markers and backslash escapes removed; spacing tidied. */
export function cleanText(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|\s)[*_](\S(?:.*?\S)?)[*_](?=\s|$|[.,:;])/g, '$1$2')
    .replace(/[✅✔☑🟢🚧🔄🏗⏳🔲⬜❌🚫📋🟡🔴📌⚠️️\u20e3]/gu, '')
    .replace(/^[\s:：\-–—]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A heading's words without its status words, for a build-log title: "Mini-Player Fix Complete ✅" → "Mini-Player Fix". */
export function headingTitle(text: string): string {
  return cleanText(text)
    .replace(/\s*[-–—:]?\s*\b(complete(d)?|done|finished)\b\s*$/i, '')
    .replace(/\s*[-–—:]\s*$/, '')
    .trim();
}

const DATE = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日/;

/** The first date written in the text, as YYYY-MM-DD. */
export function findDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = m[1] ? [m[1], m[2]!, m[3]!] : [m[4]!, m[5]!, m[6]!];
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

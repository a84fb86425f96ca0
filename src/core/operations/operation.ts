// What a named operation is: a named edit of a campaign document. Every
// change to a campaign — from the CLI, the extension or a merge — is one of
// these, so the same rules (validation, minimal diffs, guarded writes) apply.
import type { CampaignDocument } from '../document/campaignDocument';
import type { RandomSource } from '../model/ids';

export interface OperationContext {
  now: Date;
  /** Injected by tests for reproducible ids. */
  random?: RandomSource;
}

export interface Operation<R = void> {
  /** Stable name, used in logs and messages (`work.add`, `session.end`, …). */
  readonly name: string;
  /**
   * The top-level sections the operation may change (`remaining_work`, …); the
   * edit path then compares only those with the file as read. Leave it out when
   * any section may change. An operation that changes a section it does not
   * name is a bug the property tests catch (CampaignDocument.checkSections).
   */
  readonly sections?: readonly string[];
  /**
   * The operation reads nothing outside `sections` either: with one section, the CLI may
   * apply it to that section parsed on its own (core/file/sectionTrust.ts). The unit tests
   * check that it then writes the same bytes as on the whole file.
   */
  readonly local?: boolean;
  /** Edits `cd.doc` in place and returns the operation's result (an id, say). */
  apply(cd: CampaignDocument, ctx: OperationContext): R;
}

/** YYYY-MM-DD in the local time zone: the day a person would write down. */
export function localDate(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** ISO 8601 local time with its offset, e.g. 2026-03-21T09:14:00+01:00. */
export function localTimestamp(now: Date): string {
  const p = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const off = -now.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return `${localDate(now)}T${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}${sign}${p(off / 60)}:${p(off % 60)}`;
}

/** Collapses a single-line field: campaign fields are one line each. */
export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

// Job: read the words of one entry — a project name out of a brief's title, a
// decision and its reason out of a line, a leading date, ADR-style keys — so
// the mapper places entries and this file knows how their text is written.
import { cleanText, findDate } from './headingTable';

export const ADR_DECISION = /^(decision|decided|決定(事項)?)\s*[:：]\s*(.+)$/i;
export const ADR_REASON = /^(rationale|reason|why|because|context|consequences?|理由|背景)\s*[:：]\s*(.+)$/i;
/** "[2025-03-02 10:15:00] - ", "2025/3/14: ": a date that leads an entry, with its separator. */
export const LEADING_DATE = /^\[?\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*\]?\s*[-–—:]?\s*/;
/** Titles that name the file, not the project. */
const GENERIC_TITLE = /^(project|project brief|project overview|product context|プロジェクト概要|プロダクトコンテキスト|プロジェクトブリーフ|概要)$/i;
const GENERIC_WORDS = /\b(project brief|product context)\b/gi;

/** The project name in a brief's title: "DM-Player Project Brief", "Project Brief: X", "**プロジェクト概要: MedFeeBot**". */
export function nameFromTitle(title: string): string {
  let t = cleanText(title);
  const colon = /^(.*?)\s*[:：]\s*(.+)$/.exec(t);
  if (colon && GENERIC_TITLE.test(colon[1]!.trim())) t = colon[2]!;
  t = t.replace(GENERIC_WORDS, '');
  // A status in parentheses after the name is not part of it.
  t = t.replace(/\s*[(（][^)）]*[)）]\s*$/, '');
  t = t.replace(/\s+/g, ' ').replace(/^[\s:：\-–—]+|[\s:：\-–—]+$/g, '').trim();
  // "## Project" names a section, not the project: the name is the line under it.
  return /^(project|project name|name|プロジェクト名)$/i.test(t) ? '' : t;
}

/** "X because Y", "X — Y", "X; Y", "X（理由: Y）" → decision X, rationale Y; a leading date dates it. */
export function decisionParts(text: string): { date: string; decision: string; rationale: string } {
  // Only a leading date dates the decision; one inside the text is part of it ("until 2025-06-01").
  const lead = LEADING_DATE.exec(text);
  const date = lead ? (findDate(lead[0]) ?? '') : '';
  const t = date ? text.slice(lead![0].length) : text;
  const m = /^(.*?)(?:\s+(?:because|since|so that)\s+|\s+[—–]\s+|\s+--\s+|\s*[;；]\s*|\s*[(（](?:理由|reason|rationale|why)\s*[:：]?\s*)(.+?)[)）]?$/i.exec(t);
  if (m && m[1]!.trim()) return { date, decision: m[1]!.trim(), rationale: m[2]!.trim() };
  return { date, decision: t.trim(), rationale: '' };
}

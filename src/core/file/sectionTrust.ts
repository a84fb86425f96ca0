// Job: the cold path of a one-section operation (`work add` from the CLI):
// parse and validate only the section it reads and changes, and trust every
// other section because its bytes are exactly those this user's last whole
// read of the file found valid (a hash per section, kept by the caller).
// Parsing a 30 KB file in a fresh process is most of a CLI call's time; the
// one section is usually a few KB. Anything the line scan or the checks here
// cannot vouch for takes the whole-file path, which also records the hashes.
import { CampaignDocument } from '../document/campaignDocument';
import { topLevelSections, type TopLevelSection } from '../document/topLevelSections';
import type { Operation, OperationContext } from '../operations/operation';
import { hashText } from './hashText';

/** What this user's last whole read of a file found valid: a hash per top-level section. */
export interface ValidatedSections {
  get(file: string): SectionHashes | undefined;
  set(file: string, hashes: SectionHashes): void;
}

/** Each section's hash by key, and under '' the hash of the key order and the text before the first key. */
export type SectionHashes = Record<string, string>;

/** The hashes of `text`'s sections; undefined when a line scan cannot tell them apart. */
export function sectionHashes(text: string, sections = topLevelSections(text)): SectionHashes | undefined {
  if (!sections) return undefined;
  const out: SectionHashes = { '': hashText(`${sections.map((s) => s.key).join('\n')}\n${text.slice(0, sections[0]?.start ?? text.length)}`) };
  for (const s of sections) out[s.key] = hashText(text.slice(s.start, s.next));
  return out;
}

/** An anchor or an alias: a section that has one may not read the same on its own. */
const ANCHOR_OR_ALIAS = /(^|[\s:,[{-])[&*][^\s,[\]{}]/m;

/** Every line ends the same way (the whole-file path would make mixed endings uniform). */
function uniformLineEndings(text: string): boolean {
  const cr = text.split('\r').length - 1;
  return cr === 0 || cr === text.split('\r\n').length - 1 && cr === text.split('\n').length - 1;
}

/** One section of a file, parsed on its own, that an operation may be applied to. */
export interface OneSection {
  text: string;
  key: string;
  sections: TopLevelSection[];
  section: TopLevelSection;
  own: string;
  cd: CampaignDocument;
}

/**
 * The one section `op` reads and changes, parsed on its own; undefined when
 * that cannot be vouched for (the whole-file path then runs): the operation is
 * not local, the file is not cut cleanly into sections, another section
 * differs from what `trusted` recorded, an anchor, an alias or mixed line
 * endings are about, or the section does not read on its own.
 */
export function readOneSection(text: string, op: Operation<unknown>, trusted: SectionHashes | undefined, file?: string): OneSection | undefined {
  const key = op.local && op.sections?.length === 1 ? op.sections[0]! : undefined;
  if (!key || !trusted || !uniformLineEndings(text) || ANCHOR_OR_ALIAS.test(text)) return undefined;
  const sections = topLevelSections(text);
  const hashes = sectionHashes(text, sections);
  const section = sections?.find((s) => s.key === key);
  if (!sections || !hashes || !section || !sameOtherSections(hashes, trusted, key)) return undefined;
  // With the comment and blank lines up to the next key: inside a block scalar kept with `|+`
  // they are part of its value, and the yaml library leaves them in place either way.
  const own = text.slice(section.start, section.next);
  // A section with no line ending of its own (the last line of the file) would not know the file's.
  if (!own.includes('\n')) return undefined;
  let cd: CampaignDocument;
  try {
    // New lines follow the whole file's habits (indentation, list style, quotes), as on the whole-file path.
    cd = CampaignDocument.parse(own, { styleOf: text, ...(file === undefined ? {} : { file }) });
  } catch {
    return undefined; // the whole file's parse says what is wrong, at the right line
  }
  return { text, key, sections, section, own, cd };
}

export interface SectionApplied<R> {
  result: R;
  text: string;
  changed: boolean;
}

/**
 * Applies `op` to the section and splices the result into the file's text; a refusal of
 * the operation is thrown, as on the whole-file path. Undefined when the edited section
 * would no longer stand on its own (the whole-file path then runs).
 */
export function applyToOneSection<R>(one: OneSection, op: Operation<R>, ctx: OperationContext): SectionApplied<R> | undefined {
  const { cd, own, section, text } = one;
  const result = cd.apply(op, ctx);
  void cd.model; // re-validates the section: an edit that breaks the schema throws here
  const edited = cd.toString();
  if (edited === own) return { result, text, changed: false };
  // Only the changed nodes re-rendered: a whole-document render of the section alone could lay it
  // out otherwise than the whole file's would (its comments at the edges, say).
  if (cd.lastEdit?.path !== 'splice') return undefined;
  cd.assertReadsBack(edited);
  const next = text.slice(0, section.start) + edited + text.slice(section.next);
  // The edited section must still be one section of its own, and every other one as it was.
  if (!sameLayout(text, one.sections, next, one.key)) return undefined;
  return { result, text: next, changed: true };
}

function sameOtherSections(hashes: SectionHashes, trusted: SectionHashes, key: string): boolean {
  const keys = Object.keys(hashes);
  if (keys.length !== Object.keys(trusted).length) return false;
  return keys.every((k) => k === key || hashes[k] === trusted[k]);
}

function sameLayout(before: string, sections: TopLevelSection[], after: string, key: string): boolean {
  const now = topLevelSections(after);
  if (!now || now.length !== sections.length) return false;
  return now.every((s, i) => {
    const was = sections[i]!;
    return s.key === was.key && (s.key === key || after.slice(s.start, s.next) === before.slice(was.start, was.next));
  });
}

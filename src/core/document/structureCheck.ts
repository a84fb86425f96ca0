// Job: the structural refusals of a parsed campaign file (nesting too deep,
// collection or alias keys, anchors no writer accepts, YAML sets and ordered
// maps in a campaign section), found in one walk of the node tree. Four
// separate walks cost a tenth of the whole read of a 1 MB file
// (docs/edit-path.md); one walk keeps the same findings in the same order.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { TOP_LEVEL_KEYS } from '../model/model';

export interface StructureFindings {
  /** The first collection nested deeper than the limit (the others are not looked for). */
  deep: Node | undefined;
  /** Keys that are mappings, lists or aliases, in document order (a pair with one is not looked into further for more). */
  complexKeys: Node[];
  /** Nodes whose anchor the yaml writer refuses (its own rule: no whitespace, control characters, `,[]{}`). */
  unwritableAnchors: Node[];
  /** `!!set` / `!!omap` / `!!pairs` at the top level or inside a campaign section. */
  oddCollections: Node[];
}

const ODD_TAGS = new Set(['tag:yaml.org,2002:set', 'tag:yaml.org,2002:omap', 'tag:yaml.org,2002:pairs']);
const UNWRITABLE_ANCHOR = /[\x00-\x19\s,[\]{}]/;
const CAMPAIGN_SECTIONS = new Set<string>(TOP_LEVEL_KEYS);

interface Visit {
  node: unknown;
  depth: number;
  /** Inside a campaign section (or the root itself): odd collections count. */
  campaign: boolean;
  /** Under a pair whose key is a collection or alias: further complex keys are not reported. */
  underComplexKey: boolean;
}

/** Walks `doc` once, without recursion (a hostile file may nest thousands deep), in document order. */
export function checkStructure(doc: Document, depthLimit: number): StructureFindings {
  const out: StructureFindings = { deep: undefined, complexKeys: [], unwritableAnchors: [], oddCollections: [] };
  const root = doc.contents as Node | null;
  const stack: Visit[] = [{ node: root, depth: 0, campaign: true, underComplexKey: false }];
  while (stack.length) {
    const { node, depth, campaign, underComplexKey } = stack.pop()!;
    if (node === null || node === undefined || isAlias(node)) continue;
    if (isPair(node)) {
      // A pair's key and value sit one level below the collection holding the pair (`depth` here).
      const complex = isMap(node.key) || isSeq(node.key) || isAlias(node.key);
      if (complex && !underComplexKey) out.complexKeys.push(node.key as Node);
      // Odd collections matter inside campaign sections; unknown top-level keys may keep them.
      const inCampaign = depth === 0 ? isScalar(node.key) && CAMPAIGN_SECTIONS.has(String(node.key.value)) : campaign;
      const under = underComplexKey || complex;
      stack.push({ node: node.value, depth: depth + 1, campaign: inCampaign, underComplexKey: under });
      stack.push({ node: node.key, depth: depth + 1, campaign: inCampaign, underComplexKey: under });
      continue;
    }
    const n = node as Node & { anchor?: string; tag?: string };
    if (n.anchor !== undefined && UNWRITABLE_ANCHOR.test(n.anchor)) out.unwritableAnchors.push(n);
    if (!isMap(node) && !isSeq(node)) continue;
    if (campaign && n.tag && ODD_TAGS.has(n.tag)) out.oddCollections.push(n);
    if (depth >= depthLimit) {
      // Nothing past the limit is read; the caller refuses the file for it first.
      out.deep ??= n;
      continue;
    }
    const items = node.items as unknown[];
    // Pushed last to first so they are taken in document order; a pair keeps the collection's depth.
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      stack.push({ node: item, depth: isPair(item) ? depth : depth + 1, campaign, underComplexKey });
    }
  }
  return out;
}

// Job: load a rarely used bundle (dist/lazy/NAME.js, built from
// src/extension/lazy/NAME.ts) on first use, and hand it the main bundle's
// instances of the modules both use. The main bundle is what VS Code
// `require`s at activation; code that only some commands need waits here
// until one of them runs, so activation loads and compiles less.
import * as yaml from 'yaml';
import * as campaignDocument from '../../core/document/campaignDocument';
import * as newCampaign from '../../core/document/newCampaign';
import * as yamlEdit from '../../core/document/yamlEdit';
import * as campaignFile from '../../core/file/campaignFile';
import * as fileLock from '../../core/file/fileLock';
import * as campaignPath from '../../core/file/campaignPath';
import * as readIfExists from '../../core/file/readIfExists';
import * as ids from '../../core/model/ids';
import * as limits from '../../core/model/limits';
import * as model from '../../core/model/model';
import * as normalize from '../../core/model/normalize';
import * as problems from '../../core/model/problems';
import * as primer from '../../core/primer/primer';
import * as primerFile from '../../core/primer/primerFile';
import * as archiveView from '../../core/archive/archiveView';
import * as claudeMdBlock from '../../core/agents/claudeMdBlock';
import * as operation from '../../core/operations/operation';
import * as workMatch from '../../core/operations/workMatch';
import * as workOps from '../../core/operations/workOps';
import * as tokenEstimate from '../../core/primer/tokenEstimate';
import { requireLazy } from './lazyModule';
import type * as RareCore from './rareCore';

/**
 * The modules a lazy bundle shares with this one, by the name its build gives
 * them (a package name, or the path from the repository root). The build
 * fails if a lazy bundle needs one that is missing here.
 */
const SHARED: Record<string, unknown> = {
  yaml,
  'src/core/document/campaignDocument.ts': campaignDocument,
  'src/core/document/newCampaign.ts': newCampaign,
  'src/core/document/yamlEdit.ts': yamlEdit,
  'src/core/file/campaignFile.ts': campaignFile,
  'src/core/file/fileLock.ts': fileLock,
  'src/core/file/campaignPath.ts': campaignPath,
  'src/core/file/readIfExists.ts': readIfExists,
  'src/core/model/ids.ts': ids,
  'src/core/model/limits.ts': limits,
  'src/core/model/model.ts': model,
  'src/core/model/normalize.ts': normalize,
  'src/core/model/problems.ts': problems,
  'src/core/primer/primer.ts': primer,
  'src/core/primer/primerFile.ts': primerFile,
  'src/core/archive/archiveView.ts': archiveView,
  'src/core/agents/claudeMdBlock.ts': claudeMdBlock,
  'src/core/operations/operation.ts': operation,
  'src/core/operations/workMatch.ts': workMatch,
  'src/core/operations/workOps.ts': workOps,
  'src/core/primer/tokenEstimate.ts': tokenEstimate,
};

const REGISTRY = Symbol.for('campaign.lazyShared');

function lazyBundle<T>(name: string): T {
  const g = globalThis as { [REGISTRY]?: (key: string) => unknown };
  g[REGISTRY] ??= (key: string) => {
    if (!(key in SHARED)) throw new Error(`A lazy bundle needs ${key}, which the extension bundle does not share.`);
    return SHARED[key];
  };
  return requireLazy<T>(name);
}

/** Archive, git merge setup, import, connecting agents. */
export function rareCore(): typeof RareCore {
  return lazyBundle<typeof RareCore>('rareCore');
}

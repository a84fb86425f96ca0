// Pure (no `vscode`): whether Campaign may write to a folder's campaign file
// right now, and if not, the sentence that tells the person why. Every write
// goes through this check first (campaignWriter.ts); the order matters — an
// untrusted workspace is refused before anything about the file is said.
import type { Problem } from '../core/model/problems';

export type FileState = 'loading' | 'missing' | 'valid' | 'invalid';

export type RefusalReason = 'untrusted' | 'missing' | 'invalid' | 'loading';

export interface WriteRefusal {
  reason: RefusalReason;
  message: string;
}

export interface WriteGuardInput {
  trusted: boolean;
  state: FileState;
  /** Folder-relative path, for messages. */
  fileLabel: string;
  firstProblem?: Problem;
  problemCount?: number;
}

export function checkWritable(input: WriteGuardInput): WriteRefusal | undefined {
  if (!input.trusted) {
    return {
      reason: 'untrusted',
      message:
        'This workspace is not trusted, so Campaign is read-only here: the views and the primer work, but nothing is written. Trust the workspace to make changes.',
    };
  }
  switch (input.state) {
    case 'valid':
      return undefined;
    case 'loading':
      return { reason: 'loading', message: `${input.fileLabel} is still being read; try again in a moment.` };
    case 'missing':
      return {
        reason: 'missing',
        message: `There is no campaign file (${input.fileLabel}) in this folder yet. Create one with "Campaign: Initialize Campaign".`,
      };
    case 'invalid': {
      const p = input.firstProblem;
      const where = p ? ` Line ${p.line}, column ${p.column}: ${p.message}.` : '';
      const more = (input.problemCount ?? 0) > 1 ? ` (${input.problemCount} problems in all)` : '';
      return {
        reason: 'invalid',
        message: `${input.fileLabel} has problems, so Campaign will not write to it until they are fixed.${where}${more}`,
      };
    }
  }
}

// Job: the input-schema pieces several tools share. Classic zod (not the
// core's zod/mini) because the MCP SDK needs Standard JSON Schema, which only
// classic zod schemas carry; the SDK bundles classic zod anyway.
import * as z from 'zod';
import { PRIORITIES, WORK_STATUSES } from '../../core/model/model';

export const PRIORITY = z.enum(PRIORITIES).describe('high, medium (default) or low');
export const STATUS = z.enum(WORK_STATUSES).describe('todo, in_progress, blocked or done (done = complete_work)');
export const REF = z.string().min(1).describe('A work item id (e.g. w-7k2q) or its exact title; never a position.');

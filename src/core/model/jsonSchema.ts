// The JSON Schema of the campaign file, for editors' YAML validation
// (`# yaml-language-server: $schema=…`) and `campaign schema`.
// zod/mini, as in model.ts: a namespace import keeps the bundles free of zod's locales.
import * as z from 'zod/mini';
import { campaignFileSchema } from './model';

export function campaignJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(campaignFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://campaign-tools.dev/schemas/campaign.schema.json', title: 'Campaign file (.claude/campaign.yaml)' };
}

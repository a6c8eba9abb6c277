import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { modelSchema, scenarioSchema } from './schema.js';

/**
 * JSON Schemas of the model and scenario formats, generated from the valibot schemas, as written (typeMode
 * input: defaults are shown and a field with a default is not required; a null baseline stays null). Two rules
 * cannot be said in JSON Schema and are left out: `finite` (JSON has no Infinity or NaN) and the baseline
 * check "a baseline with a value needs a source" (its `source` is described as required when value is a number).
 */
export function jsonSchemas(): Record<'model' | 'scenario', unknown> {
  const make = (schema: GenericSchema, title: string) => ({
    ...toJsonSchema(schema, { target: 'draft-2020-12', typeMode: 'input', ignoreActions: ['finite', 'check'] }),
    title,
  });
  return {
    model: make(modelSchema, 'cesuan model'),
    scenario: make(scenarioSchema, 'cesuan scenario'),
  };
}

import { z } from 'zod';
import { modelSchema, scenarioSchema } from './schema.js';

/** JSON Schemas of the model and scenario formats, generated from the zod schemas. */
export function jsonSchemas(): Record<'model' | 'scenario', unknown> {
  const make = (schema: z.ZodType, title: string) => ({
    ...(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as object),
    title,
  });
  return {
    model: make(modelSchema, 'cesuan model'),
    scenario: make(scenarioSchema, 'cesuan scenario'),
  };
}

// Write schema/model.schema.json and schema/scenario.schema.json from the valibot schemas, for editors
// (yaml-language-server) and other tools. `npm run schema`; a test keeps them in sync.
import { mkdirSync, writeFileSync } from 'node:fs';
import { jsonSchemas } from '../src/model/json-schema.js';

mkdirSync('schema', { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(`schema/${name}.schema.json`, `${JSON.stringify(schema, null, 2)}\n`);
}

// Regenerates schema/kabar-export.schema.json from the zod definition (src/export/schema.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJsonSchema } from '../src/export/schema.ts';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema/kabar-export.schema.json');
fs.writeFileSync(out, JSON.stringify(exportJsonSchema(), null, 2) + '\n');
console.log(`wrote ${out}`);

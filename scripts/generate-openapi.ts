/*
 * Writes openapi/relations.v1.yaml from the contract. Run it after changing src/contract and commit the result;
 * test/node/contract/openapi.test.ts fails while the committed file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiFile, renderOpenApiYaml } from '../src/contract/openapi/document.js';

const target = fileURLToPath(new URL(`../${openApiFile}`, import.meta.url));
writeFileSync(target, renderOpenApiYaml());
console.log(`wrote ${openApiFile}`);

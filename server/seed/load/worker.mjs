// The seed worker's entry: worker threads on Node 20 do not inherit the TypeScript loader (tsx) the server runs
// with, so this registers it for the worker's own module graph and runs the worker.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);

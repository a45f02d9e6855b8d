#!/usr/bin/env node
// The kit is TypeScript that shares the contract's source; tsx compiles it as it loads, so no build step.
import { register } from 'tsx/esm/api';

register();
await import('./cli.ts');

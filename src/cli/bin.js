#!/usr/bin/env node
// Entry for the `prep-lab` command: runs the TypeScript CLI through tsx, so the CLI and the
// browser share the same source with no separate build.
import { register } from 'tsx/esm/api';

register();
await import('./run.ts');

#!/usr/bin/env node
// Entry for the `prep-lab` command: runs the TypeScript CLI through tsx, so the CLI and the
// browser share the same source with no separate build.
import { register } from 'tsx/esm/api';

register();
const entry = './run.ts'; // a variable, so type checking does not resolve a .ts import from .js
await import(entry);

#!/usr/bin/env node
// The `baucoso` command. It loads the TypeScript sources through tsx so that `npx baucoso`
// works straight after `npm ci`, with no separate build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

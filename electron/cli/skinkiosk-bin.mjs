#!/usr/bin/env node
// The `skinkiosk` command as package.json's `bin` installs it (`npx skinkiosk …` in this repository,
// or after installing the package): runs the TypeScript CLI through tsx's loader, exactly as
// `npm run skinkiosk` does, with the arguments after the command name.
import { register } from 'tsx/esm/api';

register();
await import('./index.ts');

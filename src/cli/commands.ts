/** The table of CLI commands. Each spec is small; its implementation loads only when it runs. */
import type { CommandSpec } from './command-spec.js';
import { spec as validate } from './commands/validate.spec.js';
import { spec as number } from './commands/number.spec.js';
import { spec as uris } from './commands/uris.spec.js';
import { spec as render } from './commands/render.spec.js';
import { spec as options } from './commands/options.spec.js';
import { spec as call } from './commands/call.spec.js';
import { spec as cert } from './commands/cert.spec.js';
import { spec as resolve } from './commands/resolve.spec.js';
import { spec as forward } from './commands/forward.spec.js';
import { spec as probe } from './commands/probe.spec.js';
import { spec as serve } from './commands/serve.spec.js';
import { spec as jwt } from './commands/jwt.spec.js';

export const COMMANDS: readonly CommandSpec[] = [
  validate, number, uris, render, options, call, cert, resolve, forward, probe, serve, jwt,
];

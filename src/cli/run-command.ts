import type { CommandModule } from './command-spec.js';
import { COMMANDS } from './commands.js';
import { isSiptrunkError } from '../util/siptrunk-error.js';
import { formatError } from './output.js';

/** Runs one command's module and turns what it returns or throws into an exit code. */
export async function runCommand(
  name: string,
  load: () => Promise<CommandModule>,
  commanderArgs: unknown[],
): Promise<void> {
  const spec = COMMANDS.find((c) => c.name === name);
  const usageExit = spec?.usageExitCode ?? 2;
  // commander passes (...positional, options, command)
  const positional = commanderArgs.slice(0, -2);
  const opts = (commanderArgs[commanderArgs.length - 2] ?? {}) as Record<string, unknown>;
  try {
    const mod = await load();
    process.exitCode = await mod.run(positional, opts);
  } catch (err) {
    if (isSiptrunkError(err)) {
      if (opts['json']) {
        process.stdout.write(JSON.stringify({ ok: false, error: err.toJSON() }, null, 2) + '\n');
      } else {
        process.stderr.write(formatError(err) + '\n');
      }
      process.exitCode = usageExit;
    } else {
      process.stderr.write(`siptrunk ${name}: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = usageExit;
    }
  }
}

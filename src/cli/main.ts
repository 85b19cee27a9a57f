#!/usr/bin/env node
/**
 * The `siptrunk` entry point. It only parses arguments; each command lives in
 * src/cli/commands/<name>.ts and is imported when it runs, so a cold `siptrunk validate` loads
 * nothing of the SIP stack, the renderers or the HTTP service.
 *
 * This file alone turns errors into exit codes and messages (see run-command.ts).
 */
import { Command } from 'commander';
import { COMMANDS } from './commands.js';
import { runCommand } from './run-command.js';

const program = new Command();
program
  .name('siptrunk')
  .description('SIP trunk configuration and health checks: validate a trunk model, render PBX and firewall configs, probe the trunk.')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

for (const spec of COMMANDS) {
  const cmd = program.command(spec.usage).description(spec.description);
  spec.options(cmd);
  cmd.action((...args: unknown[]) => runCommand(spec.name, spec.load, args));
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const e = err as { code?: string; exitCode?: number };
  if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') {
    process.exitCode = 0;
  } else if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
    // Bad usage: commander already printed the message. Each command has its own usage exit
    // code (2 for the file tools, 3 for the network tools, as Nagios's UNKNOWN).
    const spec = COMMANDS.find((c) => c.name === process.argv[2]);
    process.exitCode = spec?.usageExitCode ?? 2;
  } else {
    throw err;
  }
}

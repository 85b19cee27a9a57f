import type { Command } from 'commander';

/**
 * A CLI command: its usage and options (cheap, loaded at start) and a loader for the module
 * that does the work (loaded only when the command runs).
 */
export interface CommandSpec {
  name: string;
  /** Commander usage: `validate <file>`. */
  usage: string;
  description: string;
  /** Registers the options on the commander Command. */
  options: (cmd: Command) => void;
  /** Exit code for bad usage or an unexpected error in this command (2 for file tools, 3 for network tools and Nagios). */
  usageExitCode: number;
  load: () => Promise<CommandModule>;
}

export interface CommandModule {
  /**
   * Runs the command. `args` are the positional arguments as commander gives them, `opts` the
   * parsed options. Returns the exit code. Throws SiptrunkError for failures the caller made
   * (bad file, bad argument): run-command.ts prints them and exits with usageExitCode.
   */
  run(args: unknown[], opts: Record<string, unknown>): Promise<number>;
}

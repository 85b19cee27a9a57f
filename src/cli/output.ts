import type { SiptrunkError } from '../util/siptrunk-error.js';

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb';
}

const codes = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, grey: 90, bold: 1 } as const;
export type Colour = keyof typeof codes;

export function paint(text: string, colour: Colour, stream: NodeJS.WriteStream = process.stdout): string {
  return useColour(stream) ? `\x1b[${codes[colour]}m${text}\x1b[0m` : text;
}

/** Prints a value as stable, indented JSON with a trailing newline. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** `file:line:column: CODE message (expected ...)` for one typed error. */
export function formatError(err: SiptrunkError, stream: NodeJS.WriteStream = process.stderr): string {
  const loc = err.location;
  const where = loc?.file
    ? `${loc.file}${loc.line ? `:${loc.line}${loc.column ? `:${loc.column}` : ''}` : ''}: `
    : '';
  const field = loc?.path ? ` at ${loc.path}` : loc?.header ? ` in ${loc.header}` : '';
  const expected = err.expected ? `\n  expected: ${err.expected}` : '';
  return `${where}${paint('error', 'red', stream)} ${err.code}${field}: ${err.message}${expected}`;
}

/**
 * Human output of model findings: `file:line:col: error CODE message (at /path; expected ...)`,
 * one per line, coloured only on a terminal.
 */
import type { Finding } from '../model/types.js';
import { paint } from './output.js';

export function formatFinding(f: Finding, stream: NodeJS.WriteStream = process.stdout): string {
  const pos = f.file !== undefined ? `${f.file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : ''}: ` : f.column ? `column ${f.column}: ` : '';
  const sev = f.severity === 'error' ? paint('error', 'red', stream) : paint('warning', 'yellow', stream);
  const extra = [f.path ? `at ${f.path}` : '', f.expected ? `expected ${f.expected}` : ''].filter(Boolean).join('; ');
  return `${pos}${sev} ${paint(f.code, 'bold', stream)} ${f.message}${extra ? ` (${extra})` : ''}`;
}

export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

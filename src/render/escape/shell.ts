/**
 * POSIX shell words (ufw and firewalld scripts) and the `#` comment formats (shell, nft,
 * iptables-restore). Words are single-quoted; a single quote inside becomes '\'' (POSIX sh
 * 2.2.2: nothing is special between single quotes).
 */
import { oneLine } from './characters.js';

export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** One `#` comment line per line of text. */
export function hashComment(text: string): string {
  return text
    .split('\n')
    .map((l) => (l.length ? `# ${oneLine(l)}` : '#'))
    .join('\n');
}

/** A double-quoted string for iptables-restore and nft (`--comment "..."`): printable ASCII without quotes or backslashes only. */
export function quotedComment(value: string): string {
  return `"${value.replace(/[^ !#-[\]-~]/g, '_')}"`;
}

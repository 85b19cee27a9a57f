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
const hashCommentCache = new Map<string, string>();

export function hashComment(text: string): string {
  // Headers repeat from one render to the next: a small cache spares rebuilding them.
  const hit = hashCommentCache.get(text);
  if (hit !== undefined) return hit;
  const out = text
    .split('\n')
    .map((l) => (l.length ? `# ${oneLine(l)}` : '#'))
    .join('\n');
  if (hashCommentCache.size >= 512) hashCommentCache.clear();
  hashCommentCache.set(text, out);
  return out;
}

/** A double-quoted string for iptables-restore and nft (`--comment "..."`): printable ASCII without quotes or backslashes only. */
export function quotedComment(value: string): string {
  return `"${value.replace(/[^ !#-[\]-~]/g, '_')}"`;
}

/**
 * Splits a generated POSIX sh script into commands and words, for tests. Comments and blank
 * lines are skipped; single quotes are literal; double quotes are kept as they are (the scripts
 * use only "$ZONE" and "${ZONE:-public}" in them). Any unquoted shell metacharacter
 * (; & | < > ( ) ` $ \) or an unterminated quote is an error: a generated script has none.
 */
export class ShellParseError extends Error {}

export function shellCommands(text: string): string[][] {
  const out: string[][] = [];
  text.split('\n').forEach((line, idx) => {
    if (/^\s*(#|$)/.test(line)) return;
    const words: string[] = [];
    let i = 0;
    let word: string | undefined;
    const push = () => {
      if (word !== undefined) words.push(word);
      word = undefined;
    };
    while (i < line.length) {
      const ch = line[i]!;
      if (ch === ' ' || ch === '\t') {
        push();
        i++;
      } else if (ch === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) throw new ShellParseError(`line ${idx + 1}: unterminated single quote`);
        word = (word ?? '') + line.slice(i + 1, end);
        i = end + 1;
      } else if (ch === '"') {
        const end = line.indexOf('"', i + 1);
        if (end < 0) throw new ShellParseError(`line ${idx + 1}: unterminated double quote`);
        const inner = line.slice(i + 1, end);
        if (/[`\\]/.test(inner) || /\$(?!ZONE\b|\{ZONE:-public\})/.test(inner)) throw new ShellParseError(`line ${idx + 1}: expansion in double quotes: ${inner}`);
        word = (word ?? '') + line.slice(i, end + 1);
        i = end + 1;
      } else if (';&|<>()`$\\'.includes(ch)) {
        throw new ShellParseError(`line ${idx + 1}: unquoted metacharacter ${ch}`);
      } else {
        word = (word ?? '') + ch;
        i++;
      }
    }
    push();
    out.push(words);
  });
  return out;
}

/**
 * From a JSON Pointer into the model to file:line:column in the YAML source, using the yaml
 * library's node ranges and its LineCounter. A pointer that does not exist in the source (a key
 * that is missing, or a default) is placed at its closest existing ancestor.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { parsePointer } from './json-pointer.js';

export interface SourcePosition {
  file?: string;
  line?: number;
  column?: number;
}

export interface LocateOptions {
  /** Point at the key of the last segment instead of its value (for unknown keys). */
  key?: boolean;
  /** Add this many characters to the position of the node's value (inside a one-line string). */
  offset?: number;
}

export class SourceMap {
  constructor(
    private readonly doc: Document.Parsed | undefined,
    private readonly lineCounter: LineCounter | undefined,
    readonly file: string | undefined,
  ) {}

  /** Position of the node named by `ptr`, or of its nearest ancestor that exists. */
  locate(ptr: string, opts: LocateOptions = {}): SourcePosition {
    const base: SourcePosition = this.file === undefined ? {} : { file: this.file };
    if (!this.doc || !this.lineCounter) return base;
    const offset = this.offsetOf(ptr, opts);
    if (offset === undefined) return base;
    const { line, col } = this.lineCounter.linePos(offset);
    return { ...base, line, column: col };
  }

  /** The yaml node at `ptr`, if the source has one. */
  nodeAt(ptr: string): Node | undefined {
    if (!this.doc) return undefined;
    let node: unknown = this.doc.contents;
    for (const seg of parsePointer(ptr)) {
      const next = child(node, seg);
      if (!next) return undefined;
      node = next.value;
    }
    return (node ?? undefined) as Node | undefined;
  }

  private offsetOf(ptr: string, opts: LocateOptions): number | undefined {
    let node: unknown = this.doc?.contents;
    let best: number | undefined = rangeStart(node);
    const segs = parsePointer(ptr);
    for (let i = 0; i < segs.length; i++) {
      const next = child(node, segs[i]!);
      if (!next) return best;
      const last = i === segs.length - 1;
      if (last && opts.key && next.key) return rangeStart(next.key) ?? best;
      node = next.value;
      best = rangeStart(node) ?? rangeStart(next.key) ?? best;
    }
    if (opts.offset !== undefined && best !== undefined && isScalar(node)) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      return best + (quoted ? 1 : 0) + opts.offset;
    }
    return best;
  }
}

function rangeStart(node: unknown): number | undefined {
  const r = (node as { range?: [number, number, number] | null } | null | undefined)?.range;
  return r ? r[0] : undefined;
}

/** The pair (key node, value node) for one segment of a pointer. */
function child(node: unknown, seg: string): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const k = isScalar(item.key) ? item.key.value : item.key;
      if (String(k) === seg) return { key: item.key, value: item.value };
    }
    return undefined;
  }
  if (isSeq(node)) {
    const i = Number(seg);
    if (!Number.isInteger(i) || i < 0 || i >= node.items.length) return undefined;
    const v = node.items[i];
    return { key: undefined, value: v };
  }
  return undefined;
}

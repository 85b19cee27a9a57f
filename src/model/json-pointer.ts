/**
 * JSON Pointers (RFC 6901) for finding paths: `/numbers/dids/2`. `~` is written `~0` and `/`
 * is written `~1`, so a key holding a slash still names one segment.
 */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Appends segments to an existing pointer. */
export function childPointer(base: string, ...segments: (string | number)[]): string {
  return base + pointer(...segments);
}

/** The segments of a pointer: `/a/b~1c/0` -> ['a', 'b/c', '0']. The empty pointer is the root. */
export function parsePointer(ptr: string): string[] {
  if (ptr === '') return [];
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

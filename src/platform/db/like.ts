// Text typed into a search box is matched literally: `%`, `_` and `\` are characters, not LIKE patterns.

/** `s` with LIKE's wildcards and escape character escaped (PostgreSQL's default escape is `\`). */
export function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern for "contains `s`". */
export function likeContains(s: string): string {
  return `%${likeLiteral(s)}%`;
}

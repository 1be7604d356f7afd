// Merging many quick fixes into one edit. No `vscode` import: unit-tested under plain Node.

export interface Pos {
  line: number;
  character: number;
}

export interface PlainEdit {
  start: Pos;
  end: Pos;
  newText: string;
}

function cmp(a: Pos, b: Pos): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/**
 * Keeps the edits that can be applied together: identical edits (two diagnostics
 * asking for the same front matter, say) count once, and an edit that overlaps one
 * already kept is skipped. Two insertions at the same point also conflict, since
 * their order would be a guess. Returns the kept edits in document order.
 */
export function mergeEdits(edits: readonly PlainEdit[]): { kept: PlainEdit[]; skipped: number } {
  const seen = new Set<string>();
  const unique: PlainEdit[] = [];
  for (const e of edits) {
    const key = `${e.start.line}:${e.start.character}-${e.end.line}:${e.end.character}=${e.newText}`;
    if (!seen.has(key)) {
      seen.add(key);
      unique.push(e);
    }
  }
  const kept: PlainEdit[] = [];
  let skipped = 0;
  for (const e of unique) {
    const clash = kept.some((k) => {
      const eEmpty = cmp(e.start, e.end) === 0;
      const kEmpty = cmp(k.start, k.end) === 0;
      if (eEmpty && kEmpty) {
        return cmp(e.start, k.start) === 0;
      }
      // half-open ranges overlap, or an insertion falls strictly inside a replacement
      return cmp(e.start, k.end) < 0 && cmp(k.start, e.end) < 0;
    });
    if (clash) {
      skipped++;
    } else {
      kept.push(e);
    }
  }
  kept.sort((a, b) => cmp(a.start, b.start) || cmp(a.end, b.end));
  return { kept, skipped };
}

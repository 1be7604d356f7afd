import { strict as assert } from "node:assert";
import { test } from "node:test";
import { mergeEdits, type PlainEdit } from "../src/fixes";

const e = (l1: number, c1: number, l2: number, c2: number, newText: string): PlainEdit =>
  ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 }, newText });

test("identical edits count once", () => {
  const front = e(0, 0, 0, 0, "---\ndate: 2026-01-05\n---\n");
  assert.deepEqual(mergeEdits([front, front, front]), { kept: [front], skipped: 0 });
});

test("overlapping edits keep the first", () => {
  const a = e(2, 4, 2, 13, "Tuesday");
  const b = e(2, 10, 2, 20, "x");
  const c = e(3, 0, 3, 5, "y");
  assert.deepEqual(mergeEdits([a, b, c]), { kept: [a, c], skipped: 1 });
});

test("touching ranges do not clash; kept edits are sorted", () => {
  const a = e(5, 10, 5, 12, "b");
  const b = e(5, 0, 5, 10, "a");
  assert.deepEqual(mergeEdits([a, b]), { kept: [b, a], skipped: 0 });
});

test("two different insertions at one point clash", () => {
  const a = e(1, 3, 1, 3, ", TK said");
  const b = e(1, 3, 1, 3, " on TK");
  assert.deepEqual(mergeEdits([a, b]).skipped, 1);
});

import { strict as assert } from "node:assert";
import { test } from "node:test";
import { serverSettings, settingsProblems } from "../src/settings";

const getter = (values: Record<string, unknown>) => (key: string) => values[key];

test("defaults give an empty, valid settings object", () => {
  assert.deepEqual(serverSettings(getter({})), {
    checks: {}, disabled: [], severity: {}, referenceDate: null, debounceMs: 100,
  });
});

test("checks, severity, date and debounce are forwarded; client-only keys are not", () => {
  const s = serverSettings(getter({
    checks: { "undated-event": false, "relative-date": true },
    severity: { "relative-date": "Hint", "unattributed-quote": "info" },
    referenceDate: " 2026-04-02 ",
    debounceMs: 350.4,
    "server.path": "/x/copydesk",
  }));
  assert.deepEqual(s, {
    checks: { "undated-event": false, "relative-date": true },
    disabled: ["undated-event"],
    severity: { "relative-date": "hint", "unattributed-quote": "information" },
    referenceDate: "2026-04-02",
    debounceMs: 350,
  });
});

test("bad values are dropped and reported", () => {
  const values = { checks: { "undated-event": "no", "made-up": false }, severity: { "relative-date": "loud" }, referenceDate: "April 2", debounceMs: -5 };
  const s = serverSettings(getter(values));
  assert.deepEqual(s.checks, { "made-up": false });
  assert.deepEqual(s.severity, {});
  assert.equal(s.referenceDate, null);
  assert.equal(s.debounceMs, 100);
  const problems = settingsProblems(getter(values));
  assert.equal(problems.length, 4, problems.join("\n"));
});

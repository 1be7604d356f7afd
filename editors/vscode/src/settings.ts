// The settings object sent to the server. No `vscode` import: unit-tested under plain Node.

export const CODES = [
  "unattributed-claim",
  "vague-attribution",
  "unattributed-quote",
  "undated-event",
  "relative-date",
  "missing-comment-response",
] as const;

export const SEVERITIES = ["error", "warning", "information", "hint"] as const;
export type SeverityName = (typeof SEVERITIES)[number];

/** What the server reads under the `copydesk` key (workspace/configuration, didChangeConfiguration, initializationOptions). */
export interface ServerSettings {
  checks: Record<string, boolean>;
  disabled: string[];
  severity: Record<string, SeverityName>;
  referenceDate: string | null;
  debounceMs: number;
}

/** Reads one setting under `copydesk.`; `vscode.WorkspaceConfiguration.get` fits. */
export type Getter = (key: string) => unknown;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function normalizeSeverity(v: unknown): SeverityName | undefined {
  if (typeof v !== "string") {
    return undefined;
  }
  const s = v.trim().toLowerCase();
  if (s === "info") {
    return "information";
  }
  return (SEVERITIES as readonly string[]).includes(s) ? (s as SeverityName) : undefined;
}

/**
 * Builds the server's settings from the extension's configuration. Client-only
 * keys (`server.path`, `trace.server`) are left out; values of the wrong type are
 * dropped rather than sent.
 */
export function serverSettings(get: Getter): ServerSettings {
  const checks: Record<string, boolean> = {};
  const rawChecks = get("checks");
  if (isRecord(rawChecks)) {
    for (const [code, on] of Object.entries(rawChecks)) {
      if (typeof on === "boolean") {
        checks[code] = on;
      }
    }
  }
  const severity: Record<string, SeverityName> = {};
  const rawSeverity = get("severity");
  if (isRecord(rawSeverity)) {
    for (const [code, sev] of Object.entries(rawSeverity)) {
      const s = normalizeSeverity(sev);
      if (s !== undefined) {
        severity[code] = s;
      }
    }
  }
  const rawDate = get("referenceDate");
  const referenceDate = typeof rawDate === "string" && DATE.test(rawDate.trim()) ? rawDate.trim() : null;
  const rawDebounce = get("debounceMs");
  const debounceMs = typeof rawDebounce === "number" && Number.isFinite(rawDebounce) && rawDebounce >= 0
    ? Math.round(rawDebounce)
    : 100;
  const disabled = Object.entries(checks).filter(([, on]) => !on).map(([code]) => code).sort();
  return { checks, disabled, severity, referenceDate, debounceMs };
}

/** Problems worth a warning in the output channel (unknown check names, bad values). */
export function settingsProblems(get: Getter): string[] {
  const problems: string[] = [];
  const known = CODES as readonly string[];
  for (const key of ["checks", "severity"]) {
    const raw = get(key);
    if (raw === undefined || raw === null) {
      continue;
    }
    if (!isRecord(raw)) {
      problems.push(`copydesk.${key} should be an object keyed by check name.`);
      continue;
    }
    for (const [code, v] of Object.entries(raw)) {
      if (!known.includes(code)) {
        problems.push(`copydesk.${key} names an unknown check "${code}" (known: ${known.join(", ")}).`);
      }
      if (key === "severity" && normalizeSeverity(v) === undefined) {
        problems.push(`copydesk.severity["${code}"] is ${JSON.stringify(v)}; use one of ${SEVERITIES.join(", ")}.`);
      }
      if (key === "checks" && typeof v !== "boolean") {
        problems.push(`copydesk.checks["${code}"] should be true or false.`);
      }
    }
  }
  const rawDate = get("referenceDate");
  if (typeof rawDate === "string" && rawDate.trim() !== "" && !DATE.test(rawDate.trim())) {
    problems.push(`copydesk.referenceDate "${rawDate}" is not a YYYY-MM-DD date; it is ignored.`);
  }
  return problems;
}

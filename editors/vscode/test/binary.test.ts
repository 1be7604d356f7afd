import { strict as assert } from "node:assert";
import { test } from "node:test";
import { expandPath, resolveServer, type Environment } from "../src/binary";

function env(executables: string[], over: Partial<Environment> = {}): Environment {
  return {
    pathVar: "/usr/local/bin:/usr/bin",
    home: "/home/ed",
    workspaceFolder: "/home/ed/desk",
    platform: "linux",
    isExecutable: (f) => executables.includes(f),
    ...over,
  };
}

test("a configured path wins over PATH", () => {
  const r = resolveServer("/opt/cd/copydesk", env(["/opt/cd/copydesk", "/usr/bin/copydesk"]));
  assert.deepEqual(r, { ok: true, path: "/opt/cd/copydesk", from: "setting" });
});

test("a configured path that is missing is reported, PATH is not tried", () => {
  const r = resolveServer("/opt/cd/copydesk", env(["/usr/bin/copydesk"]));
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.message.includes("/opt/cd/copydesk is not an executable file"));
});

test("~ and ${workspaceFolder} are expanded; relative paths are taken from the folder", () => {
  assert.equal(expandPath("~/bin/copydesk", env([])), "/home/ed/bin/copydesk");
  assert.equal(expandPath("${workspaceFolder}/target/release/copydesk", env([])), "/home/ed/desk/target/release/copydesk");
  const r = resolveServer("target/debug/copydesk", env(["/home/ed/desk/target/debug/copydesk"]));
  assert.deepEqual(r, { ok: true, path: "/home/ed/desk/target/debug/copydesk", from: "setting" });
});

test("${workspaceFolder} without a folder is an error", () => {
  const r = resolveServer("${workspaceFolder}/copydesk", env([], { workspaceFolder: undefined }));
  assert.equal(r.ok, false);
});

test("PATH is searched in order, then ~/.cargo/bin", () => {
  assert.deepEqual(resolveServer("", env(["/usr/bin/copydesk", "/usr/local/bin/copydesk"])),
    { ok: true, path: "/usr/local/bin/copydesk", from: "PATH" });
  assert.deepEqual(resolveServer(undefined, env(["/home/ed/.cargo/bin/copydesk"])),
    { ok: true, path: "/home/ed/.cargo/bin/copydesk", from: "cargo" });
});

test("nothing found says what to do", () => {
  const r = resolveServer("  ", env([]));
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.message.includes("cargo install") && r.message.includes("copydesk.server.path"));
});

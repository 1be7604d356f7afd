// Saves a PNG of the first page of a Chromium started with --remote-debugging-port.
// node --experimental-websocket cdp_screenshot.mjs CHROME_USER_DATA_DIR OUT.png
import { readFileSync, writeFileSync } from "node:fs";

const [dir, out] = process.argv.slice(2);
const port = readFileSync(`${dir}/DevToolsActivePort`, "utf8").split("\n")[0].trim();
const pages = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const page = pages.find((p) => p.type === "page");
const ws = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((r) => ws.addEventListener("open", r, { once: true }));
ws.send(JSON.stringify({ id: 1, method: "Page.captureScreenshot", params: { format: "png" } }));
const msg = await new Promise((r) => ws.addEventListener("message", (e) => r(JSON.parse(e.data)), { once: true }));
writeFileSync(out, Buffer.from(msg.result.data, "base64"));
ws.close();

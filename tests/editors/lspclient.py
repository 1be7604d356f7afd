"""A minimal stdio LSP client for tests: starts a server command, answers its requests the
way a given editor would, and collects notifications."""
import json
import os
import queue
import subprocess
import threading
import time


class Client:
    def __init__(self, argv, env=None, configuration=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env or os.environ.copy())
        self.next_id = 0
        self.responses = {}
        self.notifications = []
        self.server_requests = []
        self.cond = threading.Condition()
        # answers workspace/configuration the way the editor does: item -> value
        self.configuration = configuration or (lambda item: None)
        self.stderr = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self):
        for line in self.proc.stderr:
            self.stderr.append(line.decode("utf-8", "replace"))

    def _send(self, msg):
        body = json.dumps(msg).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode("ascii").partition(":")
                headers[k.strip().lower()] = v.strip()
            msg = json.loads(out.read(int(headers["content-length"])))
            if "method" in msg and "id" in msg:
                self._answer(msg)
            with self.cond:
                if "method" in msg and "id" not in msg:
                    self.notifications.append(msg)
                elif "id" in msg and "method" not in msg:
                    self.responses[msg["id"]] = msg
                self.cond.notify_all()

    def _answer(self, msg):
        self.server_requests.append(msg)
        result = None
        if msg["method"] == "workspace/configuration":
            result = [self.configuration(item) for item in msg["params"]["items"]]
        self._send({"jsonrpc": "2.0", "id": msg["id"], "result": result})

    def request(self, method, params, timeout=20):
        self.next_id += 1
        rid = self.next_id
        self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        end = time.time() + timeout
        with self.cond:
            while rid not in self.responses:
                left = end - time.time()
                if left <= 0:
                    raise TimeoutError(f"no answer to {method}")
                self.cond.wait(left)
            resp = self.responses.pop(rid)
        if "error" in resp:
            raise RuntimeError(f"{method}: {resp['error']}")
        return resp.get("result")

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, pred, timeout=20):
        """First notification (from the start) satisfying pred, waiting for it if needed."""
        end = time.time() + timeout
        with self.cond:
            seen = 0
            while True:
                for n in self.notifications[seen:]:
                    if pred(n):
                        return n
                seen = len(self.notifications)
                left = end - time.time()
                if left <= 0:
                    return None
                self.cond.wait(left)

    def latest_diagnostics(self, uri, settle=0.5, timeout=20):
        """The newest publishDiagnostics for uri once no newer one arrived for `settle` s."""
        end = time.time() + timeout
        last = None
        last_count = -1
        while time.time() < end:
            with self.cond:
                pubs = [n for n in self.notifications
                        if n["method"] == "textDocument/publishDiagnostics" and n["params"]["uri"] == uri]
            if pubs and len(pubs) == last_count:
                return pubs[-1]["params"]["diagnostics"]
            last_count = len(pubs)
            last = pubs[-1]["params"]["diagnostics"] if pubs else None
            time.sleep(settle)
        return last

    def close(self):
        try:
            self.request("shutdown", None, timeout=5)
            self.notify("exit", None)
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()
            self.proc.wait()

"""Chromium driven over its DevTools pipe (``--remote-debugging-pipe``), with nothing watching the network.

The search benchmark times what a reader waits for. A reader's browser has no DevTools attached; Playwright
always enables the DevTools Network domain in its pages, and then every file a page loads sends several
events through Playwright's driver to the client, work that competes with the browser for the machine's
cores (on 2 cores it adds about 40 ms to the eight small files of a first query, measured). Here a page
gets only what the benchmark asks for: a fresh browser context (cold caches), CPU throttling, navigation,
and ``Runtime.evaluate``. Bytes are counted in the page, from Resource Timing.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import subprocess
import sys
import tempfile
import time

from gazette.errors import GazetteError

TIMEOUT = 120.0
"""Seconds to wait for one answer from the browser."""
_EXEC = ("import os, sys\n"
         "commands, answers = int(sys.argv[1]), int(sys.argv[2])\n"
         "os.dup2(commands, 3), os.dup2(answers, 4), os.close(commands), os.close(answers)\n"
         "os.execv(sys.argv[3], sys.argv[3:])\n")


class Browser:
    """A headless Chromium: ``send`` a DevTools command, open a ``Page`` in its own browser context."""

    def __init__(self, executable: str, args: list[str]):
        if not os.access(executable, os.X_OK):
            raise GazetteError(executable, "the browser is missing (scripts/install-browser.sh installs it as root)")
        self._profile = tempfile.TemporaryDirectory(prefix="gazette-chromium-", ignore_cleanup_errors=True)
        commands, self._to_browser = os.pipe()
        self._from_browser, answers = os.pipe()
        # Chromium reads commands on fd 3 and writes answers on fd 4. A small Python program puts the pipes
        # there and becomes the browser, so no Python runs in this process between fork and exec (a
        # preexec_fn is unsafe while the benchmark's server threads run); the ends are first moved above 9,
        # where putting one in place cannot overwrite the other.
        commands, answers = _high(commands), _high(answers)
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-c", _EXEC, str(commands), str(answers), executable, "--headless",
                 "--remote-debugging-pipe", f"--user-data-dir={self._profile.name}", *args, "about:blank"],
                pass_fds=(commands, answers), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL)
        except OSError as error:
            self._profile.cleanup()
            raise GazetteError(executable, f"cannot start the browser: {error}") from None
        finally:
            os.close(commands)
            os.close(answers)
        self._buffer = b""
        self._events: list[dict] = []
        self._last = 0

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """Run a DevTools command; its result. Events that arrive meanwhile are kept for ``event``."""
        self._last += 1
        message = {"id": self._last, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        try:
            while data:
                data = data[os.write(self._to_browser, data):]
        except OSError:
            raise GazetteError("chromium", f"the browser closed its DevTools pipe ({method})") from None
        while True:
            answer = self._read(method)
            if answer.get("id") == self._last:
                if "error" in answer:
                    raise GazetteError("chromium", f"{method}: {answer['error'].get('message', answer['error'])}")
                return answer.get("result", {})
            if "method" in answer:
                self._events.append(answer)

    def event(self, method: str, session: str) -> dict:
        """Wait for the next event ``method`` of ``session`` (or take it if it came already)."""
        while True:
            for at, event in enumerate(self._events):
                if event["method"] == method and event.get("sessionId") == session:
                    del self._events[at]
                    return event.get("params", {})
            answer = self._read(method)
            if "method" in answer:
                self._events.append(answer)

    def forget(self, session: str) -> None:
        """Drop the events kept for a closed ``session``."""
        self._events = [event for event in self._events if event.get("sessionId") != session]

    def _read(self, waiting_for: str) -> dict:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise GazetteError("chromium", f"no answer from the browser in {TIMEOUT:.0f} s ({waiting_for})")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise GazetteError("chromium", f"the browser exited ({waiting_for})")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def page(self, url: str) -> "Page":
        """A new page in a new browser context (empty caches), loaded at ``url``."""
        context = self.send("Target.createBrowserContext")["browserContextId"]
        target = self.send("Target.createTarget", {"url": "about:blank", "browserContextId": context})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, context, session)
        self.send("Page.enable", session=session)
        navigated = self.send("Page.navigate", {"url": url}, session=session)
        if navigated.get("errorText"):
            page.close()
            raise GazetteError(url, f"the page did not load: {navigated['errorText']}")
        self.event("Page.loadEventFired", session)
        return page

    def close(self) -> None:
        """Close the browser (as DevTools' Browser.close does, so its helper processes end with it)."""
        if self._process.poll() is None:
            try:
                self.send("Browser.close")
            except GazetteError:
                pass  # it closed before answering
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            self._process.wait(30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._profile.cleanup()

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Page:
    """One page of a ``Browser``, in its own browser context."""

    def __init__(self, browser: Browser, context: str, session: str):
        self._browser, self._context, self._session = browser, context, session

    def evaluate(self, function: str, *args) -> object:
        """Call the JavaScript ``function`` (source text) with JSON ``args``, awaiting a promise; its value."""
        expression = f"({function})(...{json.dumps(list(args))})"
        result = self._browser.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                         "returnByValue": True}, session=self._session)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            reason = details.get("exception", {}).get("description") or details.get("text", "")
            raise GazetteError("chromium", f"a script failed in the page: {reason}")
        return result["result"].get("value")

    def throttle(self, rate: float) -> None:
        """Slow the page's CPU ``rate`` times (Chrome DevTools' CPU throttling)."""
        self._browser.send("Emulation.setCPUThrottlingRate", {"rate": rate}, session=self._session)

    def close(self) -> None:
        self._browser.send("Target.disposeBrowserContext", {"browserContextId": self._context})
        self._browser.forget(self._session)

    def __enter__(self) -> "Page":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _high(fd: int) -> int:
    """The same pipe end as a descriptor above 9 (the original closed)."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved

// A Web Worker stand-in for file://, where browsers refuse workers: Material's search runs its
// worker script in a hidden iframe instead. Same interface and behaviour as the npm package
// iframe-worker 1.0.4 (MIT) that Material's offline plugin expects, written again without its
// one inline script: the archive's Content-Security-Policy allows scripts from files only, and an
// about:blank frame inherits that policy. The worker's global functions (postMessage,
// importScripts) are defined on the frame's window from here, and its script is loaded with a
// <script src>, so nothing in the frame is inline.
"use strict";
(() => {
  const load = (frame, src) => new Promise((resolve, reject) => {
    const script = frame.document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = reject;
    frame.document.body.appendChild(script);
  });

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = `${url}`;
      this.iframe = document.createElement("iframe");
      this.iframe.hidden = true;
      document.body.appendChild(this.iframe);
      const frame = this.w;
      frame.document.open();
      frame.document.write("<!doctype html><html><head></head><body></body></html>");
      frame.document.close();
      frame.postMessage = data => this.receive(data);
      frame.importScripts = (...urls) =>
        urls.reduce((done, src) => done.then(() => load(frame, src)), Promise.resolve());
      frame.addEventListener("error", event => this.fail(event.message, event.lineno, event.colno, event.error));
      this.r = load(frame, `${this.url}?${Date.now()}`);
      this.r.catch(() => this.fail(`cannot load ${this.url}`, 0, 0, undefined));
    }

    get w() {
      return this.iframe.contentWindow;
    }

    receive(data) {
      const event = new MessageEvent("message", { data: structuredClone(data) });
      this.dispatchEvent(event);
      if (this.onmessage) this.onmessage(event);
    }

    fail(message, lineno, colno, error) {
      const event = new ErrorEvent("error", { message, filename: this.url, lineno, colno, error });
      this.dispatchEvent(event);
      if (this.onerror) this.onerror(event);
    }

    postMessage(data) {
      this.r.then(() => {
        this.w.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      }, () => undefined);
    }

    terminate() {
      this.iframe.remove();
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();

// Reader tools (阅读工具): 字号 大/中/小, 长辈版, 打印, 复制链接, the print date, and the search box of the
// 404 page. The reader's choices live in localStorage ("gz-size", "gz-elder") and apply on every page
// (an inline script in <head> sets them before the first paint); no cookie, nothing leaves the page.
(function () {
  "use strict";
  var root = document.documentElement;

  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch (e) { /* private mode or file:// without storage: the choice lasts for this page only */ }
  }

  function size() {
    return root.getAttribute("data-gz-size") || "m";
  }

  function setSize(value) {
    if (value === "m") root.removeAttribute("data-gz-size");
    else root.setAttribute("data-gz-size", value);
    store("gz-size", value === "m" ? null : value);
    refresh();
  }

  function setElder(on) {
    if (on) root.setAttribute("data-gz-elder", "");
    else root.removeAttribute("data-gz-elder");
    store("gz-elder", on ? "1" : null);
    refresh();
  }

  function refresh() {
    var elder = root.hasAttribute("data-gz-elder");
    document.querySelectorAll("[data-gz-size]").forEach(function (button) {
      if (button === root) return;
      button.setAttribute("aria-pressed", String(button.getAttribute("data-gz-size") === size()));
    });
    document.querySelectorAll("button[data-gz-elder]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(elder));
      button.textContent = elder ? "标准版" : "长辈版";
    });
  }

  function say(tools, text) {
    var status = tools.querySelector(".gz-tools-status");
    if (status) status.textContent = text;
  }

  function copyLink(tools) {
    var url = location.href.split("#")[0];
    function fallback() {
      var field = document.createElement("textarea");
      field.value = url;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (e) { done = false; }
      document.body.removeChild(field);
      say(tools, done ? "链接已复制" : "请手动复制：" + url);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () { say(tools, "链接已复制"); }, fallback);
    } else {
      fallback();
    }
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function stampPrint() {
    var now = new Date();
    var day = now.getFullYear() + "年" + (now.getMonth() + 1) + "月" + now.getDate() + "日";
    document.querySelectorAll("[data-gz-print-date]").forEach(function (el) {
      el.textContent = day + " " + pad(now.getHours()) + ":" + pad(now.getMinutes());
    });
    document.querySelectorAll("[data-gz-print-url]").forEach(function (el) {
      el.textContent = location.href.split("#")[0];
    });
  }

  // The 404 page's box hands its query to the header search (Material's or the one of gazette-search.js).
  function searchFrom(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = form.querySelector("input").value;
      var toggle = document.getElementById("__search");
      var input = document.querySelector("header input[type=text], .md-search__input");
      if (!toggle || !input) return;
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
      input.value = query;
      input.focus();
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "End" }));
    });
  }

  document.querySelectorAll(".gz-tools").forEach(function (tools) {
    tools.hidden = false;
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.hasAttribute("data-gz-size")) setSize(button.getAttribute("data-gz-size"));
      else if (button.hasAttribute("data-gz-elder")) setElder(!root.hasAttribute("data-gz-elder"));
      else if (button.hasAttribute("data-gz-print")) { stampPrint(); window.print(); }
      else if (button.hasAttribute("data-gz-copy")) copyLink(tools);
    });
  });
  document.querySelectorAll("form[data-gz-search-form]").forEach(searchFrom);
  window.addEventListener("beforeprint", stampPrint);
  if (window.matchMedia) {
    var printing = window.matchMedia("print");
    if (printing.addEventListener) printing.addEventListener("change", function (e) { if (e.matches) stampPrint(); });
  }
  // Another tab may change the choice: follow it.
  window.addEventListener("storage", function (event) {
    if (event.key === "gz-size") {
      var v = event.newValue;
      if (v === "s" || v === "l") root.setAttribute("data-gz-size", v); else root.removeAttribute("data-gz-size");
      refresh();
    } else if (event.key === "gz-elder") {
      if (event.newValue === "1") root.setAttribute("data-gz-elder", ""); else root.removeAttribute("data-gz-elder");
      refresh();
    }
  });
  stampPrint();
  refresh();
})();

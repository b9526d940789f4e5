// Search of the online site: Material's search box (partials/search.html) driven by Pagefind.
// Pagefind's index is split into small chunks, so a query loads only what it needs (a few hundred KB
// for an archive of thousands of documents) instead of one index of every page. Nothing is loaded
// until the reader opens the search; every request goes to the site itself.
(function () {
  "use strict";
  var root = document.querySelector('[data-gz-search="search"]');
  if (!root) return;
  var toggle = document.getElementById("__search");
  var input = root.querySelector('[data-gz-search="search-query"]');
  var result = root.querySelector('[data-gz-search="search-result"]');
  var meta = result.querySelector(".md-search-result__meta");
  var list = result.querySelector(".md-search-result__list");
  var config = JSON.parse(document.getElementById("__config").textContent);
  var t = config.translations;
  // The site's root folder, from Material's relative base ("../.."): the site may live in a subfolder.
  var base = new URL(config.base.replace(/\/?$/, "/"), location.href);
  var PAGE = 10;
  var engine = null;
  var shown = [];
  var generation = 0;

  function pagefind() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", base).href).then(function (module) {
        return module.options({ baseUrl: base.pathname, excerptLength: 40 }).then(function () { return module; });
      });
    }
    return engine;
  }

  function count(n) {
    if (n === 0) return t["search.result.none"];
    if (n === 1) return t["search.result.one"];
    return t["search.result.other"].replace("#", n);
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    a.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    var title = document.createElement("h1");
    title.textContent = data.meta.title || data.url;
    if (data.meta.number) {
      var number = document.createElement("span");
      number.className = "gz-search-number";
      number.textContent = "（" + data.meta.number + "）";
      title.appendChild(number);
    }
    var excerpt = document.createElement("p");
    excerpt.innerHTML = data.excerpt; // Pagefind escapes the text; only <mark> is markup
    article.append(icon, title, excerpt);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function more(search, mine) {
    var rest = search.results.length - shown.length;
    if (rest <= 0) return;
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "gz-search-more";
    button.textContent = "显示更多结果（还有 " + rest + " 个）";
    button.addEventListener("click", function () {
      li.remove();
      page(search, mine);
    });
    li.appendChild(button);
    list.appendChild(li);
  }

  function page(search, mine, first) {
    var next = search.results.slice(shown.length, shown.length + PAGE);
    shown = shown.concat(next);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (datas) {
      if (mine !== generation) return;
      if (first) {
        list.textContent = "";
        meta.textContent = count(search.results.length); // last: a finished count means the list is complete
      }
      datas.forEach(function (data) { list.appendChild(item(data)); });
      more(search, mine);
    });
  }

  function run() {
    var query = input.value.trim();
    var mine = ++generation;
    if (!query) {
      list.textContent = "";
      meta.textContent = t["search.result.placeholder"];
      return;
    }
    pagefind().then(function (module) {
      return module.debouncedSearch(query, {}, 120);
    }).then(function (search) {
      if (search === null || mine !== generation) return; // a later keystroke superseded this query
      shown = [];
      return page(search, mine, true);
    }).catch(function (error) {
      meta.textContent = "搜索暂时不可用";
      if (window.console) console.error(error);
    });
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    pagefind();
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link, .gz-search-more"));
  }

  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      pagefind();
      setTimeout(function () { input.focus(); }, 0);
    }
  });
  input.addEventListener("focus", open);
  input.addEventListener("input", run);
  root.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first && first.href) location.href = first.href;
  });
  root.querySelector("form").addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(input|textarea|select)$/i.test(event.target.tagName) || event.target.isContentEditable;
    if (!toggle.checked) {
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var all = links();
      if (!all.length) return;
      event.preventDefault();
      var at = all.indexOf(document.activeElement);
      var next = event.key === "ArrowDown" ? at + 1 : (at < 0 ? all.length - 1 : at - 1);
      if (next < 0 || next >= all.length) input.focus();
      else all[next].focus();
    }
  });
})();

// Search (检索): Material's search box driven by the gazette's own index (gazette/build/search_index.py).
// One engine online and from file://: the index is cut into classic scripts that call __gzSearch(name,
// data), loaded by <script src> on demand (file:// forbids fetch, XHR, modules and workers). A document
// matches when its folded text contains every folded term, as Ctrl+F would find it; candidates come
// from character bigram postings and are verified against their text before they are shown.
(function () {
  "use strict";

  // --- folding: the same as gazette/site/search_fold.py ------------------------------------------
  var BRACKETS = { "\u3014": "[", "\u3015": "]" };
  var DROP = /[\s\x1c-\x1f\x85\u200b-\u200d\u2060\ufeff\u00ad]/;
  var DROPS = new RegExp(DROP.source, "g");
  var foldCache = Object.create(null);

  function foldChar(ch) {
    var cached = foldCache[ch];
    if (cached !== undefined) return cached;
    var out = "";
    for (var c of ch.normalize("NFKC")) {
      c = BRACKETS[c] || c;
      if (DROP.test(c)) continue;
      if (c >= "A" && c <= "Z") c = c.toLowerCase();
      out += c;
    }
    foldCache[ch] = out;
    return out;
  }

  // The folded text and, for each of its UTF-16 units, the index in `text` of the character it came from.
  function foldMap(text) {
    var folded = "", from = [];
    for (var i = 0; i < text.length;) {
      var ch = String.fromCodePoint(text.codePointAt(i));
      var f = foldChar(ch);
      for (var k = 0; k < f.length; k++) from.push(i);
      folded += f;
      i += ch.length;
    }
    from.push(text.length);
    return { text: folded, from: from };
  }

  // The whole-string form, as the index writer folds (gazette/site/search_fold.py: NFKC, 〔〕 as [],
  // no white space, a-z); foldMap folds character by character, which differs only around combining
  // marks, and serves only to place highlights.
  function fold(text) {
    text = text.normalize("NFKC").replace(/\u3014/g, "[").replace(/\u3015/g, "]");
    return text.replace(DROPS, "").replace(/[A-Z]+/g, function (run) { return run.toLowerCase(); });
  }

  function queryTerms(query) {
    var terms = [];
    query.split(/[\s\x1c-\x1f\x85]+/).forEach(function (word) {
      var term = fold(word);
      if (term && terms.indexOf(term) < 0) terms.push(term);
    });
    return terms;
  }

  // --- the index files -----------------------------------------------------------------------------
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = {};
  for (var d = 0; d < ALPHABET.length; d++) DIGIT[ALPHABET[d]] = d;

  function decode(text, gaps) { // varints → ascending ids (gaps) or plain values
    var out = [], value = 0, previous = -1;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text[i]];
      if (digit >= 32) { value = value * 32 + digit - 32; continue; }
      value = value * 32 + digit;
      if (gaps) { previous += value + 1; out.push(previous); } else out.push(value);
      value = 0;
    }
    return out;
  }

  function fnv1a(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h;
  }

  var config = JSON.parse(document.getElementById("__config").textContent);
  // The site's root folder, from Material's relative base ("../.."): the site may live in a subfolder.
  var base = new URL(config.base.replace(/\/?$/, "/"), location.href);
  var loaded = Object.create(null), waiting = Object.create(null);

  window.__gzSearch = function (name, data) {
    loaded[name] = data;
    if (waiting[name]) waiting[name].resolve(data);
  };

  function file(name) {
    var unit = /^t\/(\d+)$/.exec(name);
    return unit ? "t/" + Math.floor(unit[1] / 1000) + "/" + unit[1] : name;
  }

  function load(name) {
    if (name in loaded) return Promise.resolve(loaded[name]);
    if (!waiting[name]) {
      var entry = waiting[name] = {};
      entry.promise = new Promise(function (resolve, reject) {
        entry.resolve = resolve;
        var script = document.createElement("script");
        script.src = new URL("search/" + file(name) + ".js", base).href;
        script.onload = function () {
          script.remove();
          if (!(name in loaded)) reject(new Error("search index file without data: " + name));
        };
        script.onerror = function () {
          script.remove();
          delete waiting[name];
          reject(new Error("search index file missing: " + name));
        };
        document.head.appendChild(script);
      });
    }
    return waiting[name].promise;
  }

  var headData = null, firstUnit = null, facetValues = null, postingsCache = Object.create(null);

  function head() {
    return load("head").then(function (data) {
      if (!headData) {
        headData = data;
        firstUnit = decode(data.first, true);
        firstUnit.push(data.units);
      }
      return headData;
    });
  }

  function facets() {
    return load("facets").then(function (data) {
      if (!facetValues) {
        facetValues = {};
        Object.keys(data).forEach(function (name) { facetValues[name] = decode(data[name], false); });
      }
      return facetValues;
    });
  }

  // The postings of `key` (a gram, or KNOWN + a known-item key): ascending unit (or document) ids.
  function postings(key) {
    if (key in postingsCache) return Promise.resolve(postingsCache[key]);
    var shard = "p/" + (fnv1a(key) % headData.shards);
    return load(shard).then(function (data) {
      postingsCache[key] = Object.prototype.hasOwnProperty.call(data, key) ? decode(data[key], true) : [];
      return postingsCache[key];
    });
  }

  function points(term) { return Array.from(term); }

  // The grams whose postings bound a term: one character; every bigram of a short term (the more of them
  // a unit must hold, the fewer units only seem to match: 三政〔2018〕30 is not 三政〔2018〕31号 …30);
  // bigrams covering a long term without overlap (it is rare enough, and each bigram is a file).
  var EVERY_BIGRAM = 12;
  function cover(term) {
    var cp = points(term);
    if (cp.length === 1) return [term];
    var grams = [], step = cp.length <= EVERY_BIGRAM ? 1 : 2;
    for (var i = 0; i + 1 < cp.length; i += step) grams.push(cp[i] + cp[i + 1]);
    if (step === 2 && cp.length % 2) grams.push(cp[cp.length - 2] + cp[cp.length - 1]);
    return grams.filter(function (gram, at) { return grams.indexOf(gram) === at; });
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else { out.push(a[i]); i++; j++; }
    }
    return out;
  }

  function docOf(unit) { // binary search in the first units of the documents
    var lo = 0, hi = firstUnit.length - 2;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firstUnit[mid] <= unit) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // --- search --------------------------------------------------------------------------------------
  var VERIFY_ALL = 12; // candidate units loaded at once to verify and rank a whole small result set
  var WINDOW = 50;     // characters of context on each side of a match, at most

  function candidates(terms) {
    return Promise.all(terms.map(function (term) {
      return Promise.all(cover(term).map(postings)).then(function (lists) {
        var byDoc = new Map();
        if (points(term).length === 1) { // a single character: documents, exact; its units are not known
          lists[0].forEach(function (doc) { byDoc.set(doc, []); });
          return byDoc;
        }
        lists.sort(function (a, b) { return a.length - b.length; });
        var units = lists.reduce(intersect);
        units.forEach(function (unit) {
          var doc = docOf(unit);
          if (!byDoc.has(doc)) byDoc.set(doc, []);
          byDoc.get(doc).push(unit);
        });
        return byDoc;
      });
    }));
  }

  function known(terms) {
    var keys = [terms.join("")].concat(terms.length > 1 ? terms : []).filter(function (key) {
      return points(key).length >= 2;
    });
    return Promise.all(keys.map(function (key) { return postings(headData.known + key); })).then(function (lists) {
      var found = new Set();
      lists.forEach(function (list) { list.forEach(function (doc) { found.add(doc); }); });
      return found;
    });
  }

  function filtered(docs, filters) {
    var names = Object.keys(filters).filter(function (name) { return filters[name] !== ""; });
    if (!names.length) return Promise.resolve(docs);
    return facets().then(function (values) {
      return docs.filter(function (doc) {
        return names.every(function (name) { return String(values[name][doc]) === String(filters[name]); });
      });
    });
  }

  // Occurrences of `term` in a unit's blocks: [{block, at, name}]; `name` when the block is a table cell
  // or list entry that the term is a good part of (a third or more): a name typed whole or nearly.
  function occurrences(unitData, term) {
    var found = [];
    unitData[2].forEach(function (block, index) {
      var text = fold(block[1]);
      var name = block[2] === 1 && points(term).length >= 3 && 3 * term.length >= text.length;
      for (var at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
        found.push({ block: index, at: at, name: name });
      }
    });
    return found;
  }

  function longest(terms) {
    var shown = 0;
    terms.forEach(function (term, t) { if (points(term).length > points(terms[shown]).length) shown = t; });
    return shown;
  }

  function loadAll(units) {
    return Promise.all(units.map(function (u) { return load("t/" + u); })).then(function (datas) {
      var data = new Map();
      units.forEach(function (u, i) { data.set(u, datas[i]); });
      return data;
    });
  }

  // Check a candidate document against the text of every candidate unit, counting occurrences exactly
  // (small result sets): null when a term is not really there, its bigrams only met.
  function verifyAll(doc, terms, byTerm) {
    var head = firstUnit[doc], shown = longest(terms), want = [];
    byTerm.forEach(function (byDoc) { want = want.concat(byDoc.get(doc)); });
    return loadAll(want.filter(function (u, i) { return want.indexOf(u) === i; })).then(function (data) {
      var count = 0, title = true, hit = null, named = false;
      for (var t = 0; t < terms.length; t++) {
        var units = byTerm[t].get(doc), found = units.length ? 0 : 1, inTitle = false;
        units.forEach(function (unit) {
          var occ = occurrences(data.get(unit), terms[t]);
          found += occ.length;
          named = named || occ.some(function (o) { return o.name; });
          if (occ.length && unit === head) inTitle = true;
          if (occ.length && t === shown && (!hit || (hit.head && unit !== head))) {
            hit = { unit: data.get(unit), block: occ[0].block, head: unit === head };
          }
        });
        if (!found) return null;
        title = title && inTitle;
        count += found * points(terms[t]).length;
      }
      return finish(doc, terms, shown, hit, title, count).then(function (r) { r.named = named; return r; });
    });
  }

  // Check a candidate document loading as little as possible (large result sets): terms of one or two
  // characters are exact in the postings; a longer term is looked for unit by unit until found.
  function verifyLazy(doc, terms, byTerm) {
    var head = firstUnit[doc], shown = longest(terms);
    return Promise.all(terms.map(function (term, t) {
      var units = byTerm[t].get(doc).slice().sort(function (a, b) { return (a === head) - (b === head) || a - b; });
      if (points(term).length <= 2 && t !== shown) return Promise.resolve(true);
      if (!units.length) return Promise.resolve(true); // a single character: firstHolding shows it
      var at = 0;
      function step() {
        var unit = units[at++];
        return load("t/" + unit).then(function (data) {
          var occ = occurrences(data, term);
          if (occ.length) return { unit: data, block: occ[0].block, head: unit === head };
          if (points(term).length <= 2) return { unit: data, block: 0, head: unit === head };
          return at < units.length ? step() : null;
        });
      }
      return step();
    })).then(function (found) {
      if (found.some(function (f) { return f === null; })) return null;
      var hit = typeof found[shown] === "object" ? found[shown] : null;
      var estimated = estimate(doc, byTerm);
      return finish(doc, terms, shown, hit, estimated.title, null, estimated.density);
    });
  }

  // The result: density is occurrences per character when they were counted, else the estimate's.
  function finish(doc, terms, shown, hit, title, count, density) {
    return (hit ? Promise.resolve(hit) : firstHolding(doc, terms[shown])).then(function (hit) {
      var meta = hit.unit[1];
      if (count !== null) density = count / Math.max(1, meta[8] + meta[1].length);
      return { doc: doc, meta: meta, title: title, density: density, hit: hit };
    });
  }

  // The first unit of a document (body first, then the title) that holds a single-character term.
  function firstHolding(doc, term) {
    var order = [];
    for (var u = firstUnit[doc] + 1; u < firstUnit[doc + 1]; u++) order.push(u);
    order.push(firstUnit[doc]);
    var at = 0;
    function step() {
      var unit = order[at++];
      return load("t/" + unit).then(function (data) {
        var occ = occurrences(data, term);
        if (occ.length || at >= order.length) {
          return { unit: data, block: occ.length ? occ[0].block : 0, head: unit === firstUnit[doc] };
        }
        return step();
      });
    }
    return step();
  }

  function rank(list, knownDocs, sort) {
    return list.sort(function (a, b) {
      if (sort === "date") return a.doc - b.doc;
      return (knownDocs.has(b.doc) - knownDocs.has(a.doc)) || (!!b.named - !!a.named) || (b.title - a.title)
        || (b.density - a.density) || (a.doc - b.doc);
    });
  }

  // Estimated scores from the postings alone, for result sets too large to verify at once.
  function estimate(doc, byTerm) {
    var units = firstUnit[doc + 1] - firstUnit[doc], hits = 0, title = true;
    byTerm.forEach(function (byDoc) {
      var list = byDoc.get(doc);
      hits += Math.max(1, list.length);
      if (list[0] !== firstUnit[doc]) title = false;
    });
    return { doc: doc, title: title, density: hits / units };
  }

  // A search: {total, exact, next(n) → Promise of the next n verified results}.
  function search(query, options) {
    options = options || {};
    return head().then(function () {
      var terms = queryTerms(query);
      if (!terms.length) return { terms: terms, total: 0, exact: true, next: function () { return Promise.resolve([]); } };
      return Promise.all([candidates(terms), known(terms)]).then(function (both) {
        var byTerm = both[0], knownDocs = both[1];
        var docs = Array.from(byTerm[0].keys()).filter(function (doc) {
          return byTerm.every(function (byDoc) { return byDoc.has(doc); });
        });
        return filtered(docs, options.filters || {}).then(function (docs) {
          var units = 0; // what verifying them all would load
          docs.forEach(function (doc) {
            byTerm.forEach(function (byDoc) { units += Math.max(1, byDoc.get(doc).length); });
          });
          if (units <= VERIFY_ALL) {
            return Promise.all(docs.map(function (doc) { return verifyAll(doc, terms, byTerm); })).then(function (checked) {
              var results = rank(checked.filter(Boolean), knownDocs, options.sort);
              return cursor(terms, results, true, null);
            });
          }
          var ranked = rank(docs.map(function (doc) { return estimate(doc, byTerm); }), knownDocs, options.sort);
          var exact = terms.every(function (term) { return points(term).length <= 2; });
          return cursor(terms, ranked, exact, byTerm);
        });
      });
    });
  }

  function cursor(terms, ranked, exact, byTerm) {
    var position = 0;
    var result = { terms: terms, total: ranked.length, exact: exact, next: next };
    function next(n) {
      if (!byTerm) {
        var page = ranked.slice(position, position + n);
        position += page.length;
        return Promise.resolve(page.map(function (r) { return shown(r, terms); }));
      }
      var out = [], budget = 2 * n; // candidates checked for one page at most: the rest waits for 显示更多
      function more() {
        if (out.length >= n || position >= ranked.length || budget <= 0) return Promise.resolve(out);
        var batch = ranked.slice(position, position + Math.min(n - out.length, budget));
        position += batch.length;
        budget -= batch.length;
        return Promise.all(batch.map(function (r) { return verifyLazy(r.doc, terms, byTerm); })).then(function (checked) {
          checked.forEach(function (r) {
            if (r) out.push(shown(r, terms)); else if (!exact) result.total--;
          });
          return more();
        });
      }
      return more().then(function (page) {
        if (position >= ranked.length) result.exact = true;
        return page;
      });
    }
    return result;
  }

  // --- what a result shows -------------------------------------------------------------------------
  var STOPS = "。！？；!?;";
  var PAUSES = "，、：,:";

  function marks(text, terms) {
    var map = foldMap(text), ranges = [];
    terms.forEach(function (term) {
      for (var at = map.text.indexOf(term); at >= 0; at = map.text.indexOf(term, at + term.length)) {
        ranges.push([map.from[at], map.from[at + term.length - 1] + 1]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
    });
    return merged;
  }

  // The sentence around the first match, cut at Chinese punctuation, at most WINDOW characters each side.
  function excerpt(text, terms) {
    var found = marks(text, terms);
    if (!found.length) return { text: text.slice(0, 2 * WINDOW), before: false, after: text.length > 2 * WINDOW };
    var start = found[0][0], end = found[0][1], from = 0, to = text.length;
    for (var i = start - 1; i >= 0 && i >= start - WINDOW; i--) if (STOPS.indexOf(text[i]) >= 0) { from = i + 1; break; }
    if (start - from > WINDOW || (from === 0 && start > WINDOW)) {
      from = start - WINDOW;
      for (i = start - 1; i > start - WINDOW; i--) if (PAUSES.indexOf(text[i]) >= 0) { from = i + 1; break; }
    }
    for (i = end; i < text.length && i < end + WINDOW; i++) if (STOPS.indexOf(text[i]) >= 0) { to = i + 1; break; }
    if (to - end > WINDOW) {
      to = end + WINDOW;
      for (i = end; i < end + WINDOW; i++) if (PAUSES.indexOf(text[i]) >= 0) { to = i + 1; break; }
    }
    return { text: text.slice(from, to), before: from > 0, after: to < text.length };
  }

  function shown(r, terms) {
    var block = r.hit ? r.hit.unit[2][r.hit.block] : ["", r.meta[1]];
    return { doc: r.doc, meta: r.meta, anchor: r.hit && !r.hit.head ? block[0] : "",
             excerpt: excerpt(block[1], terms) };
  }

  function href(result) {
    var path = result.meta[0] + (headData.urls === "dir" ? "/" : ".html");
    return new URL(path + (result.anchor ? "#" + result.anchor : ""), base).href;
  }

  window.gzSearch = { fold: fold, queryTerms: queryTerms, search: search, head: head, href: href, marks: marks };

  // --- the search box --------------------------------------------------------------------------------
  var root = document.querySelector('[data-gz-search="search"]');
  if (!root) return;
  var toggle = document.getElementById("__search");
  var input = root.querySelector('[data-gz-search="search-query"]');
  var result = root.querySelector('[data-gz-search="search-result"]');
  var meta = result.querySelector(".md-search-result__meta");
  var list = result.querySelector(".md-search-result__list");
  var filterBar = root.querySelector(".gz-search-filters");
  var selects = Array.prototype.slice.call(root.querySelectorAll("[data-gz-filter]"));
  var sortSelect = root.querySelector("[data-gz-sort]");
  var t = config.translations;
  var PAGE = 10;       // results per page
  var WHOLE = 20;      // a result set this small is shown whole at once
  var generation = 0;

  function count(search) {
    var n = search.total;
    if (n === 0) return t["search.result.none"];
    if (!search.exact) return "约 " + n + " 个符合条件的结果";
    if (n === 1) return t["search.result.one"];
    return t["search.result.other"].replace("#", n);
  }

  function marked(parent, text, terms) {
    var at = 0;
    marks(text, terms).forEach(function (range) {
      parent.appendChild(document.createTextNode(text.slice(at, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      parent.appendChild(mark);
      at = range[1];
    });
    parent.appendChild(document.createTextNode(text.slice(at)));
  }

  function item(r, terms) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = href(r);
    a.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    var title = document.createElement("h1");
    marked(title, r.meta[1], terms);
    var facts = document.createElement("p");
    facts.className = "gz-search-facts";
    facts.textContent = [r.meta[2], r.meta[3] && "成文日期 " + r.meta[3], r.meta[4], r.meta[5]]
      .filter(Boolean).join(" · ");
    var text = document.createElement("p");
    text.className = "gz-search-excerpt";
    if (r.excerpt.before) text.appendChild(document.createTextNode("…"));
    marked(text, r.excerpt.text, terms);
    if (r.excerpt.after) text.appendChild(document.createTextNode("…"));
    article.append(icon, title, facts, text);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function more(search, mine, shownSoFar) {
    var rest = search.total - shownSoFar;
    if (rest <= 0) return;
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "gz-search-more";
    button.textContent = "显示更多结果（还有" + (search.exact ? " " : "约 ") + rest + " 个）";
    button.addEventListener("click", function () {
      li.remove();
      show(search, mine, shownSoFar, false);
    });
    li.appendChild(button);
    list.appendChild(li);
  }

  function show(search, mine, shownSoFar, first) {
    return search.next(first && search.total <= WHOLE ? WHOLE : PAGE).then(function (page) {
      if (mine !== generation) return;
      if (first) list.textContent = "";
      page.forEach(function (r) { list.appendChild(item(r, search.terms)); });
      shownSoFar += page.length;
      meta.textContent = count(search); // last: a finished count means the list is complete
      more(search, mine, shownSoFar);
      result.setAttribute("data-gz-done", mine); // for tests: which run the list shows
    });
  }

  function options() {
    var filters = {};
    selects.forEach(function (select) { filters[select.getAttribute("data-gz-filter")] = select.value; });
    return { filters: filters, sort: sortSelect ? sortSelect.value : "relevance" };
  }

  function run() {
    var query = input.value;
    var mine = ++generation;
    if (!query.trim()) {
      list.textContent = "";
      meta.textContent = t["search.result.placeholder"];
      return;
    }
    // Until this query's results are shown, the count is not a count: a 结果 seen means the list is current.
    meta.textContent = "正在检索…";
    search(query, options()).then(function (found) {
      if (mine !== generation) return; // a later keystroke superseded this query
      return show(found, mine, 0, true);
    }).catch(function (error) {
      meta.textContent = "检索暂时不可用";
      if (window.console) console.error(error);
    });
  }

  function fillFilters() {
    head().then(function (data) {
      if (!filterBar || filterBar.getAttribute("data-filled")) return;
      selects.forEach(function (select) {
        var values = data.facets[select.getAttribute("data-gz-filter")] || [];
        values.forEach(function (entry, index) {
          if (entry[0] === null) return;
          var option = document.createElement("option");
          option.value = index;
          option.textContent = entry[0] + "（" + entry[1] + "）";
          select.appendChild(option);
        });
      });
      filterBar.setAttribute("data-filled", "true");
      filterBar.hidden = false;
    }).catch(function (error) { if (window.console) console.error(error); });
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    fillFilters();
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
      fillFilters();
      setTimeout(function () { input.focus(); }, 0);
    }
  });
  input.addEventListener("focus", open);
  input.addEventListener("input", run);
  selects.concat(sortSelect ? [sortSelect] : []).forEach(function (select) {
    select.addEventListener("change", run);
  });
  root.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first && first.href) location.href = first.href;
  });
  root.querySelector("form").addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = /^(input|textarea|select)$/i.test(target.tagName) || target.isContentEditable;
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
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && !/^select$/i.test(target.tagName)) {
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

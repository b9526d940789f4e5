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

  // Characters that fold to exactly one UTF-16 unit and never merge with a neighbour (no combining marks,
  // no second halves of a composition, no jamo): text made only of them folds in place, each character
  // where it was. Most of the gazette's text: ideographs, ASCII, full-width forms, CJK and general
  // punctuation (tests/test_search_index.py checks every character of the class against search_fold.fold).
  var IN_PLACE = /^[\u0021-\u007e\u00b7\u2010-\u2024\u2027\u2030-\u2032\u2460-\u2468\u25a0-\u25ff\u3001-\u301f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]*$/;

  // The folded text and, for each of its UTF-16 units, the index in `text` of the character it came from
  // (null when every character stays in place).
  function foldMap(text) {
    if (IN_PLACE.test(text)) return { text: fold(text), from: null };
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
  var DIGIT = new Int8Array(128);
  for (var d = 0; d < ALPHABET.length; d++) DIGIT[ALPHABET.charCodeAt(d)] = d;

  function decode(text, gaps) { // varints → ascending ids (gaps) or plain values
    var out = [], value = 0, previous = -1;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
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
  var folder = new URL("search/", base).href;
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
        script.src = folder + file(name) + ".js";
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

  var FIRST = 5;       // results on the first page: each is one file to load (its unit: excerpt and place)

  function points(term) { return Array.from(term); }

  function isDigit(c) { return c >= "0" && c <= "9"; }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else { out.push(a[i]); i++; j++; }
    }
    return out;
  }

  // A term's candidates: its documents, ascending, and for each the span of its candidate units in `units`
  // (`at`; none for a term of one character, exact by document). Flat arrays rather than a Map of arrays:
  // a common term has thousands of documents, and most are only counted.
  function Spans(docs, at, units) {
    this.docs = docs;
    this.at = at;
    this.units = units;
    this.size = docs.length;
  }
  Spans.prototype.index = function (doc) { // the document's place in `docs`, or -1
    var lo = 0, hi = this.docs.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (this.docs[mid] < doc) lo = mid + 1; else if (this.docs[mid] > doc) hi = mid - 1; else return mid;
    }
    return -1;
  };
  Spans.prototype.get = function (doc) { // the candidate units of a document of the spans
    var i = this.index(doc);
    if (i < 0) throw new Error("not a candidate: " + doc);
    return this.at ? this.units.slice(this.at[i], this.at[i + 1]) : [];
  };
  Spans.prototype.count = function (i) { return this.at ? this.at[i + 1] - this.at[i] : 0; };
  Spans.prototype.first = function (i) { return this.at ? this.units[this.at[i]] : -1; };

  // Occurrences of `term` in a unit's blocks: [{block, at, name}]; `name` when the block is a table cell
  // or list entry that the term is a good part of (a third or more): a name typed whole or nearly.
  // A block is folded only if it may hold the term: a term that starts with a CJK ideograph can lie only in
  // a block whose text has that ideograph, or a character whose NFKC form holds one (radicals, Hangzhou
  // numerals, enclosed and squared ideographs, compatibility ideographs: every such character of the BMP,
  // and any surrogate pair); folded blocks are kept with their unit.
  var FOLDS_TO_HAN = /[\u2e80-\u2fdf\u3038-\u303a\u3190-\u33ff\uf900-\ufaff\ud800-\udfff]/;
  function occurrences(unitData, term) {
    var found = [], long = points(term).length >= 3, lead = term.charAt(0);
    var han = lead >= "\u4e00" && lead <= "\u9fff";
    var folded = unitData.folded || (unitData.folded = []);
    unitData[2].forEach(function (block, index) {
      if (han && block[1].indexOf(lead) < 0 && !FOLDS_TO_HAN.test(block[1])) return;
      var text = folded[index] === undefined ? (folded[index] = fold(block[1])) : folded[index];
      var name = block[2] === 1 && long && 3 * term.length >= text.length;
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

  // Relevance: known items, then names, then title matches, then density, then the newer (the lower id);
  // or by date: the newer. One exact integer per result (documents and density steps below 2^20 each, the
  // document last), sorted natively: no comparator calls, so a large result set ranks in little time.
  var LOW = 1048576;
  function sortKey(sort, known, named, title, density, i) {
    if (sort === "date") return LOW - 1 - i;
    var group = (known ? 8 : 0) + (named ? 4 : 0) + (title ? 2 : 0);
    return (group * LOW + Math.min(LOW - 1, Math.floor(density * 65536))) * LOW + (LOW - 1 - i);
  }
  function inOrder(keys, items) { // items by descending key
    keys.sort();
    var out = new Array(items.length);
    for (var i = 0; i < keys.length; i++) out[i] = items[LOW - 1 - keys[keys.length - 1 - i] % LOW];
    return out;
  }
  function rank(list, knownDocs, sort) { // verified results, in ascending document order: the index stands for the document
    var keys = new Float64Array(list.length);
    list.forEach(function (r, i) { keys[i] = sortKey(sort, knownDocs.has(r.doc), r.named, r.title, r.density, i); });
    return inOrder(keys, list);
  }
  function rankDocs(docs, scores, knownDocs, sort) { // ascending documents by their estimates: the documents
    var keys = new Float64Array(docs.length);
    for (var i = 0; i < docs.length; i++) {
      keys[i] = sortKey(sort, knownDocs.has(docs[i]), false, scores.title[i], scores.density[i], i);
    }
    return inOrder(keys, docs);
  }

  // --- what a result shows -------------------------------------------------------------------------
  var WINDOW = 50;     // characters of context on each side of a match, at most
  var STOPS = "。！？；!?;";
  var PAUSES = "，、：,:";

  function marks(text, terms) {
    var map = foldMap(text), ranges = [];
    terms.forEach(function (term) {
      for (var at = map.text.indexOf(term); at >= 0; at = map.text.indexOf(term, at + term.length)) {
        ranges.push(map.from ? [map.from[at], map.from[at + term.length - 1] + 1] : [at, at + term.length]);
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

  // The engine over one index: `load(name)` gives a file's data (a promise). The page has one over the
  // site's index; a throwaway one searches the tiny index of warm.js when the search box opens (warm).
  function engine(load) {
    var headData = null, firstUnit = null, common = null, facetValues = null, postingsCache = Object.create(null);
    var KNOWN = null; // the prefix of known-item keys (head.known); every search waits for the head

    function head() {
      return load("head").then(function (data) {
        if (!headData) {
          headData = data;
          KNOWN = data.known;
          firstUnit = decode(data.first, true);
          firstUnit.push(data.units);
          common = new Map();
          data.common.forEach(function (gram, rank) { common.set(gram, rank); });
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

    // Where a posting list lives: a gram by its own hash; a known item (KNOWN + key) by its key's cover's
    // most telling gram, the first after the first bigram, which a query for it loads anyway
    // (gazette/build/search_index.py: carrier).
    function route(key) {
      var known = key.charAt(0) === KNOWN && points(key).length > 2;
      if (!known) return fnv1a(key);
      var grams = cover(key.slice(1));
      return fnv1a(grams[grams.length > 1 ? 1 : 0]);
    }

    // The postings of `key` (a gram, or KNOWN + a known-item key): ascending unit (or document) ids.
    function postings(key) {
      if (key in postingsCache) return Promise.resolve(postingsCache[key]);
      var shard = "p/" + (route(key) % headData.shards);
      return load(shard).then(function (data) {
        postingsCache[key] = Object.prototype.hasOwnProperty.call(data, key) ? decode(data[key], true) : [];
        return postingsCache[key];
      });
    }

    // The grams whose postings bound a term, each one more file to load. One or two characters: the term
    // (exact: by document, by unit). Two bigrams: both. Longer: the first bigram and the RARE best others
    // (one more with digits; ten digits make unselective bigrams, so grams with digits are indexed too):
    // first each run of digits with the characters around it when the term has both (the later first:
    // 三政[2018]34号 → ]34号, [2018]), else the trigrams at the run's edges (三政[2018]34 → ]34); then bigrams not
    // inside those, the rarer first by the head's list of common bigrams (unlisted before listed; among
    // equals the later, so the cover spreads). The units holding them all are a superset of those holding
    // the term, small enough that few are loaded only to be rejected. search_index.cover is the same.
    var RARE = 2;
    function cover(term) {
      var cp = points(term), n = cp.length, i;
      if (n <= 2) return [term];
      var grams = [], runs = [];
      for (i = 0; i + 1 < n; i++) {
        var gram = cp[i] + cp[i + 1];
        if (grams.indexOf(gram) < 0) grams.push(gram);
      }
      for (i = 0; i < n; i++) {
        if (isDigit(cp[i]) && (i === 0 || !isDigit(cp[i - 1]))) runs.push([i, i + 1]);
        else if (isDigit(cp[i])) runs[runs.length - 1][1] = i + 1;
      }
      if (grams.length <= 2 && !runs.length) return grams;
      if (n === 3 && runs.length && cp[0] !== KNOWN) return [term]; // exact: its trigram is indexed
      var picked = [];
      runs.slice().reverse().forEach(function (run) {
        var start = run[0], end = run[1], parts;
        if (start && end < n) parts = [cp.slice(start - 1, end + 1)];
        else parts = [end < n ? cp.slice(end - 2, end + 1) : cp.slice(end - 3, end),
                      start ? cp.slice(start - 1, start + 2) : cp.slice(start, start + 3)];
        parts.forEach(function (part) {
          var gram = part.join("");
          if (part.length >= 3 && part[0] !== KNOWN && picked.indexOf(gram) < 0) picked.push(gram);
        });
      });
      var rest = grams.slice(1).map(function (gram, at) {
        return { gram: gram, at: at, rank: common.has(gram) ? common.get(gram) : Infinity };
      });
      rest.sort(function (a, b) { return (b.rank - a.rank) || (b.at - a.at); });
      var longer = picked.slice();
      rest.forEach(function (r) {
        if (!longer.some(function (gram) { return gram.indexOf(r.gram) >= 0; })) picked.push(r.gram);
      });
      return [grams[0]].concat(picked.slice(0, RARE + (runs.length ? 1 : 0)));
    }

    // --- search --------------------------------------------------------------------------------------

    // For a second round, when a short term with digits has more candidate units than two pages: the
    // trigrams with a digit that the cover left, those joining two runs first (三政[2018]34 meets 三政[2017]34号
    // and [2018] in one unit; 8]3 parts them).
    var NARROW = 2, NARROW_TERM = 16;
    function narrower(term) {
      var cp = points(term), taken = cover(term), joins = [], others = [];
      if (cp.length > NARROW_TERM) return []; // a title: its many candidates are mostly real
      for (var i = cp.length - 3; i >= 0; i--) {
        var tri = cp[i] + cp[i + 1] + cp[i + 2];
        if (!cp.slice(i, i + 3).some(isDigit) || cp[i] === KNOWN || taken.indexOf(tri) >= 0) continue;
        var join = isDigit(cp[i]) && !isDigit(cp[i + 1]) && isDigit(cp[i + 2]);
        (join ? joins : others).push(tri);
      }
      return joins.concat(others).filter(function (tri, at, all) { return all.indexOf(tri) === at; }).slice(0, NARROW);
    }

    // Per term, its candidate documents and their candidate units ([] for one character: exact by document).
    function candidates(terms) {
      return Promise.all(terms.map(function (term) {
        return Promise.all(cover(term).map(postings)).then(function (lists) {
          if (points(term).length === 1) return lists;
          lists.sort(function (a, b) { return a.length - b.length; });
          var units = lists.reduce(intersect), more = units.length > 2 * FIRST ? narrower(term) : [];
          if (!more.length) return [units];
          return Promise.all(more.map(postings)).then(function (extra) { return [extra.reduce(intersect, units)]; });
        }).then(function (lists) {
          if (points(term).length === 1) return new Spans(lists[0], null, null);
          var units = lists[0], docs = [], at = [], doc = 0;
          for (var i = 0; i < units.length; i++) { // units and documents both ascend: walk them together
            if (!docs.length || units[i] >= firstUnit[doc + 1]) {
              while (units[i] >= firstUnit[doc + 1]) doc++;
              docs.push(doc);
              at.push(i);
            }
          }
          at.push(units.length);
          return new Spans(docs, at, units);
        });
      }));
    }

    function known(terms) {
      var keys = [terms.join("")].concat(terms.length > 1 ? terms : []).filter(function (key) {
        return points(key).length >= 2;
      });
      return Promise.all(keys.map(function (key) { return postings(KNOWN + key); })).then(function (lists) {
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
        return located(doc, terms[shown], hit).then(function (r) {
          r.title = title;
          r.named = named;
          r.density = count / Math.max(1, r.meta[8] + r.meta[1].length); // occurrences per character
          return r;
        });
      });
    }

    // Check a candidate document loading as little as possible (large result sets): terms of one or two
    // characters are exact in the postings; each longer term, and the one the excerpt shows, must be found
    // in a unit's text. Each round loads, at once, units that between them may hold every term still open,
    // the unit that most of them may lie in first; the body before the title (a result links to its place),
    // unless the title may hold them all and a term is long (5 characters or more: a title typed, whose
    // place is the top of the page). So a result usually costs one file, in one round.
    var TITLE_TERM = 5;
    function verifyLazy(doc, terms, byTerm) {
      var head = firstUnit[doc], shown = longest(terms), hit = null, tried = new Set();
      var lists = byTerm.map(function (spans) { return spans.get(doc); });
      var open = terms.map(function (term, t) {
        return (points(term).length > 2 || t === shown) && lists[t].length ? t : -1;
      }).filter(function (t) { return t >= 0; });
      var titleFirst = open.length && open.every(function (t) { return lists[t][0] === head; }) &&
        open.some(function (t) { return points(terms[t]).length >= TITLE_TERM; });
      function pick() { // units to load together: greedily, the one that may hold the most open terms
        var left = open.slice(), chosen = [];
        while (left.length) {
          var votes = new Map(), best = -1;
          left.forEach(function (t) {
            lists[t].forEach(function (unit) {
              if (!tried.has(unit) && chosen.indexOf(unit) < 0) votes.set(unit, (votes.get(unit) || 0) + 1);
            });
          });
          votes.forEach(function (n, unit) {
            var better = best < 0 || n > votes.get(best) ||
              (n === votes.get(best) && (titleFirst ? unit === head && best !== head : best === head && unit !== head));
            if (better) best = unit;
          });
          if (best < 0) break;
          chosen.push(best);
          left = left.filter(function (t) { return lists[t].indexOf(best) < 0; });
        }
        return chosen;
      }
      function step() {
        if (!open.length) return Promise.resolve(true);
        var units = pick();
        if (!units.length) return Promise.resolve(false); // a term's candidate units are spent: it is not there
        units.forEach(function (unit) { tried.add(unit); });
        return loadAll(units).then(function (data) {
          open = open.filter(function (t) {
            for (var i = 0; i < units.length; i++) {
              var occ = occurrences(data.get(units[i]), terms[t]);
              if (occ.length) {
                if (t === shown) hit = { unit: data.get(units[i]), block: occ[0].block, head: units[i] === head };
                return false;
              }
            }
            return true;
          });
          return step();
        });
      }
      return step().then(function (ok) { return ok ? located(doc, terms[shown], hit) : null; });
    }

    // A verified result and its place: `hit`, or the first unit that holds `term`. (A result of a large set
    // was ranked before it was verified, by estimates(); one of a small set is ranked by verifyAll's counts.)
    function located(doc, term, hit) {
      return (hit ? Promise.resolve(hit) : firstHolding(doc, term)).then(function (hit) {
        return { doc: doc, meta: hit.unit[1], hit: hit };
      });
    }

    // The first unit of a document (body first, then the title) that holds a term of one character (its
    // units are not in the index) or, for a two-character term, the first listed.
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

    // Estimated scores from the postings alone, for result sets too large to verify at once, for every document
    // of the set (ascending, in every term's spans) in one walk of the spans without a list per document: the
    // title holds every term when each term's first candidate unit is the title's; density is candidate units
    // (at least one a term) per unit of the document. And the units that verifying them all would load.
    function estimates(docs, byTerm) {
      var title = new Uint8Array(docs.length), density = new Float64Array(docs.length), units = 0;
      var pos = byTerm.map(function () { return 0; });
      for (var i = 0; i < docs.length; i++) {
        var doc = docs[i], hits = 0, inTitle = 1;
        for (var t = 0; t < byTerm.length; t++) {
          var spans = byTerm[t], j = pos[t];
          while (spans.docs[j] < doc) j++;
          pos[t] = j;
          hits += Math.max(1, spans.count(j));
          if (spans.first(j) !== firstUnit[doc]) inTitle = 0;
        }
        units += hits;
        title[i] = inTitle;
        density[i] = hits / (firstUnit[doc + 1] - firstUnit[doc]);
      }
      return { title: title, density: density, units: units };
    }

    // A search: {total, exact, next(n) → Promise of the next n verified results}.
    function search(query, options) {
      options = options || {};
      return head().then(function () {
        var terms = queryTerms(query);
        if (!terms.length) return { terms: terms, total: 0, exact: true, next: function () { return Promise.resolve([]); } };
        return Promise.all([candidates(terms), known(terms)]).then(function (both) {
          var byTerm = both[0], knownDocs = both[1];
          var smallest = byTerm.reduce(function (a, b) { return a.size <= b.size ? a : b; });
          var docs = [], pos = byTerm.map(function () { return 0; }); // ascending, as the postings
          smallest.docs.forEach(function (doc) {
            for (var t = 0; t < byTerm.length; t++) {
              var other = byTerm[t].docs, j = pos[t];
              while (other[j] < doc) j++;
              pos[t] = j;
              if (other[j] !== doc) return;
            }
            docs.push(doc);
          });
          return filtered(docs, options.filters || {}).then(function (docs) {
            var scores = estimates(docs, byTerm);
            if (scores.units <= FIRST) {
              return Promise.all(docs.map(function (doc) { return verifyAll(doc, terms, byTerm); })).then(function (checked) {
                var results = rank(checked.filter(Boolean), knownDocs, options.sort);
                return cursor(terms, results, true, null);
              });
            }
            var ranked = rankDocs(docs, scores, knownDocs, options.sort);
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
        var out = [], budget = 4 * n, round = 0; // candidates checked for one page at most: the rest waits
        function more() {
          if (out.length >= n || position >= ranked.length || budget <= 0) return Promise.resolve(out);
          // As many candidates as the page still lacks, checked at once (one round for most pages); twice as
          // many each round after one that had candidates rejected.
          var batch = ranked.slice(position, position + Math.min((n - out.length) << round++, budget));
          position += batch.length;
          budget -= batch.length;
          return Promise.all(batch.map(function (doc) { return verifyLazy(doc, terms, byTerm); })).then(function (checked) {
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

    function href(result) {
      var path = result.meta[0] + (headData.urls === "dir" ? "/" : ".html");
      return new URL(path + (result.anchor ? "#" + result.anchor : ""), base).href;
    }

    return { head: head, search: search, href: href };
  }

  var main = engine(load);
  var search = main.search, href = main.href;

  // 预热 (warm-up): when the search box opens, a throwaway engine runs a few queries over warm.js, a tiny
  // index of synthetic documents written by the site's own writer (gazette/build/search_warm.py), in memory,
  // while the reader types: the reader's first query then runs code already compiled and run once (a first
  // run in a fresh page costs several times a later one). One query per task, so typing is never held up;
  // a failure only loses the head start. It resolves to the result counts (tests), or null.
  var warming = null;
  function warm() {
    return load("warm").then(function (data) {
      var tiny = engine(function (name) {
        return name in data.files ? Promise.resolve(data.files[name]) : Promise.reject(new Error("warm: " + name));
      });
      var totals = [];
      return data.queries.reduce(function (done, query) {
        return done.then(function () {
          return new Promise(function (resolve) { setTimeout(resolve, 0); });
        }).then(function () {
          return tiny.search(query);
        }).then(function (found) {
          return found.next(FIRST).then(function () { totals.push(found.total); });
        });
      }, Promise.resolve()).then(function () { return totals; });
    }).catch(function () { return null; });
  }

  function head() {
    return main.head().then(function (data) {
      if (!warming) warming = warm();
      return data;
    });
  }

  window.gzSearch = { fold: fold, queryTerms: queryTerms, search: search, head: head, href: href, marks: marks,
                      warmed: function () { return warming; }, // the warm-up's result counts (null: none)
                      FIRST: FIRST };

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
  // Results per page: the first page lists `first` at once (each is a file to load); a result set of at most
  // `whole` is then completed at once; 显示更多, or the end of the list scrolling into view, adds `more`.
  // (Tests change them through gzSearch.pages to reach the later pages on a small site.)
  var pages = window.gzSearch.pages = { first: FIRST, whole: 20, more: 10 };
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
    // The next page comes by itself when the end of the list scrolls into view (the button stays for keys).
    if ("IntersectionObserver" in window) {
      var watch = new IntersectionObserver(function (entries) {
        if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
        watch.disconnect();
        if (li.isConnected && mine === generation) button.click();
      });
      watch.observe(button);
    }
  }

  // A page of results; a short result set's count is shown only when the list is whole.
  function show(search, mine, shownSoFar, first) {
    return search.next(first ? pages.first : pages.more).then(function (page) {
      if (mine !== generation) return;
      if (first) list.textContent = "";
      page.forEach(function (r) { list.appendChild(item(r, search.terms)); });
      shownSoFar += page.length;
      if (first && search.total <= pages.whole && shownSoFar < search.total) {
        return search.next(pages.whole).then(function (rest) {
          if (mine !== generation) return;
          rest.forEach(function (r) { list.appendChild(item(r, search.terms)); });
          done(search, mine, shownSoFar + rest.length);
        });
      }
      done(search, mine, shownSoFar);
    });
  }

  function done(search, mine, shownSoFar) {
    meta.textContent = count(search); // last: a finished count means the list is complete
    more(search, mine, shownSoFar);
    result.setAttribute("data-gz-done", mine); // for tests: which run the list shows
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

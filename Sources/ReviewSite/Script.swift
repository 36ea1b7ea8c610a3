/// The site's one script (`review.js`). It reads page data only through `JSON.parse` of the
/// data element's text and writes document strings only through `textContent` (never
/// `innerHTML`), so nothing from a document can become markup or code.
enum Script {
    static let source = #"""
"use strict";
(function () {
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  var SEV = { error: "错误", warning: "警告", info: "提示" };
  var SEVCLASS = { error: "e", warning: "w", info: "i" };

  // ---- index: filter and sort the report table ----
  function setupIndex() {
    var table = document.getElementById("reports");
    if (!table) return;
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var q = document.getElementById("q"), sev = document.getElementById("sev"), rule = document.getElementById("rule");
    var shown = document.getElementById("shown");
    function apply() {
      var text = q.value.trim().toLowerCase(), s = sev.value, r = rule.value, n = 0;
      rows.forEach(function (row) {
        var ok = true;
        if (text && row.textContent.toLowerCase().indexOf(text) < 0) ok = false;
        if (s === "e" && row.dataset.e === "0") ok = false;
        if (s === "w" && row.dataset.w === "0") ok = false;
        if (s === "clean" && (row.dataset.e !== "0" || row.dataset.w !== "0")) ok = false;
        if (r && row.dataset.rules.split(" ").indexOf(r) < 0) ok = false;
        row.hidden = !ok;
        if (ok) n++;
      });
      shown.textContent = n + " / " + rows.length;
      var state = [];
      if (text) state.push("q=" + encodeURIComponent(q.value.trim()));
      if (s) state.push("sev=" + s);
      if (r) state.push("rule=" + encodeURIComponent(r));
      history.replaceState(null, "", state.length ? "#" + state.join("&") : location.pathname);
      document.querySelectorAll(".collection li[data-rule]").forEach(function (li) {
        li.hidden = !!r && li.dataset.rule !== r;
      });
    }
    [q, sev, rule].forEach(function (c) { c.addEventListener("input", apply); });
    document.getElementById("filters").addEventListener("submit", function (e) { e.preventDefault(); });
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      th.querySelector("button").addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var numeric = th.dataset.t === "n";
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent, y = b.cells[col].textContent, c;
          if (numeric) c = (x === "" ? -1 : Number(x)) - (y === "" ? -1 : Number(y));
          else c = x.localeCompare(y, "zh-CN");
          return asc ? c : -c;
        });
        rows.forEach(function (row) { tbody.appendChild(row); });
      });
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "/" && document.activeElement !== q) { e.preventDefault(); q.focus(); return; }
      var a = document.activeElement;
      if ((e.key === "ArrowDown" || e.key === "ArrowUp") && a && a.closest && a.closest("#reports tbody")) {
        var visible = rows.filter(function (r) { return !r.hidden; });
        var i = visible.indexOf(a.closest("tr")) + (e.key === "ArrowDown" ? 1 : -1);
        if (i >= 0 && i < visible.length) { e.preventDefault(); visible[i].querySelector("a").focus(); }
      }
    });
    // The filters live in the address (#q=…&sev=e&rule=…), so a filtered view can be shared.
    location.hash.slice(1).split("&").forEach(function (pair) {
      var kv = pair.split("="), v = decodeURIComponent(kv[1] || "");
      if (kv[0] === "q") q.value = v;
      if (kv[0] === "sev") sev.value = v;
      if (kv[0] === "rule") rule.value = v;
    });
    apply();
  }

  // ---- report: select a cell, show its findings and source ----
  function setupReport() {
    var dataNode = document.getElementById("data");
    if (!dataNode) return;
    var data = JSON.parse(dataNode.textContent);
    var lines = data.lines || {};
    // A cell's compact data (PageData) as the detail panel reads it: raw, the location's
    // keys of spec §9, inferred/inference/from, hl, window.
    function at(o, l) {
      if (!l) return o;
      if (data.k === "docx") { o.part = data.parts[l[0]]; o.table = l[1]; o.row = l[2]; o.cell = l[3]; }
      else if (data.k === "html") { o.table = l[0]; o.row = l[1]; o.cell = l[2]; o.line = l[3]; }
      else if (data.k === "text") { o.line = l[0]; o.columns = [l[1], l[2]]; }
      else if (data.k === "pdf") { o.page = l[0]; o.box = l.slice(1); }
      return o;
    }
    function expand(c) {
      var o = {};
      if (!c) return o;
      if (c.f) o.f = c.f;
      if (c.r !== undefined) o.raw = c.r;
      at(o, c.l);
      if (c.i) {
        o.inferred = true;
        o.inference = c.i;
        o.from = (c.o || []).map(function (x) { return typeof x === "string" ? { path: x } : at({ raw: x[0] }, x[1]); });
      }
      if (c.h) o.hl = c.h;
      if (c.w !== undefined) o.window = c.w;
      if (c.c) o.crop = c.c;
      return o;
    }
    // A value cell's path is its row's data-r and the field its data-f indexes in data.fields;
    // data.cells is in cell order.
    var cells = Array.prototype.slice.call(document.querySelectorAll("td[data-f]"));
    cells.forEach(function (td, i) {
      td.dataset.p = td.parentElement.dataset.r + "." + data.fields[Number(td.dataset.f)];
      td.dataset.i = i;
      td.tabIndex = i === 0 ? 0 : -1;
    });
    var detail = document.getElementById("detail");
    var current = null;
    var HOW = { rowPosition: "行无可识别标签，按位置归入", arithmetic: "按表格勾稽关系选定读法",
      digitSplit: "连在一起的数字按勾稽关系拆分", unitOfAmount: "取自金额单元格的单位" };

    function where(s) {
      if (s.part !== undefined) return s.part + "：第 " + (s.table + 1) + " 个表格，第 " + (s.row + 1) + " 行，第 " + (s.cell + 1) + " 格";
      if (s.page !== undefined) return "第 " + s.page + " 页，区域 [" + s.box.join(", ") + "]（点，自页面左上角）";
      if (s.columns !== undefined) return "第 " + s.line + " 行，第 " + (s.columns[0] + 1) + (s.columns[1] > s.columns[0] + 1 ? "–" + s.columns[1] : "") + " 列";
      if (s.table !== undefined) return "第 " + (s.table + 1) + " 个表格，第 " + (s.row + 1) + " 行，第 " + (s.cell + 1) + " 格（源代码第 " + s.line + " 行）";
      return null;
    }

    // A shared line cut to 160 UTF-16 units: around the highlight h (moved with it), else its start.
    function cut(text, h) {
      var max = 160;
      if (text.length <= max) return [text, h];
      var start = Math.max(0, Math.min((h ? h[0] : 0) - max / 2, text.length - max)), end = start + max;
      if (/[\udc00-\udfff]/.test(text.charAt(start))) start++;
      if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end--;
      var pre = start > 0 ? "…" : "", out = pre + text.slice(start, end) + (end < text.length ? "…" : "");
      return [out, h && h[0] >= start && h[1] <= end ? [h[0] - start + pre.length, h[1] - start + pre.length] : null];
    }

    function sourceLines(info) {
      var box = el("pre", "src");
      if (info.line === undefined) return null;
      var hl = info.hl || (info.window === undefined ? info.columns : undefined);
      for (var n = info.line - 2; n <= info.line + 2; n++) {
        var own = n === info.line, text = own && info.window !== undefined ? info.window : lines[String(n)];
        if (text === undefined) continue;
        if (!(own && info.window !== undefined)) {
          var c = cut(text, own ? hl : null);
          text = c[0];
          if (own) hl = c[1];
        }
        var line = el("span", own ? "ln own" : "ln");
        line.appendChild(el("span", "no", n));
        if (own && hl) {
          line.appendChild(document.createTextNode(text.slice(0, hl[0])));
          line.appendChild(el("mark", null, text.slice(hl[0], hl[1])));
          line.appendChild(document.createTextNode(text.slice(hl[1])));
        } else {
          line.appendChild(document.createTextNode(text));
        }
        box.appendChild(line);
        box.appendChild(document.createTextNode("\n"));
      }
      return box;
    }

    // An image of the page around a cell (c.s, showing the region c.b in points) with the
    // cell's box drawn on it.
    function crop(c, box) {
      var ns = "http://www.w3.org/2000/svg", b = c.b;
      var svg = document.createElementNS(ns, "svg");
      svg.setAttribute("viewBox", [b[0], b[1], b[2] - b[0], b[3] - b[1]].join(" "));
      svg.setAttribute("class", "crop");
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", "原页面中此单元格周围的区域");
      var img = document.createElementNS(ns, "image");
      img.setAttribute("href", c.s);
      img.setAttribute("x", b[0]); img.setAttribute("y", b[1]);
      img.setAttribute("width", b[2] - b[0]); img.setAttribute("height", b[3] - b[1]);
      svg.appendChild(img);
      var r = document.createElementNS(ns, "rect");
      r.setAttribute("x", box[0]); r.setAttribute("y", box[1]);
      r.setAttribute("width", box[2] - box[0]); r.setAttribute("height", box[3] - box[1]);
      svg.appendChild(r);
      return svg;
    }

    function show(td) {
      var path = td.dataset.p, info = expand(data.cells[Number(td.dataset.i)]);
      detail.replaceChildren(el("h2", null, "单元格"));
      detail.appendChild(el("p", "path", path));
      var value = el("p", "value");
      value.appendChild(el("span", "k", "值 "));
      value.appendChild(el("strong", null, td.classList.contains("nil") ? "空（null）" : td.textContent));
      detail.appendChild(value);
      var list = el("ol", "findings");
      (info.f || []).forEach(function (i) {
        var f = data.findings[i], li = el("li", SEVCLASS[f.severity]);
        li.appendChild(el("span", "sev", SEV[f.severity]));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("code", null, f.rule));
        li.appendChild(document.createTextNode(" " + f.message));
        list.appendChild(li);
      });
      detail.appendChild(list.children.length ? list : el("p", "hint", "此单元格没有发现。"));
      if (info.raw !== undefined) {
        var raw = el("p", "raw");
        raw.appendChild(el("span", "k", "原文 "));
        raw.appendChild(el("q", null, info.raw));
        detail.appendChild(raw);
      }
      var place = where(info);
      if (place) detail.appendChild(el("p", "where", "位置：" + place));
      if (info.inferred) {
        detail.appendChild(el("p", "from", "推断：" + (HOW[info.inference] || info.inference) + "。依据："));
        var from = el("ul", "from");
        (info.from || []).forEach(function (f) {
          from.appendChild(el("li", null, f.path !== undefined ? f.path : "「" + f.raw + "」 " + (where(f) || "")));
        });
        detail.appendChild(from);
      }
      if (info.crop && info.box) detail.appendChild(crop(info.crop, info.box));
      else if (info.box) detail.appendChild(el("p", "hint", info.f ? "没有页面图像（报告读自 JSON/XML，或页面无法渲染）。" : "页面图像只为有发现的单元格生成。"));
      var context = sourceLines(info);
      if (context) detail.appendChild(context);
      if (info.raw === undefined && !info.inferred) detail.appendChild(el("p", "hint", "没有来源信息（用 --provenance 生成的报告才有）。"));
    }

    function select(td, focus) {
      if (current) current.classList.remove("sel");
      if (current) current.tabIndex = -1;
      current = td;
      td.classList.add("sel");
      td.tabIndex = 0;
      if (focus) td.focus();
      show(td);
      history.replaceState(null, "", "#" + encodeURIComponent(td.dataset.p));
    }

    function neighbour(td, dr) {
      var row = td.parentElement;
      var rect = td.getBoundingClientRect(), centre = rect.left + rect.width / 2;
      for (row = dr > 0 ? row.nextElementSibling : row.previousElementSibling; row;
           row = dr > 0 ? row.nextElementSibling : row.previousElementSibling) {
        var candidates = row.querySelectorAll("td[data-p]");
        if (!candidates.length) continue;
        var best = null, distance = Infinity;
        candidates.forEach(function (c) {
          var r = c.getBoundingClientRect(), d = Math.abs(r.left + r.width / 2 - centre);
          if (d < distance) { distance = d; best = c; }
        });
        return best;
      }
      return null;
    }

    cells.forEach(function (td) {
      td.addEventListener("click", function () { select(td, true); });
    });
    document.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      var a = document.activeElement, inCell = a && a.matches && a.matches("td[data-p]"), next = null;
      if (inCell && e.key === "ArrowRight") next = a.nextElementSibling && a.nextElementSibling.matches("td[data-p]") ? a.nextElementSibling : null;
      if (inCell && e.key === "ArrowLeft") next = a.previousElementSibling && a.previousElementSibling.matches("td[data-p]") ? a.previousElementSibling : null;
      if (inCell && e.key === "ArrowDown") next = neighbour(a, 1);
      if (inCell && e.key === "ArrowUp") next = neighbour(a, -1);
      if (inCell && e.key === "Enter") next = a;
      if ((e.key === "n" || e.key === "p") && !(a && a.matches && a.matches("input, select, textarea"))) {
        var flagged = cells.filter(function (c) { return c.matches(".e,.w,.i"); });
        var i = current ? flagged.indexOf(current) : -1;
        var k = flagged.length;
        if (k) next = flagged[e.key === "n" ? (i + 1) % k : (i < 0 ? k - 1 : (i - 1 + k) % k)];
      }
      if (e.key === "Escape" && current) {
        current.classList.remove("sel");
        current = null;
        detail.replaceChildren(el("h2", null, "单元格"), el("p", "hint", "选择一个单元格，查看其发现、原文和来源位置。"));
      }
      if (next) { e.preventDefault(); select(next, true); }
    });
    document.querySelectorAll("button.go").forEach(function (b) {
      b.addEventListener("click", function () {
        var p = b.dataset.p, td = cells.find(function (c) { return c.dataset.p === p; }) ||
          cells.find(function (c) { return c.dataset.p.indexOf(p + ".") === 0; });
        if (td) select(td, true);
      });
    });
    document.querySelectorAll("mark[data-f]").forEach(function (m) {
      m.addEventListener("click", function () {
        var li = document.getElementById("f" + m.dataset.f);
        if (li) { li.scrollIntoView({ block: "center" }); li.classList.add("flash"); }
      });
    });
    var hash = decodeURIComponent(location.hash.slice(1));
    var initial = hash && cells.find(function (c) { return c.dataset.p === hash; });
    if (initial) select(initial, false);
  }

  function start() { setupIndex(); setupReport(); document.documentElement.classList.add("js"); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
"""#
}

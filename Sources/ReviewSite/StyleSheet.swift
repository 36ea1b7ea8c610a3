/// The site's style sheet (`review.css`): system CJK fonts through font stacks (no web fonts),
/// severity colours that also differ in pattern for print, and print styles.
enum StyleSheet {
    static let source = #"""
:root {
  --ink: #1d2330; --muted: #5b6477; --line: #c9cfda; --head: #eef1f6; --bg: #fbfbfd;
  --e: #b3261e; --e-bg: #fde3e1; --w: #8a5a00; --w-bg: #fff1c7; --i: #1f5f9e; --i-bg: #e3effc; --sel: #2f6fde;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "WenQuanYi Micro Hei", "Noto Sans SC", sans-serif;
  color: var(--ink); background: var(--bg); line-height: 1.6;
}
body { margin: 0 auto; max-width: 1500px; padding: 0 20px 40px; font-size: 15px; }
h1 { font-size: 1.5rem; margin: 0.6em 0 0.3em; font-weight: 700; letter-spacing: 0.02em; }
h2 { font-size: 1.15rem; margin: 1.4em 0 0.5em; border-bottom: 1px solid var(--line); padding-bottom: 0.2em; }
h3 { font-size: 1rem; margin: 1.2em 0 0.3em; }
a { color: #1a4fa0; }
code, .path, .src { font-family: "Noto Sans Mono CJK SC", "Sarasa Mono SC", ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.86em; }
nav.top { padding: 10px 0; border-bottom: 1px solid var(--line); display: flex; gap: 0.5em; align-items: baseline; flex-wrap: wrap; }
nav.top .keys { margin-left: auto; color: var(--muted); font-size: 0.82em; }
dl.meta { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 0.4em 0; }
dl.meta div { display: flex; gap: 6px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
.none { color: var(--muted); }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 0.85em; border: 1px solid; }
.badge.e { color: var(--e); background: var(--e-bg); }
.badge.w { color: var(--w); background: var(--w-bg); }
.badge.i { color: var(--i); background: var(--i-bg); }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 360px; gap: 24px; align-items: start; }
aside#detail { position: sticky; top: 12px; border: 1px solid var(--line); border-radius: 6px; background: #fff;
  padding: 4px 14px 12px; max-height: calc(100vh - 24px); overflow: auto; }
aside#detail h2 { margin-top: 0.6em; }
aside .hint { color: var(--muted); }
aside .value strong { font-size: 1.3em; }
aside .k { color: var(--muted); }
aside q { font-family: inherit; background: #f3f0e6; padding: 0 4px; quotes: "「" "」"; }
aside pre.src { background: #f6f7f9; border: 1px solid var(--line); padding: 6px; overflow-x: auto; font-size: 0.8em;
  white-space: pre; line-height: 1.5; }
aside pre.src .no { display: inline-block; min-width: 3.5em; color: var(--muted); user-select: none; }
aside pre.src .own { background: #fff7d6; display: inline-block; min-width: 100%; }
aside pre.src mark { background: #ffd54a; }
svg.crop { width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
svg.crop rect { fill: none; stroke: var(--sel); stroke-width: 1.5; }
table { border-collapse: collapse; background: #fff; font-size: 0.9em; }
th, td { border: 1px solid var(--line); padding: 3px 6px; }
th { background: var(--head); font-weight: 500; text-align: left; }
thead th, .t4 th, .t3 tr:nth-child(-n+3) th, .t2 tr:not(.grp) th:not([scope]) { text-align: center; }
.t2 .grp th { background: #e2e7f0; font-weight: 700; }
.t3 th.note { font-weight: 400; font-size: 0.85em; color: var(--muted); }
section.table { overflow-x: auto; }
td[data-f] { text-align: right; font-variant-numeric: tabular-nums; min-width: 3.2em; cursor: pointer; }
td[data-f].nil::after { content: "空"; color: #a2a9b8; font-size: 0.85em; }
td[data-f]:focus { outline: none; }
td[data-f].sel { box-shadow: inset 0 0 0 2px var(--sel); }
td.e, th.e { background: var(--e-bg); color: var(--e); font-weight: 700; }
td.w, th.w { background: var(--w-bg); color: var(--w); }
td.i, th.i { background: var(--i-bg); }
.missing { color: var(--e); }
ol.findings { padding-left: 0; list-style: none; }
ol.findings li { padding: 3px 8px; border-left: 4px solid var(--line); margin: 3px 0; background: #fff; }
ol.findings li.e { border-left-color: var(--e); }
ol.findings li.w { border-left-color: var(--w); }
ol.findings li.i { border-left-color: var(--i); }
ol.findings li.flash { outline: 2px solid var(--sel); }
.sev { font-weight: 700; font-size: 0.85em; }
li.e .sev { color: var(--e); } li.w .sev { color: var(--w); } li.i .sev { color: var(--i); }
button.go { font: inherit; font-size: 0.85em; border: 1px solid var(--line); background: #f5f7fb; border-radius: 4px; cursor: pointer; }
.prose p { text-indent: 2em; margin: 0.4em 0; }
mark.w, mark.e { background: var(--w-bg); border-bottom: 2px solid var(--w); cursor: pointer; }
mark.e { background: var(--e-bg); border-bottom-color: var(--e); }
form.controls { display: flex; gap: 16px; flex-wrap: wrap; align-items: center; margin: 12px 0; }
form.controls input, form.controls select { font: inherit; padding: 2px 6px; }
table.reports { width: 100%; }
table.reports th button { font: inherit; font-weight: 700; border: 0; background: none; cursor: pointer; padding: 0; }
table.reports th[aria-sort="ascending"] button::after { content: " ▲"; }
table.reports th[aria-sort="descending"] button::after { content: " ▼"; }
table.reports td.n, table.years td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.reports tbody tr:hover { background: #f2f5fb; }
table.reports td.src { color: var(--muted); }
svg.chart { width: 100%; max-width: 900px; height: auto; background: #fff; border: 1px solid var(--line); }
svg.chart .grid { stroke: #e3e6ec; }
svg.chart .tick { font-size: 12px; fill: var(--muted); }
svg.chart .series polyline { fill: none; stroke-width: 2.5; }
svg.chart .s1 polyline, svg.chart .s1 .pt > * { stroke: #1f5f9e; } svg.chart .s1 .pt > * { fill: #1f5f9e; }
svg.chart .s2 polyline, svg.chart .s2 .pt > * { stroke: #2e7d32; } svg.chart .s2 .pt > * { fill: #2e7d32; }
svg.chart .s3 polyline, svg.chart .s3 .pt > * { stroke: #8e44ad; } svg.chart .s3 .pt > * { fill: #8e44ad; }
svg.chart .s2 polyline { stroke-dasharray: 7 4; } svg.chart .s3 polyline { stroke-dasharray: 2 3; }
svg.chart .legend text { font-size: 13px; fill: var(--ink); }
svg.chart .break line { stroke: var(--e); stroke-width: 2; stroke-dasharray: 5 4; }
svg.chart .break text { fill: var(--e); font-size: 12px; font-weight: 700; }
@media (max-width: 1000px) { .layout { grid-template-columns: 1fr; } aside#detail { position: static; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; background: #fff; }
  nav.top, form.controls, aside#detail, button.go { display: none; }
  .layout { display: block; }
  section.table { overflow: visible; break-inside: avoid; }
  table { font-size: 9pt; }
  td.e, td.w, td.i, th.e, th.w, mark, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  td.e { outline: 2px solid var(--e); outline-offset: -2px; }
  td.w { outline: 1px dashed var(--w); outline-offset: -2px; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""#
}

#include "html_assets.hpp"

namespace fincheck::engine::html {

// System fonts only: a font file would be fetched or bloat every page. The panel and the report
// scroll each in its own pane, so that the findings stay in view beside the report.
const char* const kReviewCss = R"CSS(:root{--error:#c62828;--error-bg:#fde4e4;--warning:#b26a00;--warning-bg:#fff1d6;--info:#1565c0;--info-bg:#e3effc;--evidence:#fff59d;--line:#d0d4da}
*{box-sizing:border-box}
html,body{height:100%}
body{display:flex;flex-direction:column;overflow:hidden;margin:0;font:14px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:#1f2328;background:#f6f7f9}
header#top{flex:0 0 auto;display:flex;flex-wrap:wrap;gap:.4em 1.5em;align-items:center;padding:.5em 1em;background:#24292f;color:#fff}
header#top a{color:#9ecbff}.tool{font-weight:600}.sha{opacity:.6;font-size:85%}
.count{display:inline-block;padding:0 .5em;border-radius:3px;font-weight:600;background:#444c56}
.count.sev-error{background:var(--error)}.count.sev-warning{background:var(--warning)}.count.sev-info{background:var(--info)}
#layout{flex:1;min-height:0;display:flex}
nav#panel{flex:0 0 30em;max-width:42vw;overflow:auto;padding:.5em 1em;background:#fff;border-right:1px solid var(--line)}
nav#panel h2{font-size:1.1em;margin:.3em 0}
#filters{display:flex;flex-wrap:wrap;gap:.3em .8em;align-items:center;margin-bottom:.5em}
#filters select{max-width:100%}
#findings{list-style:none;margin:0;padding:0}
li.finding{border-left:4px solid var(--sev);margin:.4em 0;padding:.3em .5em;background:#fafbfc;cursor:pointer}
li.finding.selected{background:var(--sev-bg);box-shadow:0 0 0 1px var(--sev)}
li.finding p{margin:.15em 0}.goto{text-decoration:none;color:inherit}
.sev{color:#fff;background:var(--sev);padding:0 .35em;border-radius:3px;font-size:85%}
.where{color:#57606a;font-size:90%}.values b{font-family:ui-monospace,monospace}.diff,.tol{color:#57606a}
.group{color:#57606a;font-size:90%}
.sev-error{--sev:var(--error);--sev-bg:var(--error-bg)}.sev-warning{--sev:var(--warning);--sev-bg:var(--warning-bg)}.sev-info{--sev:var(--info);--sev-bg:var(--info-bg)}
main#report{flex:1;min-width:0;overflow:auto;padding:1em 2em;background:#fff}
main h1{font-size:1.5em}main h2{font-size:1.25em;margin-top:1.5em}main h3{font-size:1.1em}main h4,main h5,main h6{font-size:1em}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em}dl.fields>div{display:grid;grid-template-columns:14em 1fr;gap:0 1em}dd{margin:0}
.toc ol{padding-left:1.5em}
p.block{margin:.5em 0;white-space:pre-wrap}
figure.table{margin:1.2em 0}figcaption{font-weight:600;margin-bottom:.3em}figcaption .sub{font-weight:400;color:#57606a}
.tid{color:#fff;background:#57606a;padding:0 .35em;border-radius:3px;font-size:85%}.code{color:#57606a;font-weight:400}
.scroll{overflow-x:auto}
table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid var(--line);padding:.15em .4em;vertical-align:top}
thead th{background:#f0f2f5;font-weight:600}tbody th{text-align:left;font-weight:400}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.level-total th,tr.level-total td,tr.level-subtotal th{font-weight:600}
.rc{color:#57606a;font-family:ui-monospace,monospace}.no{color:#8c959f;font-size:80%;margin-left:.3em}
.note{color:#57606a;font-size:90%}
.mark{background:var(--sev-bg);outline:2px solid var(--sev);outline-offset:-2px;cursor:pointer}
tr.mark>*{background:var(--sev-bg)}
span.mark{outline-offset:0}
.mark.muted{background:none;outline:none}
.evidence:not(.selected){background:var(--evidence)!important;outline:2px dashed #8d6e00;outline-offset:-2px}
.mark.selected{outline-width:3px;box-shadow:0 0 0 4px var(--sev-bg)}
.pg{font-size:75%;font-weight:400;margin-left:.3em;white-space:nowrap;color:#57606a}
a.pg{color:#0969da}
@media print{html,body{height:auto}body{display:block;overflow:visible}#layout{display:block}nav#panel,main#report{overflow:visible;max-width:none}}
)CSS";

// Selecting a finding (in the panel, or by clicking a mark) outlines its location and highlights
// its evidence; the filters hide findings and mute marks that only hidden findings have. With
// #fincheck-selfcheck in the address the page checks, for every finding, that its mark exists
// and is drawn, and writes one line per finding into <pre id="fc-selfcheck"> for the browser
// test (tests/html/).
const char* const kReviewJs = R"JS((function () {
  'use strict';
  var list = Array.prototype.slice.call(document.querySelectorAll('#findings > li.finding'));
  var marks = Array.prototype.slice.call(document.querySelectorAll('.mark'));
  function ids(text) { return text ? text.split(' ') : []; }
  function elements(text) {
    return ids(text).map(function (id) { return document.getElementById(id); }).filter(Boolean);
  }
  function clear() {
    document.querySelectorAll('.selected, .evidence').forEach(function (e) { e.classList.remove('selected', 'evidence'); });
  }
  function select(li, scroll) {
    clear();
    li.classList.add('selected');
    elements(li.dataset.evidence).forEach(function (e) { e.classList.add('evidence'); });
    var targets = elements(li.dataset.targets);
    targets.forEach(function (e) { e.classList.add('selected'); });
    if (scroll && targets.length) targets[0].scrollIntoView({block: 'center'});
  }
  list.forEach(function (li) {
    li.addEventListener('click', function (event) {
      if (event.target.closest('a.pg')) return;
      event.preventDefault();
      select(li, true);
    });
  });
  marks.forEach(function (mark) {
    mark.addEventListener('click', function (event) {
      if (event.target.closest('a')) return;
      event.stopPropagation();
      var own = ids(mark.dataset.findings).map(function (id) { return document.getElementById(id); })
        .filter(function (li) { return li && !li.hidden; });
      if (!own.length) return;
      // Clicking again steps through the findings this element carries.
      var current = own.findIndex(function (li) { return li.classList.contains('selected'); });
      var li = own[(current + 1) % own.length];
      select(li, false);
      li.scrollIntoView({block: 'nearest'});
    });
  });
  var filters = Array.prototype.slice.call(document.querySelectorAll('#filters input[data-severity]'));
  var rule = document.getElementById('rule-filter');
  function applyFilters() {
    var shown = {};
    filters.forEach(function (box) { shown[box.dataset.severity] = box.checked; });
    var wanted = rule ? rule.value : '';
    list.forEach(function (li) {
      li.hidden = !(shown[li.dataset.severity] && (!wanted || li.dataset.rule === wanted));
    });
    marks.forEach(function (mark) {
      var visible = ids(mark.dataset.findings).some(function (id) {
        var li = document.getElementById(id);
        return li && !li.hidden;
      });
      mark.classList.toggle('muted', !visible);
    });
  }
  filters.forEach(function (box) { box.addEventListener('change', applyFilters); });
  if (rule) rule.addEventListener('change', applyFilters);

  function drawn(e) {
    var box = e.getBoundingClientRect();
    var style = getComputedStyle(e);
    var painted = style.outlineStyle !== 'none' || style.backgroundColor !== 'rgba(0, 0, 0, 0)';
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && painted;
  }
  function field(value) { return (value || '').replace(/[\t\n\r]/g, ' '); }
  // Each severity box alone hides exactly the findings of that severity and mutes the marks
  // only they have; the rule list alone shows exactly that rule's findings. 'ok' or what failed.
  function checkFilters() {
    if (!list.length) return 'ok';
    function hiddenExactly(test) {
      return list.every(function (li) { return li.hidden === test(li); }) && marks.every(function (mark) {
        var shown = ids(mark.dataset.findings).some(function (id) { return !test(document.getElementById(id)); });
        return mark.classList.contains('muted') === !shown;
      });
    }
    var failed = [];
    filters.forEach(function (box) {
      box.checked = false;
      applyFilters();
      if (!hiddenExactly(function (li) { return li.dataset.severity === box.dataset.severity; })) failed.push(box.dataset.severity);
      box.checked = true;
    });
    var first = list[0].dataset.rule;
    rule.value = first;
    applyFilters();
    if (!hiddenExactly(function (li) { return li.dataset.rule !== first; })) failed.push('rule');
    rule.value = '';
    applyFilters();
    if (!hiddenExactly(function () { return false; })) failed.push('reset');
    return failed.length ? failed.join(' ') : 'ok';
  }
  function selfcheck() {
    var lines = [];
    list.forEach(function (li) {
      var wanted = ids(li.dataset.targets);
      var targets = elements(li.dataset.targets);
      var visible = targets.length === wanted.length && targets.length > 0 && targets.every(function (e) {
        return e.classList.contains('mark') && ids(e.dataset.findings).indexOf(li.id) >= 0 && drawn(e);
      });
      var first = targets[0] || document.body;
      var begin = '', end = '';
      targets.forEach(function (e) {
        if (e.dataset.begin === undefined) return;
        if (begin === '' || +e.dataset.begin < +begin) begin = e.dataset.begin;
        if (end === '' || +e.dataset.end > +end) end = e.dataset.end;
      });
      var evidenceWanted = ids(li.dataset.evidence).length;
      select(li, false);
      var highlighted = elements(li.dataset.evidence).filter(function (e) {
        return e.classList.contains('evidence') && getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)';
      }).length;
      lines.push([li.id, li.dataset.rule, visible ? 'visible' : 'missing', first.dataset.kind, first.dataset.table,
        first.dataset.row, first.dataset.column, first.dataset.section, first.dataset.block, begin, end,
        first.dataset.line, highlighted + '/' + evidenceWanted].map(field).join('\t'));
    });
    clear();
    var out = document.getElementById('fc-selfcheck');
    out.textContent = lines.join('\n');
    out.dataset.findings = String(list.length);
    out.dataset.filters = checkFilters();
    out.dataset.done = '1';
  }
  if (location.hash === '#fincheck-selfcheck') {
    selfcheck();
  } else if (/^#f[0-9]+$/.test(location.hash)) {
    // A link to one finding (review.html#f3) opens the page with it selected.
    var linked = document.getElementById(location.hash.slice(1));
    if (linked && linked.classList.contains('finding')) {
      select(linked, true);
      linked.scrollIntoView({block: 'nearest'});
    }
  }
})();
)JS";

}  // namespace fincheck::engine::html

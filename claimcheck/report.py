"""The HTML report: one self-contained page a journalist can read.

``render_html(analysis)`` writes one file with inline CSS and script and no
external resource (a Content-Security-Policy forbids the page any request):

- the contradictions ranked by score, each with both speakers, both claims in
  their sentence, the score, the kind (between sources or self-contradiction)
  and the reasons with their evidence words marked; a click scrolls to both
  claims in their articles;
- a filter by score and by source, and a source x source table of clashes;
- every article with its attributed claims highlighted, one colour per source
  (sources linked across documents by :func:`claimcheck.results.link_sources`),
  right-to-left scripts laid out right to left;
- the model, threshold, claimcheck version and time of the run.

Everything is rendered here, in Python; the script only filters and
highlights, so the page reads the same with scripts off.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from claimcheck.results import Analysis
from claimcheck.text.language import detect_language, normalize_lang
from claimcheck.types import Claim

RTL_LANGS = frozenset({"ar", "fa", "ur", "he", "ps", "ckb", "yi", "dv", "sd", "ug"})
CONTEXT_CHARS = 160
_QUOTED = re.compile(r"'([^']{1,60})'")
_SHARED = re.compile(r"shared: ([^)]*)\)")

_CSS = """
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --line: #dadce0; }
* { box-sizing: border-box; }
body { font: 15px/1.55 system-ui, "Segoe UI", "Noto Sans", "Noto Naskh Arabic", Tahoma,
       sans-serif; color: var(--ink); margin: 0; background: #fafafa; }
header, main { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 18px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); font-size: 13px; margin: 0; }
#controls { position: sticky; top: 0; background: #fafafa; padding: 10px 0;
            border-bottom: 1px solid var(--line); z-index: 2; display: flex; gap: 24px;
            flex-wrap: wrap; align-items: center; font-size: 14px; }
#clashes { list-style: none; padding: 0; margin: 0; }
.clash { background: #fff; border: 1px solid var(--line); border-radius: 8px;
         padding: 10px 14px; margin: 10px 0; cursor: pointer; }
.clash:hover { border-color: #8ab4f8; }
.clash[hidden] { display: none; }
.head { display: flex; gap: 12px; align-items: baseline; font-size: 13px; color: var(--muted); }
.score { font-weight: 700; color: #b3261e; font-size: 15px; }
.kind-self { color: #7b1fa2; font-weight: 600; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; margin-top: 6px; }
.side { border-inline-start: 4px solid var(--c, #ccc); padding-inline-start: 8px; }
.who { font-weight: 600; }
.doc { color: var(--muted); font-size: 12px; }
.said { background: var(--c, #eee); }
.reasons { font-size: 13px; color: var(--muted); margin-top: 6px; }
mark { background: #ffe082; padding: 0 1px; }
table { border-collapse: collapse; font-size: 13px; background: #fff; }
th, td { border: 1px solid var(--line); padding: 3px 7px; text-align: center; }
th { font-weight: 600; }
td.n { background: #fde2e1; font-weight: 600; }
.legend { display: flex; flex-wrap: wrap; gap: 6px; padding: 0; list-style: none; }
.legend li { background: var(--c); border-radius: 4px; padding: 1px 8px; font-size: 13px; }
article { background: #fff; border: 1px solid var(--line); border-radius: 8px;
          padding: 10px 16px; margin: 12px 0; }
article h3 { margin: 0 0 6px; font-size: 16px; }
article .body { white-space: pre-wrap; }
.claim { background: var(--c); border-radius: 3px; padding: 0 1px; }
.speaker { text-decoration: underline 2px; text-decoration-color: var(--c, #888); }
.focus { outline: 3px solid #1a73e8; outline-offset: 1px; }
.empty { color: var(--muted); }
"""

_SCRIPT = """
(function () {
  var clashes = Array.prototype.slice.call(document.querySelectorAll('#clashes .clash'));
  var range = document.getElementById('min-score');
  var shown = document.getElementById('min-score-value');
  var select = document.getElementById('source-filter');
  var count = document.getElementById('shown-count');
  function apply() {
    var min = parseFloat(range.value), source = select.value, n = 0;
    clashes.forEach(function (li) {
      var ok = parseFloat(li.dataset.score) >= min &&
        (!source || li.dataset.sources.split(' ').indexOf(source) >= 0);
      li.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = min.toFixed(2);
    count.textContent = n;
  }
  range.addEventListener('input', apply);
  select.addEventListener('change', apply);
  clashes.forEach(function (li) {
    li.addEventListener('click', function (event) {
      document.querySelectorAll('.focus').forEach(function (el) { el.classList.remove('focus'); });
      var a = document.getElementById(li.dataset.a), b = document.getElementById(li.dataset.b);
      [a, b].forEach(function (el) { if (el) { el.classList.add('focus'); } });
      if (a && event.target.tagName !== 'A') { a.scrollIntoView({block: 'center'}); }
    });
  });
  apply();
  window.addEventListener('load', function () {
    document.documentElement.dataset.loadedMs = Math.round(performance.now());
  });
})();
"""


def _e(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def _colour(index: int) -> str:
    """A light background colour per source, well spread around the hue circle."""
    return f"hsl({(index * 137.508) % 360:.0f} 75% 85%)"


def _dir(lang: str) -> str:
    """The writing direction of a normalised language code."""
    return "rtl" if lang in RTL_LANGS else "ltr"


def evidence_words(reason: str | None) -> list[str]:
    """The words a reason quotes as its evidence ('ليس', the shared words ...)."""
    if not reason:
        return []
    words = [w.strip() for w in _QUOTED.findall(reason)]
    for listed in _SHARED.findall(reason):
        words += [w.strip() for w in re.split(r"[,،]", listed)]
    return sorted({w for w in words if w}, key=len, reverse=True)


def _marked(text: str, words: Sequence[str]) -> str:
    """``text`` escaped, with every occurrence of ``words`` in <mark>."""
    if not words:
        return _e(text)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    out, last = [], 0
    for m in pattern.finditer(text):
        out += [_e(text[last:m.start()]), f"<mark>{_e(m.group())}</mark>"]
        last = m.end()
    out.append(_e(text[last:]))
    return "".join(out)


def _context(text: str, span: tuple[int, int]) -> tuple[str, str]:
    """Up to CONTEXT_CHARS of the claim's paragraph before and after it."""
    start, end = span
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - CONTEXT_CHARS):start]
    after = text[end:min(line_end, end + CONTEXT_CHARS)]
    return (("…" if start - CONTEXT_CHARS > line_start else "") + before,
            after + ("…" if end + CONTEXT_CHARS < line_end else ""))


def _document_body(text: str, claims: list[tuple[int, Claim, str | None]],
                   colours: dict[str | None, str]) -> str:
    """The article text with claims and speakers marked. Marks do not nest: a
    claim that overlaps one already marked gets an empty anchor where that one
    ends, so that every claim can still be scrolled to."""
    marks = []  # (start, end, order, opening tag, claim id or None)
    for i, claim, source in claims:
        style = f' style="--c:{colours.get(source, "#eee")}"'
        said = _e(f"{claim.speaker or 'the article'}" + (f" ({claim.cue})" if claim.cue else ""))
        marks.append((claim.span[0], claim.span[1], 0,
                      f'<span class="claim" id="c{i}" data-source="{source or ""}"{style} '
                      f'title="{said}">', f"c{i}"))
        if claim.speaker_span:
            marks.append((claim.speaker_span[0], claim.speaker_span[1], 1,
                          f'<span class="speaker"{style}>', None))
    marks.sort(key=lambda m: (m[0], -(m[1] - m[0]), m[2]))
    out, pos = [], 0
    for start, end, _, opening, ident in marks:
        if start < pos or not 0 <= start < end <= len(text):
            if ident:
                out.append(f'<a id="{ident}"></a>')
            continue
        out += [_e(text[pos:start]), opening, _e(text[start:end]), "</span>"]
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def render_html(analysis: Analysis, *, title: str = "claimcheck report") -> str:
    """The report page for ``analysis`` (see the module docstring)."""
    from claimcheck import __version__

    claims, sources, source_ids = analysis.claim_sources()
    index = {claim: i + 1 for i, claim in enumerate(claims)}
    by_claim = dict(zip(claims, source_ids))
    colours = {s.id: _colour(n) for n, s in enumerate(sources)}
    docs = {d.id: d for d in analysis.documents}
    doc_number = {d.id: n for n, d in enumerate(analysis.documents, 1)}

    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{_e(title)}</h1>",
        f'<p class="meta" id="run">{len(analysis.documents)} articles, {len(analysis.claims)} '
        f"attributed claims, {len(analysis.contradictions)} contradictions reported at "
        f"threshold {analysis.threshold:.2f} · model <code title=\"{_e(analysis.model)}\">"
        f"{_e(_shown_model(analysis.model))}"
        f"</code> · claimcheck {_e(__version__)} · run {_e(analysis.created)}</p></header>",
        "<main>",
        '<div id="controls"><label>minimum score <input type="range" id="min-score" '
        f'min="0" max="1" step="0.01" value="{analysis.threshold:.2f}"> '
        f'<span id="min-score-value">{analysis.threshold:.2f}</span></label>',
        '<label>source <select id="source-filter"><option value="">all sources</option>'
        + "".join(f'<option value="{s.id}">{_e(s.name)}</option>' for s in sources)
        + "</select></label>",
        f'<span><span id="shown-count">{len(analysis.contradictions)}</span> shown</span>'
        "</div>",
        "<section><h2>Contradictions</h2>",
    ]
    if not analysis.contradictions:
        parts.append('<p class="empty">No contradictions were reported.</p>')
    parts.append('<ol id="clashes">')
    for rank, c in enumerate(analysis.contradictions, 1):
        words = evidence_words(c.reason)
        ids = [f"c{index[c.claim_a]}", f"c{index[c.claim_b]}"]
        srcs = [by_claim.get(c.claim_a), by_claim.get(c.claim_b)]
        kind = ('<span class="kind-self">the source contradicts itself</span>'
                if c.kind == "self" else "between sources")
        parts.append(
            f'<li class="clash" id="x{rank}" data-score="{c.score:.4f}" '
            f'data-sources="{" ".join(s for s in srcs if s)}" data-a="{ids[0]}" '
            f'data-b="{ids[1]}"><div class="head"><span class="rank">#{rank}</span>'
            f'<span class="score">{c.score:.2f}</span><span>{kind}</span>'
            f"<span>NLI a→b {c.score_ab:.2f}, b→a {c.score_ba:.2f}</span></div>"
            '<div class="sides">')
        for claim, ident, source in zip((c.claim_a, c.claim_b), ids, srcs):
            doc = docs.get(claim.doc_id)
            before, after = _context(doc.text, claim.span) if doc else ("", "")
            parts.append(
                f'<div class="side" dir="auto" style="--c:{colours.get(source, "#ccc")}">'
                f'<div><span class="who">{_e(claim.speaker or "the article")}</span> '
                f'<span class="doc">{_e(claim.cue or "")} · '
                f'<a href="#{ident}">{_e(str(claim.doc_id))}</a></span></div>'
                f'<div class="quote" lang="{_e(claim.lang)}">{_e(before)}'
                f'<span class="said">{_marked(claim.text, words)}</span>{_e(after)}</div>'
                "</div>")
        parts.append("</div>")
        if c.reason:
            parts.append(f'<div class="reasons">{_marked(c.reason, words)}</div>')
        if c.repeats:
            links = ", ".join(f'<a href="#c{index[a]}">{_e(str(a.doc_id))}</a> / '
                              f'<a href="#c{index[b]}">{_e(str(b.doc_id))}</a>'
                              for a, b in c.repeats)
            parts.append(f'<div class="repeats">The same clash, word for word, also in: '
                         f"{links}</div>")
        parts.append("</li>")
    parts.append("</ol></section>")

    # Source x source table of clashes.
    pairs = Counter()
    for c in analysis.contradictions:
        a, b = by_claim.get(c.claim_a), by_claim.get(c.claim_b)
        if a and b:
            pairs[tuple(sorted((a, b)))] += 1
    involved = [s for s in sources if any(s.id in key for key in pairs)]
    parts.append("<section><h2>Clashes between sources</h2>")
    if involved:
        parts.append('<table id="matrix"><tr><th></th>'
                     + "".join(f'<th style="background:{colours[s.id]}">{_e(s.name)}</th>'
                               for s in involved) + "</tr>")
        for row in involved:
            cells = []
            for col in involved:
                n = pairs.get(tuple(sorted((row.id, col.id))), 0)
                cells.append(f'<td class="n">{n}</td>' if n else "<td></td>")
            parts.append(f'<tr><th style="background:{colours[row.id]}">{_e(row.name)}</th>'
                         + "".join(cells) + "</tr>")
        parts.append("</table>")
    else:
        parts.append('<p class="empty">None.</p>')
    parts.append("</section>")

    parts.append('<section><h2>Sources</h2><ul class="legend" id="legend">')
    counts = Counter(by_claim.get(c) for c in claims)
    for s in sources:
        parts.append(f'<li style="--c:{colours[s.id]}" data-source="{s.id}">{_e(s.name)} '
                     f"({counts[s.id]})</li>")
    parts.append("</ul></section>")

    parts.append("<section><h2>Articles</h2>")
    per_doc: dict[str | None, list[tuple[int, Claim, str | None]]] = defaultdict(list)
    for claim in claims:
        per_doc[claim.doc_id].append((index[claim], claim, by_claim.get(claim)))
    for doc in analysis.documents:
        heading = doc.title or doc.id or f"article {doc_number[doc.id]}"
        date = f' <span class="doc">{_e(doc.date)}</span>' if doc.date else ""
        lang = normalize_lang(doc.lang) or detect_language(doc.text)
        parts.append(
            f'<article id="doc-{doc_number[doc.id]}" lang="{_e(lang)}" dir="{_dir(lang)}">'
            f'<h3>{_e(heading)}{date} <span class="doc">{_e(str(doc.id))}</span></h3>'
            f'<div class="body">{_document_body(doc.text, per_doc.get(doc.id, []), colours)}'
            "</div></article>")
    parts.append("</section></main>")
    parts.append(f"<script>{_SCRIPT}</script></body></html>")
    return "\n".join(parts)


def _shown_model(model: str | None) -> str:
    """A model folder as the header shows it: its last two parts
    ("models/nli-e5-small"), the full path being in the tooltip."""
    if not model:
        return "in memory"
    return "/".join(Path(model).parts[-2:])


__all__ = ["RTL_LANGS", "evidence_words", "render_html"]

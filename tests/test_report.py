"""Results as data (JSON schema, CSV, JSON lines), the HTML report and the
command line's inputs and outputs, on hand-made claims (no model)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re

import pytest

from claimcheck.cli import main, read_articles
from claimcheck.report import evidence_words, render_html
from claimcheck.results import SCHEMA_VERSION, Analysis, link_sources, to_csv, to_jsonl
from claimcheck.types import Claim, Contradiction, Document

AR = "قال القائد إن النصر سيعلن خلال أسبوع.\nوقال الرئيس ترامب إن المنطقة استعيدت بالكامل."
EN = "The ministry said 37 people died. Police said 52 people were killed."


def _claim(doc: Document, text: str, speaker: str, lang: str) -> Claim:
    start = doc.text.index(text)
    s_start = doc.text.index(speaker)
    return Claim(text, (start, start + len(text)), speaker=speaker,
                 speaker_span=(s_start, s_start + len(speaker)), cue="said",
                 entity=speaker, lang=lang, doc_id=doc.id)


@pytest.fixture
def analysis() -> Analysis:
    ar = Document(AR, "seed.txt", "ar", "عنوان", "2019-03-20")
    en = Document(EN, "en.txt", "en")
    a = _claim(ar, "النصر سيعلن خلال أسبوع", "القائد", "ar")
    b = _claim(ar, "المنطقة استعيدت بالكامل", "الرئيس ترامب", "ar")
    c = _claim(en, "37 people died", "The ministry", "en")
    d = _claim(en, "52 people were killed", "Police", "en")
    found = [Contradiction(a, b, 0.93, 0.9, 0.95, "temporal: future 'سيعلن' vs completed "
                           "'استعيدت … بالكامل'", 0.8, ("temporal",)),
             Contradiction(c, d, 0.71, 0.6, 0.8, "numeric: 37 vs 52 (shared: people)", 0.7,
                           ("numeric",))]
    return Analysis((ar, en), (a, b, c, d), tuple(found), 0.41, "models/nli-e5-small",
                    "2026-12-04T23:00:00+00:00")


def test_json_schema_round_trips(analysis):
    data = json.loads(json.dumps(analysis.to_dict(), ensure_ascii=False))
    assert data["schema_version"] == SCHEMA_VERSION
    assert {"claimcheck_version", "created", "model", "threshold", "documents", "sources",
            "claims", "contradictions"} <= set(data)
    first = data["contradictions"][0]
    claims = {c["id"]: c for c in data["claims"]}
    assert claims[first["claim_a"]]["speaker"] == "القائد"
    assert claims[first["claim_b"]]["source"] != claims[first["claim_a"]]["source"]
    assert data["documents"][0]["date"] == "2019-03-20"
    back = Analysis.from_dict(data)
    assert back == analysis


def test_reading_results_of_another_schema_is_a_clear_error(analysis):
    data = analysis.to_dict()
    with pytest.raises(ValueError, match="schema version 99"):
        Analysis.from_dict({**data, "schema_version": 99})
    with pytest.raises(ValueError, match="schema_version"):
        Analysis.from_dict([1, 2])
    broken = {**data, "contradictions": [{"claim_a": "c1"}]}
    with pytest.raises(ValueError, match="missing a field"):
        Analysis.from_dict(broken)


def test_sources_are_linked_across_documents_by_name():
    one = Claim("x", (0, 1), speaker="President Trump", entity="President Trump", doc_id="a")
    two = Claim("y", (0, 1), speaker="president trump", entity="president trump", doc_id="b")
    other = Claim("z", (0, 1), speaker="Police", entity="Police", doc_id="b")
    unattributed = Claim("w", (0, 1), doc_id="b")
    sources, ids = link_sources([one, two, other, unattributed])
    assert ids == ["S1", "S1", "S2", None]
    assert [len(s.mentions) for s in sources] == [2, 1]


def test_csv_and_json_lines_have_one_row_per_contradiction(analysis):
    rows = list(csv.DictReader(io.StringIO(to_csv(analysis.contradictions))))
    assert [r["speaker_a"] for r in rows] == ["القائد", "The ministry"]
    assert rows[1]["claim_b"] == "52 people were killed" and rows[1]["reasons"] == "numeric"
    lines = [json.loads(line) for line in to_jsonl(analysis.contradictions).splitlines()]
    assert [r["rank"] for r in lines] == [1, 2] and lines[0]["doc_a"] == "seed.txt"


def test_html_report_is_self_contained_and_shows_each_clash(analysis):
    page = render_html(analysis)
    assert page.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    # nothing is fetched: no external address in any src or href
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    clash = page[page.index('id="x1"'):page.index('id="x2"')]
    assert "القائد" in clash and "الرئيس ترامب" in clash and "0.93" in clash
    assert "<mark>سيعلن</mark>" in clash  # the evidence word of the reason
    assert 'dir="rtl"' in page and 'lang="ar"' in page
    # every claim is highlighted in its article and can be scrolled to
    for i in range(1, 5):
        assert f'id="c{i}"' in page
    assert 'id="matrix"' in page and 'id="source-filter"' in page and 'id="min-score"' in page
    assert "models/nli-e5-small" in page and "2026-12-04T23:00:00+00:00" in page


def test_html_report_of_nothing_found_says_so():
    doc = Document("Nothing said here.", "a.txt", "en")
    page = render_html(Analysis((doc,), (), (), 0.41))
    assert "No contradictions were reported." in page


def test_overlapping_claims_keep_an_anchor_each():
    doc = Document("He said the bridge will reopen next week.", "a", "en")
    outer = Claim("the bridge will reopen next week", (8, 40), speaker="He",
                  speaker_span=(0, 2), lang="en", doc_id="a")
    inner = Claim("will reopen", (19, 30), speaker="He", lang="en", doc_id="a")
    page = render_html(Analysis((doc,), (outer, inner), (), 0.5))
    assert 'id="c1"' in page and 'id="c2"' in page


def test_evidence_words_come_from_the_reason():
    assert evidence_words("negation: B negates with 'not' (shared: bridge, open)") == [
        "bridge", "open", "not"]
    assert evidence_words(None) == []


def test_jsonl_corpus_fields_and_errors(tmp_path):
    corpus = tmp_path / "news.jsonl"
    rows = [{"body": "The minister said the bridge will reopen.", "uid": "n1", "language": "en",
             "published": "2025-01-02", "headline": "Bridge"},
            {"body": "Police said nobody was hurt."}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    fields = {"text": "body", "id": "uid", "lang": "language", "date": "published",
              "title": "headline"}
    docs = read_articles([str(corpus)], fields=fields)
    assert [(d.id, d.lang, d.date, d.title) for d in docs] == [
        ("n1", "en", "2025-01-02", "Bridge"), ("news.jsonl:2", None, None, None)]
    with pytest.raises(ValueError, match="--text-field"):
        read_articles([str(corpus)])  # no "text" field in these rows
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 2: not JSON"):
        read_articles([str(bad)])
    twice = tmp_path / "twice.jsonl"
    twice.write_text('{"text": "a", "id": "x"}\n{"text": "b", "id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="ids must be unique"):
        read_articles([str(twice)])


def test_report_command_turns_saved_json_into_html_and_csv(tmp_path, analysis, capsys):
    saved = tmp_path / "results.json"
    saved.write_text(json.dumps(analysis.to_dict(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["report", str(saved), "-o", str(out), "--quiet"]) == 0
    assert "الرئيس ترامب" in out.read_text(encoding="utf-8")
    assert main(["report", str(saved), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("rank,score,kind")
    assert main(["report", str(tmp_path / "none.json")]) == 2
    assert "no such file" in capsys.readouterr().err
    saved.write_text("{oops", encoding="utf-8")
    assert main(["report", str(saved)]) == 2
    assert "not JSON" in capsys.readouterr().err


def test_a_repeated_clash_is_shown_once_with_its_copies(analysis):
    en2 = Document(EN, "copy.txt", "en")
    c2 = _claim(en2, "37 people died", "The ministry", "en")
    d2 = _claim(en2, "52 people were killed", "Police", "en")
    first, second = analysis.contradictions
    folded = Analysis((*analysis.documents, en2), (*analysis.claims, c2, d2),
                      (first, dataclasses.replace(second, repeats=((c2, d2),))), 0.41)
    page = render_html(folded)
    clash = page[page.index('id="x2"'):]
    assert "also in" in clash and 'href="#c5"' in clash and "copy.txt" in clash
    assert [r["repeats"] for r in csv.DictReader(io.StringIO(to_csv(folded.contradictions)))] \
        == ["0", "1"]
    assert Analysis.from_dict(folded.to_dict()) == folded

"""The learned attribution tagger: windows, labels, decoding, linking, the
shipped model on sentences we wrote, and clear errors."""

from __future__ import annotations

import re
import shutil

import numpy as np
import pytest

from claimcheck.text.tagger import (
    DEFAULT_TAGGER_DIR,
    TAGS,
    AttributionTagger,
    TaggedSpan,
    bio_tags,
    choose_tags,
    decode,
    link,
    shipped_tagger,
    windows,
)


def _word_offsets(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def test_windows_cover_every_piece_once_and_respect_the_limit():
    text = "One two three. Four five six seven. Eight. " * 5 + "A very long sentence " * 6
    offsets = _word_offsets(text)
    for limit in (2, 5, 9, 1000):
        ranges = windows(text, offsets, limit)
        covered = [k for first, stop in ranges for k in range(first, stop)]
        assert covered == list(range(len(offsets)))
        assert all(0 < stop - first <= limit for first, stop in ranges)


def test_windows_end_at_sentence_boundaries_when_sentences_fit():
    text = "One two three. Four five six seven. Eight nine."
    offsets = _word_offsets(text)
    # 3 + 4 words do not fit in 6: the first window ends after "three."; 4 + 2 do.
    assert windows(text, offsets, 6) == [(0, 3), (3, 9)]
    assert windows(text, offsets, 5) == [(0, 3), (3, 7), (7, 9)]
    assert windows(text, [], 6) == []


def test_a_window_never_starts_inside_a_word_whose_piece_takes_in_the_newline():
    """XLM-R pieces may take in the whitespace before their word ("\nMcC" of
    "\n\nMcConnell"); the next window must start with that piece, not with
    "on" of "McConnell", which the tagger then reads as a word ("onnell and
    Ryan" was a speaker)."""
    text = "He said no.\n\nMcConnell and Ryan remain confident."
    start = text.index("McConnell")
    offsets = [(0, 2), (2, 7), (7, 10), (10, 11), (start - 1, start + 3), (start + 3, start + 5),
               (start + 5, start + 9), *[(m.start(), m.end()) for m in
                                         re.finditer(r"\S+", text[start + 9:])]]
    offsets[7:] = [(a + start + 9, b + start + 9) for a, b in offsets[7:]]
    assert windows(text, offsets, 8) == [(0, 4), (4, len(offsets))]


def test_bio_tags_lay_sources_and_cues_over_contents():
    text = "Officials said the road will reopen, he added."
    offsets = _word_offsets(text)
    relations = [
        {"Source": [(0, 9)], "Cue": [(10, 14)], "Content": [(15, 35)]},
        {"Source": [(37, 39)], "Cue": [(40, 46)], "Content": [(0, 35)]},
    ]
    tags = [TAGS[t] for t in bio_tags(offsets, relations)]
    # The longer content is laid first; the inner one overlaps it and is skipped,
    # then both sources and cues are laid on top.
    assert tags == ["B-SRC", "B-CUE", "B-CON", "I-CON", "I-CON", "I-CON", "B-SRC", "B-CUE"]


def test_decode_turns_runs_into_whole_word_spans():
    text = "The mayor said reporting went well."
    # Pieces: "The", " may", "or", " said", " report", "ing", " went", " well", "."
    offsets = [(0, 3), (3, 7), (7, 9), (9, 14), (14, 21), (21, 24), (24, 29), (29, 34),
               (34, 35)]
    names = ("B-SRC", "I-SRC", "O", "B-CUE", "B-CON", "O", "I-CON", "I-CON", "O")
    spans = decode(text, [TAGS.index(t) for t in names],
                   [0.9, 0.7, 0.1, 0.8, 0.6, 0.1, 0.5, 0.4, 0.99], offsets)
    # A word takes its first piece's tag: "mayor" stays in the source, "reporting"
    # in the content; spans leave out the space before them and the final stop.
    assert [(s.role, text[s.start:s.end]) for s in spans] == [
        ("source", "The mayor"), ("cue", "said"), ("content", "reporting went well")]
    assert spans[0].score == pytest.approx(0.8)


def test_choose_tags_takes_a_likely_cue_or_source_before_o_but_not_a_content():
    probs = np.array([
        [0.60, 0.0, 0.0, 0.40, 0.0, 0.0, 0.0],  # O 60%, B-CUE 40%: a cue
        [0.60, 0.40, 0.0, 0.0, 0.0, 0.0, 0.0],  # O 60%, B-SRC 40%: a source
        [0.80, 0.0, 0.0, 0.20, 0.0, 0.0, 0.0],  # O 80%, B-CUE 20%: no cue
        [0.60, 0.0, 0.0, 0.0, 0.0, 0.40, 0.0],  # O 60%, B-CON 40%: O (contents unbiased)
    ])
    tags, confidences = choose_tags(probs)
    assert [TAGS[t] for t in tags] == ["B-CUE", "B-SRC", "O", "O"]
    assert confidences == pytest.approx([0.40, 0.40, 0.80, 0.60])


def test_link_joins_content_cue_and_source_and_drops_cueless_content():
    text = "The mayor said the bridge would reopen. Far away, an old bridge reopened."
    spans = [
        TaggedSpan("source", 0, 9, 0.9), TaggedSpan("cue", 10, 14, 0.9),
        TaggedSpan("content", 15, 38, 0.9),
        TaggedSpan("content", 50, 72, 0.9),  # "an old bridge reopened": no cue within 20
    ]
    relations = link(text, spans, max_gap=20, merge_gap=0)
    assert [(r.source, r.cue, r.content) for r in relations] == [((0, 9), (10, 14), (15, 38))]


def test_link_merges_a_broken_content_and_drops_short_or_unsure_ones():
    text = "Officials said the road will reopen on Monday after repairs."
    spans = [
        TaggedSpan("source", 0, 9, 0.9), TaggedSpan("cue", 10, 14, 0.9),
        TaggedSpan("content", 15, 35, 0.9),  # "the road will reopen"
        TaggedSpan("content", 39, 59, 0.8),  # "Monday after repairs", one word later
    ]
    assert [r.content for r in link(text, spans)] == [(15, 59)]
    # Unmerged, the cue keeps one piece (the first of two as long).
    assert [r.content for r in link(text, spans, merge_gap=0)] == [(15, 35)]
    assert link(text, [*spans[:2], TaggedSpan("content", 15, 35, 0.4)]) == []  # unsure


def test_link_defaults_keep_three_words_and_merge_across_one_word_only():
    text = ("Officials said roads will reopen. Police said maybe later. "
            "Mayors said the bridge, for now, stays shut. Engineers said the road, again, "
            "reopens soon.")

    def span(role: str, words: str, after: int = 0) -> TaggedSpan:
        start = text.index(words, after)
        return TaggedSpan(role, start, start + len(words), 0.9)

    cues = [text.index("said", k) for k in (0, 40, 65, 110)]
    spans = [
        span("source", "Officials"), TaggedSpan("cue", cues[0], cues[0] + 4, 0.9),
        span("content", "roads will reopen"),  # three words: kept
        TaggedSpan("cue", cues[1], cues[1] + 4, 0.9),
        span("content", "maybe later"),  # two words: dropped
        TaggedSpan("cue", cues[2], cues[2] + 4, 0.9),
        span("content", "the bridge"), span("content", "stays shut"),  # two words apart
        TaggedSpan("cue", cues[3], cues[3] + 4, 0.9),
        span("content", "the road", cues[3]), span("content", "reopens soon"),  # one apart
    ]
    contents = [text[r.content[0]:r.content[1]] for r in link(text, spans)]
    assert contents == ["roads will reopen", "the road, again, reopens soon"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("The health minister said the new hospital would open in March.",
         "The health minister", "the new hospital would open in March"),
        ("Union leaders warned that the strike could last for weeks.",
         "Union leaders", "the strike could last for weeks"),
        ("\"We have no plans to raise taxes,\" the finance minister told reporters.",
         "the finance minister", "We have no plans to raise taxes"),
    ],
)
def test_shipped_tagger_finds_source_and_content(text, source, content):
    relations = link(text, shipped_tagger().tag(text))
    # PolNeAR's contents may keep the complementiser; extract_claims drops it.
    found = [(text[r.source[0]:r.source[1]] if r.source else None,
              text[r.content[0]:r.content[1]].removeprefix("that ")) for r in relations]
    assert (source, content) in found


@pytest.mark.slow
def test_shipped_tagger_finds_nothing_in_a_plain_statement():
    text = "The river rose by two metres overnight and flooded three villages."
    assert [s for s in shipped_tagger().tag(text) if s.role in ("source", "cue")] == []


def test_tag_rejects_non_text():
    tagger = AttributionTagger.__new__(AttributionTagger)
    with pytest.raises(TypeError, match="expects str"):
        tagger.tag(b"bytes")


def test_bad_settings_are_clear_errors():
    with pytest.raises(ValueError, match="precision"):
        AttributionTagger(None, None, precision="half")
    with pytest.raises(ValueError, match="window"):
        AttributionTagger(None, None, window=4096)


def test_missing_or_corrupt_tagger_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="train_tagger.py"):
        AttributionTagger.load(tmp_path / "nowhere")
    broken = tmp_path / "broken"
    shutil.copytree(DEFAULT_TAGGER_DIR, broken)
    (broken / "model.safetensors").write_bytes(b"not a safetensors file")
    with pytest.raises(ValueError, match="unreadable"):
        AttributionTagger.load(broken)


@pytest.mark.slow
def test_training_script_lowers_the_loss_resumes_and_saves_a_loadable_tagger(tmp_path):
    """scripts/train_tagger.py on a tiny PolNeAR-format fixture of our own."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    fixture = repo / "tests" / "fixtures" / "polnear_tiny"
    out = tmp_path / "tagger"
    command = [
        sys.executable, str(repo / "scripts" / "train_tagger.py"),
        "--train", str(fixture / "train"), "--dev", str(fixture / "dev"),
        "--output", str(out), "--trainable-layers", "1", "--epochs", "10",
        "--batch-size", "2", "--lr", "1e-3", "--head-lr", "1e-2", "--save-steps", "4",
        "--threads", "1",
    ]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    first = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    info = json.loads((out / "training.json").read_text())
    assert info["steps"] == 10
    losses = info["first_loss"]
    assert len(losses) == 10 and sum(losses[-3:]) < 0.8 * sum(losses[:3])
    assert "resumed" not in first.stderr
    assert info["dev_tagger_only"]["split"] == str(fixture / "dev")
    # Run again: it picks up the last checkpoint (step 8) instead of starting
    # over; with --no-dev it scores no split at the end.
    again = subprocess.run(command + ["--no-dev"], capture_output=True, text=True, env=env,
                           check=True)
    assert "resumed at step 8" in again.stderr
    assert json.loads((out / "training.json").read_text())["dev_tagger_only"] is None
    tagger = AttributionTagger.load(out)
    assert tagger.model.config.trainable_layers == 1
    text = "The minister said prices would fall next year."
    assert tagger.tag(text) == AttributionTagger.load(out).tag(text)
    # A 1-layer student of it, with the fixture's texts again as unlabelled
    # transfer text: twice the windows, and it saves a loadable tagger.
    student = tmp_path / "student"
    subprocess.run([
        sys.executable, str(repo / "scripts" / "train_tagger.py"),
        "--train", str(fixture / "train"), "--output", str(student), "--no-dev",
        "--layers", "1", "--trainable-layers", "1", "--teacher", str(out),
        "--transfer", str(fixture / "train" / "text"), "--epochs", "1", "--batch-size", "2",
        "--threads", "1"], capture_output=True, text=True, env=env, check=True)
    record = json.loads((student / "training.json").read_text())
    assert record["articles_windows"] == 2 * info["articles_windows"]
    assert record["transfer"] == str(fixture / "train" / "text")
    assert AttributionTagger.load(student).model.config.num_hidden_layers == 1


@pytest.mark.slow
def test_training_scripts_cached_layers_match_the_models_own_forward_pass():
    """train_tagger.py runs BERT's layers one by one with a mask it builds itself
    (no public API runs a slice of the layers); padded rows must still give the
    logits of the model's own forward pass, or training silently learns from
    wrong states after a transformers upgrade."""
    import importlib.util
    from pathlib import Path

    import torch

    script = Path(__file__).resolve().parents[1] / "scripts" / "train_tagger.py"
    spec = importlib.util.spec_from_file_location("train_tagger", script)
    train_tagger = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train_tagger)

    tagger = shipped_tagger()
    texts = ["The minister said prices would fall next year.",
             "وقال المتحدث إن الطريق سيفتح غدا."]
    data = [(tagger.pieces(t)[0], None) for t in texts]
    assert len(data[0][0]) != len(data[1][0])  # so that one row is padded
    first = tagger.first_trainable
    float32 = torch.autocast("cpu", enabled=False)
    states = train_tagger.frozen_states(tagger, data, first, float32)
    # frozen_states stores bfloat16, so the logits differ by rounding (0.005
    # here); without the padding mask the padded row is 0.1 off.
    with torch.inference_mode():
        cached = train_tagger.top_logits(tagger.model, states, first)
        inputs = tagger.batch([ids for ids, _ in data])
        full = tagger.model(**inputs).logits
    for row, (ids, _) in enumerate(data):
        n = len(ids) + 2
        assert torch.allclose(cached[row, :n], full[row, :n], atol=0.03), row
        assert torch.equal(cached[row, :n].argmax(-1), full[row, :n].argmax(-1))


@pytest.mark.slow
def test_tag_many_batches_texts_and_gives_each_its_own_spans():
    tagger = AttributionTagger.load(precision="float32")
    texts = ["The minister said prices would fall next year.", "",
             "Police said two people were hurt. " * 40,
             "“We will not leave,” the union leader told reporters on Monday."]
    alone = [tagger.tag(t) for t in texts]
    together = tagger.tag_many(texts, batch_size=3)

    def rounded(spans):
        return [(s.role, s.start, s.end, round(s.score, 3)) for s in spans]

    assert [rounded(s) for s in together] == [rounded(s) for s in alone]
    assert together[1] == [] and together[0]
    with pytest.raises(TypeError, match="list of str"):
        tagger.tag_many("one text")


@pytest.mark.slow
def test_a_prefetched_tagger_answers_from_memory_and_tags_anything_else():
    tagger = AttributionTagger.load(precision="float32")
    texts = ["The minister said prices would fall next year.", "Police said two were hurt."]
    view = tagger.prefetched(texts)
    assert view.model is tagger.model and tagger._known == {}
    assert [view.tag(t) for t in texts] == tagger.tag_many(texts)
    other = "The union leader told reporters the strike would go on."
    assert view.tag(other) == tagger.tag(other)


@pytest.mark.slow
def test_a_smaller_tagger_distilled_from_the_shipped_one_trains_and_reloads(tmp_path):
    """--layers keeps e5-small's lowest layers; --teacher adds the
    distillation loss; the saved student reloads with only its layers."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    fixture = repo / "tests" / "fixtures" / "polnear_tiny"
    out = tmp_path / "student"
    subprocess.run([
        sys.executable, str(repo / "scripts" / "train_tagger.py"),
        "--train", str(fixture / "train"), "--dev", str(fixture / "dev"),
        "--output", str(out), "--layers", "2", "--trainable-layers", "2",
        "--teacher", str(repo / "models" / "attribution-tagger"), "--epochs", "10",
        "--batch-size", "2", "--lr", "1e-3", "--head-lr", "1e-2", "--threads", "1",
    ], capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}, check=True)
    info = json.loads((out / "training.json").read_text())
    assert info["layers"] == 2 and info["teacher"] and info["distill_weight"] == 0.5
    losses = info["first_loss"]
    assert sum(losses[-3:]) < 0.8 * sum(losses[:3])
    student = AttributionTagger.load(out)
    assert len(student.model.bert.encoder.layer) == 2
    text = "The minister said prices would fall next year."
    assert student.tag(text) == AttributionTagger.load(out).tag(text)


def test_a_smaller_tagger_keeps_the_layers_it_is_given():
    with pytest.raises(ValueError, match="layers"):
        AttributionTagger.from_base(layers=0)
    with pytest.raises(ValueError, match="trainable_layers"):
        AttributionTagger.from_base(layers=2, trainable_layers=3)
    small = AttributionTagger.from_base(layers=2, trainable_layers=1)
    assert small.model.config.num_hidden_layers == 2 and small.first_trainable == 1


def test_the_shipped_tagger_reads_english_itself_and_hands_other_languages_on():
    from claimcheck.text.tagger import full_tagger

    tagger = shipped_tagger()
    assert len(tagger.model.bert.encoder.layer) == 6
    assert len(tagger.fallback.model.bert.encoder.layer) == 12
    english = "The minister said prices would fall next year."
    french = "Le ministre a déclaré que les prix baisseraient l'an prochain."
    together = tagger.tag_many([english, french])
    assert together[1] == full_tagger().tag(french)   # the 12-layer tagger's answer
    assert together[0] == tagger.tag(english)
    roles = {s.role for s in together[0]}
    assert roles == {"source", "cue", "content"}
    # A language the caller knows is taken as given: French said to be
    # English is read by the English tagger; None is detected as before.
    assert tagger.tag_many([english, french], langs=[None, "en"])[1] == tagger._tag_own(
        [french], 16, False)[0]
    assert tagger.tag_many([english, french], langs=["en", None]) == together
    with pytest.raises(ValueError, match="2 texts but 1 languages"):
        tagger.tag_many([english, french], langs=["en"])
    with pytest.raises(TypeError, match="fallback"):
        AttributionTagger(tagger.model, tagger.tokenizer, fallback="full")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Far from the capital, the Ohio governor is keeping to his stump speech, hoping to "
         "avoid any stumble before the vote.", "the Ohio governor", "hoping"),
        ("Mr. Okafor has raised doubts about the audit, falsely suggesting that the ministry "
         "had hidden the figures.", "Mr. Okafor", "suggesting"),
    ],
)
def test_a_rule_relation_without_a_source_takes_the_taggers_source(text, source, cue):
    from claimcheck.text.attribution import find_attributions

    def relation(tagger):
        [found] = [a for a in find_attributions(text, lang="en", tagger=tagger)
                   if text[a.cue_span[0]:a.cue_span[1]] == cue]
        return found

    assert relation(False).source_span is None  # the rules leave the subject implicit
    lent = relation(True)
    assert text[lent.source_span[0]:lent.source_span[1]] == source
    assert lent.speaker == source


def test_a_lent_source_must_be_written_before_the_cue_in_the_rules_sentence():
    from claimcheck.text.attribution.tagged import lend_sources
    from claimcheck.text.attribution.tokens import Match
    from claimcheck.text.normalize import normalize_for_matching
    from claimcheck.text.tagger import TaggedRelation

    text = "Earlier remarks. The senator spoke, saying the bill would pass."
    start = text.index("The")
    norm = normalize_for_matching(text[start:], start)
    cue = text.index("saying") - start
    content = (text.index("the bill") - start, len(text) - start - 1)

    def found():
        return [(1, norm, Match(None, (cue, cue + 6), content, region_start=cue), "en")]

    def tagged(source):
        return [TaggedRelation(source, (cue + start, cue + start + 6),
                               (content[0] + start, content[1] + start))]

    before = found()
    assert lend_sources(before, tagged((start, start + 11))) == before
    assert norm.text[slice(*before[0][2].source)] == "The senator"
    outside = found()  # "Earlier" lies in another sentence
    assert lend_sources(outside, tagged((0, 7))) == [] and outside[0][2].source is None
    after = found()  # a "source" after the cue is no subject
    end = len(text) - 1
    assert lend_sources(after, tagged((end - 4, end))) == [] and after[0][2].source is None
    holderless = [(1, norm, Match(None, (cue, cue + 6), content, region_start=cue,
                                  holderless=True), "en")]
    assert lend_sources(holderless, tagged((start, start + 11))) == []


@pytest.mark.slow
def test_a_student_can_start_from_chosen_layers_of_its_teacher():
    """train_tagger.py --init-layers: the student's layers and head start as
    the teacher's chosen layers and head, so a student of the teacher's
    layers 0..11 would tag as the teacher does; bad indices are refused."""
    import importlib.util
    from pathlib import Path

    import torch

    script = Path(__file__).resolve().parents[1] / "scripts" / "train_tagger.py"
    spec = importlib.util.spec_from_file_location("train_tagger", script)
    train_tagger = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train_tagger)

    teacher = AttributionTagger.load(precision="float32")
    student = AttributionTagger.from_base(layers=4, trainable_layers=4, precision="float32")
    train_tagger.init_from_teacher(student, teacher, [0, 4, 8, 11])
    for k, i in enumerate([0, 4, 8, 11]):
        mine = student.model.bert.encoder.layer[k].state_dict()
        theirs = teacher.model.bert.encoder.layer[i].state_dict()
        assert all(torch.equal(mine[name], theirs[name]) for name in theirs)
    assert torch.equal(student.model.classifier.weight, teacher.model.classifier.weight)

    whole = AttributionTagger.from_base(layers=12, trainable_layers=12, precision="float32")
    train_tagger.init_from_teacher(whole, teacher, list(range(12)))
    text = "The minister said prices would fall next year."
    assert whole.tag(text) == teacher.tag(text)

    for bad in ([0, 4, 8], [0, 4, 8, 12], [4, 0, 8, 11], [0, 0, 8, 11]):
        with pytest.raises(ValueError):
            train_tagger.init_from_teacher(student, teacher, bad)

"""Tests for claimcheck.text.sentences and claimcheck.text.language."""

from __future__ import annotations

import pytest

from claimcheck.text import detect_language, split_sentences
from claimcheck.text.sentences import MAX_SENTENCE_CHARS


def _covers_every_character(text: str) -> None:
    sentences = split_sentences(text)
    owner = [0] * len(text)
    for sentence in sentences:
        start, end = sentence.span
        assert text[start:end] == sentence.text
        for i in range(start, end):
            owner[i] += 1
    for i, char in enumerate(text):
        if not char.isspace():
            assert owner[i] == 1, f"character {i} ({char!r}) lies in {owner[i]} sentences"


def test_english_abbreviations_and_numbers_do_not_split() -> None:
    text = "Mr. Hale paid $2,000 for 14.5 acres. Dr. Ames said no. The U.S. Army agreed."
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Hale paid $2,000 for 14.5 acres.",
        "Dr. Ames said no.",
        "The U.S. Army agreed.",
    ]


def test_ambiguous_abbreviation_at_sentence_end() -> None:
    text = "The talks were held in the U.S. The next round is in May."
    assert len(split_sentences(text)) == 2


def test_quote_stays_with_its_sentence() -> None:
    text = 'She shouted "Stop!" and left. "Why?" he asked. Nobody answered.'
    assert [s.text for s in split_sentences(text)] == [
        'She shouted "Stop!" and left.',
        '"Why?" he asked.',
        "Nobody answered.",
    ]


def test_arabic_punctuation() -> None:
    text = "قال الوزير إن الاتفاق قريب، وإن المحادثات مستمرة؛ هل ينجح؟ لا أحد يعرف."
    assert [s.text for s in split_sentences(text)] == [
        "قال الوزير إن الاتفاق قريب، وإن المحادثات مستمرة؛ هل ينجح؟",
        "لا أحد يعرف.",
    ]


def test_an_arabic_site_name_keeps_its_period_but_a_missing_space_still_breaks() -> None:
    text = 'وقال المدرب لـ"الرياضة.نت" إن الفريق جاهز.وغادر اللاعبون الملعب.'
    assert [s.text for s in split_sentences(text)] == [
        'وقال المدرب لـ"الرياضة.نت" إن الفريق جاهز.',
        "وغادر اللاعبون الملعب.",
    ]


def test_newline_is_a_hard_break() -> None:
    text = "عنوان بلا نقطة\nوقال المتحدث إن الوضع هادئ."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["عنوان بلا نقطة", "وقال المتحدث إن الوضع هادئ."]
    assert sentences[1].span == (15, len(text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "no punctuation at all in this line of text",
        "«اقتباس» ثم \"آخر\" ... ثم؟؟ ثم!!",
        "\u200fقال المتحدث\u200f إن الوضعـــ هادئ. &quot;Yes&quot; he said&amp;left.",
        "Mixed نص عربي and English. Next. ٢٠١٩ 2,000 14.5.",
        "Текст на русском. Второе предложение!",
        "a.b.c. d. e? f! \n\n g",
    ],
)
def test_no_text_is_lost(text: str) -> None:
    _covers_every_character(text)


def test_large_input_is_complete() -> None:
    text = ("The minister said the plan, worth $2,000, was fine. وقال المتحدث إن الوضع هادئ.\n"
            * 12_000)
    sentences = split_sentences(text)
    assert len(sentences) == 24_000


def test_type_error_names_the_fix() -> None:
    with pytest.raises(TypeError, match="decode"):
        split_sentences(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("قال المتحدث إن المحادثات ستستمر", "ar"),
        ("The spokesman said the talks would continue.", "en"),
        ("Le ministre a dit que les négociations sont dans une impasse pour le moment.", "fr"),
        ("Министр сказал, что переговоры продолжатся.", "ru"),
        ("Путин сказал", "ru"),
        # more Latin letters than Chinese characters, but a Chinese sentence
        ("White House发言人Sarah Sanders说，会谈将继续。", "zh"),
        ("گفت که مذاکرات ادامه پیدا می‌کند و کشور آماده است", "fa"),
        # Arabic typed on a Persian keyboard ("ی" and "ک" for "ي" and "ك")
        ("قال المتحدث باسم الحکومة إن المحادثات ستستمر فی الأیام المقبلة وإن الوفد سیعود", "ar"),
        ("قال مدير شركة گوگل في مصر إن الشركة ستفتح مكتبا", "ar"),
        ("وقال وزیر الخارجیة إن المحادثات ستستمر الأسبوع المقبل", "ar"),
        # ... while a Persian sentence with an Arabic loanword stays Persian
        ("این تصمیم تابع شرایط بازار است.", "fa"),
        ("این رویداد بر بازار نفت تأثیر داشته است.", "fa"),
        ("وی تأکید کرد که رأی مردم تأیید شده است", "fa"),
        # Latin-script languages that share function words ("la", "que") with
        # French or English, which the old function-word count got wrong:
        ("El ministro dijo el martes que la presa no se había roto y que no hubo "
         "víctimas.", "es"),
        ("O ministro disse na terça-feira que a barragem não se rompeu e que não "
         "houve vítimas.", "pt"),
        ("Bakan salı günü barajın yıkılmadığını ve kimsenin ölmediğini söyledi.", "tr"),
        ("Der Minister sagte am Dienstag, der Damm sei nicht gebrochen.", "de"),
        ("Bộ trưởng cho biết hôm thứ Ba rằng con đập không bị vỡ.", "vi"),
        ("Министърът каза във вторник, че язовирът не се е скъсал.", "bg"),
        # English stays English on short lines and with a foreign quotation.
        ("He had no experience.", "en"),
        ("Vitter demanded.", "en"),
        ('The mayor, who spoke in Spanish, said "no hay peligro" and that the dam was '
         "safe, adding that engineers had inspected it twice this week.", "en"),
        ("12345 !!!", "und"),
        ("", "und"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_detect_language_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        detect_language(42)  # type: ignore[arg-type]


def test_speech_tag_after_question_in_quotes_stays_with_the_quote() -> None:
    text = '"Is the road open?" Officer Brandt asked. "Not yet," she said. Rain fell.'
    assert [s.text for s in split_sentences(text)] == [
        '"Is the road open?" Officer Brandt asked.',
        '"Not yet," she said.',
        "Rain fell.",
    ]


def test_quoted_question_followed_by_a_new_sentence_still_splits() -> None:
    text = '"Is the road open?" Officer Brandt closed the gate.'
    assert [s.text for s in split_sentences(text)] == [
        '"Is the road open?"',
        "Officer Brandt closed the gate.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "the minister said the plan would work and " * 300,
        "وقال الوزير ان الخطة ستنجح وان المسؤولين يقولون " * 300,
        "Smith said so. " + "word " * 1000 + "x" * 5000 + " end.",
    ],
)
def test_run_without_sentence_end_is_cut_into_pieces(text: str) -> None:
    # A 12 KB "sentence" is text without punctuation: every step after the
    # splitter reads a sentence several times, so its length is capped.
    _covers_every_character(text)
    sentences = split_sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert len(sentences) >= len(text) // MAX_SENTENCE_CHARS
    for first, second in zip(sentences, sentences[1:]):
        gap = text[first.span[1]:second.span[0]]
        # Cut at a space, except inside a word longer than half the limit.
        assert gap.isspace() or (gap == "" and text[first.span[1] - 1] == "x")


def test_sentences_of_news_are_not_cut() -> None:
    sentence = (
        "The council, which met for six hours on Tuesday, said " + "the port, " * 150 + "was shut."
    )
    assert MAX_SENTENCE_CHARS // 2 < len(sentence) < MAX_SENTENCE_CHARS
    assert [s.text for s in split_sentences(sentence + " It reopened.")] == [
        sentence, "It reopened."
    ]


def test_a_speech_tag_that_opens_a_new_quotation_starts_a_sentence() -> None:
    text = 'Ruiz said, "The depot is closed." She added, "Buses will use the old station."'
    assert [s.text for s in split_sentences(text)] == [
        'Ruiz said, "The depot is closed."', 'She added, "Buses will use the old station."']
    # the same quotation going on, and a tag closing its quote, stay whole
    for whole in ('"We won." Ruiz said, "and we will win again."', '"Is it over?" Ruiz asked.'):
        assert [s.text for s in split_sentences(whole)] == [whole]


def test_a_straight_quote_closed_by_a_curly_one_ends_the_quotation() -> None:
    from claimcheck.text import extract_claims
    from claimcheck.text.attribution.quotes import QuotedRegions

    text = '"The depot will stay closed,” the mayor said. Buses run.'
    regions = QuotedRegions.of(text)
    assert regions.spans == ((1, text.index("”")),)
    assert [c.speaker for c in extract_claims(text, lang="en") if c.speaker] == ["the mayor"]


def test_a_quotation_reopened_in_a_run_on_paragraph_ends_where_it_reopens() -> None:
    # News reopens a quotation that runs on into the next paragraph without
    # closing it; with the paragraph break lost, the straight quote that
    # reopens it must not be read as its close, or everything after it is
    # taken for quoted words.
    from claimcheck.text import extract_claims
    from claimcheck.text.attribution.quotes import QuotedRegions

    text = ('She said: "The party has taken advice. "We would like you to reflect." '
            'Mr Hale said the law was clear. A spokesman said: "It is empty."')
    regions = QuotedRegions.of(text)
    assert not regions.holds(text.index("Mr Hale"))
    assert regions.holds(text.index("We would")) and regions.holds(text.index("It is"))
    said = [(c.speaker, c.text) for c in extract_claims(text, lang="en") if c.speaker]
    assert said == [("She", '"The party has taken advice'),
                    ("She", '"We would like you to reflect."'),
                    ("Mr Hale", "the law was clear"), ("A spokesman", '"It is empty."')]

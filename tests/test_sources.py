"""One source across documents (claimcheck.sources). Names are ours."""

from __future__ import annotations

import numpy as np
import pytest

from claimcheck.decision import same_source
from claimcheck.results import Analysis
from claimcheck.sources import link_sources, skeleton, vowel_skeleton
from claimcheck.text.lexicon_bodies import bare_kind, body_kinds
from claimcheck.text.speakers import name_core
from claimcheck.types import Claim, Document


def _claim(entity: str, doc: str, lang: str = "en", text: str = "x") -> Claim:
    return Claim(text, (0, len(text)), speaker=entity, speaker_span=(0, 1), entity=entity,
                 lang=lang, doc_id=doc)


@pytest.mark.parametrize(("a", "b"), [
    ("Trump", "ترامب"), ("Putin", "بوتين"), ("Erdogan", "أردوغان"), ("Macron", "ماكرون"),
])
def test_a_name_reads_alike_in_both_scripts(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(("a", "b", "linked"), [
    ("Donald Trump", "Trump", True),                              # last name
    ("Donald Trump", "ترامب", True),                              # transliteration
    ("water authority director Fahd al-Otaibi", "المهندس فهد العتيبي", True),
    ("Chief Executive Muhannad al-Azzawi", "مهند العزاوي", True),
    ("the interior ministry", "The Interior Ministry", True),     # folded words
    ("Budi", "Budi Santoso", True),                                # first name alone
    ("سكانا في حي النخيل", "سكان في حي النخيل", True),            # case ending
    ("Donald Trump", "Hillary Clinton", False),
    ("Bank of Corvania", "Tomas Richter", False),
    ("وزارة الزراعة", "الزراعة", False),
    ("the interior ministry", "the health ministry", False),
])
def test_sources_linked_across_documents(a: str, b: str, linked: bool) -> None:
    lang_b = "ar" if any("\u0600" <= ch <= "\u06ff" for ch in b) else "en"
    ca, cb = link_sources([_claim(a, "d1"), _claim(b, "d2", lang_b)])
    assert (ca.source == cb.source) is linked
    assert same_source(ca, cb) is linked


def test_two_sources_of_one_document_are_never_merged() -> None:
    # The speaker linker keeps them apart in d1; "Trump" in d2 may join one.
    a, b, c = link_sources([_claim("Donald Trump", "d1"), _claim("Ivana Trump", "d1"),
                            _claim("Trump", "d2")])
    assert a.source != b.source
    assert c.source in {a.source, b.source}


def test_the_key_is_the_fullest_name_and_unattributed_claims_keep_none() -> None:
    plain = Claim("the river rose", (0, 14), lang="en", doc_id="d1")
    out = link_sources([_claim("Trump", "d1"), plain, _claim("President Donald Trump", "d2")])
    assert [c.source for c in out] == ["President Donald Trump", None, "President Donald Trump"]
    assert out[1] == plain


def _embedder(vectors: dict[str, np.ndarray]):
    """An ``embed`` for link_sources that looks the names up in ``vectors``."""
    def embed(names):
        return np.stack([vectors[n] for n in names])
    return embed


def test_an_encoder_links_descriptions_across_languages() -> None:
    embed = _embedder({"وزارة الداخلية": np.array([1.0, 0.0]), "the interior ministry":
                       np.array([0.96, 0.28]), "the health ministry": np.array([0.6, 0.8])})
    claims = [_claim("وزارة الداخلية", "d1", "ar"), _claim("the interior ministry", "d2"),
              _claim("the health ministry", "d2")]
    linked = link_sources(claims, embed=embed)
    assert linked[0].source == linked[1].source != linked[2].source
    assert len({c.source for c in link_sources(claims)}) == 3  # no encoder, no link


def test_mutual_nearest_names_link_below_the_plain_floor() -> None:
    # cosines 0.87 and 0.86 (below 0.90, above 0.85), unit vectors in 3-D
    def unit(*xs):
        v = np.array(xs, dtype=float)
        return v / np.linalg.norm(v)

    embed = _embedder({"الدفاع المدني": unit(1.0, 0.0, 0.0),
                       "the civil defence": unit(0.87, (1 - 0.87 ** 2) ** 0.5, 0.0),
                       "the forestry department": unit(0.86, 0.0, (1 - 0.86 ** 2) ** 0.5),
                       "مديرية الغابات": unit(0.3, 0.0, 0.95)})
    claims = [_claim("الدفاع المدني", "d1", "ar"), _claim("the civil defence", "d2"),
              _claim("the forestry department", "d2")]
    linked = link_sources(claims, embed=embed)
    # the civil defence is the nearer: linked; the forestry department, at
    # 0.86 but not the nearest, is not
    assert linked[0].source == linked[1].source != linked[2].source
    # a nearest neighbour below the lower floor is not linked either
    alone = link_sources([_claim("مديرية الغابات", "d1", "ar"),
                          _claim("the civil defence", "d2")], embed=embed)
    assert alone[0].source != alone[1].source


def test_a_portfolio_alone_is_not_a_name() -> None:
    assert name_core("وزير الزراعة", "ar") == ""
    assert name_core("وزير الزراعة خليل حداد", "ar") == "خليل حداد"


def test_vowel_skeleton_tells_long_names_apart() -> None:
    assert vowel_skeleton("العتيبي"[2:]) == vowel_skeleton("Otaibi")
    assert vowel_skeleton("Otaibi") != vowel_skeleton("Ayoub")


def test_the_source_key_survives_the_results_file() -> None:
    docs = [Document("Trump said x.", "d1", "en"), Document("قال ترامب إن y.", "d2", "ar")]
    claims = link_sources([_claim("Donald Trump", "d1"), _claim("ترامب", "d2", "ar")])
    analysis = Analysis(docs, claims, [], 0.5)
    data = analysis.to_dict()
    assert [c["source_name"] for c in data["claims"]] == ["Donald Trump"] * 2
    assert len(data["sources"]) == 1
    back = Analysis.from_dict(data)
    assert [c.source for c in back.claims] == ["Donald Trump"] * 2


def test_find_contradictions_links_sources_across_documents() -> None:
    from claimcheck.detect import ContradictionFinder

    docs = [Document("President Donald Trump said the territory had been fully retaken.",
                     "d1", "en"),
            Document("قال ترامب إن الأراضي استعيدت بالكامل.", "d2", "ar")]
    claims = ContradictionFinder().claims(docs)
    assert len(claims) == 2 and claims[0].source == claims[1].source


@pytest.mark.parametrize(("name", "lang", "kinds"), [
    ("the Interior Ministry", "en", {"ministry"}),
    ("the Bank of Veldra", "en", {"bank"}),
    ("هيئة الطيران المدني", "ar", {"authority"}),           # head first: not an airline
    ("شركة طيران الواحة", "ar", {"airline", "company"}),  # an airline company
    ("the airline", "en", {"airline", "company"}),           # an airline is a company
    ("Türkiye Büyükelçiliği", "tr", {"embassy"}),             # Turkish ending
    ("le syndicat des dockers", "fr", {"union"}),
    ("Marta Lindqvist", "en", set()),
    ("Agency spokesman Tomas Berg", "en", set()),              # a person: the head is his name
    ("رئيس هيئة الأركان", "ar", set()),                        # a chief, not an authority
    ("the authorities", "en", set()),                          # any government, not one body
    ("السلطات", "ar", set()),
])
def test_a_name_says_what_kind_of_body_it_is(name: str, lang: str, kinds: set[str]) -> None:
    assert body_kinds(name, lang) == kinds


def test_a_kind_alone_is_a_bare_description() -> None:
    assert bare_kind("The agency") and bare_kind("الوزارة") and bare_kind("le syndicat")
    assert not bare_kind("the coastal flood agency") and not bare_kind("Marta Lindqvist")


def test_the_only_body_of_its_kind_takes_its_bare_description_across_documents() -> None:
    # Marta Lindqvist in both makes d1 and d2 one story.
    story = [_claim("Marta Lindqvist", "d1"), _claim("Lindqvist", "d2")]
    full, bare = _claim("the coastal flood agency", "d1"), _claim("The agency", "d2")
    *_, a, b = link_sources([*story, full, bare])
    assert a.source == b.source == "the coastal flood agency"
    # two articles with nothing else in common: "The agency" may be any agency
    a, b = link_sources([full, bare])
    assert a.source != b.source
    # another agency in d1: which one "The agency" means is unknown
    *_, a, other, b = link_sources([*story, full, _claim("the port agency", "d1"), bare])
    assert b.source not in {a.source, other.source}
    # two full names of one kind are two bodies ("Aldor Bank" / "Veldra Bank")
    *_, a, b = link_sources([*story, _claim("Aldor Bank", "d1"), _claim("Veldra Bank", "d2")])
    assert a.source != b.source


def test_the_only_bodies_of_one_kind_link_across_languages_from_a_lower_cosine() -> None:
    def unit(*xs):
        v = np.array(xs, dtype=float)
        return v / np.linalg.norm(v)

    embed = _embedder({"مديرية الغابات": unit(1.0, 0.0, 0.0, 0.0),
                       "the forestry department": unit(0.82, 0.57, 0.0, 0.0),
                       "the roads department": unit(0.82, 0.0, 0.57, 0.0),
                       "مارتا ليندكفيست": unit(0.0, 0.0, 0.0, 1.0),
                       "Marta Lindqvist": unit(0.0, 0.0, 0.0, 1.0)})
    story = [_claim("مارتا ليندكفيست", "d1", "ar"), _claim("Marta Lindqvist", "d2")]
    ar, en = _claim("مديرية الغابات", "d1", "ar"), _claim("the forestry department", "d2")
    linked = link_sources([*story, ar, en], embed=embed)
    assert linked[0].source == linked[1].source  # the story's shared source
    assert linked[2].source == linked[3].source  # cosine 0.82, one department each
    two = link_sources([*story, ar, en, _claim("the roads department", "d2")], embed=embed)
    assert len({c.source for c in two[2:]}) == 3  # two departments in d2


def test_different_kinds_of_body_are_not_linked_by_embeddings_alone() -> None:
    embed = _embedder({"الهيئة العامة للمياه": np.array([1.0, 0.0]),
                       "the water ministry": np.array([0.95, 0.31])})
    a, b = link_sources([_claim("الهيئة العامة للمياه", "d1", "ar"),
                         _claim("the water ministry", "d2")], embed=embed)
    assert a.source != b.source  # an authority is not a ministry, cosine 0.95 or not


def test_a_bare_description_is_its_documents_only_body_of_that_kind() -> None:
    full, bare = _claim("Oasis Airways", "d1"), _claim("the airline", "d1")
    assert len({c.source for c in link_sources([full, bare])}) == 1
    two = link_sources([full, _claim("Sahel Airlines", "d1"), bare])
    assert len({c.source for c in two}) == 3


@pytest.mark.parametrize(("phrase", "name"), [
    ("The Minister of Transport, Alain Mbeki", "Alain Mbeki"),   # the person, not "Transport"
    ("Le ministre des Transports, Alain Mbeki", "Alain Mbeki"),
    ("the Bank of Veldra", "Veldra"),                               # no appositive: unchanged
    ("the Bank of Veldra, the central bank", "Veldra"),
    ("Secretary of State John Kerry", "John Kerry"),                # the portfolio leads the run
    ("Director of National Intelligence James Clapper", "James Clapper"),
    ("Secretary of State Kerry", "Kerry"),
    # a place or a body after "<title> of (the)": the person is the last two words
    ("President of the United States Barack Obama", "Barack Obama"),
    ("Chairman of the Federal Reserve Jerome Powell", "Jerome Powell"),
    ("the President of Veldra Ana Ortiz", "Ana Ortiz"),
    ("Mayor of Lanvier Sadia Khan", "Sadia Khan"),
    ("Mayor Patricia Lund", "Patricia Lund"),
    # capitalised words after "in", "at", "from" say where, not who
    ("Roman Catholic organisations in India", ""),
    ("doctors at Mercy Hospital in Boston", ""),
    ("correspondent Sarah Rainsford in Moscow", "Sarah Rainsford"),
    ("aides at the White House", ""),
    ("Kim Lee, a teacher from Ohio", "Kim Lee"),
    ("comments from Hillary Clinton", "Hillary Clinton"),  # "from" names whose
    # lowercase particles between capitalised words are part of the name
    ("Mayor Bill de Blasio", "Bill de Blasio"),
    ("Commission President Ursula von der Leyen", "Ursula von der Leyen"),
    ("President de Gaulle", "de Gaulle"),
    ("Mayor of New York Bill de Blasio", "Bill de Blasio"),
    ("a spokesman for the Banco de Mexico", "Banco de Mexico"),
    ("officials of the Ministry of Health", "Health"),  # "of" is no particle
])
def test_a_portfolio_gives_way_to_the_appositive_name(phrase: str, name: str) -> None:
    assert name_core(phrase, "en") == name


@pytest.mark.parametrize(("phrase", "lang", "name"), [
    ("El Ministro de Salud, Juan Pérez", "es", "Juan Pérez"),
    ("Ein Sprecher der Deutschen Bank", "de", "Deutschen Bank"),
])
def test_name_particles_are_english_only(phrase: str, lang: str, name: str) -> None:
    # "de", "der" are "of" in Spanish and German text: no part of a name.
    assert name_core(phrase, lang) == name


def test_two_full_names_with_one_last_word_are_two_people() -> None:
    # "Clinton" alone may be either; a chain of short names never joins them.
    claims = [_claim("Hillary Clinton", "d1"), _claim("Bill Clinton", "d2"),
              _claim("Clinton", "d3"), _claim("عاصم محمد", "d4", "ar"),
              _claim("حسن محمد", "d5", "ar"), _claim("محمد", "d6", "ar")]
    sources = [c.source for c in link_sources(claims)]
    assert sources[0] != sources[1]
    assert sources[3] != sources[4]


@pytest.mark.parametrize("names", [
    ("Donald Trump", "Donald J. Trump", "Trump"),
    ("عبد الله الثاني", "عبدالله الثاني"),  # one name, written apart or together
])
def test_a_longer_or_joined_form_of_one_name_still_links(names: tuple[str, ...]) -> None:
    claims = [_claim(name, f"d{k}", "ar" if name[0] > "z" else "en")
              for k, name in enumerate(names)]
    assert len({c.source for c in link_sources(claims)}) == 1

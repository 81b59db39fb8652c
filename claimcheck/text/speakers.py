"""Speaker mentions and the entities they refer to.

A source found by :mod:`claimcheck.text.attribution` is a
:class:`SpeakerMention`: a name ("President Donald Trump"), a description
("the spokesman", "متحدث باسم قوات سوريا الديمقراطية"), a pronoun ("he") or
nothing at all (Arabic "وأضاف" with no subject). :func:`resolve_speakers`
links the mentions of one document into entities, one key per entity.

Linking rules, in order:

1. mentions that read the same (after dropping articles) are one entity;
2. an apposition ("مصطفى بالي، وهو متحدث باسم ...", "Flynn, a top surrogate,")
   joins the name to the description;
3. a name whose words end a longer name ("Trump" / "President Donald Trump")
   joins it, unless the longer phrase names a member of an institution
   ("قائد في قوات سوريا الديمقراطية" is not "قوات سوريا الديمقراطية");
4. a definite description ("the spokesman") joins the latest entity that was
   described with the same role noun;
5. pronouns and missing subjects join the latest compatible speaker.

The entity key is the longest name in the entity, else its longest mention.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Literal

from claimcheck.disjoint import DisjointSets
from claimcheck.text import lexicon_ar, lexicon_en
from claimcheck.text.normalize import normalize_arabic_word

MentionKind = Literal["name", "description", "pronoun", "implicit"]

_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’\-.][^\W_]+)*\.?")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_PLURAL_AR = ("ين", "ون", "ات")
# Third-person pronouns of the languages other than Arabic and English that
# rules or the tagger read: as sources ("il", "o", "dia", "وی") they take
# their antecedent, as "he" does. German "sie" is she or they: not plural.
_OTHER_PRONOUNS = {
    "fr": "il elle ils elles", "es": "él ella ellos ellas", "pt": "ele ela eles elas",
    "it": "lui lei egli ella essa esso loro", "de": "er sie", "tr": "o onlar",
    "id": "dia ia beliau mereka", "fa": "وی او ایشان آنها", "ur": "وہ انہوں انھوں اس",
    "ru": "он она они",
}
_OTHER_PLURAL_PRONOUNS = "ils elles ellos ellas eles elas loro onlar mereka آنها они"
_PLURAL_ARTICLES = {"fr": ("les", "des", "ces"), "es": ("los", "las", "unos", "unas"),
                    "pt": ("os", "as", "uns", "umas"), "it": ("gli", "i", "le")}


@dataclass(frozen=True)
class SpeakerMention:
    """One mention of a source in a document.

    Attributes
    ----------
    text : str
        The mention as written; empty for an implicit subject.
    span : (int, int) or None
        Its input offsets; None for an implicit subject.
    position : int
        Input offset used for recency (the mention or its cue).
    lang : str
        "ar" or "en" rules apply.
    appositive : str
        A description given in apposition ("a spokesman for the SDF"), or "".
    plural : bool
        Whether the mention (or the verb form, for implicit subjects) is plural.
    """

    text: str
    span: tuple[int, int] | None
    position: int
    lang: str = "en"
    appositive: str = ""
    plural: bool = False
    kind: MentionKind = field(default="name")


@dataclass(frozen=True)
class ResolvedSpeaker:
    """Who a mention refers to.

    Attributes
    ----------
    text : str or None
        The mention that names the speaker (the antecedent, for pronouns).
    span : (int, int) or None
        Input offsets of ``text``.
    entity : str or None
        The entity key shared by all mentions of this speaker.
    """

    text: str | None
    span: tuple[int, int] | None
    entity: str | None


def classify_mention(text: str, lang: str) -> MentionKind:
    """Say whether ``text`` is a name, a description, a pronoun or empty.

    Parameters
    ----------
    text : str
        A source phrase.
    lang : str
        The mention's language: "ar" for Arabic, "en" for English; the
        third-person pronouns of other languages (:data:`_OTHER_PRONOUNS`)
        are pronouns too.

    Returns
    -------
    {"name", "description", "pronoun", "implicit"}
    """
    words = _words(text, lang)
    if not words:
        return "implicit"
    if lang != "ar" and len(words) == 1 and words[0] in lexicon_en.PRONOUNS:
        return "pronoun"
    if lang == "ar" and len(words) == 1 and words[0] in {"هو", "هي", "هم"}:
        return "pronoun"
    if len(words) == 1 and words[0] in _PRONOUN_KEYS.get(lang, ()):
        return "pronoun"
    return "name" if name_core(text, lang) else "description"


# Prepositions before the object of a title ("Minister of Transport",
# "ministre des Transports"), in the Latin-script languages the tagger reads.
_OF_WORDS = frozenset({"of", "for", "de", "des", "du", "del", "della", "di", "do", "da"})


def name_core(text: str, lang: str) -> str:
    """Return the proper name inside a source phrase, or "" when it has none.

    English: the trailing run of capitalised words that are not titles
    ("Hillary Clinton's campaign manager Robby Mook" -> "Robby Mook").
    Arabic: the phrase without leading titles and nisba adjectives, unless it
    describes a role ("متحدث باسم ...", "قائد في ...").

    Parameters
    ----------
    text : str
        A source phrase, as written.
    lang : str
        "ar" or "en".

    Returns
    -------
    str
        The name as written in ``text``, or "".
    """
    parts = re.split(r"[,،]", text.split("(")[0])
    head = parts[0]
    matches = list(_WORD.finditer(head))
    if not matches:
        return ""
    if lang == "ar" or _ARABIC.search(head):
        words = [normalize_arabic_word(m.group()) for m in matches]
        first = 0
        while first < len(words) - 1 and (
            words[first] in lexicon_ar.TITLES
            or (first > 0 and words[first].startswith("ال") and words[first].endswith("ي"))
            or (first > 0 and words[first - 1] in lexicon_ar.TITLES
                and words[first].startswith("ال") and first + 1 < len(words))
        ):
            first += 1
        rest = words[first:]
        if rest[0] in lexicon_ar.ROLE_NOUNS or rest[0] in lexicon_ar.TITLES:
            return ""
        if first > 0 and len(rest) == 1 and rest[0].startswith("ال"):
            return ""  # "وزير الزراعة": a portfolio, not a name
        if _strip_article(rest[0]) in lexicon_ar.ANAPHORIC_NOUNS and (
            first > 0 or rest[0].startswith("ال")
        ):
            return ""  # "رئيس نقابة ...", "المنظمة": a role or an institution noun
        if any(w in lexicon_ar.MEMBER_PREPOSITIONS or w.startswith("لل") for w in rest):
            return ""
        return head[matches[first].start():matches[-1].end()]
    last = len(matches)
    first = last
    while first > 0:
        word = matches[first - 1].group()
        low = word.lower()
        if lang == "en" and low in _NAME_PARTICLES and first < last:
            # "Bill de Blasio", "Ursula von der Leyen": particles between
            # capitalised words belong to the name.
            before = first - 1
            while before > 0 and matches[before - 1].group().lower() in _NAME_PARTICLES:
                before -= 1
            if before > 0 and matches[before - 1].group()[0].isupper():
                first = before
                if matches[before - 1].group().lower().rstrip(".") in lexicon_en.TITLES:
                    break  # "Mayor de Blasio": the name starts at the particle
                continue
        if not word[0].isupper() or low.rstrip(".") in lexicon_en.TITLES:
            break
        first -= 1
    if first == last:
        return ""
    of = first - 1  # the word before the run, past a "the"
    if of > 0 and matches[of].group().lower() == "the":
        of -= 1  # "President of the United States Barack Obama", "aides at the White House"
    if of >= 0 and matches[of].group().lower() in _PLACE_WORDS:
        # "the BBC's Sarah Rainsford in Moscow", "Roman Catholic organisations
        # in India": the words after "in" say where the source is, not who.
        return name_core(head[:matches[of].start()], lang)
    if of > 0 and matches[of].group().lower() in _OF_WORDS \
            and matches[of - 1].group().lower().rstrip(".") in lexicon_en.TITLES:
        # "Secretary of State John Kerry": the portfolio's words lead the run;
        # "Mayor of London Sadiq Khan", "President of the United States Barack
        # Obama": a place or a body does, and the person is the last two words.
        while last - first > 1 and matches[first].group().lower() in lexicon_en.PORTFOLIO_WORDS:
            first += 1
        start, first = first, max(first, last - 2)
        while lang == "en" and first > start \
                and matches[first].group().lower() in _NAME_PARTICLES:
            first -= 1  # "Banco de Mexico": a name's particle takes the word before it
    if first > 0 and matches[first - 1].group().lower() in _OF_WORDS:
        # "The Minister of Transport, Alain Diabaté": the capitalised words
        # after "of" name a portfolio; the person is the appositive's name.
        named = name_core(parts[1], lang) if len(parts) > 1 else ""
        if named and named == parts[1].strip().rstrip("."):
            return named
    return head[matches[first].start():matches[last - 1].end()].rstrip(".")


# Lowercase particles inside an English text's name, between capitalised
# words (in Spanish or German text "de", "der" are mostly "of").
_NAME_PARTICLES = frozenset("de da di del della dos du van von der den ter le la bin ibn".split())
# Prepositions of place: the capitalised words after them name where a
# source is ("doctors at Mercy Hospital", "aides at the White House"), not the
# source. Not "from": "comments from Hillary Clinton" are hers.
_PLACE_WORDS = frozenset({"in", "at", "near", "outside", "inside", "across"})


def resolve_speakers(mentions: list[SpeakerMention]) -> list[ResolvedSpeaker]:
    """Link the source mentions of one document into entities.

    Parameters
    ----------
    mentions : list of SpeakerMention
        In document order.

    Returns
    -------
    list of ResolvedSpeaker
        One per mention, in the same order.
    """
    sets = DisjointSets(len(mentions))
    find, union = sets.find, sets.union

    keys = [_key(m.text, m.lang) for m in mentions]
    appositives = [_key(m.appositive, m.lang) if m.appositive else "" for m in mentions]
    cores = [
        _words(name_core(m.text, m.lang) or name_core(m.appositive, m.lang), m.lang)
        for m in mentions
    ]
    nominal = [i for i, m in enumerate(mentions) if m.kind in ("name", "description")]

    first_with_key: dict[str, int] = {}
    for i in nominal:
        for key in (keys[i], appositives[i]):
            if key and key in first_with_key:
                union(i, first_with_key[key])
        first_with_key.setdefault(keys[i], i)
        if appositives[i]:
            first_with_key.setdefault(appositives[i], i)
    by_last_word: dict[str, list[int]] = {}
    for i in nominal:
        if cores[i]:
            by_last_word.setdefault(cores[i][-1], []).append(i)
    for group in by_last_word.values():
        distinct: dict[tuple[str, ...], int] = {}
        for i in group:
            if tuple(cores[i]) in distinct:
                union(i, distinct[tuple(cores[i])])
            else:
                distinct[tuple(cores[i])] = i
        for core_i, i in distinct.items():
            for core_j, j in distinct.items():
                if len(core_i) < len(core_j) and core_j[-len(core_i):] == core_i:
                    union(i, j)
    for i in nominal:
        if cores[i] or find(i) != i:
            continue
        role = _role_word(keys[i], mentions[i].lang)
        if not role or not _is_definite(keys[i], mentions[i].lang):
            continue
        for j in reversed(nominal):
            if j < i and find(j) != find(i):
                described = keys[j] + " " + appositives[j]
                if role in {_strip_article(w) for w in described.split()}:
                    union(i, j)
                    break

    _join_titles_to_names(nominal, keys, cores, find, union)
    entity_of_root = _entity_keys(mentions, cores, find)
    # A name that looks plural is one person when another mention of its
    # group does not ("منوتشين" after "وزير الخزانة الأميركي، ستيفن منوتشين")
    # or has a title ("Sanders" after "Sen. Bernie Sanders").
    looks = [_looks_plural(keys[i], m.lang) for i, m in enumerate(mentions)]
    one = {find(i) for i in nominal
           if cores[i] and (not looks[i] or _titled_name(mentions[i].text, mentions[i].lang))}
    plural = [m.plural or (looks[i] and find(i) not in one) for i, m in enumerate(mentions)]
    latest = _LatestSpeakers(mentions, keys, plural)
    resolved: list[ResolvedSpeaker] = []
    for i, mention in enumerate(mentions):
        if mention.kind in ("name", "description"):
            key = entity_of_root[find(i)]
            resolved.append(ResolvedSpeaker(mention.text, mention.span, key))
            latest.add(i)
            continue
        antecedent = latest.antecedent(i)
        if antecedent is None:
            text = mention.text or None
            resolved.append(ResolvedSpeaker(text, mention.span, _key(mention.text, mention.lang)
                                            or None))
        else:
            target = mentions[antecedent]
            resolved.append(
                ResolvedSpeaker(target.text, target.span, entity_of_root[find(antecedent)])
            )
    return resolved


def _join_titles_to_names(nominal: list[int], keys: list[str], cores: list[list[str]],
                          find, union) -> None:
    """A title of two words or more with no name ("معاون وزير الخارجية
    السورية", "the secretary of state") and the one source of the document
    named by that title and more words ("معاون وزير الخارجية السورية أيمن
    سوسان", "Secretary of State John Kerry") are one source, before or after
    it. Two such sources (two different ministers' aides) leave it alone."""
    named = [j for j in nominal if cores[j]]

    def other_names(root: int, own: str) -> bool:
        """Whether the group of ``root`` already holds a name besides ``own``
        (a key): then it is someone, and no title joins it to someone else."""
        return any(find(j) == root and keys[j] != own for j in named)

    for i in nominal:
        words = keys[i].split()
        # An Arabic title is its own "name" to name_core (no capitals tell a
        # name from a title), so only its length is asked there.
        if len(words) < 2 or (cores[i] and not _ARABIC.search(keys[i])):
            continue
        if other_names(find(i), keys[i]):
            continue  # "the foreign minister", already Lavrov, is not Zarif too
        prefix = keys[i] + " "
        roots = {find(j) for j in named if keys[j].startswith(prefix)}
        if len(roots) == 1:
            union(i, roots.pop())
    # A title whose name the name finder could not tell apart ("سفيرة
    # الولايات المتحدة في الأمم المتحدة نيكي هايلي" has "في" in it) and a
    # later name that ends it ("هايلي"): one source, when only one title ends so.
    untold = [i for i in nominal if not cores[i] and len(keys[i].split()) >= 3]
    for j in named:
        suffix = " " + " ".join(cores[j])
        roots = {find(i) for i in untold if keys[i].endswith(suffix)}
        if len(roots) == 1:
            root = roots.pop()
            if not any(find(x) == root and cores[x] != cores[j] for x in named):
                union(j, root)


class _LatestSpeakers:
    """The antecedent of a pronoun or a missing subject: the latest earlier
    name or description whose position is not after the mention's, preferring
    one of the same number ("they" takes any; ``plural`` says, per mention,
    whether it reads as plural). Names and descriptions are
    added in document order; each question takes log time, so a document of
    thousands of pronouns stays linear.
    """

    def __init__(self, mentions: list[SpeakerMention], keys: list[str],
                 plural: list[bool]) -> None:
        self._mentions = mentions
        self._keys = keys
        self._plural = plural
        self._positions = sorted({m.position for m in mentions})
        # The latest mention added at each position rank or below: any, plural, singular.
        self._latest = {kind: [-1] * (len(self._positions) + 1) for kind in (None, True, False)}

    def add(self, j: int) -> None:
        mention = self._mentions[j]
        rank = bisect.bisect_left(self._positions, mention.position) + 1
        for kind in (None, self._plural[j]):
            tree = self._latest[kind]
            k = rank
            while k < len(tree):
                tree[k] = max(tree[k], j)
                k += k & -k

    def _before(self, kind: bool | None, position: int) -> int:
        tree = self._latest[kind]
        k = bisect.bisect_right(self._positions, position)
        best = -1
        while k > 0:
            best = max(best, tree[k])
            k -= k & -k
        return best

    def antecedent(self, i: int) -> int | None:
        mention = self._mentions[i]
        pronoun = self._keys[i]
        wants_plural = mention.plural or pronoun in _PLURAL_PRONOUNS
        latest = self._before(None, mention.position)
        if latest < 0:
            return None
        if pronoun in _PLURAL_PRONOUNS:
            return latest
        agreeing = self._before(wants_plural, mention.position)
        return agreeing if agreeing >= 0 else latest


def _entity_keys(mentions: list[SpeakerMention], cores: list[list[str]], find) -> dict[int, str]:
    best: dict[int, tuple[int, int, str]] = {}
    for i, mention in enumerate(mentions):
        if mention.kind not in ("name", "description"):
            continue
        core = name_core(mention.text, mention.lang) or name_core(mention.appositive, mention.lang)
        candidate = core or mention.text.strip(" ,،")
        # Names beat descriptions; longer names beat shorter ones.
        rank = (1 if core else 0, len(candidate))
        root = find(i)
        if root not in best or rank > best[root][:2]:
            best[root] = (rank[0], rank[1], candidate)
    return {root: value[2] for root, value in best.items()}


def _words(text: str, lang: str) -> list[str]:
    if lang == "ar" or _ARABIC.search(text):
        return [normalize_arabic_word(m.group()) for m in _WORD.finditer(text)]
    return [m.group().lower().rstrip(".") for m in _WORD.finditer(text)]


# :data:`_OTHER_PRONOUNS` as :func:`_words` writes them.
_PRONOUN_KEYS = {lang: frozenset(_words(forms, lang)) for lang, forms in _OTHER_PRONOUNS.items()}
# Plural pronouns ("they", "we", "ils", "onlar" ...) take the latest speaker
# of either number.
_PLURAL_PRONOUNS = lexicon_en.PLURAL_PRONOUNS | frozenset(
    key for word in _OTHER_PLURAL_PRONOUNS.split() for key in _words(word, ""))


def _key(text: str, lang: str) -> str:
    words = _words(text, lang)
    while words and words[0] in {"the", "a", "an", "وهو", "وهي", "هو", "هي"}:
        words = words[1:]
    return " ".join(words)


def _role_word(key: str, lang: str) -> str:
    lexicon = lexicon_ar.ANAPHORIC_NOUNS if lang == "ar" else lexicon_en.ROLE_NOUNS
    for word in key.split():
        stripped = word[2:] if lang == "ar" and word.startswith("ال") else word
        if word in lexicon:
            return stripped
        if stripped in lexicon:
            return stripped
    return ""


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _is_definite(key: str, lang: str) -> bool:
    if lang == "ar":
        return key.startswith("ال")
    return True


def _looks_plural(key: str, lang: str) -> bool:
    if not key:
        return False
    last = key.split()[-1]
    if lang == "ar":
        # The head of an Arabic noun phrase comes first ("شركة ... للاتصالات").
        head = key.split()[0]
        return head.endswith(_PLURAL_AR) and len(head) > 4
    if lang != "en":
        # Other languages' names end in s as often as their plurals ("João
        # Alves", "Morales"): a plural article says it ("Os sindicatos").
        return key.split()[0] in _PLURAL_ARTICLES.get(lang, ())
    return last.endswith("s") and not last.endswith("ss") and last not in {"his", "this"}


def _titled_name(text: str, lang: str) -> bool:
    """Whether an English mention as written is a capitalised name after a
    person's title or role ("Mr Balls", "city spokesman Mark Ebbers", "Sen.
    Bernie Sanders"): one person, though the name ends in s. Without one, a
    name ending in s may be a group or a firm ("Goldman Sachs", "The Syrian
    Democratic Forces", "U.S. Marines")."""
    written = text.split()
    if lang == "ar" or len(written) < 2 or not written[-1][:1].isupper():
        return False
    return any(w.strip(".,'’").lower() in _PERSON_TITLES for w in written[:-1])


# Titles and roles that only a person holds (lexicon_en.TITLES also holds
# words before any name: "the", "former", "republican").
_PERSON_TITLES = frozenset("""
    mr mrs ms dr sen rep gov gen lt col sgt capt rev prof president senator
    representative governor secretary minister chairman chairwoman speaker
    attorney judge justice spokesman spokeswoman spokesperson adviser advisor
    director leader commander mayor ambassador chancellor premier commissioner
    envoy king queen prince sheikh emir pope professor host editor economist
    analyst executive founder coach manager chief
    """.split())



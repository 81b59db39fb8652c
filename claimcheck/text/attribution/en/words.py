"""English word lists of the attribution rules (:mod:`.rules`).

The lexicons shared with speaker linking (reporting verbs, titles, pronouns)
are in :mod:`claimcheck.text.lexicon_en`; these are the small sets the rules
alone use to decide where a source, a cue or a content starts and ends.
"""

from __future__ import annotations

from claimcheck.text.attribution.tokens import QUOTES, word_set

STOPS = frozenset(",;:()—–") | QUOTES
NOT_VERB_BEFORE = word_set(
    "the a an his her their its these those this our my your was were been being be is are "
    "to united"
)
# Reporting verbs that also work as plain verbs; they need a clause or quote after them.
WEAK = word_set("""
    find finds found show shows showed indicate indicates indicated believe believes
    believed think thinks thought ask asks asked question questioned continue continued
    describe describes described accuse accuses accused blame blames blamed charge
    charges charged promise promises promised promising urge urges urged report reports
    reported state states stated claim claims claimed observe observed repeat repeated
    agree agrees agreed conclude concluded concludes reveal reveals revealed recall
    recalls recalled add adds added note notes noted mention mentions mentioned counter
    countered estimate estimates estimated predict predicts predicted confirm confirms
    confirmed maintain maintains maintained write writes wrote written post posted
    caution cautioned respond responds responded reply replies replied wonder wondered
    hinted signaled signalled joke joked boast boasted lament lamented
    """)
# Finite verbs and auxiliaries: a span that holds one is a clause, not a name.
FINITE = word_set(
    "is are was were has have had will would can could should may might must does did "
    "do isn't aren't wasn't weren't hasn't haven't won't wouldn't can't couldn't doesn't didn't "
    "isn’t aren’t wasn’t weren’t hasn’t haven’t won’t wouldn’t can’t couldn’t doesn’t didn’t"
)
# Irregular past tenses that end a subject noun phrase.
PAST = word_set(
    "began went made took came gave got left ran won lost spent sent held kept stood met "
    "brought thought felt saw knew told said wrote put set led paid sought "
    "built sat grew drew fell broke chose drove fought flew forgot hid rode rang sang sank "
    "slept stole struck swore taught tore threw woke wore"
)
# "seems to", "is expected to": an impression without a holder.
SEEM = word_set("seem seems seemed appear appears appeared expected")
BE = word_set("is are was were be been being 's")
PREPOSITIONS = word_set("in on at during after before for with from by since of")
# Tokens that close a content just before its source: '"...," she said', '"...?" he asked'.
CONTENT_ENDS = frozenset(",”\"’'?!—–")
HARD_STOPS = frozenset(";:—–()") | QUOTES
# Words that start a phrase about the saying, not what was said: "said in Ohio", "said when".
NOT_CONTENT_LEAD = word_set(
    "in on at during after before for with from by since of when while as through via "
    "according without amid despite"
)
# Relative pronouns: a source that is one is no clause's subject of its own.
RELATIVES = word_set("who which that whom")
# Words that open a lead-in, not a statement: "While ...", "Reached by phone ...".
LEAD_INS = word_set("""
    while since after before when if although though as because once until unless
    whether what first instead nor but and so reached asked speaking pressed
    interviewed contacted responding referring writing talking testifying appearing
    following addressing answering according
    """)
# Line openers that look like "Speaker:" but are page furniture or a
# story's label ("The Latest:", "Breaking:", "Editor's Note:").
NOT_SPEAKERS = word_set(
    "related update updated note photo photos video watch read listen source sources editor "
    "editor's editor’s editors correction advertisement share follow click sign posted by "
    "subscribe tags q a twitter facebook instagram email e-mail contributing contact "
    "latest breaking revealed look byline question answer exclusive"
)
# Things that are given a name with "called": "a group called ...".
NAMED_THINGS = word_set("""
    company firm group program programme website site blog play show band pac party event
    club organization organisation campaign movement competition prize book film movie app
    project initiative network coalition committee foundation fund procedure move technique
    plan bill law policy song album series documentary podcast newsletter page account
    video game store restaurant town village operation process practice theory strategy
    system tool device drug disease term phrase concept doctrine approach
    """)
# Last words of such a label: "The Latest:", "Editor's Note:", "Delegate Update:".
LABEL_ENDS = word_set("latest note update")
QUESTION_OPENERS = word_set("if whether to why what how who when where about")
# Lower-case words that may open a source placed after its cue: "said the official".
SOURCE_OPENERS = word_set(
    "the a an one another his her their its our two three several some many both he she "
    "they we i former"
)
# A closing mark and the mark that opens what it closes.
CLOSERS = {")": "(", "”": "“", '"': '"', "''": "''"}
# Determiners before a noun: "The report that ..." is a noun with its relative clause.
DETERMINERS = word_set("the a an this his her their its our")
# Words before "that" that make it a conjunction, not a relative pronoun.
SUBORDINATORS = word_set("given now so such fact provided assuming seeing except considering")
# Words that open a time phrase after a verb: "released last week said".
TIME_OPENERS = word_set("last this next yesterday today earlier later")
# Words of a time phrase: "said last night President Obama".
TIME_WORDS = TIME_OPENERS | word_set(
    "night week month year morning afternoon evening weekend tonight tomorrow")
# Inflected verbs of speech that a source never holds ("report", "note"
# and "tweet" may be nouns in one: "the report said").
SPOKE = word_set("said says told tells added adds wrote writes asked asks")
# Verbs of speech that may put their source after them: '"...," said analysts.'
INVERTING_VERBS = word_set("said says added asked wrote told noted explained recalled argued "
                           "insisted warned declared replied answered")

# Verbs that are also surnames: "Theresa May", "George Will".
_SURNAME_VERBS = word_set("may will")


def surname(before: str, word: str, after: str | None) -> bool:
    """Whether ``word``, a verb when lowercase ("may", "will"), is a surname
    here: capitalised after a capitalised word, with a lowercase word or
    nothing after it ("Theresa May said", "George Will wrote"); not in a
    title-case or capitalised headline ("Trump May Say", "TRUMP WILL SAY")."""
    def capitalised(w: str) -> bool:
        return w[:1].isupper() and not (len(w.rstrip(".")) > 1 and w.isupper())

    return word.lower() in _SURNAME_VERBS and capitalised(word) and capitalised(before) \
        and (after is None or after[:1].islower())

"""English word lists for attribution: reporting cues, titles, pronouns.

The lists are plain frozensets so that rules in :mod:`claimcheck.text.attribution`
and :mod:`claimcheck.text.speakers` stay readable; nothing here is computed.
"""

from __future__ import annotations


def _word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words``."""
    return frozenset(words.split())

# Verbs that introduce reported speech or stance, in every inflection we match.
REPORTING_VERBS: frozenset[str] = _word_set("""
    say says said saying tell tells told telling add adds added adding
    note notes noted noting write writes wrote written writing
    argue argues argued arguing claim claims claimed claiming
    stated stating explain explains explained explaining
    announce announces announced announcing insist insists insisted insisting
    warn warns warned warning report reports reported reporting
    acknowledge acknowledges acknowledged acknowledging assert asserts asserted
    suggest suggests suggested suggesting deny denies denied denying
    contend contends contended maintain maintains maintained
    predict predicts predicted estimate estimates estimated
    recall recalls recalled stress stresses stressed
    emphasize emphasizes emphasized emphasizing concede concedes conceded
    admit admits admitted declare declares declared confirm confirms confirmed
    tweet tweets tweeted tweeting testify testifies testified
    allege alleges alleged complain complains complained
    reply replies replied respond responds responded
    urge urges urged vow vows vowed promise promises promised promising
    pledge pledges pledged charge charges charged counter countered
    observe observes observed caution cautioned repeat repeated
    reiterate reiterated reiterates agree agrees agreed conclude concluded
    concludes find finds found show shows showed indicate indicates indicated
    reveal reveals revealed mention mentions mentioned remark remarked
    continue continued joke joked boast boasted lament lamented
    believe believes believed think thinks thought insisted explain
    accuse accuses accused blame blames blamed describe describes described
    ask asks asked wonder wondered question questioned
    acknowledged announce posted predicted signaled signalled hinted
    """)

# Verbs of stance and intent whose object is what the source holds or wants:
# "Sanders criticized the deal", "Trump called for a ban", "she wants to run".
STANCE_VERBS: frozenset[str] = _word_set("""
    criticize criticizes criticized criticizing endorse endorses endorsed endorsing
    praise praises praised praising defend defends defended defending
    support supports supported supporting oppose opposes opposed opposing
    call calls called calling want wants wanted plan plans planned planning
    urging cite cites cited citing accusing propose proposes proposed proposing
    reject rejects rejected rejecting dismiss dismisses dismissed dismissing
    seek seeks sought seeking refuse refuses refused refusing decline declines declined
    hope hopes hoped hoping fear fears feared expect expects expected
    demand demands demanded demanding condemn condemns condemned condemning
    blast blasts blasted slam slams slammed attack attacks attacked attacking
    tout touts touted touting welcome welcomes welcomed back backs backed
    threaten threatens threatened threatening vowing pledging questioning
    know knows knew feel feels felt consider considers considered
    recommend recommends recommended referring dispute disputes disputed
    challenge challenges challenged defend insist insisting arguing
    express expresses expressed expressing voice voiced voicing
    offer offers offered offering discuss discusses discussed discussing
    denounce denounces denounced denouncing decry decries decried decrying
    echo echoes echoed echoing mock mocks mocked mocking
    describing recalling declaring thank thanks thanked thanking
    remind reminds reminded reminding order orders ordered ordering
    request requests requested requesting portray portrays portrayed portraying
    rail rails railed railing plead pleads pleaded pleading shout shouted shouting
    highlight highlights highlighted highlighting encourage encourages encouraged
    answer answers answered answering chant chanted chanting assail assailed
    allege alleging blasting slamming liken likens likened bemoan bemoaned
    invoke invokes invoked invoking retweet retweeted quote quotes quoted
    remarking mentioning applaud applauded champion championed side sided
    favor favors favored favour favoured prefer prefers preferred
    deem deems deemed view views viewed doubt doubts doubted
    worry worries worried assure assures assured see sees saw
    email emailed predicting repeating signal signals
    talk talks talked talking speak speaks spoke speaking point points pointed pointing
    """)

# Stance verbs whose object is an act, a person or an attitude rather than a
# statement of fact: "Trump touted the poll", "Sanders called for a ban", "she
# wants to run", "Cruz mocked Rubio". What such a cue introduces asserts
# nothing another claim could contradict, unless a rule sees a clash in it
# (``ContradictionFinder.assertions_only``). Verbs that take a proposition
# ("fears that", "expects", "knows", "pointed out that", "vowed to") are not here.
NON_ASSERTIVE_VERBS: frozenset[str] = _word_set("""
    criticize criticizes criticized criticizing endorse endorses endorsed endorsing
    praise praises praised praising support supports supported supporting
    oppose opposes opposed opposing call calls called calling want wants wanted
    plan plans planned planning urge urges urged urging cite cites cited citing
    propose proposes proposed proposing seek seeks sought seeking
    demand demands demanded demanding condemn condemns condemned condemning
    blast blasts blasted blasting slam slams slammed slamming attack attacks attacked
    attacking tout touts touted touting welcome welcomes welcomed back backs backed
    recommend recommends recommended express expresses expressed expressing
    voice voices voiced voicing offer offers offered offering discuss discusses
    discussed discussing denounce denounces denounced denouncing decry decries decried
    decrying mock mocks mocked mocking thank thanks thanked thanking
    request requests requested requesting rail rails railed railing
    plead pleads pleaded pleading highlight highlights highlighted highlighting
    encourage encourages encouraged encouraging answer answers answered answering
    chant chants chanted chanting assail assails assailed assailing bemoan bemoaned
    invoke invokes invoked invoking applaud applauds applauded applauding
    champion champions championed favor favors favored favour favours favoured
    prefer prefers preferred ask asks asked asking question questions questioned
    questioning wonder wonders wondered vote votes voted voting talk talks talked
    talking
    """)

# Stance verbs that report something only with their particle:
# "talked about the economy", "pointed out that ...", "spoke of reform".
PARTICLE_VERBS: dict[str, frozenset[str]] = {
    **dict.fromkeys("talk talks talked talking speak speaks spoke speaking".split(),
                    frozenset({"about", "of"})),
    **dict.fromkeys("point points pointed pointing".split(), frozenset({"out", "to"})),
}

# Stance verbs that are also common nouns ("his plans", "the calls"): they need a
# subject that is a pronoun or a name right before them.
NOUN_LIKE_VERBS: frozenset[str] = _word_set(
    "call calls plan plans support supports want wants hope hopes fear fears attack "
    "attacks back backs demand demands welcome welcomes challenge challenges dispute "
    "disputes tout touts blast blasts slam slams state states tweet tweets report reports "
    "claim claims charge charges question questions pledged offer offers thanks order orders "
    "request requests answer answers view views doubt doubts worry worries favor favors "
    "favour quote quotes echo echoes side signal signals rail rails email chant highlight "
    "highlights champion"
)

# Cues whose content opens with a question word or infinitive after the listener.
QUESTION_VERBS: frozenset[str] = _word_set(
    "ask asks asked asking urge urges urged urging wonder wondered"
)

# Nouns that name a claim or a stance: "her claim that ...", "his support for ...".
CLAIM_NOUNS: frozenset[str] = _word_set("""
    claim claims assertion assertions allegation allegations accusation accusations
    argument belief view views insistence suggestion contention notion warning warnings
    promise pledge charge charges statement comments remarks assurance assurances
    prediction predictions concern concerns fear fears complaint complaints hope
    """)
STANCE_NOUNS: frozenset[str] = _word_set("""
    support criticism criticisms opposition attack attacks endorsement endorsements
    praise call calls demand demands push defense embrace rejection condemnation
    """)

# Documents that "find" or "show" things: "The poll found ...".
DOCUMENT_NOUNS: frozenset[str] = _word_set("""
    poll polls survey surveys report reports study studies data analysis records
    documents emails investigation audit review research figures numbers memo letter
    """)

# Cues that take the listener as object before the content ("told reporters that").
OBJECT_VERBS: frozenset[str] = _word_set(
    "tell tells told telling warn warns warned warning remind reminds reminded "
    "assure assures assured inform informs informed"
)

# Cues that ask something of someone, whose content is a listener and an
# infinitive ("warned Mr Brown not to be tempted", "urged them to leave"): a
# request, not a statement (claimcheck.assertion.asserts).
REQUEST_VERBS: frozenset[str] = _word_set("""
    warn warns warned warning urge urges urged urging tell tells told telling ask asks
    asked asking order orders ordered advise advises advised encourage encourages
    encouraged press pressed instruct instructed persuade persuaded implore implored
    beg begged call calls called calling push pushed remind reminded
    """)

# Words that may sit between a source and its cue ("has also said").
AUXILIARIES: frozenset[str] = _word_set(
    "has have had also later previously reportedly then would will once again "
    "repeatedly recently further separately publicly privately"
)

# Time and setting phrases that follow a cue and belong to neither source nor content.
AFTER_CUE: tuple[str, ...] = (
    "on monday", "on tuesday", "on wednesday", "on thursday", "on friday",
    "on saturday", "on sunday", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "today", "yesterday", "last week",
    "this week", "on twitter", "in a statement", "in an interview", "in a tweet",
    "in a speech", "at a rally", "at a news conference", "at a press conference",
    "to reporters", "in an email", "in a post", "morning", "night", "afternoon",
    "evening", "earlier", "recently", "also", "again", "later",
)

PRONOUNS: frozenset[str] = _word_set("he she they it we i you who which this that his her their")
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they", "we"})

# Words that may precede a name without being part of it.
TITLES: frozenset[str] = _word_set("""
    president vice mr mr. mrs mrs. ms ms. dr dr. sen sen. senator rep rep.
    representative gov gov. governor gen gen. general lt lt. col col. sgt sgt.
    capt capt. secretary minister prime former candidate nominee presidential
    republican democratic democrat u.s. us american chairman chairwoman chief
    speaker attorney judge justice rev rev. the retired spokesman
    spokeswoman spokesperson adviser advisor director leader commander
    mayor ambassador chancellor premier commissioner envoy king queen prince
    sheikh emir pope professor prof prof.
    """)

# Words of a portfolio named after "<title> of" ("Secretary of State John
# Kerry", "Director of National Intelligence James Clapper"): not the name.
PORTFOLIO_WORDS: frozenset[str] = _word_set("""
    state defense defence treasury justice energy commerce labor labour education
    health agriculture transportation transport interior homeland security
    veterans affairs housing urban development human services national
    intelligence finance foreign home trade economy environment house
    """)

# Heads of descriptions that refer back to a named speaker ("the spokesman").
ROLE_NOUNS: frozenset[str] = _word_set("""
    spokesman spokeswoman spokesperson official officials president senator
    governor minister secretary commander leader aide adviser advisor candidate
    nominee director chairman chief analyst analysts expert experts source
    sources campaign statement report
    """)

# Words that end a source noun phrase when scanning left from a cue.
NP_STOPS: frozenset[str] = _word_set("""
    and but or that because while as when if since although though after
    before so than where whereas however yet nor
    """)

# Lines that carry no claim (site furniture).
FURNITURE: tuple[str, ...] = (
    "read the rest", "read more", "click here", "share this", "advertisement",
    "related:", "sign up", "subscribe", "follow us", "comments", "leave a comment",
)

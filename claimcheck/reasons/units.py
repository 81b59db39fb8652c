"""What a number counts: the nouns of news counts in Arabic and English
(and, merged in, those of :mod:`~claimcheck.reasons.lexicon_world`), keyed by
one canonical unit ("troops", "percent"), and the groups and states of the
people counted. :mod:`~claimcheck.reasons.quantities` and
:mod:`~claimcheck.reasons.numbers` read them."""

from __future__ import annotations

from claimcheck.reasons import lexicon_world
from claimcheck.reasons.fold import (
    _norm,
    _words,
)
from claimcheck.reasons.number_words import _DUALS, _PLURAL_SCALES, _SCALES, _strip_clitic

_UNIT_FORMS = {
    "troops": "جندي جنود جنديا عسكري عسكريين عسكريا soldier soldiers troop troops servicemen",
    "fighters": "مقاتل مقاتلين مقاتلا مقاتلي مسلح مسلحين مسلحا مسلحي fighter fighters "
    "militant militants gunmen",
    "people": "شخص اشخاص شخصا نسمه people persons person individuals",
    "civilians": "مدني مدنيين مدنيا civilian civilians",
    "dead": "قتيل قتلي قتيلا ضحيه ضحايا وفاه وفيات جثه جثث dead death deaths killed "
    "fatalities died victims bodies",
    "injured": "جريح جرحي جريحا مصاب مصابين مصابا اصابه اصابات injured wounded injuries",
    "missing": "مفقود مفقودين مفقودا missing",
    "displaced": "نازح نازحين نازحا مشرد مشردين displaced homeless",
    "refugees": "لاجئ لاجئين لاجئا refugee refugees",
    "migrants": "مهاجر مهاجرين مهاجرا مهاجرون migrant migrants",
    "passengers": "راكب ركاب راكبا passenger passengers",
    "workers": "عامل عمال عاملا موظف موظفين موظفا وظيفه وظائف worker workers employee "
    "employees staff jobs",
    "families": "اسره اسر عائله عائلات family families households",
    "children": "طفل اطفال طفلا child children",
    "prisoners": "اسير اسري معتقل معتقلين معتقلا سجين سجناء prisoner prisoners detainee detainees",
    "hours": "ساعه ساعات hour hours",
    "days": "يوم ايام يوما day days",
    "weeks": "اسبوع اسابيع اسبوعا week weeks",
    "months": "شهر اشهر شهور شهرا month months",
    "years": "سنه سنوات اعوام عاما years",
    "percent": "% بالمئه بالمائه المئه المائه percent pct per",
    "dollars": "$ دولار دولارا دولارات dollar dollars usd",
    "euros": "€ يورو euro euros",
    "pounds": "£ جنيه جنيها جنيهات pound pounds sterling",
    "barrels": "برميل براميل برميلا barrel barrels bpd",
    "doses": "جرعه جرعات doses dose",
    "seats": "مقعد مقاعد مقعدا seat seats",
    "votes": "صوت اصوات صوتا vote votes ballots",
    "breaches": "خرق خروقات خرقا انتهاك انتهاكات breach breaches violation violations",
    "ships": "سفينه سفن سفينه ship ships vessel vessels",
    "containers": "حاويه حاويات container containers",
    "homes": "منزل منازل منزلا بيت بيوت home homes house houses",
    "tonnes": "طن اطنان طنا tonne tonnes ton tons",
    "km": "كيلومتر كيلومترا كيلومترات km kilometre kilometres kilometer kilometers",
    "trucks": "شاحنه شاحنات truck trucks lorry lorries",
    "villages": "قريه قري villages village",
    "hectares": "هكتار هكتارات هكتارا hectare hectares",
}
_UNIT_OF = {_norm(form): key for key, forms in _UNIT_FORMS.items() for form in forms.split()}
# French, Spanish, Portuguese, Italian, German, Turkish and Indonesian
# (:mod:`~claimcheck.reasons.lexicon_world`); an Arabic or English form
# keeps its key.
for _key, _forms in lexicon_world.UNIT_FORMS.items():
    for _form in _forms.split():
        _UNIT_OF.setdefault(_norm(_form), _key)

# Units that say nothing about the thing measured ("40 percent" of what?):
# these only compare when the claims also share a topic word.
_GENERIC_UNITS = frozenset(
    {"people", "percent", "dollars", "euros", "pounds", "hours", "days", "weeks", "months",
     "years", "tonnes", "km", "hectares"}
)  # fmt: skip
# Unit words that count only right after the number.
_RIGHT_AFTER_ONLY = frozenset({"bodies"})
# Groups of people: a count of one of them is part of a count of "people".
_GROUPS = frozenset(
    {"troops", "fighters", "civilians", "refugees", "migrants", "passengers", "children",
     "prisoners"}
)  # fmt: skip
# A quantity with one of these units is only that (``$75 a barrel`` is dollars).
_EXCLUSIVE_UNITS = ("percent", "dollars", "euros", "pounds", "hours", "days", "weeks",
                    "months", "years")  # fmt: skip
# Words that say the nearby noun is what the number counts ("عدد القتلى إلى 45").
_MEASURE_TABLE = dict.fromkeys(_words("عدد حصيله اجمالي toll number tally total count"))
# Words that name a measure or a change of something, not the thing
# measured: two percentages that share only "rate", "share" or "نسبة"
# ("نسبة المشاركة" / "نسبة النمو") measure different things, and neither
# do two that share only "well above" (a figure against a forecast). Not "growth",
# which alone is mostly the economy's ("growth of 2%" / "growth of 3%"),
# though that keeps "earnings growth of 5%" / "economic growth of 1.9%".
_NOT_THE_THING_MEASURED = _words("""
    rate rates increase decrease rise drop fall decline share level average
    change percentage proportion figure figures total number
    معدل معدلات نسبه زياده ارتفاع انخفاض تراجع حصه مستوي متوسط اجمالي عدد
    above below well
    """)
# The scales of numbers ("billion", "مليار", "thousands"): part of a number
# written in words, not what it counts.
_SCALE_WORDS = frozenset(_SCALES) | frozenset(_PLURAL_SCALES) | frozenset(_DUALS)
# Words two figures may share without being about one thing: units
# ("percent"), measures ("rate") and scales ("billion").
_NOT_WHAT_IS_COUNTED = frozenset(_UNIT_OF) | _NOT_THE_THING_MEASURED | _SCALE_WORDS


def _unit_of(word: str) -> str | None:
    found = _strip_clitic(word, _UNIT_OF)
    return _UNIT_OF[found] if found else None


# The states people counted are in, and who they are; people of any kind.
_STATES = frozenset({"dead", "injured", "missing", "displaced"})
_WHO = _GROUPS | {"workers"}
_PEOPLE = _WHO | {"people"}

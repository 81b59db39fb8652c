"""Tests for claimcheck.reasons: each kind fires on clear cases and stays quiet otherwise."""

from __future__ import annotations

import math

import pytest

from claimcheck.reasons import (
    KIND_WEIGHTS,
    MAX_BOOST,
    Reason,
    combine,
    days_apart,
    find_quantities,
    find_reasons,
    has_negation,
    is_negated,
    normalize_digits,
    other_times,
    repeats_negated_phrase,
    same_subject,
)

# The canonical pair of the seed article (shared/seeds/000_41ce228e2bd92287.txt).
SEED_SDF = "قواته ستعلن النصر في غضون أسبوع"
SEED_TRUMP = "تمت استعادة المناطق التي كان تنظيم الدولة يسيطر عليها بالكامل"
SEED_SENTENCE = (
    "وقال قائد في قوات سوريا الديمقراطية الخميس إن قواته ستعلن النصر في غضون أسبوع، "
    "ويتعارض هذا التصريح مع ما قاله الرئيس الأمريكي دونالد ترامب، الذي قال إنه تمت "
    "استعادة المناطق التي كان تنظيم الدولة يسيطر عليها بالكامل."
)


def kinds(a: str, b: str, **kwargs) -> set[str]:
    return {r.kind for r in find_reasons(a, b, **kwargs)}


def only(kind: str, a: str, b: str, **kwargs) -> Reason:
    found = [r for r in find_reasons(a, b, **kwargs) if r.kind == kind]
    assert len(found) == 1, find_reasons(a, b, **kwargs)
    return found[0]


# --- numbers -----------------------------------------------------------------


def test_normalize_digits_keeps_length():
    text = "١٤٫٥ و٢٬٠٠٠ و۳۴"
    assert normalize_digits(text) == "14.5 و2,000 و34"
    assert len(normalize_digits(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("نحو ٤٠٠ جندي", 400, "troops"),
        ("قوات قوامها 2000 جندي", 2000, "troops"),
        ("٢٬٠٠٠ جندي", 2000, "troops"),
        ("2,000 soldiers", 2000, "troops"),
        ("ألفا جندي", 2000, "troops"),
        ("ألفي جندي", 2000, "troops"),
        ("أربعمئة جندي", 400, "troops"),
        ("أربعمائة جندي", 400, "troops"),
        ("ثلاثة آلاف جندي", 3000, "troops"),
        ("غادر نحو 40 ألف شخص", 40000, "people"),
        ("two thousand troops", 2000, "troops"),
        ("four hundred soldiers", 400, "troops"),
        ("a dozen fighters", 12, "fighters"),
        ("half a million refugees", 500_000, "refugees"),
        ("نزح نصف مليون شخص", 500_000, "people"),
        ("one hundred and fifty workers", 150, "workers"),
        ("مئة وخمسون عاملا", 150, "workers"),
        ("أودى بحياة أحد عشر شخصا", 11, "people"),
        ("إحدى عشرة أسرة", 11, "families"),
        ("ثلاثة من مقاتلي التحالف", 3, "fighters"),
        ("١٤٫٥ بالمئة", 14.5, "percent"),
        ("14.5 percent", 14.5, "percent"),
        ("$75 a barrel", 75, "dollars"),
        ("1.2 million barrels a day", 1_200_000, "barrels"),
        ("ارتفع عدد القتلى إلى 45", 45, "dead"),
        ("the death toll rose to 60", 60, "dead"),
        ("floods have killed 52 people", 52, "dead"),
        ("the plan would raise $1.1 trillion", 1.1e12, "dollars"),
        ("بلغ الدين العام 2.5 تريليون دولار", 2.5e12, "dollars"),
        ("أنقذت الزوارق واحدا وأربعين شخصا", 41, "people"),
        ("كان المركب يقل 75 مهاجرا", 75, "migrants"),
        ("the coach was carrying 38 passengers", 38, "passengers"),
        ("انتشلت فرق الإنقاذ 12 جثة", 12, "dead"),
        ("the fire had burned 3,400 hectares", 3400, "hectares"),
        # a label before another number does not count; a label word with a
        # unit after the number, or a comma between, labels nothing
        ("الرحلة 716 كانت تقل 140 راكبا", 140, "passengers"),
        ("قطع المهاجرون رحلة 3000 كيلومتر", 3000, "km"),
        ("after the flight, 140 passengers fell ill", 140, "passengers"),
    ],
)
def test_find_quantities(text, value, unit):
    quantities = find_quantities(text)
    assert len(quantities) == 1, quantities
    assert quantities[0].value == pytest.approx(value)
    assert unit in quantities[0].units


def test_arabic_ahad_alone_is_someone_not_a_number():
    # "أحد" is "one of" / "someone" unless "عشر" follows ("أحد عشر" = 11)
    assert find_quantities("أحد الجنود قتل في الهجوم") == []


def test_quantity_bounds_and_surface():
    (q,) = find_quantities("more than 400 troops")
    assert q.bound == "min"
    (q,) = find_quantities("وصل نحو ٤٠٠ جندي")
    assert q.bound == "approx"
    assert q.text == "٤٠٠"
    assert "وصل نحو ٤٠٠ جندي"[q.span[0] : q.span[1]] == "٤٠٠"
    # a bound after the number; a noun after "و" counts the next number
    killed, injured = find_quantities("مقتل 11 شخصا، وإصابة 30 آخرين على الأقل")
    assert (killed.units, killed.bound) == (("people",), "exact")
    assert (injured.value, injured.units, injured.bound) == (30.0, ("injured",), "min")
    (q,) = find_quantities("200 or more protesters")
    assert q.bound == "min"


def test_a_currency_sign_starts_the_next_amount():
    two, money = find_quantities("the two raised $350 million")
    assert (two.value, two.units) == (2.0, ())
    assert (money.value, money.units) == (350_000_000.0, ("dollars",))


@pytest.mark.parametrize(("text", "values"), [
    ("debts of 14bn euros ($18.34bn; £9.6bn) this year", [14e9]),
    ("agreed to pay 260.75bn roubles (£4.8bn; $9.4bn)", [260.75e9]),
    ("an extra £4bn (about $7.4bn) over 10 years", [4e9, 10]),
    ("دفعت 20 مليون جنيه (نحو مليون دولار)", [20e6]),
    # a sum after a count of people is no conversion of it
    ("40 workers ($2m) were laid off", [40, 2e6]),
    ("it cost £4bn, or $7.4bn", [4e9]),  # "or" another currency: the same sum
    ("a fine of 6.5bn euros or about $7.4bn", [6.5e9]),
    ("رسوم تبلغ 50 مليار ين، ما يعادل 456 مليون دولار", [50e9]),
    ("عجز 1.32 مليار دينار أي ما يعادل 3.5 مليار دولار", [1.32e9]),
    ("it cost $4bn, or $7.4bn with interest", [4e9, 7.4e9]),  # one currency: two sums
    ("between 40 or 50 people ($2m)", [40, 50, 2e6]),
    # "for" is no "or"; a bare "or" may join alternatives
    ("they sold 500 shares for $2m", [500, 2e6]),
    ("he paid £300 for $400 worth of goods", [300, 400]),
    ("a fine of £4m or $5m, whichever is higher", [4e6, 5e6]),
    ("up to £500 or $700", [500, 700]),
    ("debts of 14bn euros($18.34bn)", [14e9]),
    # a sum in the same currency is a part or another figure, not a conversion
    ("The deal is worth $5bn ($2bn in cash; $3bn in shares)", [5e9, 2e9, 3e9]),
    ("Costs were $5m (vs $7m a year earlier)", [5e6, 7e6]),
    ("دفع 20 مليون دولار (مقابل 15 مليون دولار)", [20e6, 15e6]),
    # a small count without a unit converts nothing
    ("The 3 suspects (£40,000 each) were fined", [3, 40_000]),
    ("£4bn ($7.4bn; €5bn; £1bn)", [4e9, 1e9]),
    # a country's own dollar is another currency
    ("a C$5bn ($3.7bn) deal", [3.7e9]),  # the US-dollar figure is the one kept
    ("HK$10m (US$1.3m)", [1.3e6]),
    ("US$5m (C$7m)", [5e6]),
])
def test_a_conversion_into_other_currencies_is_not_an_amount_of_its_own(text, values):
    assert [q.value for q in find_quantities(text)] == values


def test_a_local_dollar_converted_is_compared_by_its_us_dollar_figure():
    assert not kinds("the contract is worth C$5bn ($3.7bn)", "the contract is worth $3.7bn")


@pytest.mark.parametrize(("a", "b", "shared"), [
    ("the ceasefire did not hold", "the ceasefire held", True),
    ("the ceasefire was not holding", "the ceasefire held", True),
    ("Smith has not led the talks", "Smith leads the talks", True),
    ("the ship did not sink", "the ship sank", True),
    ("the hostage didn't die", "the hostage died", True),
    ("the shelling of the city did not stop", "the shelling of the city stopped", True),
    ("الجيش لم ينسحب", "انسحب الجيش", True),
    ("الهدنة لم تصمد", "صمدت الهدنة", True),
    ("المفاوضات لم تتوقف", "توقفت المفاوضات", True),
    ("the budget would not put at risk the stability of the economy",
     "the mayor has failed to tackle unfairness in the tax system", False),
    ("المناورات لن تقترب من الجزر", "المناورات موجهة ضد التوجهات العدائية", False),
    # the third word after the cue is what the negated predicate is about
    ("the rebate did nothing to fix the unfair tax", "the tax rebate was £300 less", False),
    ("the engine did not catch fire", "flames came out of the engine: it caught fire", True),
])
def test_a_negation_of_a_word_the_other_claim_has_in_another_form(a, b, shared):
    from claimcheck.reasons import negates_a_shared_word

    assert negates_a_shared_word(a, b) is shared


def test_two_claims_converting_different_sums_give_no_numeric_reason():
    """One claim's conversion is not compared with another claim's figure."""
    assert not kinds("the firm has debts of 14bn euros ($18.34bn; £9.6bn)",
                     "the firm will pay 260.75bn roubles (£4.8bn; $9.4bn)")


def test_at_least_thirty_does_not_clash_with_thirty_two():
    assert not kinds("أصيب 30 شخصا على الأقل", "أصيب 32 شخصا")


@pytest.mark.parametrize(
    "text",
    ["منذ إعلانه عام 2014", "فر آلاف المدنيين", "dozens of people", "in 2019 the town"],
)
def test_years_and_vague_amounts_are_not_quantities(text):
    assert [q for q in find_quantities(text) if q.units] == []


@pytest.mark.parametrize(
    "text",
    ["passengers of flight 716 were stranded", "ركاب الرحلة 716 علقوا في المطار",
     "the council passed Resolution 2401", "صدر القرار 2401 بالإجماع",
     "under Article 5 of the treaty", "وفقا للقرار 2401"],
)
def test_numbers_that_name_things_are_not_quantities(text):
    assert find_quantities(text) == []


def test_numeric_across_languages():
    reason = only("numeric", "400 جندي", "2000 soldiers")
    assert reason.detail == "400 vs 2000 (troops)"
    assert reason.weight == KIND_WEIGHTS["numeric"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ارتفع عدد القتلى إلى 45 شخصا", "the death toll rose to 60"),
        ("حصل الحزب على 45 مقعدا", "the party won 52 seats"),
        ("turnout reached 61 percent", "turnout was 48 percent"),
        ("قوات قوامها 2000 جندي في سوريا", "لدينا أربعمئة جندي في سوريا"),
        ("the factory employs 1,200 workers", "the factory employs about 900 workers"),
        # one subject named in both
        ("the driver, Rahim Osei, had worked 1,200 hours this year",
         "Rahim Osei had worked 2,000 hours this year, the union said"),
        # far apart, but the unit says what is counted
        ("the night shift had 64 workers", "the night shift had 4 workers"),
        # a part word belonging to the next number does not make this one a part
        ("أعلن المحافظ مقتل 7 أشخاص، وإصابة 20 آخرين في انهيار الجسر",
         "قال الدفاع المدني إن انهيار الجسر أسفر عن مقتل 9 أشخاص"),
        # "بقيمة" (worth) is not "بقي" (remained): a sum of money is a total
        ("وقعت الحكومة عقدا بقيمة 20 مليون دولار", "العقد بقيمة 35 مليون دولار"),
        # British "per cent" is percent
        ("inflation was 2.5 per cent in May", "inflation was 3.1% in May"),
        # "fewer than" before a number bounds it; only after one is it a gap
        ("fewer than 50 civilians were killed in the strike",
         "80 civilians were killed in the strike"),
        # units in both languages, no shared words needed
        ("أتى الحريق على ثلاثة آلاف هكتار من الغابات", "the fire burned 1,100 hectares"),
        ("the boat left the port with 75 migrants on board", "كان المركب يقل 120 مهاجرا"),
        # rescue teams or survivors that only tell the toll make it no part
        ("قالت فرق الإنقاذ إن عدد القتلى بلغ 12 قتيلا", "بلغ عدد القتلى 30 قتيلا"),
        ("the storm killed 12 people, survivors said", "the storm killed 30 people"),
    ],
)
def test_numeric_fires(a, b):
    assert kinds(a, b) & {"count", "numeric"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # different things
        ("قتل 3 جنود في الهجوم", "أصيب 12 مدنيا في الهجوم"),
        ("he won with 54 percent of the vote", "turnout reached 61 percent"),
        ("inflation rose 12 percent", "40 percent of factories closed"),
        # a part or change of a total
        ("the factory employs 1,200 workers", "the factory will cut 300 jobs"),
        ("قوات قوامها 2000 جندي في سوريا", "نحو 400 جندي سيبقون في سوريا"),
        ("ستقدم قروضا بقيمة 20 مليار دولار", "ستقدم قرضا آخر بقيمة 150 مليون دولار"),
        # sharing only "million": money raised is not money spent
        ("the two raised $350 million for projects in the state", "his fund spent $28 million"),
        # the same amount written differently
        ("نحو 4 آلاف أسرة نزحت", "about 4,000 families had been displaced"),
        ("ألفا جندي", "2,000 troops"),
        ("about 400 soldiers", "420 soldiers"),
        ("more than 400 troops", "2000 troops"),
        # an order of magnitude apart, with a unit that does not say what is
        # counted: different things
        ("the company gave $75,000 to the convention",
         "the committee is raising $64 million for the convention"),
        ("the effective tax rate is 25 percent", "the growth rate is 2 percent"),
        # two subjects named, none in common: two people's numbers
        ("Rahim, the driver, had worked 1,200 hours this year",
         "Delgado, the conductor, had worked 2,000 hours this year"),
        # "within 24 hours" is at most 24
        ("a million messages were sent within 24 hours",
         "a million messages were sent in 10 hours"),
        # bounds: "15-plus" is at least 15, "as long as 18" at most 18
        ("the deal kept the plant open for 15-plus years",
         "the deal kept the plant open for 18 years"),
        ("the permit may run for as long as 18 years", "the permit runs for 15 years"),
        # the words of the next number are not this one's: the 30 are
        # "others", the 9 are not
        ("أعلنت الشرطة اعتقال 9 أشخاص، وإصابة 30 آخرين في المظاهرة",
         "قال المستشفى إنه عالج 12 شخصا في المظاهرة"),
        # "per second" is a rate, not "per cent"
        ("our data rates are running at about 1.2 gigabits per second",
         "DVDs have to be squashed down to about six megabits per second"),
        # "£300 less than" is a difference, not the amount
        ("he offered a £200 council tax rebate to pensioners",
         "the council tax rebate for pensioners was £300 less than the party's offer"),
        # those rescued are a part of those aboard
        ("إنقاذ 41 مهاجرا بعد غرق المركب", "كان المركب يقل 120 مهاجرا"),
        ("the coastguard rescued 41 migrants after the boat sank",
         "the boat was carrying 120 migrants when it sank"),
        ("41 migrants were rescued after the boat sank",
         "the boat was carrying 120 migrants when it sank"),
        # areas of two different things, in two languages
        ("أتى الحريق على ثلاثة آلاف هكتار من الغابات",
         "settlers seized 1,100 hectares of farmland"),
        # "bodies" of the UN are not the dead
        ("three UN bodies said the aid was blocked",
         "five people were killed when the aid convoy was blocked"),
        # "no more than" bounds, "no doubt" counts nothing
        ("the plant employs 650 workers", "the plant employs no more than 700 workers"),
        ("there is no doubt that 40 soldiers died", "40 soldiers died in the attack"),
        # an age is no count of the dead
        ("Omar Haddad, 64, died in the crash", "seven people were killed in the crash"),
        ("a 19-year-old driver died in the crash", "seven people were killed in the crash"),
        # counts far apart in claims on one thing count two things
        ("more than 10,000 soldiers took part in the offensive",
         "the army lost five soldiers in the offensive"),
        # those who died are among the passengers, not all of them
        ("eleven people died when the train left the rails",
         "the train was carrying about 400 passengers"),
        # those returning are a part of those deployed
        ("3,000 soldiers were deployed along the border",
         "around 2,000 troops will return to their barracks"),
        ("عدد الجنود المنتشرين على الحدود يبلغ 3 آلاف جندي",
         "نحو ألفي جندي سيعودون إلى ثكناتهم قبل نهاية الشهر"),
        # migrants fewer than the people aboard may be among them
        ("the boat was carrying 90 migrants", "there were 130 people on the boat"),
    ],
)
def test_numeric_quiet(a, b):
    assert not kinds(a, b) & {"count", "numeric"}


@pytest.mark.parametrize(
    ("a", "b", "detail"),
    [
        # "21 bodies" count the dead; the toll names the dead further back
        ("the floods have killed 14 people in the district",
         "21 bodies were recovered in the district", "14 vs 21 (dead)"),
        ("21 bodies were found in the floods",
         "bringing the death toll from this week's floods to 19", "21 vs 19 (dead)"),
        # more migrants than people aboard cannot be, in either order
        ("القارب كان يقل نحو مئة شخص", "القارب كان يحمل 130 مهاجرا", "~100 vs 130 (migrants)"),
        ("the boat was carrying 130 migrants", "there were 97 people on the boat",
         "130 vs 97 (migrants)"),
        # none against some, across languages
        ("النيران التهمت ثمانية منازل على أطراف القرية", "No homes were damaged",
         "8 vs 0 (homes)"),
        ("no one was killed in the attack", "two people were killed in the attack",
         "0 vs 2 (dead)"),
        # "no more than 700" is at most 700
        ("the plant employs 1,200 workers", "the plant employs no more than 700 workers",
         "1200 vs <700 (workers)"),
        # a claim that is nothing but the count
        ("130 مهاجرا", "كنا 97 شخصا على متن القارب", "130 vs 97 (migrants)"),
        # lives lost or claimed are the dead
        ("the crash claimed 23 lives", "17 people were killed in the crash",
         "23 vs 17 (dead)"),
    ],
)
def test_numeric_counts(a, b, detail):
    assert only("count", a, b).detail == detail


# --- negation ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("لم يتم التوصل إلى اتفاق لوقف إطلاق النار", "تم التوصل إلى اتفاق لوقف إطلاق النار"),
        ("وجود الخلايا النائمة ما زال يمثل تهديدا", "الخلايا النائمة لم تعد تمثل تهديدا"),
        ("قواته لم تسجل أي خرق للهدنة", "رصدت 14 خرقا للهدنة"),
        ("the factory will not close", "the factory will close next month"),
        ("the army didn't shell the village", "the army shelled the village"),
        ("8,000 postal ballots had yet to be counted", "all postal ballots were counted"),
    ],
)
def test_negation_fires(a, b):
    reason = only("negation", a, b)
    assert "negates" in reason.detail


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # no shared content
        ("the minister did not attend", "the factory will close next month"),
        # both negated
        ("لم تسجل أي إصابة", "لم تسجل أي إصابة جديدة"),
        # "still" is not a negation, nor is "however", nor the verb "changed"
        ("ما زال التنظيم يمثل تهديدا", "التنظيم يمثل تهديدا"),
        ("لا يزال الميناء مغلقا", "الميناء مغلق"),
        ("السكان لا يزالوا ينتظرون عودة الكهرباء إلى الحي", "عادت الكهرباء إلى الحي"),
        ("غير أن مصادر عسكرية قالت إن كتيبتين انسحبتا", "مصادر عسكرية قالت إن كتيبتين انسحبتا"),
        ("البيت الأبيض غير تصريحه", "البيت الأبيض غير تصريحه جزئيا"),
        # "will not leave until" asserts
        ("لن تغادرها إلا بعد هزيمة مسلحي التنظيم", "ستغادرها بعد هزيمة مسلحي التنظيم"),
        # a double negation asserts
        ("the army did not deny the strike", "the army carried out the strike"),
        # what is not known is not said to be false
        ("the cause of the fire has not yet been determined", "the cause of the fire was arson"),
        ("لم يتضح بعد سبب انهيار الجسر", "سبب انهيار الجسر هو تآكل الدعامات"),
        ("the police have not ruled out a bomb on the bus", "a bomb on the bus killed 12"),
        # "still" in any person
        ("المقاتلون لا زالوا يتحصنون في البلدة", "المقاتلون يتحصنون في البلدة"),
        ("لم يزل الجسر مغلقا", "الجسر مغلق"),
        ("لا أزال أنتظر الموافقة", "أنتظر الموافقة"),
        ("لا تزالين تعملين في المصنع", "تعملين في المصنع"),
        ("لم نزل ننتظر الموافقة", "ننتظر الموافقة"),
    ],
)
def test_negation_quiet(a, b):
    assert "negation" not in kinds(a, b)


@pytest.mark.parametrize(
    "text",
    ["there are no known cases of the virus in the city", "no confirmed cases were reported",
     "there was no clear winner in the vote", "the court did not rule on the appeal",
     "the road was not clear of debris", "لا إزالة للحواجز قبل الاتفاق"],
)
def test_known_clear_and_rule_still_negate_where_they_say_no(text):
    assert is_negated(text)


@pytest.mark.parametrize(
    "text",
    ["it was not immediately clear who fired first", "the cause has not been determined",
     "the ministry did not confirm the toll", "he was not certain the rule would apply",
     "لم يتضح بعد من أطلق النار", "سبب الحادث غير معروف", "لم يتم تحديد سبب الانفجار",
     "لم تستبعد الشرطة فرضية التفجير", "the toll has yet to be confirmed",
     "the claim could not be independently verified", "لم يكن واضحا من أطلق النار",
     "أنباء غير مؤكدة عن سقوط قتلى"],
)
def test_saying_something_is_unknown_is_no_negation(text):
    assert not is_negated(text)
    assert not has_negation(text)


@pytest.mark.parametrize(
    ("a", "b", "repeated"),
    [
        # the negated phrase stands in the other claim word for word
        ("the commission had received no formal complaints",
         "observers said they had filed formal complaints with the commission", True),
        ("لم تتلق اللجنة أي شكاوى رسمية", "قدمنا شكاوى رسمية إلى اللجنة", True),
        ("the bridge is not structurally sound", "engineers said the bridge was structurally sound",
         True),
        # a "not" and shared words, but not the negated phrase
        ("About 140 workers were on the night shift at Brightway Garments",
         "the two people who died were security guards, not Brightway workers", False),
        ("the minister did not attend the summit", "the summit opened with the minister's speech",
         False),
        # no negation at all
        ("formal complaints were filed", "formal complaints were received", False),
    ],
)
def test_repeats_negated_phrase(a, b, repeated):
    assert repeats_negated_phrase(a, b) is repeated
    assert repeats_negated_phrase(b, a) is repeated


# --- temporal ----------------------------------------------------------------


def test_seed_temporal():
    reason = only("temporal", SEED_SDF, SEED_TRUMP)
    assert reason.detail.startswith("future 'ستعلن النصر في غضون أسبوع' vs completed 'تمت استعادة")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("من المتوقع انتهاء عملية استعادة الباغوز قريبا", "تمت استعادة الباغوز بالكامل"),
        ("يواصل معركته الأخيرة لاستعادة قرية الباغوز", "the battle for Baghuz has already ended"),
        ("we expect the end of the mission soon", "the territory was fully retaken"),
        ("the battle continues", "the battle has ended"),
        ("the war has not ended", "the war is over"),
        ("the battle continues", "the town has already been retaken"),
        ("ستعلن القوات النصر في غضون أسبوع", "تم تحرير المدينة"),
        # "still" in any person; a restored service is a completed one
        ("الجيش سيطر بالكامل على البلدة", "المقاتلون ما زالوا يتمركزون في البلدة"),
        ("أعيد فتح جميع المعابر", "المعبر الشمالي ما زال مغلقا"),
        ("أعيدت المياه إلى كل أحياء البلدة", "أحياء البلدة لا تزال بلا مياه"),
        ("أعيد فتح الجسر بالكامل", "لم يزل الجسر مغلقا أمام الشاحنات"),
        ("water has been restored to every district", "several districts are still without water"),
        ("القوات لن تدخل المدينة قبل أسابيع", "تمت استعادة المدينة بالكامل"),  # will not / done
    ],
)
def test_temporal_fires(a, b):
    assert "temporal" in kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ستعلن القوات النصر في غضون أسبوع", "سنواصل القتال حتى النصر"),
        ("the mission will end soon", "the battle continues"),
        ("تمت استعادة القرية بالكامل", "the village was already retaken"),
        ("سيطرة التنظيم على القرية", "تمت استعادة القرية بالكامل"),
        ("قال إن القوات تتقدم على جبهتين", "تمت استعادة القرية بالكامل"),
        ("القمة كانت مقررة في سنغافورة", "تمت استعادة القرية بالكامل"),  # a place, not "will"
        # "already" and a bare passive say that something happened, not that
        # a process ended
        ("Labour has already broken its promise", "Labour will continue to pursue reforms"),
        ("كتيبتان انسحبتا بالفعل من المنطقة", "ألفا جندي سيعودون إلى ثكناتهم"),
        ("تعهد الوزير بالقضاء على الوباء في غضون أيام", "تم رصد 147 حالة"),
        # "أعيد" is any "re-": a reaffirmation is no restored state; an
        # earthquake ("زلزال") is no "still"
        ("المعبر ما زال مغلقا أمام الشاحنات", "أعيد التأكيد على أن المعبر مغلق أمام الشاحنات"),
        ("انتهت عمليات الإغاثة بعد الزلزال", "لا زلزال بهذه القوة ضرب المنطقة منذ قرن"),
        # "لن" / "won't" is the future: "fully" in a condition of it is no
        # completed state (still committed vs will not lift before)
        ("الولايات المتحدة ما زالت ملتزمة بنزع السلاح النووي",
         "رفع العقوبات لن يتم إلا بعد نزع السلاح النووي بالكامل"),
        ("the country is still committed to disarmament",
         "sanctions won't be lifted until the country fully disarms"),
        ("ما زالت ملتزمة بنزع السلاح النووي",
         "ورفع العقوبات فلن يتم إلا بعد نزع السلاح النووي بالكامل"),
    ],
)
def test_temporal_quiet(a, b):
    assert "temporal" not in kinds(a, b)


@pytest.mark.parametrize(
    ("date_sdf", "date_trump", "fires"),
    [
        ("2019-03-21", "2019-03-21", True),    # one day: a clash
        (None, "2019-03-23", True),             # a date unknown: a clash
        ("2019-03-23", "2019-03-21", True),     # "will" after "done": a clash
        ("2019-03-14", "2019-03-23", False),    # "done" after "will": an update
        ("2019-03-14", "2019-03-23T08:00:00+00:00", False),
        ("next week", "2019-03-23", True),      # unreadable: as unknown
    ],
)
def test_temporal_is_an_update_when_done_comes_after_will(date_sdf, date_trump, fires):
    found = kinds(SEED_SDF, SEED_TRUMP, date_a=date_sdf, date_b=date_trump)
    assert ("temporal" in found) is fires
    found = kinds(SEED_TRUMP, SEED_SDF, date_a=date_trump, date_b=date_sdf)
    assert ("temporal" in found) is fires


# --- same subject, days apart ----------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "lang_a", "lang_b", "same"),
    [
        # Unrelated claims of real Arabic news the NLI model called clashes.
        ("أشرقت ستغني في الحفل المقام على مسرح الملك فهد بالرياض",
         "المنتخب سيتوجه إلى بروكسل قبل يوم من المباراة", "ar", "ar", False),
        ("إنه أصدر الإعلان بعد طلب من السلطات المحلية", "انه استجاب لمطلبهم بعد تهديده",
         "ar", "ar", False),
        ("the factory's sprinkler system had worked as designed",
         "any exit doors had been locked", "en", "en", False),
        # One shared content word, through clitics and inflection.
        ("وعددهم 64 عاملا", "الوردية الليلية كانت تضم ٥٨ عاملا", "ar", "ar", True),
        ("the exit doors were locked at night", "no door had been locked", "en", "en", True),
        # A shared topic without a shared word ("killed" / "dead").
        ("five people were killed", "the dead included two guards", "en", "en", True),
        # Negators and reporting words are no subject: "not" is not shared.
        ("the minister would not resign", "the strike did not end", "en", "en", False),
        # The words cannot tell: other languages, no content word, unknown.
        ("the engine did not catch fire", "رأينا النيران تخرج من المحرك", "en", "ar", True),
        ("about 8,000", "more than 50,000 people took part", "en", "en", True),
        ("橋は月曜日に再開する", "警察は橋が崩壊したと言った", "ja", "ja", True),
        ("the bridge reopened", "the team flew to Brussels", None, None, True),
    ],
)
def test_same_subject_needs_a_shared_word_or_topic_in_one_language(a, b, lang_a, lang_b, same):
    assert same_subject(a, b, lang_a=lang_a, lang_b=lang_b) is same
    assert same_subject(b, a, lang_a=lang_b, lang_b=lang_a) is same


@pytest.mark.parametrize(
    ("first", "second", "days"),
    [("2018-03-08", "2018-03-08", 0), ("2018-03-08", "2018-02-27T10:00:00+00:00", 9),
     ("2017-12-31", "2018-01-02", 2), (None, "2018-01-02", None), ("soon", "2018-01-02", None)],
)
def test_days_apart(first, second, days):
    assert days_apart(first, second) == days
    assert days_apart(second, first) == days


# --- antonym -----------------------------------------------------------------


def test_seed_withdraw_vs_stay():
    reason = only("antonym", "سيسحب القوات الأمريكية في سوريا", "نحو 400 جندي سيبقون في سوريا")
    assert reason.detail == "withdraw 'سيسحب' vs stay 'سيبقون'"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ارتفعت أسعار النفط", "انخفضت أسعار النفط"),
        ("the port reopened on Monday", "the port remains closed"),
        ("the ceasefire is holding", "the ceasefire collapsed on Tuesday"),
        ("oil prices rose on Monday", "أسعار النفط تراجعت يوم الاثنين"),
        ("فاز الحزب الحاكم بالانتخابات", "خسر الحزب الحاكم الانتخابات"),
        ("we will withdraw our troops", "400 soldiers will stay"),
        # what follows "since then" / "بعد ذلك" is asserted, not a time phrase
        ("since then prices rose", "prices fell"),
        ("بعد ذلك أغلقت السلطات الميناء", "الميناء مفتوح"),
        ("the port reopened after a two-week closure", "the port remains closed"),
    ],
)
def test_antonym_fires(a, b):
    assert "antonym" in kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # no shared topic
        ("ارتفعت أسعار النفط", "انخفض عدد الزوار في المتحف"),
        # one side negated: "did not rise" agrees with "fell"
        ("prices did not rise", "prices fell"),
        # hedged
        ("سعر برنت ارتفع إلى 86 دولارا", "الأسعار قد تتراجع إذا زادت الإمدادات"),
        # "former" is not "stay"
        ("سحب الرئيس السابق القوات", "الرئيس السابق القوات"),
        # both poles on one side
        ("prices rose then fell", "prices fell"),
        # a pole in a time phrase dates the claim: "after a closure", "since it reopened"
        ("ميناء الصخيرة استأنف العمل بالكامل بعد إغلاق دام أسبوعين",
         "جميع أرصفة الميناء أعيد فتحها أمام السفن"),
        ("the port resumed work after a two-week closure",
         "six vessels had docked since the port reopened"),
        ("ميناء الصخيرة استأنف العمل وبعد إغلاق دام أسبوعين", "أعيد فتح الميناء"),
    ],
)
def test_antonym_quiet(a, b):
    assert "antonym" not in kinds(a, b)


# --- reported ----------------------------------------------------------------


def test_seed_reported_clash():
    reason = only(
        "reported", SEED_SDF, SEED_TRUMP, context_a=SEED_SENTENCE, context_b=SEED_SENTENCE
    )
    assert "يتعارض هذا التصريح" in reason.detail
    assert reason.weight == KIND_WEIGHTS["reported"]


@pytest.mark.parametrize(
    ("context", "other"),
    [
        ("The claim is at odds with the ministry's figures on the border troops.",
         "the ministry's figures on the border troops"),
        ("Contrary to what the ministry said, the troops stayed.", "the troops stayed"),
        ("ونفى وزير الدفاع ما أعلنه الجيش عن انسحاب القوات من الحدود.",
         "انسحاب القوات من الحدود"),
        ("وجاء هذا خلافا لما أعلنه الوزير عن سحب القوات من الحدود.",
         "سحب القوات من الحدود"),
    ],
)
def test_reported_fires_when_the_clash_names_the_other_claim(context, other):
    reason = only("reported", "the troops left", other, context_a=context)
    assert reason.weight == KIND_WEIGHTS["reported"]


def test_reported_quiet_when_context_does_not_mention_the_other_claim():
    assert "reported" not in kinds(
        "the port reopened",
        "exports fell last month",
        context_a="The union disputed the figures. The port reopened, the agent said.",
    )


@pytest.mark.parametrize(
    ("context", "other"),
    [
        ("Sara Lind said the alarms had worked, and denied that any fire doors had been "
         "blocked.", "any fire doors had been blocked"),
        ("ونفى وزير الدفاع أن تكون القوات قد انسحبت من الحدود.", "القوات قد انسحبت من الحدود"),
    ],
)
def test_reported_quiet_when_the_clash_word_is_the_other_claims_own_denial(context, other):
    """A denial introducing a claim is that claim's cue (weighed as a denial),
    not a clash between two claims that the article reports, whichever of the
    two the sentence is read around."""
    assert "reported" not in kinds("the alarms had worked", other, context_a=context)
    both = "Sara Lind said the alarms had worked, and denied that any fire doors had been blocked."
    assert "reported" not in kinds("the alarms had worked", "any fire doors had been blocked",
                                   context_a=both, context_b=both)


def test_reported_quiet_without_clash_words():
    context = "وقال المتحدث إن القوات تتقدم على جبهتين."
    assert "reported" not in kinds("القوات تتقدم", "القوات تتراجع", context_a=context)
    assert "reported" not in kinds("القوات تتقدم", "القوات تتراجع")


# --- find_reasons as a whole -------------------------------------------------


def test_unrelated_claims_give_nothing():
    assert find_reasons("قتل 3 جنود في الهجوم", "the weather was sunny in 2019") == []
    assert find_reasons("", "") == []


def test_other_languages_are_skipped():
    assert find_reasons("400 soldats", "2000 soldats", lang_a="fr", lang_b="fr") == []


def test_reasons_are_ordered_and_one_per_kind():
    reasons = find_reasons(
        "سعر خام برنت ارتفع إلى 86 دولارا للبرميل يوم الاثنين",
        "Brent crude fell to $79 a barrel on Monday",
    )
    assert [r.kind for r in reasons] == ["numeric", "antonym"]
    assert reasons[0].detail == "86 vs 79 (dollars)"


# --- combine -----------------------------------------------------------------


def test_combine_without_reasons_is_identity():
    for p in (0.0, 0.2, 0.5, 1.0):
        assert combine(p, []) == p


def test_combine_log_odds_bump():
    p = combine(0.5, [Reason("temporal", "", 1.0)])
    assert p == pytest.approx(1 / (1 + math.exp(-1.0)))


def test_combine_counts_each_kind_once_and_caps():
    one = combine(0.3, [Reason("numeric", "a", 1.5)])
    two = combine(0.3, [Reason("numeric", "a", 1.5), Reason("numeric", "b", 1.0)])
    assert one == pytest.approx(two)
    everything = [Reason(kind, "", w) for kind, w in KIND_WEIGHTS.items()]
    logit = math.log(0.3 / 0.7) + MAX_BOOST + KIND_WEIGHTS["count"] + KIND_WEIGHTS["reported"]
    assert combine(0.3, everything) == pytest.approx(1 / (1 + math.exp(-logit)))


def test_combine_never_lowers():
    for p in (0.0, 0.01, 0.5, 0.99, 1.0):
        assert combine(p, [Reason("numeric", "", -5.0)]) == p
        assert combine(p, [Reason("negation", "", 1.0)]) >= p


def test_combine_rejects_bad_probability():
    with pytest.raises(ValueError, match="nli_probability"):
        combine(1.5, [])


def test_ghayr_before_a_feminine_adjective_negates():
    """"غير مقبولة" (unacceptable): the adjective's "ة" folds to the letter of
    the pronoun suffix "ه", which marks the verb "غيّر" with its object
    ("غيره"); the word as written tells them apart."""
    from claimcheck.reasons import has_negation, is_negated

    assert is_negated("التصريحات البريطانية غير مقبولة")
    assert is_negated("روسيا غير قادرة على إرغام إيران على المغادرة")
    assert not has_negation("الوزير غيره بعد أسبوع")
    assert not has_negation("البيت الأبيض غير تصريحه")


# --- times ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        ("exports rose last year", "exports fell this year", True),
        ("الأعمال المقدمة هذا العام ليست مضحكة", "سنمنح جائزتين في العام المقبل لكتاب مضحك", True),
        ("the talks resume next week", "the talks ended last week", True),
        ("توقفت المحادثات الأسبوع الماضي", "ستستأنف المحادثات الأسبوع المقبل", True),
        # no time, or a time in common, or times of two spans: maybe one time
        ("exports rose last year", "exports fell", False),
        ("the army left last week", "the army said this week that it left last week", False),
        ("prices rose this year", "prices fell last month", False),
    ],
)
def test_other_times(a, b, apart):
    assert other_times(a, b) is apart
    assert other_times(b, a) is apart


def test_a_toll_that_grew_is_an_update_not_a_clash():
    before = "floods have killed 14 people in the district since Sunday"
    after = "the floods have killed 19 people in the district since Sunday"
    # dated later and higher: the toll grew
    assert not kinds(before, after, date_a="2025-04-08", date_b="2025-04-09")
    # a word before the higher count says it rose
    assert not kinds(before, "rescuers found five more bodies, bringing the death toll to 19")
    assert not kinds("انتشال 23 جثة من البحر", "عدد الجثث المنتشلة ارتفع إلى 31")
    # the same day, or a later toll that is lower: the dead do not come back
    assert only("count", before, after).detail == "14 vs 19 (dead)"
    assert "count" in kinds(before, after, date_a="2025-04-09", date_b="2025-04-08")
    assert only("count", "21 bodies were found in the floods",
                "rescuers found five more bodies, bringing the death toll from the floods "
                "to 19").detail == "21 vs 19 (dead)"


def test_close_counts_decide_and_far_ones_only_weigh():
    close = only("count", "the boat was carrying 130 migrants", "there were 97 people on the boat")
    # the rule decides over a model that reads past numbers ...
    assert combine(0.01, [close]) > 0.95
    # ... unless the model is sure the two agree
    assert combine(0.0005, [close]) < 0.8
    # counts far apart may count two things: the ordinary numeric weight
    far = only("numeric", "400 جندي", "2000 soldiers")
    assert combine(0.01, [far]) < 0.1


@pytest.mark.parametrize(("a", "b"), [
    # "at least 30" holds with 45
    ("قالت الوزارة إن ما لا يقل عن 30 مهاجرا لقوا حتفهم", "قالت الوزارة إن 45 مهاجرا لقوا حتفهم"),
    # the same noun in different states, or different people in one state
    ("Eight soldiers were killed in the ambush", "Twelve soldiers were wounded in the ambush"),
    ("Five civilians were killed in the strike", "Eight militants were killed in the strike"),
    # "no" counts the noun right after it, and a measure counts nothing
    ("Officials gave no death toll for the attack", "The attack killed 6 people"),
    ("The army said no civilians were killed in the strike",
     "The army said the strike killed 12 militants"),
    # a year is no toll, and a measure word in another sentence is not this number's
    ("The death toll from the floods that hit the region during 2022 was revised",
     "The floods killed 1,700 people"),
    ("Officials did not give a death toll for the attack. Police detained 4.",
     "The attack killed 6 people"),
    # those arrested are not all the people there
    ("Police said 40 people were injured in the protest",
     "Police said 30 people were arrested in the protest"),
    # "bodies" before a number are not the dead
    ("Aid bodies said 300 had fled the town", "The attack on the town killed 250 people"),
])
def test_count_quiet(a, b):
    assert "count" not in kinds(a, b)


def test_a_toll_of_soldiers_that_grew_is_an_update():
    a, b = "21 soldiers were killed in the attack", "31 soldiers were killed in the attack"
    assert not kinds(a, b, date_a="2024-05-04", date_b="2024-05-05")
    assert "count" in kinds(a, b)


@pytest.mark.parametrize(("text", "value", "units"), [
    ("floods killed 12 people this week", 12.0, ("dead",)),
    ("only 500 doses arrived last week", 500.0, ("doses",)),
    ("12 قتيلا هذا الأسبوع", 12.0, ("dead",)),
    ("the strike lasted 3 weeks", 3.0, ("weeks",)),
])
def test_a_time_after_a_count_is_not_what_it_counts(text, value, units):
    assert [(q.value, q.units) for q in find_quantities(text)] == [(value, units)]


@pytest.mark.parametrize(("a", "b"), [
    # a total against a group within it
    ("The blast killed 30 people, including 20 soldiers", "Twenty soldiers died in the blast"),
    # a plan or a capacity against what happened
    ("The army plans to deploy 5,000 troops to the border",
     "3,000 troops have been deployed to the border"),
    ("The ferry is licensed to carry 300 passengers", "The ferry was carrying 500 passengers"),
    # a rate against one day
    ("About 300 migrants arrive on the island every day",
     "About 450 migrants arrived on the island on Sunday"),
    # a range
    ("Between 20 and 30 people were injured in the blast",
     "Twenty-five people were injured in the blast"),
    # two days
    ("12 people were killed on Monday in the city", "20 people were killed on Tuesday in the city"),
    # homes destroyed and homes damaged: neither says how many there were
    ("The storm destroyed 300 homes in the village", "The storm damaged 500 homes in the village"),
])
def test_close_counts_that_need_not_be_one_count_do_not_decide(a, b):
    assert "count" not in kinds(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("12 people were killed on Monday in the city", "20 people were killed on Tuesday in the city"),
    ("قُتل 11 مدنيا، السبت، في غارة على المدينة", "وقتل مساء الجمعة 16 مدنيا في غارة على المدينة"),
])
def test_figures_of_two_named_days_give_no_numeric_reason(a, b):
    assert not kinds(a, b)


def test_yesterday_may_be_the_other_claims_weekday():
    assert kinds("12 people were killed in the strike yesterday",
                 "20 people were killed in the strike on Monday")
    assert kinds("12 people were killed in the strike today",
                 "20 people were killed in the strike tonight")


def test_a_day_that_opens_a_period_may_hold_the_other_day():
    # "since Sunday" may hold Tuesday: the figures may be of one thing.
    assert kinds("21 bodies were recovered since Sunday",
                 "only 12 bodies were recovered on Tuesday")
    # one day in two languages
    assert kinds("قتل 11 مدنيا في الغارة الأحد", "16 civilians were killed in the strike on Sunday")


def test_counts_of_those_present_decide():
    assert only("count", "«كنا 97 شخصا على متن القارب»",
                "القارب كان يحمل 130 مهاجرا").detail == "97 vs 130 (migrants)"
    assert only("count", "there were 58 workers on the night shift",
                "the number of workers on the night shift was 64").detail == "58 vs 64 (workers)"
    assert only("count", "خمسة آلاف جندي ينتشرون على الحدود",
                "3,000 soldiers were deployed along the border").detail == "5000 vs 3000 (troops)"


@pytest.mark.parametrize(("text", "units"), [
    ("Twenty-three of our soldiers gave their lives for this victory", ("troops", "dead")),
    ("23 people lost their lives in the floods", ("dead",)),
    ("the crash claimed 23 lives", ("dead",)),
    ("government losses stood at 17 soldiers", ("troops", "dead")),
])
def test_lives_lost_and_a_sides_losses_count_the_dead(text, units):
    (q,) = find_quantities(text)
    assert q.units == units


@pytest.mark.parametrize(("text", "value", "bound"), [
    ("the reservoir had fallen to less than a third of its capacity", 100 / 3, "max"),
    ("two thirds of the seats", 200 / 3, "approx"),
    ("half the workers were sent home", 50, "approx"),
    ("more than half of voters backed him", 50, "min"),
    ("one quarter of the budget", 25, "approx"),
    ("تراجع المخزون إلى ثلث طاقته", 100 / 3, "approx"),
    ("ثلاثة أرباع السكان", 75, "approx"),
])
def test_fractions_are_percentages(text, value, bound):
    (q,) = find_quantities(text)
    assert (q.units, q.bound) == (("percent",), bound)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text", [
    "on the third day", "profit in the third quarter", "half an hour later",
    "انتظرنا نصف ساعة", "the third of March",
    "Inflation slowed in the second half of the year", "the highest in a quarter of a century",
    "Winning is only half the battle", "the march was a third of the way to parliament",
    "Three quarters of an hour later", "a tenth of a percentage point",
    "the budget was cut in half",
    "profits were reduced by a third", "يمكننا أن نصف نسبة المشاركة بأنها مقبولة",
    "ارتفعت الأسعار بعد عامين ونصف من الحرب", "تأهل المنتخب إلى الدور ربع النهائي",
    "تقريرها ربع السنوي", "منذ ربع قرن"])
def test_ordinals_and_times_are_no_fractions(text):
    assert [q for q in find_quantities(text) if "percent" in q.units] == []


@pytest.mark.parametrize(("text", "value"), [
    ("Two and a half million refugees are in Turkey", 2_500_000),
    ("One and a half million people have fled", 1_500_000),
    ("لجأ مليون ونصف المليون شخص", 1_500_000),
    ("two and a half years", 2.5),
])
def test_and_a_half(text, value):
    (q,) = find_quantities(text)
    assert q.value == value and not q.fraction


def test_a_fraction_is_a_round_figure():
    # journalists round: "about a quarter" may be 30 percent, "nearly half" 41
    assert not kinds("About a quarter of the budget goes to defence",
                     "30 percent of the budget goes to defence") & {"count", "numeric"}
    assert not kinds("Nearly half of the workers joined the strike",
                     "41 percent of the workers joined the strike") & {"count", "numeric"}
    # the whole after a fraction is no count of the injured
    assert not kinds("More than half of the 400 passengers were injured",
                     "250 passengers were injured") & {"count", "numeric"}


def test_a_fraction_against_a_percentage_across_languages():
    reason = only("numeric", "تراجع المخزون إلى 40 في المئة من طاقته الاستيعابية",
                  "the reservoir had fallen to less than a third of its capacity",
                  lang_a="ar", lang_b="en")
    assert reason.detail == "40 vs <33.33 (percent)"


@pytest.mark.parametrize("text", [
    "the surgeons saved 23 lives",  # lives saved are no dead
    "Five people nearly lost their lives when the boat capsized",
    "Some 50 miners could lose their lives if the rescue is delayed",
    "The 3 hostages feared they would lose their lives",
    "More than 200 nurses gave their lives to caring for the sick",
    "Despite heavy losses 10,000 fighters remain in the city",
    "the bank reported losses of 17 million dollars",  # money lost
    "23 people lost their homes",
    "23 people fled. Many lost their lives later",  # another sentence
])
def test_no_dead_without_lives_lost(text):
    assert all("dead" not in q.units for q in find_quantities(text))


def test_an_arabic_past_verb_shares_its_stem_with_the_verbal_noun():
    # "دفعت" (she paid) and "دفع" (paying): a denial of paying any ransom
    # against a report that the company paid the kidnappers
    (reason,) = find_reasons("ليس صحيحا أن دفع أي فدية للخاطفين",
                             "الشركة المشغلة دفعت 200 ألف دولار للخاطفين")
    assert reason.kind == "negation" and "دفع" in reason.detail


_MARCH = ("Organisers said more than 50,000 people had taken part, while police put the "
          "figure at about 8,000.")


def test_a_figure_put_on_the_count_of_its_own_sentence_is_a_count_clash():
    (reason,) = find_reasons("more than 50,000 people had taken part",
                             "the figure at about 8,000", context_a=_MARCH, context_b=_MARCH)
    assert reason.kind == "count" and reason.detail == ">50000 vs ~8000 (people)"


@pytest.mark.parametrize(("a", "b", "context"), [
    # the figure agrees
    ("more than 50,000 people had taken part", "the figure at about 60,000", _MARCH),
    # the figure is not put on the other claim of its sentence
    ("more than 50,000 people had taken part", "the figure at about 8,000", None),
    ("more than 50,000 people had taken part", "the figure at about 8,000",
     "Police put the figure at about 8,000."),
])
def test_no_figure_clash_without_disagreement_in_one_sentence(a, b, context):
    assert find_reasons(a, b, context_a=context, context_b=context) == []


@pytest.mark.parametrize("text", [
    "all passengers were unharmed",
    "all 186 people aboard escaped unhurt",
    "جميع ركاب الرحلة لم يصابوا بأذى",
    "لم يصب أحد بأذى",
    "no one was hurt",
])
def test_everyone_unharmed_is_a_count_of_no_injured(text):
    zero = [q for q in find_quantities(text) if q.value == 0]
    assert [q.units for q in zero] == [("injured",)]


@pytest.mark.parametrize("text", [
    "the driver was unharmed",  # one person, not all
    "the building was not damaged",
    "all hostages were unharmed",  # no group the rule can place
    "All but two of the passengers were unharmed",
    "all the passengers were unharmed except two who suffered minor cuts",
    "جميع الركاب لم يصابوا بأذى باستثناء اثنين",
    "Almost all the passengers were unharmed",
    "All the passengers were evacuated and the pilot was unharmed",
    "قال جميع الشهود إن السائق لم يصب بأذى",
    "officials hoped all the passengers would be unharmed",
    "لم يصب أي من الصواريخ أهدافه",  # none of the missiles hit its target
])
def test_no_count_of_no_injured_unless_everyone_was_unharmed(text):
    assert not [q for q in find_quantities(text) if q.value == 0]


@pytest.mark.parametrize(("text", "units"), [
    ("Three passengers were taken to hospital with minor injuries", ("passengers", "injured")),
    ("12 people were hurt", ("injured",)),
    # the clause of the next count is not this one's
    ("5 people were killed and 12 taken to hospital", ("dead",)),
    ("41 migrants were rescued and taken to hospital", ("migrants",)),
    # a visit to hospital is no injury, nor is harm to a business
    ("Three passengers were taken to hospital as a precaution", ("passengers",)),
    ("Higher tariffs hurt 300 companies last year", ()),
    # those who died later are not the injured
    ("Two people taken to hospital with injuries later died", ("people",)),
])
def test_people_with_injuries_or_hurt_are_injured(text, units):
    assert find_quantities(text)[0].units == units


def test_all_unharmed_against_some_injured_across_languages():
    (reason,) = find_reasons("جميع ركاب الرحلة وعددهم 186 شخصا لم يصابوا بأذى",
                             "Three passengers were taken to hospital with minor injuries")
    assert reason.kind in ("count", "numeric") and reason.detail.startswith("0 vs 3")



def test_the_whole_of_a_part_is_not_in_its_state():
    # "Two of the 10 climbers died": the two died, not the ten
    assert "dead" in find_quantities("10 climbers died")[0].units
    _, ten = find_quantities("Two of the 10 climbers died")
    assert ten.value == 10 and "dead" not in ten.units


@pytest.mark.parametrize(("a", "b"), [
    # a figure far from the count, or a count of people in a state
    ("3 people were arrested", "the turnout at about 100,000"),
    ("4 officers were injured", "the turnout at about 100,000"),
])
def test_no_figure_clash_with_a_count_of_something_else(a, b):
    context = f"Police said {a}, while organisers put {b}."
    assert find_reasons(a, b, context_a=context, context_b=context) == []


@pytest.mark.parametrize(("a", "b"), [
    ("الشيخ حكمت الهجري لم يحضر الاجتماع", "أصدر القاضي حكما في الاجتماع"),
    ("لم تصل المساعدات إلى بيروت", "وصلت المساعدات إلى بيرو"),
])
def test_a_name_in_t_shares_no_stem_with_a_verb(a, b):
    assert find_reasons(a, b) == []



@pytest.mark.parametrize("text", [
    "قال المتحدث إن جميع ركاب الرحلة لم يصابوا بأذى",  # "said that all ... unharmed"
    "All 186 passengers were unharmed. But officials were worried.",  # "but" of another sentence
])
def test_everyone_unharmed_after_that_or_before_another_sentence(text):
    assert [q.units for q in find_quantities(text) if q.value == 0] == [("injured",)]


@pytest.mark.parametrize(("text", "value", "state"), [
    ("186 passengers were not hurt", 186, "injured"),
    ("Twelve passengers survived and two lost their lives", 12, "dead"),
    ("Three climbers were rescued, two lost their lives", 3, "dead"),
])
def test_a_state_of_others_or_negated_is_not_this_counts(text, value, state):
    (q,) = [q for q in find_quantities(text) if q.value == value]
    assert state not in q.units


def test_an_arabic_noun_with_the_article_keeps_its_t():
    from claimcheck.reasons.fold import _keys

    assert "الزي" not in _keys("الزيت") and "دفع" in _keys("دفعت")


def test_all_of_a_group_unharmed_against_some_of_it_injured_in_one_language():
    (reason,) = find_reasons("all passengers were unharmed", "three passengers were injured")
    assert (reason.kind, reason.detail) == ("count", "0 vs 3 (injured)")
    # another group, or a precaution, is no clash
    assert find_reasons("all passengers were unharmed", "two crew members were injured") == []
    assert find_reasons("all passengers were unharmed",
                        "three passengers were taken to hospital as a precaution") == []


def test_counts_compared_across_other_languages_by_unit():
    # Turkish and Arabic, French and English: the units alone say what is counted
    (reason,) = find_reasons("الحافلة كانت تقل 42 راكبا", "otobüste 46 yolcu bulunduğunu",
                             lang_a="ar", lang_b="tr")
    assert reason.detail == "42 vs 46 (passengers)"
    (reason,) = find_reasons("Aucun navire n'a été déchargé depuis lundi",
                             "staff had unloaded two container ships on Tuesday",
                             lang_a="fr", lang_b="en")
    assert (reason.kind, reason.detail) == ("count", "0 vs 2 (ships)")
    # a bound the other count lies within is no clash ("up to 250")
    assert find_reasons("kapal itu memiliki izin untuk mengangkut hingga 250 penumpang",
                        "230 passengers were on board", lang_a="id", lang_b="en") == []
    # within one such language no rule reads the words around the numbers
    assert find_reasons("Aucun navire n'a été déchargé", "Sept navires attendaient au large",
                        lang_a="fr", lang_b="fr") == []
    # a language without a lexicon gives nothing
    assert find_reasons("42 راكبا", "46 пассажиров", lang_a="ar", lang_b="ru") == []


@pytest.mark.parametrize(("text", "value", "units", "bound"), [
    ("más de 200 personas murieron", 200, ("people",), "min"),
    ("sekitar 40 penumpang", 40, ("passengers",), "approx"),
    ("Aucun blessé n'a été signalé", 0, ("injured",), "exact"),
    # the ferry is not what is counted
    ("All 230 people aboard a passenger ferry", 230, ("people",), "exact"),
])
def test_counts_in_other_languages(text, value, units, bound):
    (q,) = find_quantities(text)
    assert (q.value, q.units, q.bound) == (value, units, bound)


@pytest.mark.parametrize(("text", "lang", "value", "units"), [
    ("il 40 per cento dei lavoratori", "it", 40, ("percent",)),
    ("10 pour cent des salariés", "fr", 10, ("percent",)),
    ("deux cents soldats", "fr", 200, ("troops",)),
    ("treinta y cinco soldados", "es", 35, ("troops",)),
    ("3,500 personas", "es", 3500, ("people",)),
])
def test_counts_as_their_languages_write_them(text, lang, value, units):
    from claimcheck.reasons.lexicon_world import english_numbers

    (q,) = find_quantities(english_numbers(text, lang))
    assert (q.value, q.units) == (value, units)


def test_an_indonesian_time_is_no_count():
    assert find_quantities("Api muncul sekitar pukul 07.30 WITA") == []


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("1.200 personas murieron", "es", 1200),
    ("plus de 1 200 conteneurs", "fr", 1200),
    ("46.000 yolcu", "tr", 46000),
    ("3,5 milyar dolar", "tr", 3.5e9),
    ("200 mil pessoas", "pt", 200000),
    ("McCoy demande 250 000 $.", "fr", 250000),
    ("gasta $ 7 mil millones en inteligencia", "es", 7e9),
    ("pendant vingt-cinq ans", "fr", 25),
    ("yirmi beş yıl", "tr", 25),
    ("dua puluh lima orang", "id", 25),
])
def test_numbers_written_as_their_language_writes_them(text, lang, value):
    from claimcheck.reasons.lexicon_world import english_numbers

    (q,) = find_quantities(english_numbers(text, lang))
    assert q.value == value
    # the same figure written in English is no clash, another one is
    english = f"{value:,.0f} {q.units[0]}"
    assert find_reasons(text, english, lang_a=lang, lang_b="en") == []
    from claimcheck.reasons.units import _GENERIC_UNITS

    if q.units[0] not in _GENERIC_UNITS:  # people, money, time: only with a shared word
        other = value / 2 if q.bound == "min" else 2 * value  # "plus de 1 200": not 600
        assert find_reasons(text, f"{other:,.0f} {q.units[0]}", lang_a=lang, lang_b="en")


def test_a_turkish_capital_i_stays_in_its_word():
    from claimcheck.reasons.fold import _fold

    assert [t.text for t in _fold("İzmir'de 12 yolcu").tokens][0].startswith("izmir")


def test_a_day_of_a_month_is_a_date_in_other_languages_too():
    from claimcheck.reasons.lexicon_world import english_numbers

    assert [q.value for q in find_quantities(english_numbers(
        "52 personnes ont été tuées le 7 juillet.", "fr"))] == [52]


@pytest.mark.parametrize(("text", "lang", "english"), [
    # "dos" is two in Spanish, "of the" in Portuguese
    ("A greve dos trabalhadores durou uma semana", "pt", "2,000 workers went on strike"),
    ("a maioria dos passageiros morreu", "pt", "40 passengers died"),
    # "cents" multiplies; "pour cent" is percent
    ("deux cents soldats", "fr", "200 soldiers"),
    ("10 pour cent des salariés", "fr", "40 workers"),
    # a year before a currency sign and its number
    ("nel 2019 € 30 milioni", "it", "30 million euros"),
])
def test_no_clash_from_a_word_of_another_language(text, lang, english):
    assert find_reasons(text, english, lang_a=lang, lang_b="en") == []


def test_plus_is_a_bound_in_french_only():
    (_, civilians) = find_quantities("killed 12 soldiers plus 3 civilians")
    assert civilians.bound == "exact"


def test_a_superscript_digit_is_no_number():
    # "km ²" in an Indonesian article raised ValueError in the number reader
    assert [q.value for q in find_quantities("luas wilayah 7.300 km ², 20 kecamatan")] == [
        7.3, 20]
    assert [q.value for q in find_quantities("an area of 50 km² and 5² things")] == [50, 5]


def test_turkish_number_words_with_a_dotted_capital():
    from claimcheck.reasons.lexicon_world import english_numbers

    assert english_numbers("İki yolcu ve Yirmi Beş asker", "tr") == "2 yolcu ve 25 asker"
    assert english_numbers("3 MİLYAR dolar", "tr") == "3 billion dolar"  # raised KeyError


@pytest.mark.parametrize(("text", "lang", "written"), [
    ("L'attaque a fait dix-huit morts.", "fr", "L'attaque a fait 18 morts."),
    ("vingt-cinq ans", "fr", "25 ans"),
    ("murieron 3 soldados y cinco civiles", "es", "murieron 3 soldados y 5 civiles"),
    ("cinquenta e duas pessoas", "pt", "52 pessoas"),
    ("tiga ratus orang", "id", "300 orang"),
    ("Plus de 300 morts", "fr", "over 300 morts"),
    # runs read no other way stay as written, never as a part of them
    ("soixante-dix morts", "fr", "soixante-dix morts"),
    ("trente et un morts", "fr", "trente et un morts"),
    ("sesenta y un pasajeros", "es", "sesenta y un pasajeros"),
    ("deux cent cinquante morts", "fr", "deux cent cinquante morts"),
    ("dua belas orang", "id", "dua belas orang"),
])
def test_number_words_read_whole_or_not_at_all(text, lang, written):
    from claimcheck.reasons.lexicon_world import english_numbers

    assert english_numbers(text, lang) == written


@pytest.mark.parametrize(("text", "english"), [
    ("L'attaque a fait dix-huit morts.", "The attack left 18 dead."),
    ("soixante-quinze morts", "75 dead"),
    ("Plus de 300 morts ont été recensés.", "The attack left 350 dead."),
])
def test_no_clash_from_a_french_number_read_in_part(text, english):
    assert find_reasons(text, english, lang_a="fr", lang_b="en") == []


def test_a_superscript_number_is_no_year_either():
    assert [q.value for q in find_quantities("The death toll ¹²³⁴ rose to 19.")] == [19]


@pytest.mark.parametrize(("a", "b", "lang", "compared"), [
    # a shared measure word ("rate", "نسبة") says nothing of what is measured
    ("the turnout rate was 40%", "the interest rate was 3%", "en", False),
    ("نسبة المشاركة في الانتخابات بلغت 40%", "نسبة النمو بلغت 3%", "ar", False),
    # a scale ("billion") is part of the number; "well above" places it
    ("earnings of $8.42 a share, well above the $8.04 forecast",
     "a profit of $1.78 per share, well above the $1.11 a share of a year ago", "en", False),
    ("the fund raised $2 billion", "exports brought in $5 billion", "en", False),
    # "growth" alone is mostly the economy's
    ("the growth rate was 2%", "growth of 3% this year", "en", True),
    ("بلغ معدل النمو 2%", "معدل النمو 3%", "ar", True),
    # a shared thing measured still compares
    ("the unemployment rate rose to 12%", "unemployment stood at 7%", "en", True),
    ("ارتفعت نسبة البطالة إلى 12%", "نسبة البطالة بلغت 7%", "ar", True),
])
def test_two_figures_compare_only_when_they_measure_one_thing(a, b, lang, compared):
    assert ("numeric" in kinds(a, b, lang_a=lang, lang_b=lang)) is compared


def test_a_reason_reads_the_same_in_every_process():
    """The shared words a reason names do not depend on the order of a set,
    which changes with each process's hash seed ("بعثة" has the keys "بعث"
    and "عثه", both of three letters)."""
    import os
    import subprocess
    import sys

    code = ("from claimcheck.reasons import find_reasons; print(find_reasons("
            "'لم تصل بعثة المنظمة إلى المدينة', 'وصلت بعثة المنظمة إلى المدينة', "
            "lang_a='ar', lang_b='ar'))")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)},
                              check=True).stdout for seed in range(8)}
    assert len(outputs) == 1, outputs

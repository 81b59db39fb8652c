"""Arabic word lists of the attribution rules (:mod:`.rules`), in normalised form.

The lexicons shared with speaker linking (reporting verbs, participles,
complementisers, role nouns) are in :mod:`claimcheck.text.lexicon_ar`; these
are the small sets the rules alone use.
"""

from __future__ import annotations

from claimcheck.text.attribution.tokens import word_set

# Prepositions that open a time or place after the source: "قال الوزير خلال ...".
TIME_PREPOSITIONS = word_set("خلال يوم امام عبر اثناء بعد قبل منذ حتي")
# What "أمام" (before) is said before, after a reporting verb, when it is no
# imam ("قال إمام المسجد" normalises to the same letters).
AUDIENCES = word_set("""
    مجلس البرلمان برلمان الصحفيين الصحافيين الجمعية المحكمة محكمة قاضي القاضي
    انصاره انصارها حشد الكونغرس النواب لجنة اللجنة المؤتمر مؤتمر الامم وسائل
    الجمهور المحققين النيابة
""")
# Times that may follow a verb before its subject or content ("وأعلن الشهر
# الماضي أن"): never the source.
TIME_NOUNS = word_set("""
    الشهر الاسبوع العام السنة اليوم امس الليلة صباح مساء فجر ظهر
    الاثنين الثلاثاء الاربعاء الخميس الجمعة السبت الاحد
""")
# "بحسب X", "وفقا لـ X", "نقلا عن X": the source follows, the content is the clause.
ACCORDING = word_set("بحسب حسب حسبما وفقا وفق طبقا نقلا")
# Prepositions left at the end of a source cut before its listener.
TRAILING = word_set("الي عن من ب علي")
# Nouns of belief and feeling: after a verb they are its object, not who
# speaks ("تصريحات ترامب تؤكد الاعتقاد السائد لديه أن ...": the belief is
# confirmed, it says nothing).
BELIEF_NOUNS = word_set("الاعتقاد الانطباع الشعور القناعة الشكوك المخاوف الفكرة الظن")
# Kinds of place whose name follows them: "السلطات في مدينة بيشاور".
PLACE_NOUNS = word_set("مدينة محافظة ولاية منطقة اقليم بلدة قرية مقاطعة مخيم حي ضاحية جزيرة")
# Directions that place a name further: "بيشاور شمال غرب باكستان".
DIRECTIONS = word_set("شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط")
# Verbs of passing words on: "ونقلت وكالة رويترز عن مسؤول ... قوله إن": the
# one after "عن" speaks, the subject relays.
RELAY_VERBS = word_set("نقل نقلت نقلوا ينقل تنقل")
# The verbal noun that follows the one quoted in a relay ("عن X قوله إن",
# "عن شهود عيان القول إن", "عن لافروف وصفه ... بأنها"): the source ends there.
RELAY_MARKERS = word_set("""
    قوله قولها قولهم قولهما قولهن القول وصفه وصفها وصفهم تاكيده تاكيدها تاكيدهم
    """)
# Verbs of showing and publishing that an according-to phrase names before
# its source ("وفق ما أظهرت صور", "حسب ما أورد موقع", "وفق ما جاء في البيان"),
# besides the reporting verbs.
SHOWING_VERBS = word_set("""
    اظهر اظهرت اورد اوردت نشر نشرت نقل نقلت نقلوا جاء ورد بث بثت روي روت
    اكدته اعلنته
    """)
# Pronouns that repeat the verb's object after "ما" ("وفق ما أفاد به",
# "وفق ما أعلنت عنه السلطات").
RESUMPTIVES = word_set("به بها عنه عنها فيه فيها")

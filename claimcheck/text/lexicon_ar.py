"""Arabic word lists for attribution, written in normalised form.

Every entry is spelled as :func:`claimcheck.text.speakers.normalize_arabic`
leaves it: no diacritics or tatweel, hamzated alefs as bare alef, final ya
for alef maqsura. Rules compare normalised words against these sets.
"""

from __future__ import annotations


def _word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words``."""
    return frozenset(words.split())

# Reporting verbs (past and present, masculine, feminine, plural), without the
# conjunction prefix و/ف, which the rules strip before lookup.
REPORTING_VERBS: frozenset[str] = _word_set("""
    قال قالت قالوا قالا يقول تقول يقولون تقولان
    اضاف اضافت اضافوا يضيف تضيف
    اعلن اعلنت اعلنوا يعلن تعلن
    اكد اكدت اكدوا يؤكد تؤكد يؤكدون
    نفي نفت نفوا ينفي تنفي
    صرح صرحت يصرح تصرح
    اوضح اوضحت يوضح توضح
    ذكر ذكرت يذكر تذكر
    اشار اشارت يشير تشير
    افاد افادت يفيد تفيد
    زعم زعمت يزعم تزعم
    اعتبر اعتبرت يعتبر تعتبر
    راي رات يري تري يرون
    حذر حذرت يحذر تحذر
    كشف كشفت يكشف تكشف
    اعترف اعترفت يعترف تعترف
    ادعي ادعت يدعي تدعي
    توقع توقعت يتوقع تتوقع يتوقعون
    اكدوا اعلنوا ردد
    شدد شددت يشدد تشدد
    تابع تابعت
    استبعد استبعدت استبعدوا يستبعد تستبعد
    قدر قدرت قدروا يقدر تقدر
    رجح رجحت رجحوا يرجح ترجح
    توقعوا
    """)

# Verbs whose object may be a verbal noun instead of a clause: "أعلن الجيش
# انسحاب قواته", "نفت الشركة دفع أي فدية", "وقدرت المنظمة عدد النازحين بـ ...".
MASDAR_VERBS: frozenset[str] = _word_set("""
    اعلن اعلنت اعلنوا يعلن تعلن
    نفي نفت نفوا ينفي تنفي
    استبعد استبعدت استبعدوا يستبعد تستبعد
    توقع توقعت توقعوا يتوقع تتوقع
    قدر قدرت قدروا يقدر تقدر
    رجح رجحت يرجح ترجح
    """)

# Verbs whose verbal-noun object takes the preposition bi- ("أفاد سكان بعودة
# التيار", residents reported the power's return).
BI_MASDAR_VERBS: frozenset[str] = _word_set("افاد افادت افادوا يفيد تفيد")

# Adverbial participles that attach a claim to the clause's subject ("قائلا إن").
PARTICIPLES: frozenset[str] = _word_set("""
    قائلا قائلة قائلين مضيفا مضيفة مضيفين مؤكدا مؤكدة مؤكدين
    مشيرا مشيرة مشيرين موضحا موضحة لافتا لافتة معتبرا معتبرة
    متوقعا متوقعة مستبعدا مستبعدة مرجحا مرجحة محذرا محذرة
    """)

# Participles whose object may be a verbal noun ("متوقعا عودة التيار").
MASDAR_PARTICIPLES: frozenset[str] = _word_set("متوقعا متوقعة مستبعدا مستبعدة مرجحا مرجحة")

# Complementisers that open the content ("إن", "أن" and their pronoun forms).
COMPLEMENTIZERS: frozenset[str] = _word_set("""
    ان انه انها انهم انهن انهما انني انا اننا بان بانه بانها بانهم بانهما بانهن بانني باننا لان
    """)

# Prepositions that open "according to" sources.
ACCORDING_TO: tuple[str, ...] = ("بحسب", "حسب", "حسبما", "وفقا ل", "وفقا", "طبقا ل", "نقلا عن")

# Words between a cue and its complementiser that are neither source nor content.
NON_SOURCE: frozenset[str] = _word_set("""
    الخميس الجمعة السبت الاحد الاثنين الثلاثاء الاربعاء اليوم امس ايضا
    مساء صباح الليله الليلة في بيان بلاغ تصريح تصريحات مؤتمر صحفي صحفيه لاحقا
    من جهته جهتها بدوره بدورها كذلك مجددا
    """)

# Words that start a listener phrase after the source ("لوكالة رويترز").
RECIPIENT_PREFIXES: tuple[str, ...] = (
    "لوكاله", "لوكالة", "للصحفيين", "للصحافيين", "لصحيفه", "لصحيفة", "لقناه", "لقناة",
    "لشبكه", "لشبكة", "لبي", "لتلفزيون", "لاذاعه", "لاذاعة", "لموقع", "للتلفزيون",
    "لرويترز", "لفرانس", "للجزيره", "للجزيرة", "للعربيه", "للعربية", "لسكاي", "للاناضول",
    "للحره", "للحرة", "لاسوشيتد",
)

# A day or a part of one, and the words that name which: "(وفي) يوم الثلاثاء"
# is when something was said, not who said it ("اليوم السابع", a newspaper,
# names no day).
DAY_WORDS: frozenset[str] = _word_set("يوم صباح مساء ليلة ليله فجر ظهر")
DAY_NAMES: frozenset[str] = _word_set("""
    الاثنين الثلاثاء الاربعاء الخميس الجمعة الجمعه السبت الاحد امس اليوم الماضي نفسه ذاته
    """)

# Words after "في" that make it a time or setting, not part of the source.
TIME_WORDS: frozenset[str] = _word_set(
    """
    يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
    كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين وقت حين الصباح المساء
    ساعة ساعه مقابلة مقابله حديث تصريحات تصريح بيان مؤتمر كلمة كلمه تغريدة تغريده
    بيانه بيانها تصريحاته تصريحاتها مقابلته مقابلتها حديثه حديثها كلمته كلمتها
    تغريدات تغريداته تغريداتها تغريدته تغريدتها
    """
)

# Relative pronouns that end a source phrase ("التحالف الذي تدعمه ...").
RELATIVES: frozenset[str] = _word_set("الذي التي الذين اللذان اللتان اللواتي")

# Role nouns that make a phrase a description rather than a name.
ROLE_NOUNS: frozenset[str] = _word_set("""
    متحدث المتحدث الناطق ناطق قائد القائد مسؤول المسؤول مسؤولون مصدر المصدر مصادر
    الرئيس رئيس وزير الوزير محلل محللون محللين خبير خبراء الخبراء مدير المدير
    السفير سفير المبعوث مبعوث عضو رئيسة متحدثة المتحدثة مديرة وزيرة
    اطباء طبيب ممرضة ممرض نواب نائب عمال عامل سكان شهود شاهد مسؤولين مسؤولي
    دبلوماسي دبلوماسيون دبلوماسيين مراقبون مراقبين ناشطون ناشطين السلطات سلطات
    سفيرة السفيرة مراسل مراسلة المراسل ممثل ممثلة الممثل مندوب مندوبة المندوب
    مستشار مستشارة المستشار محافظ المحافظ مفوض المفوض نائبة منسق المنسق
    الوالي
    """)

# Nouns whose definite form refers back to an earlier source ("المنظمة", "الإدارة").
ANAPHORIC_NOUNS: frozenset[str] = ROLE_NOUNS | _word_set(
    """
    منظمة منظمه وزارة وزاره ادارة اداره الحكومة حكومة هيئة هيئه لجنة لجنه وكالة وكاله
    جيش الجيش تحالف حركة حركه نقابة نقابه بعثة بعثه شركة شركه مجلس جماعة جماعه
    """
)

# Titles and nisba adjectives stripped from the front of a name.
TITLES: frozenset[str] = _word_set("""
    الرئيس رئيس الامريكي الاميركي السوري العراقي الروسي التركي الفرنسي البريطاني
    وزير الوزير الخارجيه الخارجية الدفاع السيد السيده السيدة الشيخ الدكتور د
    رئيسة وزيرة مديرة الجنرال اللواء العميد العقيد الملك الامير رئيس الوزراء المرشح السابق
    سفيرة السفيرة مندوب مندوبة المندوب مستشار مستشارة المستشار محافظ المحافظ
    الوالي
    """)

# Prepositions that, inside a source phrase, make it a member of an institution.
MEMBER_PREPOSITIONS: frozenset[str] = _word_set("في باسم من عن لدي ل")

# Words that end a source phrase when scanning left from a subject-first cue.
NP_STOPS: frozenset[str] = _word_set(
    "و ولكن لكن بل ثم او أو ان انه حيث بينما فيما كما اذ اذا لان الا كان وكان كانت وكانت"
)

# A pronoun subject fused to a particle before a subject-first cue ("لكنه
# توقع أن"): the subject is an earlier source, found by speaker linking.
PRONOUN_SUBJECTS: frozenset[str] = _word_set("""
    لكنه لكنها ولكنه ولكنها لكنهم ولكنهم انه انها وانه وانها بينما فيما وهو وهي هو هي
    """)

# Page furniture: lines that state nothing.
FURNITURE: tuple[str, ...] = (
    "ليست هناك تعليقات", "ارسال تعليق", "اقرا ايضا", "اقرأ أيضا", "شارك", "تعليقات",
    "مواضيع ذات صلة", "المزيد حول هذه القصة", "اضغط هنا", "الصفحة الرئيسية",
)

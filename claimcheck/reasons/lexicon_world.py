"""What numbers count in languages beyond Arabic and English: French,
Spanish, Portuguese, Italian, German, Turkish and Indonesian.

Digits read the same in every language; what a claim's number counts does
not. These tables give the commonest nouns of news counts (people, the dead
and the injured, troops, passengers, ships, money, percent), the words that
say a number is a bound ("plus de", "más de", "sekitar") and the words that
count none ("aucun navire", "ningún herido", "hiçbir yolcu"), keyed like
the Arabic and English lexicon of :mod:`claimcheck.reasons.quantities`, into
which they are merged. Only the number reasons read these languages: a
French count of 180 dockers and an English one of 80 percent of them are
compared by their units, as an Arabic and an English one are.

Words that are also English words ("an", "case", "civil", "ore", "jam",
"kinder", "mais", "tote") are left out: the tables are merged into one, and
an English claim must not read them.
"""

from __future__ import annotations

import re

#: The languages these tables cover.
LANGS = frozenset({"fr", "es", "pt", "it", "de", "tr", "id"})

#: Unit key -> forms, one line per language (fr, es, pt, it, de, tr, id).
#: Turkish and Indonesian nouns stay singular after a number ("46 yolcu",
#: "9 orang"); Turkish ones also carry case endings a count rarely takes.
UNIT_FORMS: dict[str, str] = {
    "troops": """soldat soldats militaire militaires
        soldado soldados militar militares
        soldado soldados militar militares
        soldato soldati militare militari
        soldat soldaten
        asker askeri askerler
        tentara prajurit""",
    "fighters": """combattant combattants
        combatiente combatientes milicianos
        combatente combatentes
        combattente combattenti miliziani
        kämpfer
        militan savaşçı
        militan pejuang""",
    "people": """personne personnes
        persona personas
        pessoa pessoas
        persona persone
        menschen personen
        kişi
        orang jiwa""",
    "civilians": """civils
        civiles
        civis
        civile civili
        zivilisten
        sivil siviller
        warga""",
    "dead": """mort morts tués décès victimes
        muerto muertos fallecidos víctimas
        morto mortos vítimas
        morti vittime
        toten todesopfer
        ölü
        tewas""",
    "injured": """blessé blessés
        herido heridos
        ferido feridos
        ferito feriti
        verletzte verletzten
        yaralı
        luka terluka""",
    "missing": """disparu disparus
        desaparecido desaparecidos
        desaparecidos
        disperso dispersi
        vermisste vermissten
        kayıp
        hilang""",
    "displaced": """déplacés
        desplazados
        deslocados
        sfollati
        vertriebene
        """,
    "refugees": """réfugié réfugiés
        refugiado refugiados
        refugiados
        rifugiato rifugiati
        flüchtling flüchtlinge
        mülteci
        pengungsi""",
    "migrants": """migrant migrants
        migrante migrantes
        migrantes
        migranti
        migranten
        göçmen
        migran""",
    "passengers": """passager passagers
        pasajero pasajeros
        passageiro passageiros
        passeggero passeggeri
        passagier passagiere
        yolcu
        penumpang""",
    "workers": """ouvrier ouvriers salarié salariés employés travailleurs dockers
        trabajador trabajadores empleados obreros
        trabalhador trabalhadores funcionários
        lavoratore lavoratori dipendenti operai
        arbeiter beschäftigte mitarbeiter
        işçi çalışan
        pekerja karyawan buruh""",
    "children": """enfant enfants
        niño niños
        criança crianças
        bambino bambini
        kindern
        çocuk
        anak""",
    "prisoners": """prisonnier prisonniers détenus
        prisionero prisioneros presos detenidos
        prisioneiro prisioneiros
        prigioniero prigionieri detenuti
        gefangene häftlinge
        tutuklu mahkum esir
        tahanan""",
    "families": """famille familles
        familia familias
        família famílias
        famiglia famiglie
        familien
        aile
        keluarga""",
    "percent": """
        prozent
        yüzde
        persen""",
    "dollars": """dollar dollars
        dólar dólares
        dólares
        dollari
        us-dollar
        dolar
        dolar""",
    "euros": """euro euros
        euros
        euros
        euro
        euro
        avro
        euro""",
    "ships": """navire navires bateau bateaux
        barco barcos buque buques
        navio navios
        navi
        schiff schiffe
        gemi
        kapal""",
    "containers": """conteneur conteneurs
        contenedor contenedores
        contêiner contêineres
        container
        container
        konteyner
        kontainer""",
    "homes": """maison maisons logements
        casa casas viviendas
        casas moradias
        abitazioni
        häuser wohnungen
        konut
        rumah""",
    "votes": """voix
        votos
        votos
        voti
        stimmen
        oy
        suara""",
    "seats": """siège sièges
        escaño escaños
        cadeira cadeiras
        seggio seggi
        sitze
        sandalye
        kursi""",
    "villages": """village villages
        aldea aldeas
        aldeia aldeias
        villaggio villaggi
        dörfer
        köy
        desa""",
    "trucks": """camion camions
        camión camiones
        caminhão caminhões
        camion camion
        lastwagen lkw
        tır kamyon
        truk""",
    "tonnes": """tonne tonnes
        tonelada toneladas
        toneladas
        tonnellata tonnellate
        tonnen
        ton
        ton""",
    "days": """jour jours
        día días
        dia dias
        giorno giorni
        tage tagen
        gün günü günlük gündür günde
        hari""",
    "weeks": """semaine semaines
        semana semanas
        semanas
        settimana settimane
        wochen
        hafta
        minggu""",
    "months": """mois
        meses
        meses
        mese mesi
        monate monaten
        bulan""",
    "years": """ans années
        año años
        ano anos
        anno anni
        jahre jahren
        yıl yılı yılını yıldır yıllık yıllar yılda sene
        tahun""",
    "hours": """heure heures
        hora horas
        horas
        ora
        stunden
        saat""",
}

#: Words before a number that make it a bound ("plus de 200", "más de",
#: "sekitar 40"), as in :data:`claimcheck.reasons.quantities._BOUND_CUES`.
BOUND_CUES: dict[str, str] = {
    # approximately
    "environ": "approx", "quelque": "approx", "près": "approx",
    "unos": "approx", "unas": "approx", "alrededor": "approx", "aproximadamente": "approx",
    "casi": "approx", "cerca": "approx", "quase": "approx",
    "circa": "approx", "quasi": "approx",
    "etwa": "approx", "rund": "approx", "ungefähr": "approx",
    "yaklaşık": "approx",
    "sekitar": "approx", "hampir": "approx",
    # at least / more than
    "más": "min", "oltre": "min", "più": "min",
    "mehr": "min", "mindestens": "min", "über": "min", "lebih": "min",
    # at most / fewer than / up to
    "moins": "max", "menos": "max", "meno": "max", "weniger": "max", "kurang": "max",
    "jusqu'à": "max", "hasta": "max", "até": "max", "fino": "max", "bis": "max",
    "hingga": "max", "sampai": "max", "maksimal": "max",
}  # fmt: skip

#: Words right before a number that make it a time or a label, not a count
#: ("pukul 07.30": half past seven; Turkish "saat 10.30", while "3 saat" is
#: three hours).
LABEL_WORDS = "pukul saat"


#: Words that count none, as in :data:`claimcheck.reasons.number_words._ZERO`:
#: the noun after them is what none of was counted.
ZERO_WORDS: tuple[tuple[str, ...], ...] = (
    ("aucun",), ("aucune",),
    ("ningún",), ("ninguna",), ("ningun",),
    ("nenhum",), ("nenhuma",),
    ("nessun",), ("nessuna",), ("nessuno",),
    ("kein",), ("keine",), ("keinen",), ("keinem",), ("keiner",),
    ("hiçbir",),
    ("tidak", "ada"), ("tak", "ada"),
)  # fmt: skip

#: Scale words after a number, written as the English ones the number
#: reader knows ("3,5 milyar" -> "3.5 billion", "200 mil" -> "200
#: thousand", "7 mil millones" -> "7 billion"); kept apart from the merged
#: tables, since "bin" and "mil" are also English words.
SCALE_WORDS: dict[str, str] = {
    "mil millones": "billion", "mil milhões": "billion",
    **dict.fromkeys("mille mil mila tausend bin ribu".split(), "thousand"),
    **dict.fromkeys("""million millions millón millones milhão milhões milhao milhoes
                    milione milioni millionen milyon juta""".split(), "million"),
    **dict.fromkeys("""milliard milliards millardo millardos bilhão bilhões bilhao bilhoes
                    miliardo miliardi milliarde milliarden milyar miliar""".split(), "billion"),
}

_MONTH_NAMES = ("january february march april may june july august september october "
                "november december").split()
#: Month names, written as the English ones: a day of a month is a date,
#: not a count ("le 7 juillet"), and two claims' months compare.
MONTHS: dict[str, str] = {
    form: english
    for forms in (
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
        "dicembre",
        "januar februar märz april mai juni juli august september oktober november dezember",
        "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
        "januari februari maret april mei juni juli agustus september oktober november desember",
    )
    for form, english in zip(forms.split(), _MONTH_NAMES)
}

#: Number words of each language (two to ten, the tens), as digits. Words
#: that are also common words of another of these languages stay in their
#: own language ("dos" is two in Spanish, "of the" in Portuguese); "cent",
#: "cento", "cien" are left out, since "pour cent", "per cento" are percent.
NUMBER_WORDS: dict[str, dict[str, int]] = {
    lang: {form: value for forms, values in tables for form, value in zip(forms.split(), values)}
    for lang, tables in {
        "fr": (("deux trois quatre cinq six sept huit neuf dix", range(2, 11)),
               ("vingt trente quarante cinquante soixante", range(20, 70, 10))),
        "es": (("dos tres cuatro cinco seis siete ocho nueve diez", range(2, 11)),
               ("veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa",
                range(20, 100, 10))),
        "pt": (("dois duas três quatro cinco seis sete oito nove dez", (2, *range(2, 11))),
               ("vinte trinta quarenta cinquenta sessenta setenta oitenta noventa",
                range(20, 100, 10))),
        "it": (("due tre quattro cinque sei sette otto nove dieci", range(2, 11)),
               ("venti trenta quaranta cinquanta sessanta settanta ottanta novanta",
                range(20, 100, 10))),
        "de": (("zwei drei vier fünf sechs sieben acht neun zehn", range(2, 11)),
               ("zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig",
                range(20, 100, 10))),
        "tr": (("iki üç dört beş altı yedi sekiz dokuz", range(2, 10)),
               ("yirmi otuz kırk elli altmış yetmiş seksen doksan", range(20, 100, 10))),
        "id": (("dua tiga empat lima enam tujuh delapan sembilan sepuluh", range(2, 11)),),
    }.items()
}
# Words that join or multiply number words ("vingt-cinq", "treinta y
# cinco", "deux cents", "dua puluh lima", "tiga ratus"): a run of number
# words and these is read whole or not at all ("dix-huit" is no 10 and 8,
# "trente et un" no 30, "soixante-dix" no 60 and 10).
_RUN_EXTRA = {
    "fr": ("cent", "cents", "mille", "onze", "douze", "treize", "quatorze", "quinze",
           "seize", "un", "une"),
    "es": ("cien", "ciento", "cientos", "mil", "once", "doce", "quince", "un", "uno", "una"),
    "pt": ("cem", "cento", "mil", "onze", "doze", "quinze", "um", "uma"),
    "it": ("cento", "mila", "mille", "undici", "dodici", "quindici", "uno", "una"),
    "de": ("hundert", "tausend", "elf", "zwölf", "eins"),
    "tr": ("yüz", "bin", "on", "bir"),
    "id": ("puluh", "ratus", "belas", "ribu", "satu", "se"),
}
_JOINERS = {"fr": "-", "es": " y ", "pt": " e ", "tr": " "}
# "One" that is also "a": before another number word it is the article.
_ARTICLE_ONES = frozenset({"un", "une", "una", "uno", "um", "uma", "bir", "satu"})
_RUN_JOINERS = {"fr": "et", "es": "y", "pt": "e", "de": "und"}


def _run_re(lang: str) -> re.Pattern[str]:
    joiner = _RUN_JOINERS.get(lang)
    words = sorted({*NUMBER_WORDS[lang], *_RUN_EXTRA[lang]} - {joiner}, key=len, reverse=True)
    word = "(?:" + "|".join(words) + ")"
    link = rf"(?:[ -]{joiner}[ -]|[ -])" if joiner else "[ -]"
    return re.compile(rf"(?<![\w-]){word}(?:{link}{word})*(?![\w-])", re.IGNORECASE)


# A run starts and ends with a number word, never with "and" ("3 soldados y
# cinco civiles": "cinco" is read).
_RUN_RES = {lang: _run_re(lang) for lang in NUMBER_WORDS}


def _read_run(run: str, lang: str) -> str:
    """A run of number words as digits when it is one of the shapes read
    (a number word; a tens and a units word with the language's joiner;
    French "N cent(s)"; Indonesian "N puluh (M)", "N ratus"); else as
    written."""
    words = NUMBER_WORDS[lang]
    low = _lower(run)
    if low in words:
        return str(words[low])
    first, _, rest = run.partition(" ")
    if rest and _lower(first) in _ARTICLE_ONES:
        return f"{first} {_read_run(rest, lang)}"  # "un treinta por ciento"
    joiner = _JOINERS.get(lang)
    if joiner and joiner in low:
        tens, _, units = low.partition(joiner)
        if words.get(tens, 0) >= 20 and words[tens] % 10 == 0 and 0 < words.get(units, 0) < 10:
            return str(words[tens] + words[units])
    if lang == "fr" and low.startswith("dix-") and low[4:] in ("sept", "huit", "neuf"):
        return str(10 + words[low[4:]])
    parts = low.split()
    if lang == "fr" and len(parts) == 2 and parts[1] in ("cent", "cents") \
            and 2 <= words.get(parts[0], 0) <= 9:
        return str(100 * words[parts[0]])
    if lang == "id" and 2 <= len(parts) <= 3 and 2 <= words.get(parts[0], 0) <= 9:
        if parts[1] == "puluh" and (len(parts) == 2 or 0 < words.get(parts[2], 0) < 10):
            return str(10 * words[parts[0]] + (words[parts[2]] if len(parts) == 3 else 0))
        if parts[1] == "ratus" and len(parts) == 2:
            return str(100 * words[parts[0]])
    return run


_MONTH_RE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b", re.IGNORECASE)
# "20 pour cent", "20 per cento", "20 por ciento": percent.
_PERCENT = re.compile(r"(\d) (?:pour|per|por) (?:cent|cento|ciento)\b", re.IGNORECASE)

# "1.200" and "46.000" (a dot between groups of three), "1 200", and a
# decimal comma ("3,5"): the number as English writes it.
_GROUPED = re.compile(r"(?<![\d.,])(\d{1,3})((?:\.\d{3})+)(?:,(\d+))?(?![\d.,]\d)")
_GROUPED_SPACE = re.compile(
    r"(?<![\d.,])(\d{1,3})((?:[ \u00a0\u202f]\d{3})+)(?:,(\d+))?(?![\d.,]?\d)")
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d+),(\d+)(?![\d.,]\d)")
_SCALE_RE = re.compile(r"(?<=\d )(?:" + "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
                       + r")\b", re.IGNORECASE)
# A currency sign after its number ("30 $", "250 000 €") goes before it.
_SIGN_AFTER = re.compile(r"(?<![\w.,])(\d[\d.,]*)\s?([$€£])(?!\s?\d)")
_GROUPED_COMMA = re.compile(r"(?<![\d.,])(\d{1,3})((?:,\d{3})+)()(?![\d.,]?\d)")


def english_numbers(text: str, lang: str) -> str:
    """``text`` with its numbers written as in English, for a text in one of
    :data:`LANGS`: group separators dropped ("1.200" -> "1200", "1 200" ->
    "1200"), a decimal comma made a point ("3,5" -> "3.5"), a currency sign
    put before its number ("30 $" -> "$30"), number words and month names
    made English ("vingt-cinq" -> "25", "yirmi beş" -> "25", "juillet" ->
    "july"), "pour cent" and its kin "percent", and the scale word after a
    number too ("3,5 milyar" -> "3.5 billion", "7 mil millones" -> "7
    billion"); a run of number words read no other way stays as written
    ("soixante-dix", "trente et un"). Other text is returned
    unchanged."""
    if lang not in LANGS:
        return text

    def joined(match: re.Match[str]) -> str:
        whole = match.group(1) + re.sub(r"\D", "", match.group(2))
        return whole + ("." + match.group(3) if match.group(3) else "")

    text = _GROUPED_SPACE.sub(joined, _GROUPED.sub(joined, text))
    if lang == "es":  # "3,500 personas", as much of the Americas writes it
        text = _GROUPED_COMMA.sub(joined, text)
    text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    text = _SIGN_AFTER.sub(r"\2\1", text)
    text = _MONTH_RE.sub(lambda m: MONTHS.get(_lower(m.group()), m.group()), text)
    text = _RUN_RES[lang].sub(lambda m: _read_run(m.group(), lang), text)
    text = _PERCENT.sub(r"\1 percent", text)
    if lang == "fr":  # "more" would read as "additional"
        text = re.sub(r"\bplus de (?=\d)", "over ", text, flags=re.IGNORECASE)
    return _SCALE_RE.sub(lambda m: SCALE_WORDS.get(_lower(m.group()), m.group()), text)


def _lower(word: str) -> str:
    """``word`` in lower case, a Turkish dotted capital I as a plain i
    ("İki" -> "iki", not "i̇ki")."""
    return word.replace("İ", "i").lower()

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
        ciento
        cento
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
        gün
        hari""",
    "weeks": """semaine semaines
        semana semanas
        semanas
        settimana settimane
        wochen
        hafta
        minggu""",
    "months": """mois
        mes meses
        meses
        mese mesi
        monate monaten
        bulan""",
    "years": """ans années
        año años
        ano anos
        anno anni
        jahre jahren
        yıl sene
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
    "plus": "min", "más": "min", "oltre": "min", "più": "min",
    "mehr": "min", "mindestens": "min", "über": "min", "lebih": "min",
    # at most / fewer than / up to
    "moins": "max", "menos": "max", "meno": "max", "weniger": "max", "kurang": "max",
    "jusqu'à": "max", "hasta": "max", "até": "max", "fino": "max", "bis": "max",
    "hingga": "max", "sampai": "max", "maksimal": "max",
}  # fmt: skip

#: Words right before a number that make it a time or a label, not a count
#: ("pukul 07.30": half past seven).
LABEL_WORDS = "pukul"


#: Words that count none, as in :data:`claimcheck.reasons.quantities._ZERO`:
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
#: thousand"); kept apart from the merged tables, since "bin" and "mil" are
#: also English words.
SCALE_WORDS: dict[str, str] = {
    **dict.fromkeys("mille mil mila tausend bin ribu".split(), "thousand"),
    **dict.fromkeys("""million millions millón millones milhão milhões milhao milhoes
                    milione milioni millionen milyon juta""".split(), "million"),
    **dict.fromkeys("""milliard milliards millardo millardos bilhão bilhões bilhao bilhoes
                    miliardo miliardi milliarde milliarden milyar miliar""".split(), "billion"),
}

# "1.200" and "46.000" (a dot between groups of three), "1 200" in French,
# and a decimal comma ("3,5"): the number as English writes it.
_GROUPED = re.compile(r"(?<![\d.,])(\d{1,3})((?:\.\d{3})+)(?:,(\d+))?(?![\d.,]\d)")
_GROUPED_SPACE = re.compile(
    r"(?<![\d.,])(\d{1,3})((?:[ \u00a0\u202f]\d{3})+)(?:,(\d+))?(?![\d.,]?\d)")
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d+),(\d+)(?![\d.,]\d)")
_SCALE_RE = re.compile(r"(?<=\d )(?:" + "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
                       + r")\b", re.IGNORECASE)


def english_numbers(text: str, lang: str) -> str:
    """``text`` with its numbers written as in English, for a text in one of
    :data:`LANGS`: group separators dropped ("1.200" -> "1200", French "1
    200" -> "1200"), a decimal comma made a point ("3,5" -> "3.5"), and the
    scale word after a number made English ("3,5 milyar" -> "3.5 billion").
    Other text is returned unchanged."""
    if lang not in LANGS:
        return text

    def joined(match: re.Match[str]) -> str:
        whole = match.group(1) + re.sub(r"\D", "", match.group(2))
        return whole + ("." + match.group(3) if match.group(3) else "")

    text = _GROUPED.sub(joined, text)
    if lang == "fr":
        text = _GROUPED_SPACE.sub(joined, text)
    text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    return _SCALE_RE.sub(lambda m: SCALE_WORDS[m.group().lower()], text)

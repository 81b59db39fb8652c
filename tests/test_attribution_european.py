"""Spanish, French, Portuguese, Italian and German attribution rules (sentences
written for these tests)."""

from __future__ import annotations

import pytest

from claimcheck import extract_claims
from claimcheck.text.attribution.relations import find_attributions


def _relations(text: str, lang: str) -> list[tuple[str | None, str, str]]:
    """(source as written, cue, content) of each relation the rules find."""
    out = []
    for a in find_attributions(text, lang=lang, tagger=False):
        source = text[a.source_span[0]:a.source_span[1]] if a.source_span else None
        out.append((source, text[a.cue_span[0]:a.cue_span[1]],
                    text[a.content_span[0]:a.content_span[1]]))
    return out


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("El ministro de Interior dijo el martes que la presa no se había roto.", "es",
         [("El ministro de Interior", "dijo", "la presa no se había roto")]),
        ("Según la policía, al menos doce personas murieron en la inundación.", "es",
         [("la policía", "Según", "al menos doce personas murieron en la inundación")]),
        ('"No hay riesgo para nadie", afirmó la alcaldesa María López.', "es",
         [("la alcaldesa María López", "afirmó", '"No hay riesgo para nadie"')]),
        # an aside between commas and a leading conjunction are not the subject
        ("Marc Lenoir, rasé de près, a déclaré aux journalistes qu'il n'avait rien fait.", "fr",
         [("Marc Lenoir", "a déclaré", "il n'avait rien fait")]),
        ("Le port est paralysé, selon le syndicat des dockers.", "fr",
         [("le syndicat des dockers", "selon", "Le port est paralysé")]),
        ("O ministro disse na terça-feira que a barragem não se rompeu.", "pt",
         [("O ministro", "disse", "a barragem não se rompeu")]),
        ("Il sindaco ha detto ai giornalisti che la diga non ha ceduto.", "it",
         [("Il sindaco", "ha detto", "la diga non ha ceduto")]),
        ("La diga ha ceduto, ha detto la signora Neri ai deputati.", "it",
         [("la signora Neri", "ha detto", "La diga ha ceduto")]),
        ("No, fue solo una vez, y ella dijo que volvería a la oficina.", "es",
         [("ella", "dijo", "volvería a la oficina")]),
        # a relative clause between the subject and the verb is not the subject
        ("El ministro, que visitó la zona el lunes por la tarde, dijo que no hay riesgo.",
         "es", [("El ministro", "dijo", "no hay riesgo")]),
        ("Der Minister, der am Montag die Region besuchte, sagte, der Damm sei sicher.", "de",
         [("Der Minister", "sagte", "der Damm sei sicher")]),
        ("Der Sprecher, der Innenminister, sagte, der Damm sei sicher.", "de",
         [("der Innenminister", "sagte", "der Damm sei sicher")]),
        # two reports in one sentence are two relations
        ("El ministro dijo que la presa resistió y el alcalde dijo que no hubo muertos.", "es",
         [("El ministro", "dijo", "la presa resistió"),
          ("el alcalde", "dijo", "no hubo muertos")]),
        ("Le préfet a déclaré qu'« il n'y a aucun risque ».", "fr",
         [("Le préfet", "a déclaré", "« il n'y a aucun risque »")]),
        ("« La digue tiendra », dit-il.", "fr", [(None, "dit-il", "« La digue tiendra »")]),
        ("Ma mère a dit que la digue tenait.", "fr",
         [("Ma mère", "a dit", "la digue tenait")]),
        ('"No hay riesgo," dijo el alcalde.', "es",
         [("el alcalde", "dijo", '"No hay riesgo,"')]),
        ('El ministro dijo: "No hay riesgo".', "es",
         [("El ministro", "dijo", '"No hay riesgo"')]),
        # German: reported speech after a comma, the subject after the verb
        # when something else opens the sentence, a postposed source
        ("Der Innenminister sagte am Dienstag, der Damm sei nicht gebrochen.", "de",
         [("Der Innenminister", "sagte", "der Damm sei nicht gebrochen")]),
        ("Am Dienstag sagte der Innenminister Jonas Keller, der Damm sei sicher.", "de",
         [("der Innenminister Jonas Keller", "sagte", "der Damm sei sicher")]),
        ("Die Polizei erklärte, dass zwölf Menschen gestorben seien.", "de",
         [("Die Polizei", "erklärte", "zwölf Menschen gestorben seien")]),
        ("Der Damm ist sicher, sagte die Bürgermeisterin Anna Weber.", "de",
         [("die Bürgermeisterin Anna Weber", "sagte", "Der Damm ist sicher")]),
        # a listener between a postposed verb and its subject; a closed
        # quotation before the verb, a description of the subject after it
        ("« Le port est paralysé », a déclaré à l'AFP Jean Dupont, secrétaire du syndicat.",
         "fr", [("Jean Dupont", "a déclaré", "« Le port est paralysé »")]),
        ("«El puerto está cerrado», dijo a la prensa el ministro.", "es",
         [("el ministro", "dijo", "«El puerto está cerrado»")]),
        ('"Der Hafen ist gelähmt", sagte Hans Müller, der seit 2010 im Amt ist.', "de",
         [("Hans Müller", "sagte", '"Der Hafen ist gelähmt"')]),
        # a clause of the article's after the subject: the quotation is still his
        ("«La reforma no pasará», dijo el ministro, mientras la oposición pedía su dimisión.",
         "es", [("el ministro", "dijo", "«La reforma no pasará»")]),
        # listeners of two words, fused prepositions
        ("« Le port est paralysé », a déclaré au Monde le ministre.", "fr",
         [("le ministre", "a déclaré", "« Le port est paralysé »")]),
        ("« Le port est paralysé », a déclaré à Radio France le ministre.", "fr",
         [("le ministre", "a déclaré", "« Le port est paralysé »")]),
        ("«El puerto está cerrado», dijo a la agencia EFE el ministro.", "es",
         [("el ministro", "dijo", "«El puerto está cerrado»")]),
        ("«Il porto è chiuso», ha detto all'ANSA il ministro.", "it",
         [("il ministro", "ha detto", "«Il porto è chiuso»")]),
    ],
)
def test_european_relations(text: str, lang: str, expected: list) -> None:
    assert _relations(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # "dijo a todos" with no complementiser reports nothing the rules can bound
        ("Tal vez ella le dijo a todos los demás y yo no estaba atento.", "es"),
        # a reporting verb inside a subordinate clause
        ("Cuando le dijeron que tenía que irse, se quedó callado.", "es"),
        # "secondo" as "second": no source follows
        ("Il secondo treno è partito in ritardo, secondo.", "it"),
        # "Selon X, qui ...": X's description, not what X said
        ("Selon Jean Dupont, qui dirige l'usine depuis 2010, et sa famille.", "fr"),
        ("Als er sagte, er komme nicht, gingen alle.", "de"),
        # found by a review of these rules (sentences of the reviewer's kind)
        ("La economía, según el FMI, crecerá un 3% este año.", "es"),
        ("Quand le préfet a déclaré que la digue tenait, personne ne l'a cru.", "fr"),
        ("El alcalde no dijo que la presa fuera segura.", "es"),
        ("Le président n'a pas dit qu'il partirait.", "fr"),
        ("La presa, dijo el ministro, no se ha roto.", "es"),
        ("Der Mann, der das sagte, ist inzwischen gestorben.", "de"),
        ("Die Firma teilte das Land in drei Regionen.", "de"),
        # a quoted word inside the content is no quotation before the verb
        ("La « réforme », a dit le ministre, ne passera pas.", "fr"),
        # a listener of two words whose second word would lend the subject a name
        ("«O porto está fechado», disse ao jornal O Globo o ministro.", "pt"),
        # a phrase after the listener: its article is no subject's
        ("«El puerto está cerrado», dijo a los periodistas en la capital el ministro.", "es"),
        ("« Le port est paralysé », a déclaré à l'AFP dans la soirée le ministre.", "fr"),
    ],
)
def test_european_rules_stay_quiet(text: str, lang: str) -> None:
    assert _relations(text, lang) == []


def test_impersonal_report_takes_no_earlier_speaker() -> None:
    text = "El alcalde dijo que no hay riesgo. Se dice que la presa tiene grietas."
    claims = extract_claims(text, lang="es", tagger=False)
    assert [(c.speaker, c.text) for c in claims] == [
        ("El alcalde", "no hay riesgo"), (None, "la presa tiene grietas")]


def test_implicit_subject_takes_the_earlier_speaker() -> None:
    text = ("La alcaldesa María López dijo que no hay riesgo para la población. "
            "Añadió que los vecinos podrán volver el jueves.")
    claims = extract_claims(text, lang="es")
    assert [(c.speaker, c.text) for c in claims] == [
        ("La alcaldesa María López", "no hay riesgo para la población"),
        ("La alcaldesa María López", "los vecinos podrán volver el jueves"),
    ]
    assert {c.lang for c in claims} == {"es"}


def test_spanish_article_is_read_as_spanish() -> None:
    text = ("El ministro de Interior dijo el martes que la presa no se había roto y que "
            "no hubo víctimas. Según la policía, al menos doce personas murieron.")
    claims = extract_claims(text)
    assert {c.lang for c in claims} == {"es"}
    assert [c.speaker for c in claims] == ["El ministro de Interior", "la policía"]


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("« Le port est paralysé. Aucun navire n'a été déchargé depuis lundi », a déclaré à "
     "l'AFP Jean Dupont, secrétaire général du syndicat.", "fr", "Jean Dupont"),
    ("«El puerto está paralizado. Ningún barco ha sido descargado desde el lunes», dijo a "
     "la AFP Juan Pérez, secretario general del sindicato.", "es", "Juan Pérez"),
])
def test_a_quotation_of_two_sentences_is_its_speakers_once(text: str, lang: str,
                                                            speaker: str) -> None:
    # Both sentences are the speaker's; the second is not also the article's
    # own claim with the cue and the speaker in it.
    claims = extract_claims(text, lang=lang)
    assert [c.speaker for c in claims] == [speaker, speaker]
    assert not any("AFP" in c.text for c in claims)


def test_a_clause_after_the_speaker_of_a_tagged_quotation_stays_a_claim() -> None:
    # The tagger reads the quotation over two sentences; what follows its
    # speaker is the article's own clause and is not dropped with the tail.
    text = ("« Le port est paralysé. Aucun navire n'a été déchargé », a déclaré à la presse "
            "locale Jean Dupont, alors que la police évoquait 300 grévistes.")
    claims = extract_claims(text, lang="fr")
    assert any("300 grévistes" in c.text for c in claims)

"""The words the rules of :mod:`.rules` look for, per language: reporting
verbs (finite forms, and past participles after an auxiliary), the
complementiser and the "according to" prepositions; German shares the
rules, with two shapes of its own (a comma opens the content, and the
subject may follow the verb)."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.text.attribution.tokens import word_set

# Conjunctions a source never opens with ("y ella dijo" -> "ella").
CONJUNCTIONS = word_set("y e et ed ma mas pero mais o ou ni und aber oder")
# Subject pronouns and possessives open a source as an article does ("y
# ella dijo", "nuestro padre dijo").
SUBJECTS = word_set("""
    él ella ellos ellas usted ustedes nuestro nuestra nuestros nuestras mi mis
    il elle ils elles on notre nos mon ma mes leur leurs
    lui lei loro egli essa nostro nostra mio mia
    ele ela eles elas nosso nossa meu minha
    er sie wir man unser unsere mein meine dein deine
""")
# Capitalised words that open a sentence and name nobody.
NOT_SOURCES = word_set("""
    no sí si entonces además luego después ahora así
    oui non alors ainsi puis ensuite
    sì poi allora quindi ora
    sim não então depois agora
    ja nein dann auch
    ayer hoy anoche hier aujourd'hui ieri oggi ontem hoje gestern heute
    en a de con por para desde dans pour avec par chez in con per da em com
    após nach mit bei
""")
# Object clitics and adverbs between a subject and its verb ("nuestro
# padre siempre nos dijo"): not part of the source.
BEFORE_VERB = word_set("""
    le les lo la nos me te se les siempre también ya nunca
    lui leur lui-même aussi déjà toujours
    gli ci mi ti si anche già sempre
    lhe lhes também já sempre
""")
# A reporting verb after one of these is in a subordinate clause ("cuando
# le dijeron que"): when, if, because, although.
SUBORDINATORS = word_set("""
    cuando si porque aunque mientras como
    quand lorsque si parce puisque comme
    quando se perché mentre come
    quando se porque embora enquanto como
    als wenn weil obwohl während wie
""")
# Words that open a clause of its own after a postposed source ("», dijo X,
# mientras la policía ...", "», a déclaré X, alors que ...", "avant
# d'ajouter"): what follows is no description of the source.
CLAUSE_OPENERS = CONJUNCTIONS | SUBORDINATORS | word_set('''
    alors tandis avant après antes después tras
    prima dopo nachdem bevor
''')
# Negations before a reporting verb: a report denied, not a claim.
NEGATIONS = word_set("no non não pas jamais nunca mai nie")
# Relative pronouns: "Selon X, qui est ..." is not the content.
RELATIVES = word_set("qui que quien quienes cui che cuyo dont lequel laquelle der die das")


@dataclass(frozen=True)
class Lexicon:
    """One language's reporting words (lowercase, accents as written)."""

    verbs: frozenset[str]          # finite forms that report: "dijo", "affirme"
    auxiliaries: frozenset[str]    # "ha", "a", "hanno": before a participle
    participles: frozenset[str]    # "dicho", "déclaré", "detto"
    complementisers: frozenset[str]
    according: tuple[tuple[str, ...], ...]  # "según", ("de", "acuerdo", "con")
    # Words that follow a reporting verb as its subject in a postposed
    # report (", dijo el ministro"): articles and the like.
    determiners: frozenset[str]
    # Words that end a source: who heard it ("a los periodistas", "ai
    # deputati") or where it was said ("dans une interview").
    source_ends: frozenset[str]
    # German: "X sagte, Y" (reported speech after a comma, no "dass"), and
    # "Am Dienstag sagte X, Y" (the subject after the verb when something
    # else opens the sentence: these words).
    comma_content: bool = False
    verb_second_openers: frozenset[str] = frozenset()


LEXICONS: dict[str, Lexicon] = {
    "es": Lexicon(
        verbs=word_set("""
            dijo afirmó aseguró declaró explicó señaló indicó informó anunció negó sostuvo
            admitió reconoció advirtió denunció confirmó insistió agregó añadió precisó
            subrayó destacó manifestó comentó reiteró respondió relató reveló apuntó recalcó
            aclaró alertó estimó consideró opinó
            dijeron afirmaron aseguraron declararon explicaron señalaron indicaron informaron
            anunciaron negaron sostuvieron admitieron reconocieron advirtieron denunciaron
            confirmaron insistieron agregaron añadieron precisaron subrayaron destacaron
            dice afirma asegura declara explica señala indica informa anuncia niega sostiene
            admite reconoce advierte denuncia confirma insiste agrega añade
            dicen afirman aseguran declaran explican señalan indican informan anuncian niegan
            sostienen
        """),
        auxiliaries=word_set("ha han había habían habría"),
        participles=word_set("""
            dicho afirmado declarado asegurado señalado explicado indicado informado anunciado
            negado reconocido confirmado advertido insistido añadido agregado precisado
            sostenido admitido denunciado
        """),
        complementisers=word_set("que"),
        according=(("según",), ("de", "acuerdo", "con")),
        determiners=word_set("el la los las un una unos unas su sus este esta"),
        source_ends=word_set("a al ante en durante tras"),
    ),
    "fr": Lexicon(
        verbs=word_set("""
            affirme déclare assure indique explique annonce précise ajoute souligne dément nie
            reconnaît estime affirment déclarent assurent indiquent expliquent annoncent
            démentent nient estiment dit disent
            déclara affirma assura indiqua expliqua annonça ajouta
        """),
        auxiliaries=word_set("a ont avait avaient aurait a-t-il a-t-elle ont-ils ont-elles"),
        participles=word_set("""
            déclaré affirmé dit assuré indiqué expliqué annoncé nié reconnu précisé ajouté
            souligné confirmé démenti estimé averti rappelé insisté répondu admis raconté
            révélé signalé martelé
        """),
        complementisers=word_set("que qu"),
        according=(("selon",), ("d'après",), ("d’après",)),
        determiners=word_set("le la les l un une son sa ses ce cette mon ma mes notre nos"),
        source_ends=word_set("à au aux dans lors pendant devant après"),
    ),
    "pt": Lexicon(
        verbs=word_set("""
            disse afirmou declarou garantiu explicou informou anunciou negou admitiu reconheceu
            confirmou acrescentou destacou ressaltou assegurou alertou sublinhou revelou contou
            avisou insistiu sustentou
            disseram afirmaram declararam garantiram explicaram informaram anunciaram negaram
            admitiram reconheceram confirmaram acrescentaram
            diz afirma declara garante explica nega sustenta admite dizem afirmam
        """),
        auxiliaries=word_set("tem têm tinha tinham"),
        participles=word_set("dito afirmado declarado garantido explicado negado"),
        complementisers=word_set("que"),
        according=(("segundo",), ("de", "acordo", "com")),
        determiners=word_set("o a os as um uma seu sua seus suas este esta"),
        source_ends=word_set("ao aos à às em no na durante após"),
    ),
    "it": Lexicon(
        verbs=word_set("""
            dice afferma dichiara spiega sostiene assicura annuncia nega conferma aggiunge
            sottolinea ammette riferisce precisa ribadisce avverte
            dicono affermano dichiarano spiegano sostengono assicurano
            disse affermò dichiarò spiegò
        """),
        auxiliaries=word_set("ha hanno aveva avevano avrebbe"),
        participles=word_set("""
            detto affermato dichiarato spiegato annunciato negato confermato aggiunto
            sottolineato assicurato ammesso riferito precisato ribadito avvertito sostenuto
        """),
        complementisers=word_set("che"),
        according=(("secondo",), ("stando", "a")),
        determiners=word_set("il lo la i gli le l un una uno suo sua"),
        source_ends=word_set("a ai al alla agli alle in nel nella durante dopo davanti"),
    ),
    "de": Lexicon(
        verbs=word_set("""
            sagte sagten erklärte erklärten betonte betonten berichtete berichteten warnte
            warnten bestätigte bestätigten bestritt bestritten versicherte versicherten
            meinte meinten behauptete behaupteten
            sagt sagen erklärt erklären betont warnt bestätigt bestreitet versichert meint
            behauptet
        """),
        auxiliaries=frozenset(),  # the German participle closes the clause
        participles=frozenset(),
        complementisers=word_set("dass"),
        according=(),  # "Laut Polizei starben ...": no comma bounds the source
        determiners=word_set("der die das den dem des ein eine einer eines einem sein seine ihr "
                             "ihre"),
        source_ends=word_set("am im in auf bei gegenüber vor nach"),
        comma_content=True,
        verb_second_openers=word_set("""
            am im in an auf bei nach vor seit während um zu zudem außerdem dann danach
            gestern heute später dabei darüber zuvor anschließend
        """),
    ),
}

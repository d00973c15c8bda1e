"""Compiled patterns for casualty figures, all built once at import.

Extraction runs on a *masked* sentence: every quantity found by `briefing.text.numbers.find_quantities` is
replaced by a token `\ue000N\ue001` (N its index), so the patterns below talk about structure ("a list of
counted noun phrases, an auxiliary, a participle") and never about how a number is spelled.
"""
from __future__ import annotations

import re

from .words import (ATTACKER_ROLES, ATTACKERS, MONTH, MONTHS, OBJECT_NOUNS, PERSON_HEADS, WEEKDAY,
                    either)

Q_OPEN, Q_CLOSE = "\ue000", "\ue001"
Q = rf"{Q_OPEN}\d+{Q_CLOSE}"
Q_TOKEN = re.compile(rf"{Q_OPEN}(\d+){Q_CLOSE}")

# Participles / adjectives that say what happened to the people (or objects) counted, by category.
CATEGORY_WORDS = {
    "killed": r"(?:kidnapped|abducted)\s+and\s+(?:later\s+)?(?:killed|murdered|executed|beheaded)|"
              r"fatally\s+(?:stabbed|shot|wounded|injured)|"
              r"killed|dead|died\s+(?:of|from)\s+(?:their|his|her)\s+(?:wounds|injuries)|died|slain|slaughtered|neutrali[sz]ed|martyred|murdered|executed|beheaded|decapitated|assassinated|massacred|lynched|perished|"
              r"shot\s+dead|gunned\s+down|(?:shot|stabbed|burn(?:ed|t)|hacked|beaten|bludgeoned|crushed|"
              r"tortured)\s+to\s+death|burn(?:ed|t)\s+alive|lost\s+(?:their|his|her)\s+li(?:ves|fe)|found\s+dead|"
              r"succumbed(?:\s+to\s+(?:their|his|her)\s+(?:wounds|injuries))?|"
              r"(?:stabbed|shot|wounded|injured|attacked|hit)\s+and\s+(?:later\s+)?died|(?:stabbed|shot)\s+and\s+killed",
    "injured": r"injured|wounded|hurt|hospitali[sz]ed|maimed|shot\s+and\s+(?:wounded|injured)|"
               r"(?:stabbed|knifed|shot(?!\s+at\b))(?!\s+(?:dead|down|to\s+death|and\s+(?:later\s+)?(?:killed|died))\b)|"
               r"(?:suffered|sustained|received)\s+(?:\S+\s+){0,2}?(?:injur(?:y|ies)|(?:stab\s+|gunshot\s+|bullet\s+)?wounds?|burns)|"
               r"(?:taken|rushed|admitted)\s+to\s+(?:a\s+|the\s+)?\ue002?hospitals?\s+with\s+(?:\S+\s+)?(?:injuries|wounds|burns)|"
               r"\ue002?treated\s+for\s+(?:\S+\s+)?(?:injuries|wounds|burns)|\ue002?treated\s+(?:in|at)\s+(?:a\s+|the\s+)?"
               r"\ue002?hospitals?",
    "missing": r"(?:(?:believed|thought|feared|presumed|listed|reported)\s+(?:to\s+be\s+|as\s+)?(?:still\s+)?)?missing|"
               r"unaccounted\s+for",
    "displaced": r"displaced|fled(?:\s+(?:their|the)\s+\ue002?homes?)?|evacuated|made\s+homeless|left\s+homeless|"
                 r"forced\s+(?:to\s+flee|from\s+their\s+\ue002?homes)|driven\s+from\s+their\s+\ue002?homes|uprooted|"
                 r"(?:\ue002?(?:living|sheltering|staying|housed)\s+|now\s+)?in\s+(?:\ue000\d+\ue001\s+)?(?:\ue002?(?:relief|evacuation|displacement|temporary|"
                 r"emergency)\s+)?\ue002?(?:camps|centres|centers|shelters)",
    "detained": r"arrested|detained|taken\s+into\s+custody|apprehended|captured|rounded\s+up",
    "abducted": r"kidnapped|abducted|taken\s+(?:as\s+)?\ue002?hostages?|held\s+\ue002?hostage|taken\s+captive",
    "damaged": r"destroyed\s+or\s+damaged|damaged\s+or\s+destroyed|destroyed|damaged|burn(?:ed|t)(?:\s+down)?|"
               r"torched|razed|set\s+(?:on\s+fire|ablaze)|demolished|looted|flattened|levelled|leveled",
}
# Active verbs that take the victims as object: "killing nine people", "gunmen abducted 12 pupils".
ACTIVE_WORDS = {
    "killed": r"kill(?:ed|ing|s)|(?<!\bto\s)kill|neutrali[sz](?:ed|ing)|shoot\s+and\s+kill|massacr(?:ed|ing)|murder(?:ed|ing)|"
              r"execut(?:ed|ing)|assassinat(?:ed|ing)|lynch(?:ed|ing)|slaughter(?:ed|ing)|behead(?:ed|ing)|decapitat(?:ed|ing)|fatally\s+(?:stabb(?:ed|ing)|shot|shooting|wound(?:ed|ing))|"
              r"shot\s+dead|shooting\s+dead|gunned\s+down|claim(?:ed|ing)\s+the\s+li(?:ves|fe)\s+of|"
              r"(?:stabb(?:ed|ing)|shot|shooting|hack(?:ed|ing)|beat(?:en|ing)?|bludgeon(?:ed|ing)|burn(?:ed|ing|t))\s+"
              r"(?:to\s+death|alive)",
    "injured": r"wound(?:ed|ing|s)|injur(?:ed|ing|es)|(?<!\bto\s)(?:injure|wound)|hurt(?:ing|s)?|maim(?:ed|ing)|"
               r"stabb(?:ed|ing)|knif(?:ed|ing)|shot|shooting",
    "missing": r"(?!)",
    "displaced": r"displac(?:ed|ing|es)|(?:forc(?:ed|ing)\s+)?uproot(?:ed|ing)",
    "detained": r"arrest(?:ed|ing|s)|detain(?:ed|ing|s)|captur(?:ed|ing)|apprehend(?:ed|ing)",
    "abducted": r"kidnap(?:ped|ping|s)|abduct(?:ed|ing|s)|(?:took|taking|take)\s+(?:\ue002?hostage|captive)",
    "damaged": r"destroy(?:ed|ing|s)|damag(?:ed|ing|es)|torch(?:ed|ing)|raz(?:ed|ing)|burn(?:ed|ing|t)\s+down|"
               r"demolish(?:ed|ing)",
}
FATALLY = re.compile(r"\b(?:fatally|mortally)\b", re.I)
# "stabbed 1 pedestrian to death", "leaving 2 police officers dead and 48 other people wounded"
TO_DEATH_VERBS = r"stabb(?:ed|ing)|shot|shooting|beat(?:en|ing)?|hack(?:ed|ing)|burn(?:ed|ing|t)|bludgeon(?:ed|ing)"
LEAVING_VERBS = r"leav(?:ing|es?)|left"
LEFT_STATES = {"killed": r"dead", "injured": r"injured|wounded|hurt", "displaced": r"homeless|displaced",
               "missing": r"missing"}

# A pronoun for one more person, when no number follows: "one was killed and another was wounded", "another
# civilian", "one died and the other was injured" (not "the other two", not "the other side").
PRONOUN_ONE = re.compile(r"\b(?:[Aa]nother|the\s+other(?=\s+(?:was|has|had|is|died|suffered|sustained|remains?)\b))\b"
                         r"(?!\s+(?:one|of|time|attack|incident|blast|explosion|bomb|device|day|side|group|round|"
                         r"\d))")

# Stabbed or shot, with no word of death or injury: injured unless the text says they died (see reconcile).
HIT_ONLY = re.compile(r"\b(?:stabb(?:ed|ing)|knif(?:ed|ing)|shot|shooting)\b", re.I)
HURT_WORDS = re.compile(r"\b(?:injur|wound|hurt|maim|hospitali)", re.I)

# Words that can never be part of the counted noun phrase: verbs, auxiliaries, prepositions, conjunctions and
# the nouns the patterns themselves spell out. Every other word is tagged with TAG in the masked sentence, so
# a noun-phrase word is simply "a tagged word": short patterns, fast to compile and to run.
STOP = frozenset("""
were was are is be been being have has had got get gets became become remain remained remains and or but nor
in on at by for from with to into onto when after before while who whom whose which that as during since than
if the a an this these those them they he she it its we also including among reportedly said says say later
all both each not no never still now then near inside outside across against between through per following
amid despite where what there here according of his her their him himself herself themselves mostly mainly together
another other others additional further well along plus addition total more less fewer least most
kill kills killed killing die died dies dying dead slain murder murdered murdering execute executed executing
martyred neutralised neutralized neutralising neutralizing alive burns slaughtered slaughtering assassinating lynching beheaded beheading decapitated decapitating assassinated massacred massacring lynched perished shot shooting gunned down stabbed
stabbing burned burnt burning hacked hacking beaten beat beating shoot bludgeoned bludgeoning crushed tortured
death deaths lost lives life found succumbed wounds injuries injury fatalities fatality toll bodies body casualties
injure injured injures injuring wound wounded wounding hurt hurting hurts hospitalised hospitalized maimed
maiming suffered sustained missing unaccounted displaced displacing displaces fled flee fleeing evacuated made
homeless forced forcing uprooted uprooting arrest arrested arresting arrests detained detaining detains
custody apprehended apprehending captured capturing rounded kidnapped kidnapping kidnaps abducted abducting
abducts taken took taking take held captive destroyed destroying destroys damaged damaging
damages torched torching razed razing set fire ablaze demolished demolishing looted flattened levelled leveled
claimed claiming claim leaving leave leaves left attack attacked attacking attacks opened fired exploded
detonated struck targeted stormed blew seized confirmed believed feared reported thought estimated expected
allegedly subsequently eventually immediately instantly seriously critically severely slightly lightly
gravely fatally badly mortally moderately received stab gunshot bullet could would might may will shall did does do reaching reached hit stands stood
nobody noone none everyone everybody anyone anybody someone somebody
""".split())
TAG = "\ue002"
T = TAG + "?"  # an optional tag, for a noun the patterns spell out that may also be counted ("homes")
_WORD = re.compile(r"(?<![\ue000\w])[^\W_][\w'\u2019\-]*")


def tag_words(masked: str) -> str:
    """Mark every word that may belong to a counted noun phrase (see STOP); an acronym always may ("11 AS
    militants", "IS fighters")."""
    return _WORD.sub(lambda m: m.group(0) if m.group(0).lower() in STOP and not (
        m.group(0).isupper() and len(m.group(0)) > 1) else TAG + m.group(0), masked)


W = rf"{TAG}[\w'\u2019\-]+"
# an initial ("J. Christopher Stevens") and an acronym in brackets ("Border Security Force (BSF) jawans") are words
# of a noun phrase too
_INITIAL = rf"{W}(?:(?<=\s{TAG}(?-i:[A-Z]))\.)?"
_NP_WORD = rf"(?:{_INITIAL}|\({TAG}(?-i:[A-Z])[\w\-]*\))"
NP = rf"{_INITIAL}(?:(?:\s+(?:and|&)(?=\s+{TAG}(?-i:[a-z])))?\s+{_NP_WORD}){{0,7}}"  # "and" + a name starts a new item
_OF_TAIL = rf"\s+of\s+(?:them|those|whom|the\s+(?:{Q}\s+)?{NP}|{NP})"
_PREFIX = r"(?:another|an\s+additional|additional|a\s+further|further|other)\s+"
# A person by name: capitalised words only ("Noor", "Captain Musa Bello"); see extract._name_item.
NAME = rf"{TAG}(?-i:[A-Z])[\w'\u2019\-]*(?:\s+{TAG}(?-i:[A-Z])[\w'\u2019\-]*){{0,3}}"
NAME_RE = re.compile(rf"^{NAME}$")
# "killing at least 59 people, the coast guard said": who says so is no item of the list
_NOT_CLAIMANT = r"(?!(?:[^\s,;]+\s+){0,5}?\ue002?(?:said|says|told|reported|added|announced|stated|confirmed)\b)"
# (only where such an item can start: the look-ahead above, tried at every position of a sentence, made the
# patterns that start with a list several times slower; the result is the same)
_NAMED_HERE = rf"(?=(?:his|her|their|its|the)\s|{TAG}(?-i:[A-Z]))"
ITEM = (rf"(?:(?:{_PREFIX}|(?:the|his|her|their|its)\s+)?{Q}(?:\s+of\s+(?:them|those|whom|the(?:\s+{Q})?))?(?:\s+(?:others?|more)\b)?(?:\s+{NP})?"
        rf"(?:\s+(?:others|more)\b)?"
        rf"(?:\s+of\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?{NP})?|{_NAMED_HERE}{_NOT_CLAIMANT}(?:(?:his|her|their|its|the)\s+{NP}|{NAME})"
        rf"|himself|herself|themselves)")
_SEP = r"(?:\s*,?\s+as\s+well\s+as\s+|\s*,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+along\s+with\s+|\s+plus\s+)"
LIST = rf"{ITEM}(?:{_SEP}{ITEM})*"
# "six children", "the two assailants", "all four gunmen", "one of the attackers", "the bomber"
_INCL_ITEM = (rf"(?:(?:(?:the|his|her|their|all)\s+)?{Q}(?:\s+of\s+(?:the\s+)?(?:{Q}\s+)?{NP})?(?:\s+{NP}(?:\s+of\s+{NP})?)?|"
              rf"(?:the|his|her|their)\s+{NP}|himself|herself|themselves|{NP})")
_INCL_LIST = rf"{_INCL_ITEM}(?:{_SEP}{_INCL_ITEM})*"
# "of whom two were the attackers", "two of them were gunmen": a part named after its number
_PART_WERE = (rf"(?:(?:of|among)\s+(?:whom|them)\s+{Q}|{Q}\s+of\s+(?:whom|them))\s+(?:were|was)\s+"
              rf"(?:also\s+)?(?:the\s+)?{NP}")
INCL = (rf"(?:\s*[,(\u2014\u2013-]?\s*(?P<incl>(?:including|among\s+them|among\s+whom|of\s+whom|mostly|mainly|"
        rf"(?:most|many|all|some|several|half)\s+of\s+them|most|many)\s+"
        rf"{_INCL_LIST}|(?:(?<=[,(\u2014\u2013-])|(?<=[,(\u2014\u2013-]\s)){_INCL_LIST}\s+among\s+them|{_PART_WERE})\s*[,)\u2014\u2013-]?)?")
AUX = (r"(?:\s+(?:were|was|are|is|have|has|had|been|being|got|get|became|remain|remained|remains|still|went|"
       r"reportedly|also|later|all|both|"
       r"allegedly|confirmed|reported|subsequently|eventually|immediately|instantly|then|each|seriously|"
       r"critically|severely|slightly|lightly|moderately|gravely|fatally|badly|mortally|injured\s+and|wounded\s+and|"
       r"(?:lightly|slightly|moderately|seriously|critically)\s+to\s+(?:moderately|seriously|critically|severely|"
       r"gravely))\b)*")
_ALL = "|".join(rf"(?P<{c}>{w})" for c, w in CATEGORY_WORDS.items())
_ACTIVE = "|".join(rf"(?P<{c}>{w})" for c, w in ACTIVE_WORDS.items())
_ACTIVE_ANY = "|".join(ACTIVE_WORDS.values())
_STATES = "|".join(rf"(?P<{c}>{w})" for c, w in LEFT_STATES.items())

# An object right after the verb means the noun phrase before it was the agent: "a gunman killed 3 people".
OBJECT_AFTER = re.compile(rf"\s+(?:{Q}|the\b|his\b|her\b|their\b|him\b|them\b|himself\b|herself\b|"
                          r"themselves\b|its\b|\ue002?(?:many|people|civilians|everyone|anyone)\b)", re.I)

# "35 people were killed", "16 people were killed and 2 became injured", "over 200 people wounded"
# a place after the counted people: "8 other police in the AIG's squad were injured"
_PP = rf"(?:\s+(?:in|at|from|on|inside|near)\s+(?:the\s+)?{NP})?"
# a clause between the counted people and "were": "52 soldiers collecting their salaries at a base were killed",
# "two tourists and a guide, who had arrived that morning, were killed", "a civilian who were killed"
_FILLER = rf"(?:{W}|{Q}|\([^()]{{1,40}}\)|the|their|his|her|its|a|an|at|in|on|of|from|near|inside|outside|for|to|with|by)"
_CLAUSE = (rf"(?P<clause>\s+{TAG}(?:\w+ing|\w+ed(?=\s+(?:by|for|at|in|on|with)\b))(?:\s+{_FILLER}){{0,8}}|\s*,\s*(?:who|which)\s+[^,;.]{{1,80}}?,"
           rf"|\s*,?\s+(?:who|that)(?=\s+(?:were|was|had|have|has)\b))?")
# an aside in brackets after the counted people: "22 others (four being civilians) were wounded"
_PAREN = r"(?P<paren>\s*\([^()]{1,60}\))?"
PASSIVE = re.compile(rf"(?P<list>{LIST}){_PAREN}{_PP}{_CLAUSE}{INCL}\s*,?(?P<aux>{AUX})\s+(?P<verb>{_ALL})\b", re.I)
# "killing at least 30 worshippers and wounding 28 others", "gunmen abducted 12 pupils"
ACTIVE = re.compile(rf"(?P<also>\balso\s+)?\b(?P<verb>{_ACTIVE})\s+(?:(?:a\s+total\s+of|all)\s+)?"
                    rf"(?P<list>{LIST}){INCL}", re.I)
# The first of two coordinated active verbs, right before the second: "wounding and kidnapping dozens"
COORDINATED = re.compile(rf"\b(?:{_ACTIVE})\s+and\s+$", re.I)
# A participle right before a noun phrase makes it that verb's object: "wearing a fake explosive belt"
# "saying 100 people were killed": a reporting participle takes a clause, not an object
OBJECT_OF_PARTICIPLE = re.compile(rf"{TAG}(?!(?-i:[A-Z]))(?!(?:say|add|stat|not|report|confirm|announc|claim|warn|"
                                  rf"insist|explain|tell|indicat|show)ing\b)\w+ing\s+$")
TO_DEATH = re.compile(rf"\b(?:{TO_DEATH_VERBS})\s+(?P<list>{LIST})\s+to\s+death", re.I)
SHOT_DEAD = re.compile(rf"\b(?:shot|shooting|gunned)\s+(?P<list>{LIST})\s+(?:dead|down)\b", re.I)  # "shot 2 men dead"
LEAVING = re.compile(rf"\b(?:{LEAVING_VERBS})\s+(?P<list>{LIST})\s+(?P<verb>{_STATES})\b", re.I)
# "the toll in a series of eight blasts ... has risen to 290": a number of things is not the toll
_NOT_A_TOLL = (r"(?!\s+(?:\ue002?[\w-]+\s+)?\ue002?(?:blasts?|explosions?|attacks?|bombings?|bombs?|days?|hours?|weeks?|months?|years?|"
               r"times|countries|provinces|districts|hospitals|villages|towns|cities|buildings|sites|locations|"
               r"churches|hotels|incidents|quakes?|earthquakes?|aftershocks?|magnitude)\b)")
# "put the death toll at 359 but later revised it down to 253": the toll is the number it was revised to
_NOT_REVISED = (r"(?!\s*,?\s+(?:but\s+|and\s+)?(?:\ue002?\w+\s+){0,2}?\ue002?(?:revised|lowered|raised|cut|reduced|"
                r"corrected|adjusted|updated)\s+(?:it|the\s+\ue002?\w+)?\s*(?:down(?:ward)?\s+|up(?:ward)?\s+)?to\s)")
DEATH_TOLL = re.compile(
    rf"(?:\b(?:death|\ue002?fatality)?(?<!casualty)(?<!casualty\s)(?<!casualties)(?<!casualties\s)(?<!injury)(?<!injury\s)(?<!injuries)(?<!injuries\s)\s*toll|\bbody\s+\ue002?count|"
    rf"\ue002?number\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|(?:\ue002?people\s+)?(?:confirmed\s+)?(?:killed|dead)|"
    rf"\ue002?victims|\ue002?bodies)|\ue002?count\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|\ue002?victims))\b(?:(?:\s+\S+){{0,3}}?\s+of|(?:\s+\S+){{0,16}}?\s+(?:to|at|is|was|reached|"
    rf"hit|stands\s+at|now|\ue002?(?:rose|risen|climbed|jumped|soared|surpassed|crossed|topped|exceeded|passed|"
    rf"above|over|past|beyond)"
    rf"(?=\s+{Q_OPEN}\d+{Q_CLOSE})))\s+(?P<list>{Q}{_NOT_A_TOLL}{_NOT_REVISED}(?:\s+{NP})?)", re.I)
# "the number of injured rose to 2,401", "bringing the number held since the election to 6,700": a toll of
# another category than the dead
NUMBER_OF = re.compile(
    rf"\ue002?number\s+(?:of\s+(?:the\s+)?(?:\ue002?people\s+)?)?(?:(?P<detained>held|detained|arrested|\ue002?arrests|"
    rf"in\s+\ue002?custody)|(?P<injured>injured|wounded|\ue002?injuries)|(?P<missing>missing)|"
    rf"(?P<displaced>displaced|evacuated|\ue002?evacuees|homeless))\b(?:\s+\S+){{0,10}}?\s+(?:to|at|is|was|reached|hit|"
    rf"stands\s+at|now|\ue002?(?:rose|risen|climbed|jumped|surpassed|crossed|topped|exceeded|passed|above|over|past)"
    rf"(?=\s+{Q_OPEN}\d+{Q_CLOSE}))\s+(?P<list>{Q}{_NOT_A_TOLL})", re.I)
# "nine deaths", "41 fatalities", "12 injuries", "1 fatality"
NOMINAL = re.compile(rf"(?P<list>{Q})\s+(?:\ue002?(?:confirmed|reported|recorded|registered|suspected|probable)\s+)?"
                     rf"(?:(?:{NP})\s+)?(?:(?P<killed>deaths?|fatalit(?:y|ies))|(?P<injured>injur(?:y|ies)))\b",
                     re.I)
# "resulting in the death of 2 people and the wounding of 5 others"
DEATH_OF = re.compile(rf"\b(?:(?P<killed>deaths?|killing|murder)|(?P<injured>wounding|injuring|injury))\s+of\s+"
                      rf"(?P<list>{LIST})", re.I)
# "One of the injured died of his injuries", "1 of 4 children injured has died": one more death
DIED_OF_INJURED = re.compile(rf"(?P<list>{Q})\s+of\s+(?:the\s+|those\s+)?(?:{Q}\s+)?(?:{NP}\s+)?(?:injured|wounded)"
                             rf"(?:\s+{NP})?{AUX}\s+(?:died|succumbed|passed\s+away)\b", re.I)
DIED_LATER = re.compile(r"\bof\s+(?:the\s+|those\s+)?(?:\S+\s+){0,4}?(?:injured|wounded)\b.*\b(?:died|succumbed|passed)",
                        re.I)
# "He died of his wounds", "she later succumbed to her injuries", "He was found dead": one person, at clause start
PRONOUN_DIED = re.compile(rf"(?:^|[,;]\s+(?:and\s+|but\s+)?)(?P<who>[Hh]e|[Ss]he){AUX}\s+(?P<verb>{CATEGORY_WORDS['killed']})\b")
# People counted in an earlier sentence, now said to be dead: "The victims were later found dead", "the
# hostages were executed", "They were killed in captivity", "The bodies of the abductees were found" (a number
# in the sentence is read by the patterns above; this is for words that only point back)
_BACK_NOUN = r"(?:(?!\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)[\w-]+\s+){0,2}?(?!(?:was|has|is|its|this|thus|as|us)\b)(?P<noun>[a-z][\w-]*s|men|women|children|people|police|personnel)\b(?!['\u2019])"
_BACK_WHO = rf"(?:(?i:all|both)\s+(?:of\s+)?)?(?i:the|these|those)\s+{_BACK_NOUN}"
BACK_REFERENCE = re.compile(
    rf"(?:^|[,;]\s+(?:and\s+|but\s+)?)(?:{_BACK_WHO}|(?P<they>[Tt]hey|[Aa]ll\s+of\s+them))"
    rf"{AUX}\s+(?:{CATEGORY_WORDS['killed']})\b")
BACK_BODIES = re.compile(
    rf"\b(?i:bodies)\s+of\s+(?:all\s+)?{_BACK_WHO}|(?:^|\s)(?i:the|their)\s+(?:[\w-]+\s+)?(?P<noun2>[a-z][\w-]*s|men|women"
    rf"|children|people)['\u2019]\s+bodies\b|(?:^|[,;]\s+(?:and\s+)?)(?P<they>[Tt]heir)\s+bodies\b")
# (a subject that died, not one that killed: "were killed", "died", "found dead")
BACK_PASSIVE = re.compile(r"\b(?:were|was|are|is|been|died|dead|perished|succumbed)\b", re.I)
# ... or as the object of a killing: "the kidnappers executed the hostages"
BACK_OBJECT = re.compile(rf"\b(?:kill(?:ed|ing)|execut(?:ed|ing)|behead(?:ed|ing)|murder(?:ed|ing)|shot\s+dead|"
                         rf"shooting\s+dead)\s+{_BACK_WHO}")


def _unnamed(regex: re.Pattern) -> str:
    """A pattern's text without its group names, to embed it in another pattern."""
    return re.sub(r"\(\?P<\w+>", "(?:", regex.pattern)


HOSTAGE_NOUNS = re.compile(r"^(?:hostages|captives|abductees|kidnapped|abducted|prisoners|detainees)$", re.I)
# A side's losses: "the army lost 7 soldiers", "AMISOM lost four men", "with 30 fighters lost" (people only:
# not "lost 3 vehicles", "lost his leg"; see LOSS_PEOPLE)
LOST = re.compile(rf"\blos(?:t|ing)\s+(?:(?:a\s+total\s+of|at\s+least)\s+)?(?P<list>{LIST})", re.I)
LOST_PASSIVE = re.compile(rf"(?P<list>{LIST}){AUX}\s+lost\b(?=\s*(?:[,;.)]|$|\s+(?:in|during|on)\s+(?:the\s+)?"
                          rf"\ue002?(?:fighting|clash(?:es)?|battle|attack|ambush|assault|raid|operation|combat)\b))",
                          re.I)
# The participle first: "Killed in the attack were a district commissioner, his deputy and a driver"
INVERTED = re.compile(rf"(?:^|;\s+)(?:(?P<killed>killed|dead)|(?P<injured>wounded|injured|hurt))\s+(?:in|during|by|on|at)\s+"
                      rf"[^;.\ue000]{{1,50}}?\s+(?:were|was)\s+(?P<list>{LIST})", re.I)
# A second number with its verb left out: "5 soldiers were killed in Gubio and 3 in Damasak", "left 12 dead on the
# Dinka side and 9 on the Nuer side" (the second figure starts at "and": see ELLIPTIC_TAIL, ADDITIVE)
ELLIPTIC = re.compile(rf"\b(?:(?P<killed>killed|dead|died)|(?P<injured>wounded|injured|hurt))\s+(?:in|on|at|near)\s+"
                      rf"(?:the\s+|{Q}\s+)?(?:other\s+)?{W}(?:\s+{W}){{0,3}}(?P<tail>\s*,?\s+and\s+{Q}\s+(?:in|on|at|near)\s)",
                      re.I)
ELLIPTIC_TAIL = re.compile(rf"\s*,?\s+and\s+(?P<list>{Q})\s+(?:in|on|at|near)\s+(?:the\s+)?(?:other\s+)?{W}(?:\s+{W}){{0,3}}",
                           re.I)
# "a suicide bomber blew himself up", "two militants blew themselves up": attackers who died
BLEW_UP = re.compile(rf"(?P<list>{LIST}){AUX}\s+(?:blew|blowing|blown)\s+(?:themselves|himself|herself)\s+\ue002?up\b", re.I)
# "claimed 7 civilians' lives"
CLAIMED_LIVES = re.compile(rf"\bclaim(?:ed|ing|s)\s+(?P<list>{LIST})(?:['\u2019]s?)?\s+li(?:ves|fe)\b", re.I)
# "stabbed a student ... and killed her": the person hit is the one killed
HIT_THEN_KILLED = re.compile(rf"\b(?:stabb(?:ed|ing)|shot|shooting|attack(?:ed|ing)|beat|hit)\s+(?P<list>{ITEM})"
                             rf"(?:\s+[^,;.]+?)?\s+and\s+(?:then\s+|later\s+)?(?:killed|murdered)\s+(?:him|her)\b", re.I)
# Words that BLEW_UP and LOST_PASSIVE cannot match without: looked for first (rules.Rule.requires), as those
# patterns, which start with a list, are tried at every position of the sentence (same results, read faster)
BLEW_WORD = re.compile(r"\s(?:blew|blowing|blown)\s", re.I)
LOST_WORD = re.compile(r"\slost\b", re.I)
# Killed and injured together with no split: "10 people were killed or injured", "killed and wounded"
KILLED_OR_INJURED = re.compile(rf"\s+(?:and|or|and\s*/\s*or)\s+(?:injured|wounded|hurt|killed|dead)\b(?!\s*{Q})",
                               re.I)
# A note's own coding, which overrides its narrative ("killing 3 civilians (coded as 2 fatalities)"): see TOTAL_MARK
CODED_AS = re.compile(rf"\bcoded\s+(?:as\s+)?(?P<list>{Q})(?:\s+(?:(?P<killed>fatalit(?:y|ies)|deaths?|killed|dead)|"
                      rf"(?P<injured>injur(?:y|ies|ed)|wounded))\b|(?=\s*[).;,]|\s*$))", re.I)
# Casualties count the dead and the hurt together, never as deaths; with the dead named inside them, the rest
# are the injured: "14 casualties, including 3 killed" (3 killed, 11 injured)
CASUALTIES_SPLIT = re.compile(rf"(?P<all>{Q})\s+(?:{NP}\s+)?casualties\s*,?\s*\(?(?:(?:including|of\s+whom|among\s+them|"
                              rf"with)\s+(?P<dead>{Q})|(?P<dead2>{Q})\s+of\s+(?:them|whom))\s+(?:\ue002?people\s+)?"
                              rf"(?:were\s+|was\s+)?\ue002?(?:killed|dead|deaths|fatalities|fatal|died)\b", re.I)
# "two more bodies were found", "the bodies of 3 men were recovered" is BODIES
BODIES_FOUND = re.compile(rf"(?P<list>{Q}(?:\s+(?:more|other|additional|further))?)\s+(?:{W}\s+)?bod(?:y|ies)\s+"
                          rf"(?:were|was|have\s+been|had\s+been|has\s+been)\s+(?:later\s+|also\s+)?\ue002?(?:found|recovered|"
                          rf"discovered|retrieved|exhumed|pulled)\b", re.I)
# A coded count: "Fatalities: 5", "Injuries - 3"
CODED = re.compile(rf"\b(?:(?P<killed>fatalit(?:y|ies)|deaths?|killed|dead)|(?P<injured>injur(?:y|ies)|injured|wounded))"
                   rf"\s*[:=\u2013\u2014-]\s*(?P<list>{Q})", re.I)
BODIES = re.compile(rf"\bbod(?:y|ies)\s+of\s+(?P<list>{LIST})", re.I)
# "The journalist's body was found": the one person named before the body
BODY_OF_ONE = re.compile(rf"(?P<list>(?:the|his|her|their)\s+(?:{W}\s+){{0,3}}{W}?)['\u2019]s\s+bod(?:y|ies)\b", re.I)
# "The leader was killed along with two of his guards": the people after "along with" share the verb
# (their figure's words start at "along with": people added to the verb's subject, see ADDITIVE)
# the list ends where the clause does, not at the next clause's subject ("..., and three soldiers were wounded")
ALONG_WITH = re.compile(rf"\b(?:along|together)\s+with\s+(?P<list>{LIST})"
                        rf"(?=\s*(?:[,;.)]|$)|\s+(?:in|at|on|during|near|when|after|by|while)\b)", re.I)
ALONG_WITH_VERB = re.compile(rf"\b(?:were|was)\s+(?:\w+\s+)?(?:{_ALL})\s+$", re.I)
IN_ADDITION = re.compile(rf"\bin\s+addition\s+to\s+(?:the\s+)?(?P<list>{ITEM})\s*,", re.I)
# ", including six children," after the participle: its numbers are part of the figure, not new ones
TRAILING_INCL = re.compile(rf"(?:\s+(?:in|during|at|on|near|inside|outside)\s+[^,;.()\ue000]{{1,40}}?(?=\s*[,(]))?"
                           rf"\s*,?\s*\(?(?:(?:including|among\s+them|among\s+whom|of\s+whom|mostly|mainly)\s+"
                           rf"{_INCL_ITEM}(?:{_SEP}{_INCL_ITEM})*?|{_PART_WERE})\s*(?=[,;.)]|$|\s+and\s+(?:{_PREFIX}|[^,;.]{{0,20}}?"
                           rf"\b(?:others|more)\b))", re.I)  # "and 200 others were injured" is a new figure
ITEM_RE = re.compile(ITEM, re.I)
PART_WERE_RE = re.compile(_PART_WERE.replace(rf"(?:the\s+)?{NP}", rf"(?:the\s+)?(?P<np>{NP})"), re.I)
# An attacker named without a number: one ("the bomber", "himself"), or as many as the text says attacked
ONE_ATTACKER = re.compile(rf"\b(?:the|an?)\s+(?:suicide\s+)?{either(ATTACKER_ROLES)}\b|\bhimself\b|\bherself\b", re.I)
THE_ATTACKERS = re.compile(rf"\b(?:the|all)\s+(?:\ue002?suicide\s+)?\ue002?(?P<noun>{'|'.join(ATTACKERS)})\b", re.I)
DEFINITE = re.compile(r"\b(?:his|her|their|its|the|himself|herself|themselves)\b", re.I)
SEP_RE = re.compile(_SEP, re.I)
PARTICIPLE_CLAUSE = re.compile(rf"\s+{TAG}\w+(?:ing|ed)\b")
# "162,000 cases, of whom 7,844 have died": the part right before the verb is its subject
OF_WHOM_SUBJECT = re.compile(rf"(?:of\s+whom|of\s+them)\s+(?P<list>(?:{_PREFIX}\s*)?{Q}(?:\s+{NP})?)\s*$", re.I)
PART_OF_WHOM = re.compile(rf"{Q}\s+of\s+whom\b", re.I)
FINITE_AUX = re.compile(r"\b(?:were|was|are|is|have|has|had|been|got|became)\b", re.I)
PART_OF = re.compile(rf"{Q}\s+of\s+(?:them|whom|those)\b", re.I)
# Just after an active verb, a list is that verb's object: "killed 6 soldiers and another were injured".
# So is a list after an active verb's "including": "killed 18 people including 8 civilians and another 27 were
# wounded".
AFTER_ACTIVE = re.compile(rf"\b(?:{_ACTIVE})\s+(?:(?:a\s+total\s+of|all)\s+)?$|"
                          rf"\b(?:{_ACTIVE_ANY})\s+[^;.]{{1,50}}?\s+including\s+$", re.I)
ADDITIVE_ITEM = re.compile(rf"(?:{_PREFIX})|{Q}\s+(?:others|more)\b|{Q}\s+(?:were|was)\b", re.I)
ITEM_OF = re.compile(rf"^(?:(?P<prefix>{_PREFIX})|(?:the|his|her|their|its)\s+)?(?P<q>{Q})(?:\s+of\s+(?:the\s+)?(?:(?P<q2>{Q})\s+)?)?\s*(?P<np>.*)$",
                     re.I | re.S)

# People left out of the figure before: "not including the three assailants", "excluding the bomber"
EXCLUDED = re.compile(r"\b(?:not\s+(?:including|counting)|excluding|except(?:\s+for)?|apart\s+from)\s+$", re.I)
# Hedges and negations just before a figure: "could have killed hundreds", "did not injure anyone".
HEDGED = re.compile(r"\b(?:could|would|might|(?-i:may)|threaten(?:ed|ing|s)?|plott?(?:ed|ing)?|plan(?:ned|ning|s)?|"
                    r"intend(?:ed|ing|s)?|aim(?:ed|ing|s)?|attempt(?:ed|ing|s)?|tr(?:y|ied|ying)|fail(?:ed|s)?|"
                    r"not|n't|never|no|if|unless|potentially|capable|enough)\b(?:\s+\S+){0,3}\s*$", re.I)

# A reported zero: "no casualties were reported", "nobody was hurt", "without causing casualties".
ZERO = [
    (re.compile(r"\b(?:no|zero)\s+(?:\w+\s+)?(?:casualties|victims)\b|\bwithout\s+(?:causing\s+)?(?:any\s+)?"
                r"casualties|\bcasualties\s+(?:were|was)\s+not\s+reported|\b(?:no\s+one|nobody|none)\s+(?:was|were)\s+(?:\w+\s+)?(?:killed\s+or\s+)?"
                r"(?:hurt|harmed)|\bno\s+reported\s+casualties", re.I), ("killed", "injured")),
    (re.compile(r"\b(?:no|zero)\s+(?:\w+\s+)?(?:fatalities|deaths|dead|loss\s+of\s+li(?:fe|ves))\b|"
                r"\b(?:no\s+one|nobody|none)\s+(?:\w+\s+)?(?:was|were|has\s+been|had\s+been)\s+(?:reported\s+)?killed"
                r"|\bno\s+one\s+died|\bwithout\s+(?:killing|any\s+deaths)|\bno\s+(?:people|persons|one)\s+"
                r"(?:were\s+|was\s+)?(?:reported\s+)?(?:killed|dead)", re.I), ("killed",)),
    (re.compile(r"\bno\s+(?:\w+\s+)?(?:injuries|wounded)\b|\b(?:no\s+one|nobody|none)\s+(?:\w+\s+)?(?:was|were|"
                r"has\s+been|had\s+been)\s+(?:reported\s+)?(?:\w+\s+)?(?:injured|wounded|hurt)|\bwithout\s+"
                r"(?:injuring|wounding|hurting)\s+(?:anyone|anybody)", re.I), ("injured",)),
]

# A zero for one group, beside other figures: "the SNA said no soldiers died and 6 militants were killed"; a
# side that denies any losses. The words end the hedge of "no" (see extract._hedged).
ZERO_GROUP = re.compile(r"\b(?:no|zero)\s+(?P<np>(?:[\w-]+\s+){0,2}?[\w-]+?)\s+(?:were\s+|was\s+|had\s+been\s+|have\s+"
                        r"been\s+|has\s+been\s+)?(?:reported\s+)?(?:killed|died|dead|lost)\b|"
                        r"\b(?:denie[sd]|denying|suffered\s+no|reported\s+no|no)\s+(?:any\s+)?(?:\w+\s+)?"
                        r"(?:losses|casualties\s+among\s+(?:its|their)\s+\w+)", re.I)
NOT_A_GROUP_ZERO = re.compile(r"(?:longer|sooner|doubt|matter|reason|way|evidence|claim|one|body|other|further|"
                              r"sign|word|report|information)\b", re.I)
# Armed parties fought when one was killed by the other: "9 militants were killed by NA troops"
FOUGHT_BACK = re.compile(r"\b(?:killed|shot\s+dead|neutrali[sz]ed|gunned\s+down)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                         r"(?:troops|soldiers|army|forces|police|policemen|military|vigilantes|militia|militiamen|"
                         r"guards|gendarmes)\b|\b(?:repelled|repulsed|fought\s+off)\s+(?:the\s+)?(?:attack|assault|"
                         r"attackers|assailants|militants)\b|\breturned\s+fire\b", re.I)
# A toll over a whole area or year: "the number of people killed in the province this year", "since the start of
# the operation, 300 people have been killed in the area"
AGGREGATE_AREA = re.compile(r"\b(?:in|across|throughout)\s+the\s+(?:province|area|region|district|state|country|"
                            r"territory|county|governorate|zone)\b", re.I)
SINCE_DECADES = re.compile(r"\bsince\s+the\s+(?:early\s+|late\s+|mid-?)?(?:19|20)?\d0['\u2019]?s\b", re.I)  # "since the 1970s"
AGGREGATE_PERIOD = re.compile(r"\b(?:this|last)\s+year\b|\bsince\s+(?:the\s+start\s+of\s+)?(?:the\s+year|January)\b", re.I)
SO_FAR = re.compile(r"(?:so\s+far|to\s+date)$", re.I)
# a war's toll with no period of its own ("the war has killed more than 250,000", "10,000 have died in the
# conflict"): the conflict's lifetime, context for a story, not its event ("fighting ... this week" is)
CONFLICT_TOLL = re.compile(r"\b(?:(?:civil|drug|the)\s+war|wars|conflicts?|insurgency|insurgencies|uprising|rebellion|"
                           r"intifada|revolution|genocide)\b", re.I)
TOLL_SO_FAR = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:killed|claimed|left|died|been\s+(?:killed|wounded|"
                         r"injured|displaced)|displaced|forced|driven|wounded|injured|cost)\b", re.I)
LONG_RUNNING = re.compile(r"\blast(?:ed|ing|s)\b|\bdecades?\b|\bcentury\b|\byears?[-\s]long\b|\bspann(?:ed|ing)\b", re.I)
RECENT = re.compile(r"\b(?:today|tonight|yesterday|overnight|this\s+(?:week|morning|weekend)|(?:last|past)\s+"
                    r"(?:24|48|72)\s+hours|recent\s+days|" + WEEKDAY + r")\b", re.I)
# "an assailant stabbed two officers before being shot dead": the sentence's subject dies
BEFORE_BEING_KILLED = re.compile(r"\b(?:before|after|until)\s+(?:being|he\s+was|she\s+was)\s+(?:\w+\s+)?(?:shot\s+dead|killed|"
                                 r"gunned\s+down|neutrali[sz]ed|lynched|beaten\s+to\s+death)\b", re.I)
# Other events beside this one: "This was one of six related attacks that killed a total of 130 people", "part
# of a wave of bombings that killed 60" (figures after these words are background)
RELATED_EVENTS = re.compile(
    r"\bone\s+of\s+(?:\w+\s+){0,3}?(?:attacks|bombings|blasts|explosions|incidents|assaults|raids|strikes|"
    r"shootings|ambushes)\b|\b(?:part\s+of|among)\s+(?:a|the)\s+(?:\w+\s+)?(?:wave|series|string|spate|campaign)\s+of\s+(?:\w+\s+){0,2}?"
    r"(?:attacks|bombings|blasts|explosions|assaults|raids|strikes|shootings|ambushes)\b", re.I)
# Who is left out of victim totals. The perpetrators of a one-sided attack are (the suicide bomber, the
# assailant, the gunman who attacked civilians, the attacker "himself"); combatants killed in a clash between
# armed parties (both sides fighting) are victims of the event, as a conflict event database counts them.
# Nouns that name the attacking side by what it did are always perpetrators:
ALWAYS_PERPETRATORS = re.compile(
    r"\b(?:attackers?|assailants?|gunm[ae]n|perpetrators?|(?:suicide\s+)?bombers?|hijackers?|shooters?|"
    r"knifem[ae]n|stabbers?|kidnappers?|abductors?|himself|herself|themselves)\b", re.I)
# Nouns for the attacking side of an attack, unless the event is a clash between armed parties:
ATTACKER_NOUNS = re.compile(r"\b(?:terrorists?)\b", re.I)
# Armed groups are perpetrators only when the text makes them the agent of a one-sided attack (see SIDED_AGENT).
_ARMED_NOUNS = (r"gunm[ae]n|militants?|insurgents?|jihadists?|extremists?|fighters?|rebels?|raiders?|terrorists?|"
                r"militiam[ae]n|militias?|bandits?|suspects?")
PERPETRATOR_NOUNS = re.compile(rf"\b(?:{_ARMED_NOUNS})\b|{ALWAYS_PERPETRATORS.pattern}", re.I)
AGENT_VERBS = (r"(?:\s+(?!(?:were|was|are|is|been|being|be|have|has|had|also|reportedly)\b)\w+){0,2}?\s+(?:attack(?:ed|s)?|stormed|ambushed|raided|opened\s+fire|fired|detonated|"
               r"blew|struck|launched|targeted|set\s+off|abducted|kidnapped|killed|shot|stabbed|seized|overran|"
               r"infiltrated|carried\s+out)\b")
# "militants attacked a village ...": the armed noun, then what the attack was aimed at (up to the clause end)
SIDED_AGENT = re.compile(rf"\b({_ARMED_NOUNS}){AGENT_VERBS}(?P<target>[^.;:]{{0,70}})", re.I)
# What an attack is aimed at, whichever comes first: people who cannot fight back, or an armed party.
CIVILIAN_TARGET = re.compile(
    r"\b(?:civilians?|villagers?|residents?|worshippers?|people|persons|passengers?|students?|pupils?|children|"
    r"women|farmers?|herders?|traders?|shoppers?|travell?ers?|motorists?|crowds?|markets?|mosques?|churche?s?|"
    r"schools?|weddings?|funerals?|villages?|homes?|houses?|buses|bus|hotels?|restaurants?|(?:IDP|displacement|"
    r"refugee)\s+camps?|pilgrims?|family|families|teachers?|journalists?|aid\s+workers?|miners?|fishermen)\b",
    re.I)
ARMED_TARGET = re.compile(
    r"\b(?:soldiers?|troops?|army|military|police|policem[ae]n|officers?|security\s+forces|forces|bases?|"
    r"checkpoints?|(?:out)?posts?|positions?|convoys?|patrols?|barracks|camps?|garrisons?|stations?|militias?|"
    r"militiam[ae]n|militants?|fighters?|rebels?|insurgents?|vigilantes?|guards?|gendarmes?|gendarmerie)\b", re.I)
# A named attacker: "a man named Abdul Artan", "the assailant, identified as X", "Artan stabbed ..."
_CAP = r"[A-Z][\w'\u2019\-]+"
NAMED_ATTACKER = re.compile(
    rf"(?:\b(?:named|identified\s+as)|\b(?i:{'|'.join(ATTACKER_ROLES + ('suspect',))}),?)\s+"
    rf"(?P<a>(?:{_CAP}\s+){{0,3}}{_CAP})|(?P<b>{_CAP})\s+(?:attacked|stabbed|shot|opened\s+fire|detonated|rammed|"
    rf"drove|blew|fired)\b")
# How many attacked: "Two suicide bombers attacked", "3 gunmen stormed" (for "including the bombers" later)
ATTACKER_COUNT = re.compile(
    rf"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:(?:armed|suicide|unidentified|"
    rf"unknown|masked|female|male)\s+)?(?P<noun>{'|'.join(ATTACKERS + ('hijackers', 'knifemen'))}){AGENT_VERBS}",
    re.I)
# Attackers named among people an earlier sentence counted: "The dead included the two assailants", "Among the
# wounded was one of the attackers", "The bomber was among those killed"
_AMONG_CAT = r"(?P<cat>dead|killed|deceased|fatalities|wounded|injured)"
ATTACKERS_AMONG = re.compile(
    rf"\b(?:the|those)\s+{_AMONG_CAT}\s+(?:also\s+)?include[sd]?\s+(?P<who>[^,;.]+)|"
    rf"\bamong\s+(?:the|those)\s+{_AMONG_CAT.replace('cat', 'cat2')}\s+(?:were|was)\s+(?:also\s+)?(?P<who2>[^,;.]+)|"
    rf"^(?P<who3>[^,;.]+?)\s+(?:were|was)\s+(?:also\s+)?among\s+(?:the|those)\s+{_AMONG_CAT.replace('cat', 'cat3')}\b",
    re.I)
KILLED_WORD = re.compile(r"dead|killed|deceased|fatalities", re.I)
# Both sides fighting: the event is a clash, whoever started it.
CLASH = re.compile(r"\b(?:clash(?:ed|es|ing)?|fighting|fought|battles?|gun\s*battles?|firefights?|"
                   r"exchanged?\s+(?:of\s+)?(?:gun)?fire|exchanges\s+of\s+fire|shoot-?outs?|skirmish(?:es|ed)?|"
                   r"crossfire|engaged)\b", re.I)

# The noun phrase's head decides the group; objects count only for "damaged".
GROUPS = [
    (re.compile(r"\bcivilians?\b", re.I), "civilians"),
    (re.compile(r"\b(?:children|child|kids?|boys?|girls?|students?|pupils?|schoolchildren|minors?|babies|baby|"
                r"infants?)\b", re.I), "children"),
    (re.compile(r"\b(?:women|woman)\b", re.I), "women"),
    (re.compile(r"\b(?:police(?:m[ae]n|women|woman)?|police\s+officers?|officers?|constables?|gendarmes?)\b", re.I),
     "police"),
    (re.compile(r"\b(?:soldiers?|troops?|servicem[ae]n|army|military|personnel|marines?|guards?|commanders?|"
                r"paramilitar(?:y|ies))\b", re.I), "soldiers"),
    (re.compile(r"\b(?:people|persons?|others|individuals|men|man|residents|villagers|worshippers|passengers|"
                r"victims)\b", re.I), "people"),
]
GROUPS_ANY = re.compile("|".join(regex.pattern for regex, _ in GROUPS), re.I)
OBJECTS = re.compile(rf"\b{either(OBJECT_NOUNS)}\b", re.I)
NOT_A_COUNT_HEAD = re.compile(r"\b(?:number|total|unknown|percent|times?|bombs?|explosions?|blasts?|attacks?|"
                              r"incidents?|days?|hours?|weeks?|months?|years?)\s*$", re.I)
PLURAL_IRREGULAR = re.compile(r"\b(?:people|men|women|children|police|personnel|staff|troops|militia|crew|"
                              r"family|youth)\s*$", re.I)

# Deaths among people the text has already counted as injured: "two of the injured died", "one of them later
# died", "wounded 12 others, two of whom later died". They add to the dead and leave the injured.
# "Two were wounded. Both later died", "all three succumbed to their injuries": the same people
DIED_AMONG_INJURED = re.compile(rf"{DIED_LATER.pattern}|\bof\s+(?:them|whom)\b.*\b(?:died|succumbed|passed\s+away)\b|"
                                rf"^(?:both|all(?:\s+{Q}|\s+\w+)?)(?:\s+of\s+them)?(?:\s+\w+)?\s+(?:died|succumbed|"
                                rf"passed\s+away)\b|"
                                rf"\b(?:died\s+(?:of|from)|succumbed\s+to)\s+(?:his|her|their)\s+(?:wounds|injuries)\b",
                                re.I)  # "The officer died of his injuries": someone hurt before (GTD's injured are non-fatal)
# (people counted earlier and now said dead - "the hostages were executed" - add to the dead counted so far)
ADDITIVE = re.compile(rf"^(?:another|an\s+additional|additional|a\s+further|further|along\s+with|together\s+with)\b|\balso\b|\bothers\b|\bmore\b(?!\s+than\b)|{DIED_AMONG_INJURED.pattern}"
                      rf"|^(?:{_unnamed(BACK_REFERENCE)})$|^(?:{_unnamed(BACK_BODIES)})|^(?:{_unnamed(BACK_OBJECT)})|^and\s+\S+\s+(?:in|on|at|near)\s",
                      re.I)
# Within one article: an account beside another ("while other sources put the toll at 5", "some reports said
# 10"), and a figure that updates an earlier one ("the toll later rose to 5", "officials later said 5 died").
ALTERNATIVE_CUE = re.compile(
    r"\b(?:other|some|several|many|unconfirmed|conflicting|independent|unofficial|differing|alternative)\s+"
    r"(?:\w+\s+)?(?:sources?|reports?|estimates?|accounts?|media|outlets?|monitors?|witnesses)\b|"
    r"\banother\s+(?:source|report|estimate|account)\b|\bothers\s+(?:put|said|say|gave|estimated?|reported)\b",
    re.I)
# A sentence about another incident of the same story: its figure is no rival account.
SEPARATE_EVENT = re.compile(r"\b(?:a|the)\s+(?:second|third|fourth|separate|further|subsequent|later|other|similar)\s+"
                            r"(?:\w+\s+)?(?:explosion|attack|blast|bombing|incident|raid|shooting|strike|ambush|"
                            r"clash|assault|bomb|device)s?\b|\banother\s+(?:\w+\s+)?(?:explosion|attack|blast|"
                            r"bombing|incident|raid|shooting|strike|ambush|clash|assault|bomb|device)\b|"
                            r"\bseparate(?:ly)?\b|\belsewhere\b", re.I)
UPDATE_CUE = re.compile(r"\b(?:later|subsequently|since|rose|risen|rising|climbed|increased|jumped|mounted|"
                        r"revised|updated|raised|now)\b", re.I)
TOLL_WORDS = re.compile(r"\btoll\b", re.I)
# a report that corrects an earlier count, down or up ("revised the toll down to 253, from 359")
REVISED = re.compile(r"\b(?:revis(?:ed|ing|ion)|correct(?:ed|ion)|lowered|adjusted|down\s+from|double[-\s]counted|"
                     r"overcount(?:ed)?)\b", re.I)
# words right before a number that give it as an earlier, superseded count: "down from 359", "the previous
# toll of 359", "and not 359", "first estimates were 290", "had initially said 300"
EARLIER_COUNT = re.compile(
    r"(?:\b(?:down|up|revised|lowered|raised|increased|reduced|rose|risen|climbed|jumped|fell|dropped)\s+from\s+"
    r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?"
    r"|\b(?:previous|earlier|initial|original|first|old|preliminary|prior)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:toll|figure|count|estimate|tally|number|report)s?\s+(?:of\s+|was\s+|were\s+|had\s+been\s+|stood\s+at\s+|at\s+|"
    r"put\s+at\s+)?(?:[\w-]+\s+){0,2}?"
    r"|\b(?:initially|originally|previously|earlier|first|at\s+first)\s+(?:[\w-]+\s+){0,8}?"
    r"|\b(?:and|but)\s+not\s+)$",
    re.I,
)
TOTAL_MARK = re.compile(r"\b(?:in\s+total|a\s+total\s+of|altogether|overall|total\s+of|coded)\b", re.I)

_MONTH = MONTH
_DAY = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
PERIOD = re.compile(
    rf"\b(?:(?i:since)\s+(?:the\s+)?(?:{_DAY}|\d{{4}}|(?:start|beginning|outbreak|onset)\s+of\s+[\w\s]{{1,30}}?"
    rf"(?=[,.;]|\s+(?:and|with|when|in)\b|$)|{either(MONTHS)}|(?:last|this)\s+\w+)"
    rf"|(?i:between)\s+{_DAY}.{{0,60}}?\s+and\s+{_DAY}"
    rf"|so\s+far(?:\s+this\s+(?:year|month|week))?|to\s+date|this\s+year"
    rf"|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:\w+\s+){{0,2}}(?:days|weeks|months|years))",
)
CUMULATIVE_CUE = re.compile(
    r"\b(?:(?:death\s+)?toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|people\s+killed|victims))\b"
    r"(?:\s+\w+){0,5}?\s+(?:climbed|rose|risen|increased|jumped|reached|stands|stood|"
    r"soared|mounted|now)\b|\braising\s+(?:the\s+)?(?:\w+\s+){0,2}(?:death\s+)?toll|\bcumulative\b|"
    r"\bbrings?\s+(?:the\s+)?(?:\w+\s+)?(?:death\s+)?toll|\bbringing\s+(?:the\s+)?(?:\w+\s+)?(?:death\s+)?toll",
    re.I)

# Who says so.
_CLAIM_VERB = (r"(?:said|says|saying|told|tells|reported|reports|stated|states|confirmed|confirms|announced|added|claimed|"
               r"denied|denies|insisted|maintained|put|puts|estimated|gave)")
_CLAIM_PREFIX = (r"(?:(?:the|a|an|local|provincial|district|regional|state|senior|security|health|interior|"
                 r"defen[cs]e|foreign|hospital|medical|rescue|emergency|military|army|police|government|"
                 r"official|[A-Z][\w.'\u2019-]*)\s+){0,5}")
_CLAIM_HEAD = (r"(?:[A-Z][\w.'\u2019-]*|officials?|police|authorities|sources|ministry|spokesm[ae]n|spokeswoman|"
               r"spokesperson|witnesses|residents|officers?|medics|doctors|agency|army|military|government|"
               r"governor|statement|media|rebels|insurgents|militants|activists|monitors|observers|forces|"
               r"opposition|survivors|relatives|hospitals?|commission|he|she|they)")
CLAIM_ACCORDING = re.compile(r"\b(?i:according)\s+to\s+(?P<c>[^,.;:\"\u201c\u201d()]{2,60}?)"
                             r"(?=\s*(?:[,.;:\"\u201c\u201d()]|$|\s+(?:on|in|who|which|that|as)\b))")
CLAIM_SUBJECT = re.compile(rf"(?<![\w'\u2019])(?P<c>{_CLAIM_PREFIX}{_CLAIM_HEAD})\s+{_CLAIM_VERB}\b")
CLAIM_AFTER = re.compile(rf"[,\"\u201d]\s*{_CLAIM_VERB}\s+(?P<c>(?:the\s+)?[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){{0,3}})")
# A clause that names its own claimant, whatever the noun: "..., while community leaders said 13 were killed"
CLAIM_WHILE = re.compile(rf"\b(?:while|whereas|but)\s+(?P<c>(?:[\w'\u2019-]+\s+){{0,4}}?[\w'\u2019-]+)\s+{_CLAIM_VERB}\b",
                         re.I)
PRONOUNS = {"he", "she", "they"}
NOT_CLAIMANTS = re.compile(r"^(?:it|this|that|which|there|the\s+attack|the\s+group)$", re.I)

# "killing the passenger": a definite singular counts as one only when it names a person.
PERSON_HEAD = re.compile(rf"\b{either(PERSON_HEADS)}\s*$", re.I)

# A sentence without any of these stems holds no figure: skip it before any costly pattern.
TRIGGER = re.compile(
    r"kill|dead|die[ds]?\b|dying|death|wound|injur|hurt|casualt|fatal|missing|unaccounted|displac|fled|flee|"
    r"evacuat|homeless|uproot|arrest|detain|custody|captur|apprehend|kidnap|abduct|hostage|captive|destr|damag|"
    r"burn|torch|razed|demolish|loot|flatten|level|ablaze|fire|toll|bod(?:y|ies)|slain|murder|execut|behead|decapitat|"
    r"assassin|massacr|slaughter|lynch|perish|neutrali|martyr|claim(?:ed|ing|s)\s+the\s+li|shot|stabb|gunned|lost\s|losing\s|losses|succumb|hospitali|maim|"
    r"victim|harm|unhurt|unscathed|rounded\s+up|coded|blew\s+(?:themselves|himself|herself)|camps|shelters|"
    r"count\s+of|treated\s+(?:in|at)\s", re.I)

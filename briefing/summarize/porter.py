"""The Porter stemmer (M.F. Porter, "An algorithm for suffix stripping", 1980), original algorithm.

Written out here so that summarizing does not import NLTK (whose package import pulls in SciPy and
takes the best part of a second): concepts only need a consistent stem, and this is the same stemmer
ROUGE scores with. Callers cache the results (see features.stem).
"""
from __future__ import annotations


def _mask(w: str) -> str:
    """'c' or 'v' for each letter: y is a vowel after a consonant, a consonant otherwise."""
    out = []
    prev = "v"
    for ch in w:
        if ch in "aeiou":
            prev = "v"
        elif ch == "y":
            prev = "v" if prev == "c" else "c"
        else:
            prev = "c"
        out.append(prev)
    return "".join(out)


def _measure(stem: str) -> int:
    """m in [C](VC)^m[V]: the number of vowel-consonant sequences."""
    return _mask(stem).count("vc")


def _has_vowel(stem: str) -> bool:
    return "v" in _mask(stem)


def _double_consonant(w: str) -> bool:
    return len(w) >= 2 and w[-1] == w[-2] and _mask(w)[-1] == "c"


def _cvc(w: str) -> bool:
    """Ends consonant-vowel-consonant, the last not w, x or y (hop, not hoop or snow)."""
    return len(w) >= 3 and w[-1] not in "wxy" and _mask(w).endswith("cvc")


_STEP2: tuple[tuple[str, str], ...] = (
    ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
    ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
    ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
    ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
)
_STEP3: tuple[tuple[str, str], ...] = (
    ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
    ("ness", ""),
)
_STEP4: tuple[str, ...] = (
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize",
)
# longest suffix first: only the longest one that matches is considered
_STEP2 = tuple(sorted(_STEP2, key=lambda p: -len(p[0])))
_STEP3 = tuple(sorted(_STEP3, key=lambda p: -len(p[0])))
_STEP4 = tuple(sorted(_STEP4, key=len, reverse=True))


def _step1(w: str) -> str:
    if w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("ies"):
        w = w[:-2]
    elif w.endswith("ss"):
        pass
    elif w.endswith("s"):
        w = w[:-1]

    if w.endswith("eed"):
        if _measure(w[:-3]) > 0:
            w = w[:-1]
    else:
        stripped = None
        if w.endswith("ed") and _has_vowel(w[:-2]):
            stripped = w[:-2]
        elif w.endswith("ing") and _has_vowel(w[:-3]):
            stripped = w[:-3]
        if stripped is not None:
            w = stripped
            if w.endswith(("at", "bl", "iz")):
                w += "e"
            elif _double_consonant(w) and w[-1] not in "lsz":
                w = w[:-1]
            elif _measure(w) == 1 and _cvc(w):
                w += "e"

    if w.endswith("y") and _has_vowel(w[:-1]):
        w = w[:-1] + "i"
    return w


_STEP2_ENDS = tuple(suffix for suffix, _ in _STEP2)
_STEP3_ENDS = tuple(suffix for suffix, _ in _STEP3)


def _replace(w: str, rules, ends: tuple[str, ...]) -> str:
    if not w.endswith(ends):  # one test in C: most words have none of these suffixes
        return w
    for suffix, repl in rules:
        if w.endswith(suffix):
            stem = w[: -len(suffix)]
            return stem + repl if _measure(stem) > 0 else w
    return w


def _step4(w: str) -> str:
    if not w.endswith(_STEP4):
        return w
    for suffix in _STEP4:
        if w.endswith(suffix):
            stem = w[: -len(suffix)]
            if _measure(stem) > 1 and (suffix != "ion" or stem.endswith(("s", "t"))):
                return stem
            return w
    return w


def _step5(w: str) -> str:
    if w.endswith("e"):
        stem = w[:-1]
        m = _measure(stem)
        if m > 1 or (m == 1 and not _cvc(stem)):
            w = stem
    if w.endswith("ll") and _measure(w) > 1:
        w = w[:-1]
    return w


def porter_stem(word: str) -> str:
    """The Porter stem of a lower-case word ("killings" -> "kill", "officials" -> "offici")."""
    if len(word) <= 2:
        return word
    w = _step1(word)
    w = _replace(w, _STEP2, _STEP2_ENDS)
    w = _replace(w, _STEP3, _STEP3_ENDS)
    w = _step4(w)
    return _step5(w)

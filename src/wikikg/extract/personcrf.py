"""probablepeople's person-or-corporation answer, its token features computed as it computes them, in fewer steps."""
# probablepeople.tag spends about as long on its Python feature extraction as on the CRF: `re` looked up by
# pattern string five times a token, sets built per test, generators per n-gram. This module computes the
# same features (same keys, values and order, so the CRF sees the same items) with compiled patterns and
# constant sets, and reads the tagger's labels as `tag` does. It is used only with the version it copies
# (tests/test_personcrf.py compares it with probablepeople on the check sets' names and tokens).
from __future__ import annotations

import re
import string
from functools import cache

_VERSION = "0.5.6"
_TOKENS = re.compile(
    r"""
    \bc/o\b
    |
    [("']*\b[^\s\/,;#&()]+\b[.,;:'")]* # ['a-b. cd,ef- '] -> ['a-b.', 'cd,', 'ef']
    |
    [#&@/]
    """,
    re.I | re.VERBOSE | re.UNICODE,
)
_CLEAN = re.compile(r"(^[\W]*)|([^.\w]*$)")
_NON_WORD = re.compile(r"\W")
_BRACKETED = re.compile(r'(["(\']\w+)|(\w+[")\'])')
_FULL_BRACKETED = re.compile(r'["(\']\w+[")\']')
_VOWELS = frozenset("aeiouy")
_VOWELS_Y = tuple("aeiouy")
_ROMAN = frozenset("xvi")
_DIGITS = frozenset(string.digits)
_PREFIX = tuple(f"prefix_{i}" for i in range(6))
_SUFFIX = tuple(f"suffix_{i}" for i in range(6))
_INTERRUPTING = ("CorporationNameOrganization", "CorporationNameBranchType", "CorporationNameBranchIdentifier",
                 "ProxiedCorporationNameOrganization", "OtherCorporationNameOrganization",
                 "OtherCorporationNameBranchType", "OtherCorporationNameBranchIdentifier")


@cache
def _library():
    """probablepeople's module, tagger and tables, and whether this module copies its version."""
    from importlib.metadata import version

    import probablepeople
    from doublemetaphone import doublemetaphone

    return (probablepeople, probablepeople.TAGGERS["generic"], doublemetaphone, probablepeople.ratios,
            probablepeople.gender_names, probablepeople.PREPOSITIONS, version("probablepeople") == _VERSION)


def name_type(name: str) -> str | None:
    """What probablepeople.tag(name) says `name` is ("Person", "Corporation", "Household"), or None where
    it raises RepeatedLabelError."""
    pp, tagger, *_, same = _library()
    if not same:
        try:
            return pp.tag(name)[1]
        except pp.RepeatedLabelError:
            return None
    tokens = _TOKENS.findall(name)
    labels = tagger.tag(features(tokens)) if tokens else []
    return _read_labels(labels)


def _read_labels(labels: list[str]) -> str | None:
    """probablepeople.tag's reading of the labels, without joining the tokens it tags."""
    tagged: set[str] = set()
    prev = None
    and_label = aka_label = proxy_label = False
    for label in labels:
        if label == "And":
            and_label = True
        elif label == "AKA":
            aka_label = True
        elif label == "ProxyFor":
            proxy_label = True
        elif and_label and label in tagged:
            label = "Second" + label
        elif aka_label and label in tagged:
            label = "Other" + label
        elif proxy_label and label in tagged:
            label = "Proxied" + label
        if label in tagged and not (label == prev or prev in _INTERRUPTING or label in _INTERRUPTING):
            return None
        tagged.add(label)
        prev = label
    if "CorporationName" in tagged or "ShortForm" in tagged:
        return "Corporation"
    return "Household" if and_label else "Person"


def features(tokens: list[str]) -> list[dict]:
    """probablepeople.tokens2features(tokens), with the features of each token computed by `token_features`."""
    feature_sequence = [token_features(tokens[0])]
    previous_features = feature_sequence[-1].copy()
    seen_comma = False
    for token in tokens[1:]:
        token_features_ = token_features(token)
        if not seen_comma and previous_features["comma"]:
            seen_comma = True
        if seen_comma:
            token_features_["seen.comma"] = True
        current_features = token_features_.copy()
        feature_sequence[-1]["next"] = current_features
        token_features_["previous"] = previous_features
        feature_sequence.append(token_features_)
        previous_features = current_features
    if len(feature_sequence) > 1:
        feature_sequence[0]["rawstring.start"] = True
        feature_sequence[-1]["rawstring.end"] = True
        feature_sequence[1]["previous"]["rawstring.start"] = True
        feature_sequence[-2]["next"]["rawstring.end"] = True
    else:
        feature_sequence[0]["singleton"] = True
    return feature_sequence


def token_features(token: str) -> dict:
    """probablepeople.tokenFeatures(token): the same keys, in the same order, with the same values."""
    _pp, _tagger, doublemetaphone, ratios, gender_names, prepositions, _same = _library()
    if token in "&":  # as probablepeople tests it (a string, not a tuple)
        clean = abbrev = token
    else:
        clean = _CLEAN.sub("", token.lower())
        abbrev = _NON_WORD.sub("", clean)
    metaphone = doublemetaphone(abbrev)
    n, upper = len(abbrev), abbrev.upper()
    full = _FULL_BRACKETED.match(token)
    out = {
        "nopunc": abbrev,
        "abbrev": clean.endswith("."),
        "comma": token.endswith(","),
        "hyphenated": "-" in clean,
        "contracted": "'" in clean,
        "bracketed": bool(_BRACKETED.match(token) and not full),
        "fullbracketed": bool(full),
        "length": n,
        "initial": n == 1 and abbrev.isalpha(),
        "has.vowels": not _VOWELS.isdisjoint(abbrev[1:]),
        "just.letters": abbrev.isalpha(),
        "roman": _ROMAN.issuperset(abbrev),
        "endswith.vowel": abbrev.endswith(_VOWELS_Y),
        "digits": "all_digits" if abbrev.isdigit() else "no_digits" if _DIGITS.isdisjoint(abbrev) else "some_digits",
        "metaphone1": metaphone[0],
        "metaphone2": metaphone[1],
        "more.vowels": int(sum(map(abbrev.count, _VOWELS_Y)) // float(n)) if n > 1 else False,
        "in.names": upper in ratios,
        "prepositions": abbrev in prepositions,
        "first.name": ratios.get(upper, 0),
        "gender_ratio": gender_names.get(abbrev, False),
        "possessive": clean.endswith("'s"),
    }
    for i in range(1, min(n, 6)):
        out[_PREFIX[i]] = abbrev[:i]
        out[_SUFFIX[i]] = abbrev[-i:]
    for k in range(n - 2):
        out[abbrev[k:k + 3]] = True
    for k in range(n - 3):
        out[abbrev[k:k + 4]] = True
    return out

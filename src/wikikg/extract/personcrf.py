"""Whether probablepeople reads a name as a person's: its features computed in fewer steps, the CRF given those that count."""
# probablepeople.tag spends about as long on its Python feature extraction as on the CRF: `re` looked up by
# pattern string five times a token, sets built per test, generators per n-gram; and a third of its features
# are False or 0, which the CRF looks up and weighs by 0. This module computes the other features (the same
# keys, values and order) with compiled patterns and constant sets, and reads the tagger's labels as `tag`
# does. It is used only with the version it copies (tests/test_personcrf.py compares the features, labels and
# scores with probablepeople's).
from __future__ import annotations

import re
import string

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


_loaded: list[tuple] = []


def _library() -> tuple:
    """probablepeople's module, tagger and tables, and whether this module copies its version; imported
    when a name first needs it, as people.py did (not by preload: a build's main process, which extracts
    nothing, does not hold the three CRF models)."""
    if not _loaded:
        from importlib.metadata import version

        import probablepeople
        from doublemetaphone import doublemetaphone

        _loaded.append((probablepeople, probablepeople.TAGGERS["generic"], doublemetaphone, probablepeople.ratios,
                        probablepeople.gender_names, probablepeople.PREPOSITIONS,
                        version("probablepeople") == _VERSION))
    return _loaded[0]


def census_name(word: str) -> bool:
    """Whether a word is in the US census's list of names that probablepeople tags with ("Hawks", "Knights")."""
    return word.upper() in _library()[3]


def is_person(name: str) -> bool:
    """Whether probablepeople.tag(name) calls `name` a person's ("Person"; not a corporation's, not a
    household's, and not a name it cannot label: RepeatedLabelError)."""
    pp, tagger, *_, same = _library()
    if not same:
        try:
            return pp.tag(name)[1] == "Person"
        except pp.RepeatedLabelError:
            return False
    tokens = _TOKENS.findall(name)
    return _a_person(tagger.tag(features(tokens)) if tokens else [])


def _a_person(labels: list[str]) -> bool:
    """probablepeople.tag's reading of the labels (without joining the tokens it tags): a person's name."""
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
            return False  # probablepeople raises RepeatedLabelError
        tagged.add(label)
        prev = label
    return not and_label and "CorporationName" not in tagged and "ShortForm" not in tagged


def features(tokens: list[str]) -> list[dict]:
    """probablepeople.tokens2features(tokens) without the features of value False or 0 (see `token_features`)."""
    feature_sequence = [token_features(tokens[0])]
    previous_features = feature_sequence[-1].copy()
    seen_comma = False
    for token in tokens[1:]:
        token_features_ = token_features(token)
        if not seen_comma and "comma" in previous_features:
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
    """probablepeople.tokenFeatures(token) without the features whose value is False or 0: the same other
    keys, in the same order, with the same values. The CRF weighs a feature by its value, so a feature of
    value 0 adds 0 to every score (the sums of the others are unchanged, term for term) and costs a lookup."""
    _pp, _tagger, doublemetaphone, ratios, gender_names, prepositions, _same = _library()
    if token in "&":  # as probablepeople tests it (a string, not a tuple)
        clean = abbrev = token
    else:
        clean = _CLEAN.sub("", token.lower())
        abbrev = _NON_WORD.sub("", clean)
    metaphone = doublemetaphone(abbrev)
    n, upper = len(abbrev), abbrev.upper()
    out = {"nopunc": abbrev}
    if clean.endswith("."):
        out["abbrev"] = True
    if token.endswith(","):
        out["comma"] = True
    if "-" in clean:
        out["hyphenated"] = True
    if "'" in clean:
        out["contracted"] = True
    full = _FULL_BRACKETED.match(token)
    if full is None and _BRACKETED.match(token):
        out["bracketed"] = True
    if full is not None:
        out["fullbracketed"] = True
    if n:
        out["length"] = n
    letters = abbrev.isalpha()
    if n == 1 and letters:
        out["initial"] = True
    if not _VOWELS.isdisjoint(abbrev[1:]):
        out["has.vowels"] = True
    if letters:
        out["just.letters"] = True
    if _ROMAN.issuperset(abbrev):
        out["roman"] = True
    if abbrev.endswith(_VOWELS_Y):
        out["endswith.vowel"] = True
    out["digits"] = "all_digits" if abbrev.isdigit() else "no_digits" if _DIGITS.isdisjoint(abbrev) else "some_digits"
    out["metaphone1"], out["metaphone2"] = metaphone[0], metaphone[1]
    if n > 1 and sum(map(abbrev.count, _VOWELS_Y)) == n:  # probablepeople: int(vowels // float(n)), 1 or 0
        out["more.vowels"] = 1
    first = ratios.get(upper, 0)
    if upper in ratios:
        out["in.names"] = True
    if abbrev in prepositions:
        out["prepositions"] = True
    if first:
        out["first.name"] = first
    gender = gender_names.get(abbrev, False)
    if gender:
        out["gender_ratio"] = gender
    if clean.endswith("'s"):
        out["possessive"] = True
    for i in range(1, min(n, 6)):
        out[_PREFIX[i]] = abbrev[:i]
        out[_SUFFIX[i]] = abbrev[-i:]
    for k in range(n - 2):
        out[abbrev[k:k + 3]] = True
    for k in range(n - 3):
        out[abbrev[k:k + 4]] = True
    return out

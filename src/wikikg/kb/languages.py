"""ISO 639 codes by the codes and names pycountry's languages answer to, kept on disk between processes."""
from __future__ import annotations

from wikikg.kb.tablestore import stored_table


@stored_table
def language_codes() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """pycountry.languages' answers by lower-cased key, each the language's alpha_2 code, else its alpha_3: by alpha_2
    (`get(alpha_2=...)`), by alpha_3 (`get(alpha_3=...)`), and by any code or name in `lookup`'s order (its indexed
    fields first, each field's index in turn, then its other fields language by language; the first found wins)."""
    import pycountry

    languages = pycountry.languages
    len(languages)  # its data loaded: the indices are made as it is read

    def code(language) -> str:
        return getattr(language, "alpha_2", None) or language.alpha_3

    by_any: dict[str, str] = {}
    for index in languages.indices.values():
        for key, language in index.items():
            by_any.setdefault(key, code(language))
    for language in languages:
        for field in languages.no_index:
            value = getattr(language, field, None)
            if value is not None:
                by_any.setdefault(value.lower(), code(language))
    return ({k: code(v) for k, v in languages.indices["alpha_2"].items()},
            {k: code(v) for k, v in languages.indices["alpha_3"].items()}, by_any)

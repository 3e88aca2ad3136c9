"""Build src/cleannews/data/variants.json: traditional forms of the built-in vocabulary.

``vocabulary.variants`` gives every word list its Taiwan, Hong Kong and OpenCC
traditional forms. Computing them at run time means loading three OpenCC
dictionaries on every start (about 0.1 s, most of what a pre-commit ``check``
of one small file costs), so the forms of the built-in words are computed here,
with the installed OpenCC, and shipped. Words a user adds (extra boilerplate,
protected phrases) are still converted at run time. ``tests/test_vocabulary.py``
fails when this file is out of date.

    python scripts/build_variants.py
"""

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "cleannews" / "data" / "variants.json"


def builtin_words() -> list[str]:
    from cleannews import boilerplate, metadata, vocabulary

    words = set()
    for module in (vocabulary, boilerplate, metadata):
        for value in vars(module).values():
            if isinstance(value, tuple) and value and all(isinstance(w, str) for w in value):
                words.update(value)
    for alternatives in metadata.FIELD_LABELS.values():
        words.update(alternatives.split("|"))
    return sorted(words)


def live_forms(word: str) -> list[str]:
    from cleannews.script import convert

    return sorted({convert(word, target) for target in ("zh-tw", "zh-hk", "zh-hant")} - {word})


def build() -> dict[str, list[str]]:
    return {word: live_forms(word) for word in builtin_words()}  # every word, so none needs OpenCC at run time


if __name__ == "__main__":
    table = build()
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(table)} words with traditional forms -> {OUT}")

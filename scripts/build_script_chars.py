"""Build data/simplified_only.txt: simplified characters that are never traditional.

OpenCC's STCharacters.txt maps each simplified character to its traditional
candidates. A character that is not among its own candidates (发 -> 發 髮) only
occurs in simplified text; one that is (了 -> 了 瞭, 征 -> 徵 征) is also traditional.
The script pass converts a line towards traditional only when it holds a
character of the first kind, so text that is already traditional is never
rewritten by OpenCC's phrase tables.

    python scripts/build_script_chars.py ../shared/corpora/opencc/dictionary/STCharacters.txt
"""

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "cleannews" / "data" / "simplified_only.txt"


def main(source: str) -> None:
    chars = set()
    for line in Path(source).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, candidates = line.partition("\t")
        if len(key) == 1 and key not in candidates.split():
            chars.add(key)
    OUT.write_text("".join(sorted(chars)) + "\n", encoding="utf-8")
    print(f"{len(chars)} characters -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])

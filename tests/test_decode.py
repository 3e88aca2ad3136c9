"""Tests for cleannews.decode: real legacy-encoded files plus synthetic bytes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews.decode import Decoded, InputError, _plausible_text, decode_bytes

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPORA = SHARED / "corpora"

NEWS = "新华社北京8月25日电 记者从国家统计局获悉，今年前7个月，全国规模以上工业增加值同比增长。\n"
TRAD = "香港特區政府今日公佈，全港失業率維持於百分之三點五，經濟持續復甦。\n"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared corpus not available: {path}")
    return path


# ------------------------------------------------------------ synthetic


def test_empty():
    assert decode_bytes(b"") == Decoded("", "utf-8", False)


def test_utf8_plain():
    d = decode_bytes(NEWS.encode("utf-8"))
    assert d == Decoded(NEWS, "utf-8", False)


def test_utf8_bom_stripped():
    d = decode_bytes(codecs.BOM_UTF8 + NEWS.encode("utf-8"))
    assert d.text == NEWS and d.had_bom and d.encoding == "utf-8"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_32_with_bom(codec):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[codec]
    d = decode_bytes(bom + NEWS.encode(codec))
    assert d == Decoded(NEWS, codec, True)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec):
    d = decode_bytes(NEWS.encode(codec))
    assert d.text == NEWS and d.encoding == codec and not d.had_bom


def test_gbk_synthetic():
    d = decode_bytes(NEWS.encode("gbk"))
    assert d.text == NEWS and d.encoding == "gb18030"


def test_gb18030_only_characters():
    # 𠀀 (U+20000) and € are not in GBK; GB18030 encodes them in four bytes.
    text = "新闻：𠀀字与欧元符号€同时出现，这是一段用于检测的中文文本。\n" * 3
    d = decode_bytes(text.encode("gb18030"))
    assert d.text == text and d.encoding == "gb18030"


def test_big5_synthetic():
    d = decode_bytes((TRAD * 3).encode("big5"))
    assert d.text == TRAD * 3 and d.encoding.startswith(("big5", "cp950"))


def test_big5hkscs_synthetic():
    text = "香港人講嘢好快，佢哋今日去咗旺角食嘢。\n" * 3  # 嘢 佢 哋 咗 are HKSCS characters
    d = decode_bytes(text.encode("big5hkscs"))
    assert d.text == text and d.encoding == "big5hkscs"


def test_crlf_and_cr_become_lf():
    assert decode_bytes("一\r\n二\r三\n".encode("utf-8")).text == "一\n二\n三\n"
    assert decode_bytes("一\r\n二\r\n".encode("gbk")).text == "一\n二\n"
    assert decode_bytes(codecs.BOM_UTF16_LE + "一\r\n二".encode("utf-16-le")).text == "一\n二"


def test_lying_meta_charset_loses_to_utf8():
    page = '<html><head><meta charset="gb2312"></head><body><p>正文内容，测试。</p></body></html>'
    d = decode_bytes(page.encode("utf-8"))
    assert d.encoding == "utf-8" and "正文内容" in d.text


def test_declared_gb2312_page_in_gbk():
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>镕</body></html>'
    d = decode_bytes(page.encode("gbk"))  # 镕 is GBK-only, not GB2312
    assert d.encoding == "gb18030" and "镕" in d.text


@pytest.mark.parametrize(
    "data, word",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (bytes(range(256)) * 4, "binary"),
        (b"abc\x00\x01\x02\x03def\x00" * 20 + b"\xff\xfe\x00", "binary"),
    ],
)
def test_binary_rejected_with_one_line_message(data, word):
    with pytest.raises(InputError) as info:
        decode_bytes(data, name="x.bin")
    message = str(info.value)
    assert word.lower() in message.lower()
    assert "\n" not in message and message.startswith("x.bin: ")


def test_random_bytes_with_nuls_rejected():
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(2000))
    with pytest.raises(InputError):
        decode_bytes(data)


def test_lossy_utf8_with_replacement_chars_is_text():
    # U+FFFD runs are damaged text for the mojibake pass, not binary.
    d = decode_bytes(("\ufffd\ufffd新闻\ufffd" * 50).encode("utf-8"))
    assert d.encoding == "utf-8"


def test_utf8_saved_latin1_mojibake_with_c1_controls_is_text():
    # GBK read as Latin-1 and saved as UTF-8: every trail byte 0x80-0x9F became a C1
    # control. That is damaged text for the mojibake pass, not a binary file.
    garbled = "新華社記者報導，會議在北京舉行。".encode("gbk").decode("latin-1")
    assert sum(0x80 <= ord(c) < 0xA0 for c in garbled) >= 3
    d = decode_bytes(((garbled + "\n") * 20).encode("utf-8"))
    assert d.encoding == "utf-8" and d.text.startswith(garbled)


def test_c1_controls_in_utf8_repaired_end_to_end():
    from cleannews.pipeline import clean
    from cleannews.document import Options

    garbled = "国务院新闻办公室今天举行发布会，介绍经济运行情况。".encode("gbk").decode("latin-1")
    result = clean(garbled.encode("utf-8"), options=Options(passes=("mojibake",)))
    assert result.text == "国务院新闻办公室今天举行发布会，介绍经济运行情况。"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_never_fails_unexpectedly(data):
    try:
        d = decode_bytes(data)
    except InputError as e:
        assert "\n" not in str(e)
    else:
        assert "\r" not in d.text and not d.text.startswith("\ufeff")


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=80))
def test_utf8_roundtrip(text):
    assert decode_bytes(text.encode("utf-8")).text == text


# ------------------------------------------------------------ real files


@pytest.mark.parametrize("corpus", ["pku", "msr"])
def test_sighan_gbk_matches_utf8(corpus):
    base = _need(CORPORA / "news-zh-hans" / "sighan2005")
    gbk = decode_bytes((base / f"{corpus}_test.gbk.txt").read_bytes())
    ref = decode_bytes((base / f"{corpus}_test.utf8.txt").read_bytes())
    assert gbk.encoding == "gb18030"
    assert gbk.text == ref.text
    assert "\r" not in gbk.text


@pytest.mark.parametrize("corpus", ["as", "cityu"])
def test_sighan_big5_matches_utf8(corpus):
    base = _need(CORPORA / "news-zh-hant" / "sighan2005")
    big5 = decode_bytes((base / f"{corpus}_test.big5.txt").read_bytes())
    ref = decode_bytes((base / f"{corpus}_test.utf8.txt").read_bytes())
    assert big5.encoding.startswith(("big5", "cp950"))
    if corpus == "cityu":
        assert ref.had_bom and not ref.text.startswith("\ufeff")
    # The native files may differ in a handful of characters (PUA / HKSCS variants); compare lines.
    a, b = big5.text.split("\n"), ref.text.split("\n")
    assert len(a) == len(b)
    same = sum(x == y for x, y in zip(a, b))
    assert same / len(a) > 0.97


@pytest.mark.parametrize("folder, family", [("GB2312", "gb18030"), ("Big5", "big5")])
def test_chardet_feeds(folder, family):
    base = _need(CORPORA / "dirty-web" / "chardet-feeds" / folder)
    files = sorted(base.iterdir())
    assert files
    for path in files:
        d = decode_bytes(path.read_bytes(), name=path.name)
        assert d.encoding.startswith(family) or (family == "big5" and d.encoding == "cp950"), path.name
        assert d.text.count("\ufffd") == 0, path.name
        cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in d.text)
        assert cjk > 20, path.name


def test_gne_pages_with_lying_meta_are_utf8():
    base = _need(CORPORA / "gne-testpages" / "html")
    liars = [p for p in sorted(base.rglob("*.html")) if b"gb2312" in p.read_bytes()[:3000].lower()]
    assert liars
    for path in liars:
        assert decode_bytes(path.read_bytes()).encoding == "utf-8", path


def test_cwced_pages_decode():
    base = _need(CORPORA / "cwced-2005" / "original")
    encodings = [decode_bytes(p.read_bytes()).encoding for p in sorted(base.iterdir())]
    assert encodings.count("gb18030") >= 40 and encodings.count("utf-8") >= 20


# ------------------------------------------------------------ plausibility, counted by regex


def _unlikely(ch: str, strict: bool) -> bool:
    """The definition, character by character: C0 controls but tab, LF, VT, FF, CR and ESC, and DEL;
    if ``strict``, also C1 controls, private use, surrogates and U+FFFD."""
    o = ord(ch)
    if (o < 32 and ch not in "\t\n\r\x0b\x0c\x1b") or o == 0x7F:
        return True
    return strict and (0x80 <= o < 0xA0 or 0xE000 <= o <= 0xF8FF or 0xD800 <= o <= 0xDFFF or ch == "\ufffd")


@given(st.text(st.sampled_from("新闻ab \t\n\r\x00\x01\x1b\x1f\x7f\x80\x9f\xa0\ue000\uf8ff\ud800\udfff\ufffd𠮶"), max_size=700),
       st.booleans())
@settings(max_examples=300)
def test_plausible_text_counts_what_the_definition_names(text, strict):
    bad = sum(_unlikely(ch, strict) for ch in text)
    assert _plausible_text(text, strict) == (bad <= max(2, len(text) // 200))

"""Tests for cleannews.plausibility (tables shipped in cleannews/data)."""

from __future__ import annotations

import math
import re

import pytest

from cleannews import plausibility as P

CLEAN_HANS = ["新华社北京12月19日电，国务院新闻办公室今天举行发布会。", "今天天气很好，我们去公园散步。"]
CLEAN_HANT = ["新華社北京12月19日電，國務院新聞辦公室今天舉行發佈會。", "來領藥的以老年人居多，我心裡很欣慰。"]


def garble(s: str) -> list[str]:
    return [
        s.encode("utf-8").decode("gbk", "replace"),
        s.encode("gbk").decode("latin-1"),
        s.encode("gbk").decode("big5", "replace"),
    ]


def test_tables_load_and_are_probabilities():
    assert P.char_logprob("的") > P.char_logprob("国") - 5
    assert P.char_logprob("的") < 0
    assert P.char_logprob("\ufffd") == P.COST_PRIVATE
    assert P.char_logprob("\x01") == P.COST_CONTROL
    assert P.char_logprob("a") == P.COST_ASCII


def test_bigram_interpolates_with_unigram():
    assert P.bigram_logprob("新", "闻") > P.char_logprob("闻")
    # a pair never seen inside a word still gets (1 - weight) * unigram
    assert "闻吹" not in P._bigrams()
    lp = P.bigram_logprob("闻", "吹")
    assert math.isclose(lp, math.log(1 - P.BIGRAM_WEIGHT) + P.char_logprob("吹"), rel_tol=1e-9)


@pytest.mark.parametrize("clean", CLEAN_HANS + CLEAN_HANT)
def test_clean_beats_garbled(clean):
    for bad in garble(clean):
        assert P.score(clean) > P.score(bad) + 2


def test_traditional_scores_like_simplified():
    for hans, hant in zip(CLEAN_HANS, CLEAN_HANT):
        assert abs(P.score(hans) - P.score(hant)) < 1.5


def test_empty_and_whitespace():
    assert P.score("") == 0.0
    assert P.score("   ") == 0.0
    assert P.total_logprob("") == 0.0


def test_pair_table_matches_the_interpolation():
    uni, counts, _ = P._unigrams()
    for a, b in ("新闻", "发布", "國務"):
        expected = math.log(P.BIGRAM_WEIGHT * P._bigrams()[a + b] / counts[a] + (1 - P.BIGRAM_WEIGHT) * math.exp(uni[b]))
        assert math.isclose(P.bigram_logprob(a, b), expected, rel_tol=1e-12)


def test_word_model_prefers_words_over_a_mark_or_a_split():
    assert P.word_logprob("这也是首都") > P.word_logprob("这（是首都")
    assert P.word_logprob("新闻发布会") > P.word_logprob("新闻发布令")
    assert P.word_logprob("") == 0.0


def test_letterlike_symbols_cost_like_cjk_punctuation():
    assert P.char_logprob("℃") == P.char_logprob("№") == P.COST_OTHER_CJK_PUNCT


def test_common_chars_is_cached_frozenset():
    assert P.common_chars(-11.5) is P.common_chars(-11.5)
    assert "的" in P.common_chars(-11.5)


def test_running_text_knows_pairs_across_words_and_beside_marks():
    assert "更高" not in P._bigrams()  # no dictionary word
    assert P.running_logprob("更", "高") > P.running_logprob("于", "高")
    assert P.running_logprob("也", "有") > P.running_logprob("（", "有")
    assert P.running_logprob("鍙", "戝") is None


def test_running_table_has_traditional_forms_and_quotes():
    assert P.running_logprob("國", "家") is not None and P.running_logprob("国", "家") is not None
    assert P.running_logprob("「", "我") is not None  # corner quotes of traditional text
    assert P.running_logprob("。", "。") is None  # repeated marks of informal reviews are collapsed


def test_continuation_prefers_characters_that_follow_many_others():
    assert P.continuation_logprob("的") > P.continuation_logprob("１") > P.continuation_logprob("Ｘ")
    assert P.continuation_logprob("\ufffd") is None


@pytest.mark.parametrize("prefix,suffix", [("新华社记者", "今天报道"), ("", "北京"), ("中华人民", ""), ("", "")])
def test_word_logprobs_equal_word_logprob_of_each_whole(prefix, suffix):
    # the rescoring of a hole segments the left context once for all candidates: same floats exactly
    middles = ["在", "北京", "", "（", "麄", "共和国"]
    assert P.word_logprobs(prefix, middles, suffix) == [P.word_logprob(prefix + m + suffix) for m in middles]


def test_no_table_entry_scores_above_certainty():
    # the byte searches stop weighing a state once it falls below the best total found: a step never gains
    counts = P._running()
    assert all(n <= counts[key[0]] for key, n in counts.items() if len(key) == 2)  # running_logprob <= 0
    assert max(P._pair_logprobs().values()) <= 0.0
    assert max(P._continuations().values()) <= 0.0


@pytest.mark.parametrize("text", CLEAN_HANS + CLEAN_HANT + [g for s in CLEAN_HANS for g in garble(s)] + ["a 中 \t文。"])
def test_score_is_the_mean_of_the_bigram_logprobs(text):
    # score() inlines bigram_logprob for speed: the same floats, whitespace breaking the pairs
    values, prev = [], ""
    for ch in text:
        if ch in " \t\r\n":
            prev = ""
            continue
        values.append(P.bigram_logprob(prev, ch) if prev else P.char_logprob(ch))
        prev = ch
    assert P.score(text) == (sum(values) / len(values) if values else 0.0)


def test_han_class_is_is_han():
    han = re.compile(f"[{P.HAN_CLASS}]")
    assert all(bool(han.match(chr(o))) == P.is_han(chr(o)) for o in range(0x110000) if not 0xD800 <= o <= 0xDFFF)

"""Shared fixtures: where the repository's samples and the optional ../shared data live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so CI is reproducible; run with
# HYPOTHESIS_PROFILE=explore to search new examples while developing.
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EXPECTED = ROOT / "tests" / "expected"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The ../shared data directory; tests that need it skip on a user's clone, where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (it only exists in the development workspace)")
    return SHARED

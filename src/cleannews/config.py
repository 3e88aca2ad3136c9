"""Project configuration: ``[tool.cleannews]`` in ``pyproject.toml``, or ``cleannews.toml``.

The nearest file found from the working directory upwards wins. Keys::

    [tool.cleannews]
    to = "zh-hans"                       # target script
    passes = ["mojibake", "script", "boilerplate", "segment"]
    extra-boilerplate = ["本站特约"]      # lines holding these phrases are dropped
    protect = ["版权所有：作者"]          # lines holding these are never touched by boilerplate/spam
    skip = ["raw/*", "vendor"]          # paths (globs) that directory runs leave out
    glob = "*.txt"                      # files taken from directories

Command-line flags override the file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Optional

KEYS = {"to", "passes", "extra-boilerplate", "protect", "skip", "glob"}


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file."""


def find_config(start: Optional[Path] = None) -> Optional[Path]:
    """The nearest ``cleannews.toml`` or ``pyproject.toml`` with a ``[tool.cleannews]`` table."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        own = directory / "cleannews.toml"
        if own.is_file():
            return own
        project = directory / "pyproject.toml"
        if project.is_file() and "[tool.cleannews]" in project.read_text(encoding="utf-8", errors="replace"):
            return project
    return None


def load_config(path: Optional[Path] = None) -> dict[str, Any]:
    """The settings of ``path`` (or of the nearest config file), ``{}`` when there is none."""
    path = path or find_config()
    if path is None:
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    table = data.get("tool", {}).get("cleannews", {}) if path.name == "pyproject.toml" else data
    unknown = set(table) - KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown setting {sorted(unknown)[0]!r} (known: {', '.join(sorted(KEYS))})")
    return table

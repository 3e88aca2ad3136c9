"""Regenerate docs/review-report.png, or time a large report in headless Chromium.

    python scripts/screenshot_review.py                 # the sample report -> docs/review-report.png
    python scripts/screenshot_review.py --files 1000    # a 1,000-file report: size and time to load

The large report repeats the sample dumps under new names (every 50th file a
failure), which is what matters for its size and load time.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from cleannews.pipeline import clean
from cleannews.review import entry_from_error, entry_from_result, headless_command, render_review

ROOT = Path(__file__).resolve().parents[1]
# appended to the large report: once loaded, the title says how long that took, and the data blob
# (already parsed) leaves the DOM so that dumping the DOM does not dominate the wall time
_TIMER = (
    '<script>addEventListener("load",()=>{document.title="loaded in "+Math.round(performance.now())+" ms";'
    'document.getElementById("cn-data").remove()})</script>'
)


def sample_entries() -> list[dict]:
    return [entry_from_result(p.name, clean(p.read_bytes(), name=p.name)) for p in sorted((ROOT / "samples").glob("*.txt"))]


def scaled_entries(count: int) -> list[dict]:
    base = sample_entries()
    return [
        entry_from_error(f"dump/{i:04d}.txt", "not text: binary data") if i % 50 == 49
        else dict(base[i % len(base)], file=f"dump/{i:04d}_{base[i % len(base)]['file']}")
        for i in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=0, help="time a report of this many files instead")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "review-report.png")
    parser.add_argument("--browser", default="/usr/bin/chromium")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        started = time.perf_counter()
        text = render_review(scaled_entries(args.files) if args.files else sample_entries())
        rendered = time.perf_counter() - started
        if args.files:
            text = text.replace("</body>", _TIMER + "</body>")
        page.write_text(text, encoding="utf-8")
        command = headless_command(args.browser, Path(tmp) / "profile")
        if args.files:
            started = time.perf_counter()
            dom = subprocess.run(command + ["--dump-dom", page.as_uri()], capture_output=True, text=True, check=True).stdout
            wall = time.perf_counter() - started
            title = dom[dom.index("<title>") + 7 : dom.index("</title>")]
            print(f"{args.files} files: {len(text.encode()) / 1e6:.1f} MB, rendered by Python in {rendered:.1f} s, "
                  f"{title} (Chromium run, start to exit: {wall:.1f} s)")
            return
        subprocess.run(command + [f"--screenshot={args.out}", "--window-size=1400,1000", page.as_uri()],
                       capture_output=True, check=True)
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

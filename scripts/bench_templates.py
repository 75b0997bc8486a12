"""Time the generation of every download and print each file's size.

Usage: python scripts/bench_templates.py [--repeat N]
Not a test: speed is measured here, not asserted.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from macros.downloads import collect_downloads
from macros.sitedata import load_site_data

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="builds per file; the best time is shown")
    args = parser.parse_args()
    downloads = collect_downloads(load_site_data(ROOT))
    total_time = total_size = 0.0
    print(f"{'file':50} {'bytes':>8} {'best ms':>8}")
    for path, download in sorted(downloads.items()):
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            data = download.build()
            times.append(time.perf_counter() - started)
        total_time += min(times)
        total_size += len(data)
        print(f"{path:50} {len(data):8d} {min(times) * 1000:8.1f}")
    print(f"{'total (' + str(len(downloads)) + ' files)':50} {int(total_size):8d} {total_time * 1000:8.1f}")


if __name__ == "__main__":
    main()

"""How fast the app's what-if answers (issue 21): the base's replications prepared while the
settings are chosen (as the page does), then the edited scenario (demand growth +2 %/year) is
dimensioned paired with it; prints the seconds to the first shown answer (the median, once the
answer has taken over two seconds) and to the whole answer.

    python benchmarks/app_whatif.py                 # 8 replications (the app's default) and 20
    python benchmarks/app_whatif.py --replications 20

Target: the whole answer within 5 s with the base ready.
"""

from __future__ import annotations

import argparse
import time

from lsmitoitus.app import logic
from lsmitoitus.scenario.files import load_scenario


def measure(replications: int) -> tuple[float | None, float]:
    """(seconds to the first update, seconds to the answer) for one what-if, base prepared."""
    base = load_scenario("kanta-hame").with_overrides(replications=replications)
    edited = logic.edit_scenario(base, logic.Edits(growth_per_year=0.02))
    store: logic.Store = {}
    if hasattr(logic, "prepare_base"):  # as the page does while the settings are chosen
        logic.prepare_base(base, None, 0.9, replications, store)
    else:  # an earlier version (answer_speed.py times it too): it prepared the replications only
        logic.run_replications([base], None, replications, store, logic.HEADLINE_ONLY)
    first: list[float] = []
    started = time.perf_counter()
    logic.run_whatif(
        base, edited, None, 0.9, replications, store=store, update=lambda _: first.append(time.perf_counter())
    )
    done = time.perf_counter() - started
    return (first[0] - started if first else None), done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replications", type=int, nargs="*", default=[8, 20])
    parser.add_argument("--seconds-only", action="store_true", help="print only the whole answer's seconds")
    args = parser.parse_args()
    for n in args.replications:
        first, done = measure(n)
        if args.seconds_only:
            print(f"{done:.3f}")
            continue
        shown = "–" if first is None else f"{first:.1f} s"
        print(f"what-if, {n} paired replications, base ready: first answer {shown}, whole {done:.1f} s (target ≤ 5)")


if __name__ == "__main__":
    main()

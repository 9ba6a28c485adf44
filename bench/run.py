"""`make bench`: wsoagen's stages against bare library calls on the same content.

Prints ratios, never asserts: performance targets live here, not in timed tests.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synth import make_synthetic  # noqa: E402

from wsoagen.validate import plan_files, validate_plan  # noqa: E402

EXAMPLE = HERE.parent / "plans" / "peterborough"


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def bare_ruamel(folder: Path) -> None:
    yaml = YAML(typ="rt")
    plan, workstreams = plan_files(folder)
    for path in [plan, *workstreams]:
        yaml.load(path.read_text(encoding="utf-8"))


def bench_validate(plans: dict[str, Path]) -> None:
    print("validate (best of 5)")
    print(f"  {'plan':<12} {'milestones':>10} {'validate':>10} {'ruamel load':>12} {'ratio':>7}")
    for label, folder in plans.items():
        plan, _ = validate_plan(folder)
        milestones = sum(len(a.milestones) for w in plan.workstreams for o in w.outcomes for a in o.actions)
        ours = best_of(lambda: validate_plan(folder))
        bare = best_of(lambda: bare_ruamel(folder))
        print(f"  {label:<12} {milestones:>10} {ours:>9.3f}s {bare:>11.3f}s {ours / bare:>6.2f}x")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plans = {"example": EXAMPLE}
        for factor in (4, 10):
            plans[f"x{factor}"] = make_synthetic(EXAMPLE, factor, Path(tmp) / f"synthetic-x{factor}")
        bench_validate(plans)


if __name__ == "__main__":
    main()

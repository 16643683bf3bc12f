"""The long soak of the stateful property test: many more random campaign weeks, each many
more steps, than CI runs, with every invariant of tests/journeys.py checked after each step.
Prints how many weeks and steps it checked, and how long it took. A broken invariant stops it
with Hypothesis's smallest failing week.

    python bench/soak.py                      # 400 weeks of up to 120 steps
    python bench/soak.py --weeks 50 --steps 60
    python bench/soak.py --quick              # a handful (CI checks that it runs)
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=400, help="examples (random weeks)")
    parser.add_argument("--steps", type=int, default=120, help="most steps in one week")
    parser.add_argument("--seed", type=int, default=None, help="repeat a run exactly")
    parser.add_argument("--quick", action="store_true", help="4 weeks of 20 steps")
    args = parser.parse_args()
    weeks, steps = (4, 20) if args.quick else (args.weeks, args.steps)

    from hypothesis import HealthCheck, seed, settings
    from hypothesis.stateful import run_state_machine_as_test

    from tests.integration.test_journey_properties import CampaignWeek

    started = time.perf_counter()
    machine: type[CampaignWeek] = CampaignWeek
    if args.seed is not None:
        machine = seed(args.seed)(CampaignWeek)
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=weeks,
            stateful_step_count=steps,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
    took = time.perf_counter() - started
    print(f"soak: {weeks:,} random weeks of up to {steps} steps each")
    print(f"  steps checked    {CampaignWeek.steps_checked:,}")
    print(f"  weeks with steps {CampaignWeek.weeks_checked:,}")
    per_step = 1000 * took / max(1, CampaignWeek.steps_checked)
    print(f"  took             {took:,.1f} s ({per_step:.1f} ms a step)")
    print("  every invariant held after every step")


if __name__ == "__main__":
    main()

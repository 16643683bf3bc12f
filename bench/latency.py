"""Latency figures shared by the benchmarks."""


def percentile(values: list[float], p: int) -> float:
    """The nearest-rank `p`th percentile of `values` (p99 of 200 samples is the 198th)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

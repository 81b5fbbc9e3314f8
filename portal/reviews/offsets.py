"""An additive reviewer-offset model: score = overall mean + item quality + reviewer offset.

Where the z-score (results.py) rescales each reviewer by their own spread, this model only
shifts each reviewer by a constant, and it learns that shift from the whole reviewer-item graph:
two reviewers who never saw the same item are still compared through the reviewers in between.
It is fitted by regularised least squares,

    minimise  Σ (s_ij - μ - q_i - b_j)²  +  λ_q Σ q_i²  +  λ_b Σ b_j²

over the observed (item i, reviewer j, score s_ij). ``λ_b`` pulls a reviewer seen on few items
towards no offset (as if they had also given ``λ_b`` perfectly average reviews); the small
``λ_q`` keeps an item reviewed by one person only, or a graph in disconnected pieces, well
defined. The normal equations are solved by Gauss-Seidel sweeps (each sweep solves exactly for
μ, then every q_i, then every b_j given the others); the system is positive definite, so the
sweeps converge. Pure Python: no numpy needed, and a round of a few hundred reviews takes
milliseconds.
"""

from collections import defaultdict
from dataclasses import dataclass

QUALITY_PENALTY = 0.01
OFFSET_PENALTY = 1.0
TOLERANCE = 1e-7
MAX_SWEEPS = 10_000


@dataclass
class OffsetFit:
    mean: float  # μ, the overall level
    quality: dict  # item key -> μ + q_i, the item's estimated score without reviewer bias
    offsets: dict  # reviewer key -> b_j (positive: lenient, negative: harsh)
    sweeps: int  # Gauss-Seidel sweeps until the largest change was below the tolerance


def fit(observations, *, quality_penalty=QUALITY_PENALTY, offset_penalty=OFFSET_PENALTY):
    """Fit the model to ``observations``: an iterable of (item key, reviewer key, score)."""
    observations = [(item, reviewer, float(score)) for item, reviewer, score in observations]
    if not observations:
        return OffsetFit(mean=0.0, quality={}, offsets={}, sweeps=0)
    by_item, by_reviewer = defaultdict(list), defaultdict(list)
    for item, reviewer, score in observations:
        by_item[item].append((reviewer, score))
        by_reviewer[reviewer].append((item, score))
    q = dict.fromkeys(by_item, 0.0)
    b = dict.fromkeys(by_reviewer, 0.0)
    mean = sum(score for _i, _r, score in observations) / len(observations)
    sweeps = 0
    for sweeps in range(1, MAX_SWEEPS + 1):  # noqa: B007 - reported in the result
        change = 0.0
        new_mean = sum(s - q[i] - b[r] for i, r, s in observations) / len(observations)
        change, mean = max(change, abs(new_mean - mean)), new_mean
        for item, rows in by_item.items():
            value = sum(s - mean - b[r] for r, s in rows) / (len(rows) + quality_penalty)
            change, q[item] = max(change, abs(value - q[item])), value
        for reviewer, rows in by_reviewer.items():
            value = sum(s - mean - q[i] for i, s in rows) / (len(rows) + offset_penalty)
            change, b[reviewer] = max(change, abs(value - b[reviewer])), value
        if change < TOLERANCE:
            break
    return OffsetFit(
        mean=mean,
        quality={item: mean + value for item, value in q.items()},
        offsets=b,
        sweeps=sweeps,
    )

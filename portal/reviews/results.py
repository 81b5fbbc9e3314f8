"""Results of a review round: each item's scores raw and normalised per reviewer.

Reviewers differ in severity: one gives 2s where another gives 4s for the same quality. The
normalised score compares each review with the same reviewer's other reviews in the round
(a z-score), so an item is not helped or hurt by who happened to review it.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import fmean, pstdev

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q

from portal.models import CriterionScore, ReviewAssignment

from .offsets import fit


@dataclass
class ItemResult:
    item: object
    n_reviews: int
    raw_mean: float | None  # mean of the reviews' weighted scores (0-100)
    normalised_mean: float | None  # mean of the reviews' per-reviewer z-scores
    spread: float | None  # highest minus lowest weighted score: how much reviewers disagree
    raw_rank: int | None
    normalised_rank: int | None
    rank_changed: bool
    scores: list[float] = field(default_factory=list)  # each submitted review's weighted score
    std: float | None = None  # population standard deviation of ``scores`` (None below two)
    offset_quality: float | None = None  # the reviewer-offset model's estimate (offsets.py)
    offset_rank: int | None = None
    rankings_disagree: bool = False  # raw, z-score and offset ranks are not all the same


def _ranks(values):
    """Competition ranks (1, 2, 2, 4) for the highest value first; None stays unranked."""
    ordered = sorted((v for v in values.values() if v is not None), reverse=True)
    # Rounded so that float noise in equal means does not split a tie.
    first = {}
    for position, value in enumerate(ordered, start=1):
        first.setdefault(round(value, 9), position)
    return {key: None if v is None else first[round(v, 9)] for key, v in values.items()}


def _z_scores(reviews):
    """{review pk: z} for one reviewer's (review pk, weighted score) pairs.

    A reviewer with a single review, or who gave every item the same score, tells us nothing
    about their severity: their reviews count as z = 0 (exactly average). Population standard
    deviation, since the reviews are all the reviewer did in this round, not a sample.
    """
    values = [score for _pk, score in reviews]
    if len(values) < 2 or pstdev(values) == 0:
        return {pk: 0.0 for pk, _score in reviews}
    mean, deviation = fmean(values), pstdev(values)
    return {pk: (score - mean) / deviation for pk, score in reviews}


def results(items, rubric) -> list[ItemResult]:
    """Rank ``items`` on their submitted reviews under ``rubric``: raw, z-score, reviewer offsets.

    Normalisation uses each reviewer's submitted reviews among these items. Returns one result
    per item, best normalised rank first (then raw rank); items without a submitted review come
    last, unranked. Three queries whatever the number of items.
    """
    items = list(items)
    keys = {(ContentType.objects.get_for_model(obj).pk, str(obj.pk)): obj for obj in items}
    by_type = defaultdict(list)
    for content_type_id, object_id in keys:
        by_type[content_type_id].append(object_id)
    which = Q(pk__in=[])
    for content_type_id, object_ids in by_type.items():
        which |= Q(content_type_id=content_type_id, object_id__in=object_ids)
    assignments = (
        ReviewAssignment.objects.filter(which, rubric=rubric, review__submitted_at__isnull=False)
        .select_related("review")
        .prefetch_related(
            Prefetch("review__scores", queryset=CriterionScore.objects.select_related("criterion"))
        )
        if items
        else []
    )
    per_item = defaultdict(list)  # item key -> [(review pk, weighted score)]
    per_reviewer = defaultdict(list)  # reviewer id -> [(review pk, weighted score)]
    observations = []  # (item key, reviewer id, weighted score) for the offset model
    for assignment in assignments:
        score = assignment.review.weighted_score
        if score is None:
            continue
        entry = (assignment.review.pk, score)
        per_item[(assignment.content_type_id, assignment.object_id)].append(entry)
        per_reviewer[assignment.reviewer_id].append(entry)
        observations.append(
            ((assignment.content_type_id, assignment.object_id), assignment.reviewer_id, score)
        )
    z = {}
    for reviews in per_reviewer.values():
        z.update(_z_scores(reviews))

    raw, normalised = {}, {}
    for key in keys:
        reviews = per_item.get(key, [])
        raw[key] = fmean(s for _pk, s in reviews) if reviews else None
        normalised[key] = fmean(z[pk] for pk, _s in reviews) if reviews else None
    raw_ranks, normalised_ranks = _ranks(raw), _ranks(normalised)
    quality = fit(observations).quality
    offset = {key: quality.get(key) for key in keys}
    offset_ranks = _ranks(offset)
    found = []
    for key, obj in keys.items():
        scores = [s for _pk, s in per_item.get(key, [])]
        found.append(
            ItemResult(
                item=obj,
                n_reviews=len(scores),
                raw_mean=raw[key],
                normalised_mean=normalised[key],
                spread=max(scores) - min(scores) if scores else None,
                raw_rank=raw_ranks[key],
                normalised_rank=normalised_ranks[key],
                rank_changed=raw_ranks[key] != normalised_ranks[key],
                scores=sorted(scores),
                std=pstdev(scores) if len(scores) > 1 else None,
                offset_quality=offset[key],
                offset_rank=offset_ranks[key],
                rankings_disagree=len({raw_ranks[key], normalised_ranks[key], offset_ranks[key]})
                > 1,
            )
        )
    unranked = float("inf")
    found.sort(key=lambda r: (r.normalised_rank or unranked, r.raw_rank or unranked))
    return found

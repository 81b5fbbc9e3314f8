"""Every write about reviews: assignments, drafts and submissions. Atomic, checked, logged.

Views and item apps call these and show ``ReviewRefused`` messages to the user; nothing else
writes these rows. ``results`` (read-only) lives in ``portal.reviews.results``.
"""

import logging
import re

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from portal.links import link
from portal.models import CriterionScore, Recommendation, Review, ReviewAssignment
from portal.notifications.services import notify
from portal.services import ActionRefused, require

from . import permissions
from .results import ItemResult, results

__all__ = [
    "COMMENT_MAX_LENGTH",
    "AutoAssignment",
    "ItemResult",
    "ReviewRefused",
    "assign_reviewer",
    "auto_assign",
    "results",
    "save_review",
    "unassign",
]

logger = logging.getLogger(__name__)

COMMENT_MAX_LENGTH = 5000
# Control characters other than tab and line breaks: invisible, and some break exports.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ReviewRefused(ActionRefused):
    """A review write that may not happen; ``errors`` maps form field names ("criterion_<id>",
    "recommendation", "comment_for_staff", "comment_for_applicant") to their own message."""


def review_url(assignment):
    return link("portal:review", assignment.pk)


def _ineligibility(item, reviewer, taken):
    """Why ``reviewer`` cannot be given ``item`` (``taken``: reviewer ids already on it)."""
    if not reviewer.is_active:
        return _("%(reviewer)s's account is not active.") % {"reviewer": reviewer}
    if reviewer.pk in taken:
        return _("%(reviewer)s is already assigned to review this.") % {"reviewer": reviewer}
    return permissions.conflict_reason(item, reviewer)


def _create(actor, item, reviewer, rubric):
    try:
        # A savepoint, so a concurrent duplicate refuses cleanly instead of breaking the transaction.
        with transaction.atomic():
            return ReviewAssignment.objects.create(
                item=item, reviewer=reviewer, rubric=rubric, assigned_by=actor
            )
    except IntegrityError as error:
        raise ReviewRefused(
            _("%(reviewer)s is already assigned to review this.") % {"reviewer": reviewer}
        ) from error


@transaction.atomic
def assign_reviewer(actor, item, reviewer, rubric) -> ReviewAssignment:
    """Give ``item`` to ``reviewer``; refuses conflicts (with the item's reason) and duplicates."""
    require(permissions.can_manage_reviews(actor), ReviewRefused)
    taken = set(ReviewAssignment.objects.for_item(item).values_list("reviewer_id", flat=True))
    reason = _ineligibility(item, reviewer, taken)
    if reason:
        raise ReviewRefused(reason)
    assignment = _create(actor, item, reviewer, rubric)
    notify(
        [reviewer],
        title=gettext_lazy("You have something to review"),
        body=str(item),
        url=review_url(assignment),
        kind="portal.review_assigned",
    )
    logger.info("Review assignment %s: %s to user %s", assignment.pk, item, reviewer.pk)
    return assignment


@transaction.atomic
def unassign(actor, assignment) -> None:
    """Take an item back from a reviewer; a submitted review stays (it is part of the record)."""
    require(permissions.can_manage_reviews(actor), ReviewRefused)
    assignment = ReviewAssignment.objects.select_for_update().get(pk=assignment.pk)
    if Review.objects.filter(assignment=assignment, submitted_at__isnull=False).exists():
        raise ReviewRefused(
            _("%(reviewer)s has already submitted this review; it cannot be taken back.")
            % {"reviewer": assignment.reviewer}
        )
    logger.info("Review assignment %s removed by user %s", assignment.pk, actor.pk)
    assignment.delete()


class AutoAssignment(list):
    """The assignments ``auto_assign`` made; ``shortfalls`` maps an item to the number of
    reviewers it still lacks, and ``message`` says so for the user ("" when none)."""

    def __init__(self, assignments=(), shortfalls=None):
        super().__init__(assignments)
        self.shortfalls = shortfalls or {}

    @property
    def message(self):
        return " ".join(
            ngettext(
                "“%(item)s” still needs %(count)s reviewer: the others have a conflict or are "
                "already assigned.",
                "“%(item)s” still needs %(count)s reviewers: the others have a conflict or are "
                "already assigned.",
                missing,
            )
            % {"item": item, "count": missing}
            for item, missing in self.shortfalls.items()
        )


@transaction.atomic
def auto_assign(actor, items, reviewers, rubric, per_item=3) -> AutoAssignment:
    """Top every item up to ``per_item`` reviewers, least-loaded first, with overlapping panels.

    Load is the reviewer's number of assignments on this rubric (the round being judged),
    existing ones included. Among equally loaded reviewers the choice walks round-robin over the
    reviewers sorted by pk, shifting by one at each full lap, so panels overlap (item 1 shares
    reviewers with item 3, and so on) and normalised results stay comparable. Items are taken in
    (model, pk) order, so the same input always gives the same assignments. Conflicted, inactive
    and already-assigned reviewers are skipped; an item left short is reported in ``message``.
    """
    require(permissions.can_manage_reviews(actor), ReviewRefused)
    if per_item < 1:
        raise ReviewRefused(_("Each item needs at least one reviewer."))
    pool = sorted({r.pk: r for r in reviewers if r.is_active}.values(), key=lambda r: r.pk)
    load = dict.fromkeys((r.pk for r in pool), 0)
    for row in (
        ReviewAssignment.objects.filter(rubric=rubric, reviewer__in=pool)
        .values("reviewer")
        .annotate(n=Count("pk"))
    ):
        load[row["reviewer"]] = row["n"]
    made = AutoAssignment()
    picks = 0
    for item in sorted(items, key=lambda obj: (obj._meta.label, obj.pk)):
        taken = set(ReviewAssignment.objects.for_item(item).values_list("reviewer_id", flat=True))
        needed = per_item - len(taken)
        if needed <= 0:
            continue
        size = len(pool)
        start = (picks + picks // size) % size if size else 0
        eligible = [
            (load[r.pk], (index - start) % size, r)
            for index, r in enumerate(pool)
            if not _ineligibility(item, r, taken)
        ]
        eligible.sort(key=lambda entry: entry[:2])
        for _load, _position, reviewer in eligible[:needed]:
            made.append(_create(actor, item, reviewer, rubric))
            load[reviewer.pk] += 1
            picks += 1
        if len(eligible) < needed:
            made.shortfalls[item] = needed - len(eligible)
    by_reviewer = {}
    for assignment in made:
        by_reviewer.setdefault(assignment.reviewer, []).append(assignment)
    for reviewer, assignments in by_reviewer.items():
        notify(
            [reviewer],
            title=gettext_lazy("You have new items to review"),
            body="\n".join(str(a.item) for a in assignments),
            url=link("portal:my_reviews"),
            kind="portal.review_assigned",
        )
    logger.info(
        "Auto-assigned %s reviews on rubric %s; %s items short",
        len(made),
        rubric.pk,
        len(made.shortfalls),
    )
    if made.shortfalls:
        logger.warning("Review auto-assignment short: %s", made.message)
    return made


def clean_comment(value):
    """Plain text as the reviewer wrote it, minus invisible control characters. Templates
    escape it on the way out; it is never marked safe."""
    return _CONTROL.sub("", str(value or "")).strip()


def _validated(assignment, scores, recommendation, comments, submit):
    """The scores to store, or ReviewRefused listing every problem by field."""
    criteria = {c.pk: c for c in assignment.rubric.criteria.all()}
    errors = {}
    clean_scores = {}
    for key, value in (scores or {}).items():
        criterion = criteria.get(int(key)) if str(key).isdigit() else None
        if criterion is None:
            raise ReviewRefused(_("A score was given for a criterion that is not in this rubric."))
        if value in (None, ""):
            continue
        try:
            value = int(value)
        except (TypeError, ValueError):
            value = None
        if value is None or not criterion.min_score <= value <= criterion.max_score:
            errors[f"criterion_{criterion.pk}"] = _(
                "“%(criterion)s” takes a score from %(min)s to %(max)s."
            ) % {
                "criterion": criterion.label,
                "min": criterion.min_score,
                "max": criterion.max_score,
            }
            continue
        clean_scores[criterion.pk] = value
    if recommendation and recommendation not in Recommendation.values:
        errors["recommendation"] = _("Choose one of the recommendations offered.")
    for field, text in comments.items():
        if len(text) > COMMENT_MAX_LENGTH:
            errors[field] = _("Keep this comment under %(max)s characters (it has %(count)s).") % {
                "max": COMMENT_MAX_LENGTH,
                "count": len(text),
            }
    if submit:
        for pk, criterion in criteria.items():
            if pk not in clean_scores and f"criterion_{pk}" not in errors:
                errors[f"criterion_{pk}"] = _("Score “%(criterion)s” before submitting.") % {
                    "criterion": criterion.label
                }
        if not recommendation:
            errors["recommendation"] = _("Choose a recommendation before submitting.")
    if errors:
        raise ReviewRefused(" ".join(str(message) for message in errors.values()), errors)
    return clean_scores


@transaction.atomic
def save_review(
    reviewer,
    assignment,
    *,
    scores,
    recommendation,
    comment_for_staff="",
    comment_for_applicant="",
    submit=False,
) -> Review:
    """Save the assigned reviewer's draft, or submit it (complete, then locked).

    ``scores`` maps criterion ids to scores and is the whole set: a criterion left out (or None)
    has no score. Drafts may be partial; out-of-range scores are refused even in drafts.
    """
    # Locking the assignment serialises two tabs saving the same review at once.
    assignment = (
        ReviewAssignment.objects.select_for_update().select_related("rubric").get(pk=assignment.pk)
    )
    require(permissions.can_review(reviewer, assignment), ReviewRefused)
    review, _created = Review.objects.get_or_create(assignment=assignment)
    if review.is_submitted:
        raise ReviewRefused(
            _("You submitted this review on %(date)s; it can no longer be changed.")
            % {"date": formats.date_format(timezone.localtime(review.submitted_at))}
        )
    comments = {
        "comment_for_staff": clean_comment(comment_for_staff),
        "comment_for_applicant": clean_comment(comment_for_applicant),
    }
    recommendation = recommendation or ""
    clean_scores = _validated(assignment, scores, recommendation, comments, submit)
    review.recommendation = recommendation
    review.comment_for_staff = comments["comment_for_staff"]
    review.comment_for_applicant = comments["comment_for_applicant"]
    if submit:
        review.submitted_at = timezone.now()
    review.save()
    review.scores.exclude(criterion_id__in=clean_scores).delete()
    for criterion_id, value in clean_scores.items():
        CriterionScore.objects.update_or_create(
            review=review, criterion_id=criterion_id, defaults={"score": value}
        )
    # The item's app decides what a submitted review means (e.g. moving a proposal on).
    logger.info(
        "Review %s %s by user %s", review.pk, "submitted" if submit else "saved", reviewer.pk
    )
    return review

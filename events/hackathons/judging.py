"""Judging with the shared review machinery (portal.reviews): assignment of submissions to the
hackathon's judges, results raw and normalised per judge, closing the round, and awards that a
program manager publishes (each awarded submission moves to "awarded" through the engine)."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Award, DeclaredConflict, Submission
from portal.models import ReviewAssignment
from portal.reviews import services as reviews
from portal.services import ActionRefused, require
from portal.workflow import TransitionError, apply_transition

from . import permissions
from .workflows import SubmissionState

logger = logging.getLogger(__name__)

MIN_JUDGES = 3


def judged_submissions(hackathon):
    return Submission.objects.filter(
        hackathon=hackathon,
        state__in=[SubmissionState.SUBMITTED, SubmissionState.JUDGED, SubmissionState.AWARDED],
    ).select_related("team__organisation", "team__track")


def assign_judges(manager, hackathon) -> reviews.AutoAssignment:
    """Give every submitted project at least three judges (more if the page asks), balanced,
    overlapping, and never to a judge with a conflict (own team, own organisation, declared)."""
    require(permissions.can_manage_hackathons(manager))
    if hackathon.rubric_id is None:
        raise ActionRefused(_("Choose a judging rubric for this hackathon first."))
    per_item = max(MIN_JUDGES, hackathon.judges_per_submission)
    items = Submission.objects.filter(hackathon=hackathon, state=SubmissionState.SUBMITTED)
    try:
        return reviews.auto_assign(
            manager, list(items), hackathon.judge_users(), hackathon.rubric, per_item=per_item
        )
    except reviews.ReviewRefused as error:
        raise ActionRefused(str(error)) from error


@transaction.atomic
def declare_conflict(judge, team, reason="") -> DeclaredConflict:
    """A judge says they must not judge ``team``; an unstarted assignment is withdrawn at once
    (a submitted review stays on record, and the conflict hides it from the judge's screen)."""
    if judge not in team.hackathon.judge_users():
        raise ActionRefused(_("Only this hackathon's judges declare conflicts here."))
    conflict, _created = DeclaredConflict.objects.get_or_create(
        judge=judge, team=team, defaults={"reason": str(reason or "")[:300]}
    )
    submission = getattr(team, "submission", None)
    if submission is not None:
        ReviewAssignment.objects.for_item(submission).filter(
            reviewer=judge, review__isnull=True
        ).delete()
    logger.info("Judge %s declared a conflict with team %s", judge.pk, team.pk)
    return conflict


def results(hackathon):
    """Each judged project's result (portal.reviews ItemResult: raw and z-normalised means and
    ranks, the rank-change flag, every judge's weighted score, spread and standard deviation)."""
    if hackathon.rubric_id is None:
        return []
    return reviews.results(judged_submissions(hackathon), hackathon.rubric)


@transaction.atomic
def close_judging(manager, hackathon) -> int:
    """Submitted → judged for every project still in judging; returns how many moved."""
    require(permissions.can_manage_hackathons(manager))
    moved = 0
    for submission in Submission.objects.filter(
        hackathon=hackathon, state=SubmissionState.SUBMITTED
    ):
        apply_transition(submission, "mark_judged", manager)
        moved += 1
    return moved


@transaction.atomic
def add_award(manager, hackathon, submission, *, title, title_id="", track=None, prize="") -> Award:
    require(permissions.can_manage_hackathons(manager))
    if submission.hackathon_id != hackathon.pk or not submission.is_public:
        raise ActionRefused(_("Only this hackathon's submitted projects can win."))
    if track is not None and track.page_id != hackathon.pk:
        raise ActionRefused(_("Choose one of this hackathon's tracks."))
    return Award.objects.create(
        hackathon=hackathon,
        submission=submission,
        track=track,
        title=str(title)[:200],
        title_id=str(title_id or "")[:200],
        prize=str(prize or (track.prize if track else ""))[:300],
    )


@transaction.atomic
def publish_awards(manager, hackathon) -> int:
    """Publish every unpublished award; each winner moves to "awarded" and its team is told."""
    require(permissions.can_manage_hackathons(manager))
    # Locks the award rows only, in pk order (PostgreSQL refuses FOR UPDATE across the outer join
    # that the default ordering by track would add).
    awards = list(
        Award.objects.select_for_update(of=("self",))
        .filter(hackathon=hackathon, published_at=None)
        .select_related("submission")
        .order_by("pk")
    )
    now = timezone.now()
    for award in awards:
        submission = award.submission
        if submission.state != SubmissionState.AWARDED:
            try:
                apply_transition(submission, "award", manager)
            except TransitionError as error:
                raise ActionRefused(f"{submission}: {error}") from error
        award.published_at, award.published_by = now, manager
        award.save(update_fields=["published_at", "published_by"])
    logger.info("Published %s awards for hackathon %s", len(awards), hackathon.pk)
    return len(awards)


def published_awards(hackathon):
    return list(
        Award.objects.filter(hackathon=hackathon, published_at__isnull=False)
        .exclude(submission__state=SubmissionState.DISQUALIFIED)
        .select_related("track", "submission__team")
    )


def feedback_for_team(submission):
    """What a team sees once results are out: its scores and the judges' shared comments."""
    hackathon = submission.hackathon
    if timezone.now() < hackathon.results_at or hackathon.rubric_id is None:
        return None
    assignments = (
        ReviewAssignment.objects.for_item(submission)
        .filter(rubric=hackathon.rubric, review__submitted_at__isnull=False)
        .select_related("review")
        .prefetch_related("review__scores__criterion")
    )
    reviews_out = [
        {
            "score": a.review.weighted_score,
            "comment": a.review.comment_for_applicant,
            "scores": list(a.review.scores.all()),
        }
        for a in assignments
    ]
    result = next((r for r in results(hackathon) if r.item.pk == submission.pk), None)
    return {"reviews": reviews_out, "result": result}

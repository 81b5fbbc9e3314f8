"""The optional finals round: judges compare finalists two at a time (Crowd-BT, as in Gavel).

A judge sees a pair (their previous item and their current one) and says which is better. The
vote updates the estimates; the next item is the unseen finalist with the highest expected
information gain against the one just judged. Undo marks the judge's last vote undone and
replays every remaining vote from the priors, so the estimates are exactly as if the mistaken
vote had never been cast.
"""

import logging

from django.db import transaction
from django.utils.translation import gettext as _

from events.models import Comparison, Finalist, FinalsJudge, Submission
from portal.services import ActionRefused, require

from . import crowd_bt, permissions

logger = logging.getLogger(__name__)


@transaction.atomic
def start_finals(manager, hackathon, submissions) -> list[Finalist]:
    require(permissions.can_manage_hackathons(manager))
    if not hackathon.finals_enabled:
        raise ActionRefused(_("This hackathon has no pairwise finals."))
    finalists = []
    for submission in submissions:
        if not submission.is_public:
            raise ActionRefused(_("Only submitted projects can be finalists."))
        finalist, _created = Finalist.objects.get_or_create(submission=submission)
        finalists.append(finalist)
    return finalists


def _finalists(hackathon):
    return Finalist.objects.filter(submission__hackathon=hackathon).select_related(
        "submission__team"
    )


def _eligible(judge, finalist):
    return not finalist.submission.review_conflict(judge)


def _is_judge(user, hackathon):
    if user in hackathon.judge_users() or permissions.can_manage_hackathons(user)[0]:
        return True, ""
    return False, _("Only this hackathon's judges compare finalists.")


def _choose_next(state, hackathon, judge):
    seen = set()
    for winner, loser in Comparison.objects.filter(
        hackathon=hackathon, judge=judge, undone=False
    ).values_list("winner", "loser"):
        seen.update((winner, loser))
    candidates = [
        f
        for f in _finalists(hackathon)
        if f.pk not in seen
        and f.pk not in (state.current_id, state.previous_id)
        and _eligible(judge, f)
    ]
    if not candidates:
        return None
    if state.current is None:
        return min(candidates, key=lambda f: (f.sigma_sq * -1, f.pk))
    current = state.current
    return max(
        candidates,
        key=lambda f: (
            crowd_bt.expected_information_gain(
                state.alpha, state.beta, current.mu, current.sigma_sq, f.mu, f.sigma_sq
            ),
            -f.pk,
        ),
    )


@transaction.atomic
def judge_state(judge, hackathon) -> FinalsJudge:
    """The judge's finals row, with a pair ready when there is one."""
    require(_is_judge(judge, hackathon))
    state, _created = FinalsJudge.objects.select_for_update().get_or_create(
        hackathon=hackathon, judge=judge
    )
    if state.current_id is None:
        state.current = _choose_next(state, hackathon, judge)
        state.save()
    if state.previous_id is None and state.current_id is not None:
        state.previous, state.current = state.current, _choose_next(state, hackathon, judge)
        state.save()
    return state


@transaction.atomic
def vote(judge, hackathon, *, current_wins: bool) -> Comparison:
    state = judge_state(judge, hackathon)
    if state.current is None or state.previous is None:
        raise ActionRefused(_("There is no pair to compare right now."))
    current = Finalist.objects.select_for_update().get(pk=state.current_id)
    previous = Finalist.objects.select_for_update().get(pk=state.previous_id)
    winner, loser = (current, previous) if current_wins else (previous, current)
    comparison = Comparison.objects.create(
        hackathon=hackathon, judge=judge, winner=winner, loser=loser, previous_before=previous
    )
    _apply(state, winner, loser)
    state.previous = current
    state.current = _choose_next(state, hackathon, judge)
    state.save()
    logger.info("Finals comparison %s by user %s", comparison.pk, judge.pk)
    return comparison


def _apply(state, winner, loser):
    (state.alpha, state.beta, winner.mu, loser.mu, winner.sigma_sq, loser.sigma_sq) = (
        crowd_bt.update(
            state.alpha, state.beta, winner.mu, winner.sigma_sq, loser.mu, loser.sigma_sq
        )
    )
    winner.save(update_fields=["mu", "sigma_sq"])
    loser.save(update_fields=["mu", "sigma_sq"])


@transaction.atomic
def undo(judge, hackathon) -> Comparison:
    """Take back the judge's last vote and show them that same pair again."""
    require(_is_judge(judge, hackathon))
    last = (
        Comparison.objects.select_for_update()
        .filter(hackathon=hackathon, judge=judge, undone=False)
        .order_by("-pk")
        .first()
    )
    if last is None:
        raise ActionRefused(_("There is no vote to undo."))
    last.undone = True
    last.save(update_fields=["undone"])
    replay(hackathon)
    state = FinalsJudge.objects.select_for_update().get(hackathon=hackathon, judge=judge)
    shown_second = last.winner if last.winner_id != last.previous_before_id else last.loser
    state.previous, state.current = last.previous_before, shown_second
    state.save()
    return last


def replay(hackathon):
    """Recompute every estimate from the priors and the votes still standing, in order."""
    finalists = {
        f.pk: f
        for f in Finalist.objects.select_for_update().filter(submission__hackathon=hackathon)
    }
    judges = {
        j.judge_id: j for j in FinalsJudge.objects.select_for_update().filter(hackathon=hackathon)
    }
    for finalist in finalists.values():
        finalist.mu, finalist.sigma_sq = crowd_bt.MU_PRIOR, crowd_bt.SIGMA_SQ_PRIOR
    for state in judges.values():
        state.alpha, state.beta = crowd_bt.ALPHA_PRIOR, crowd_bt.BETA_PRIOR
    for comparison in Comparison.objects.filter(hackathon=hackathon, undone=False).order_by("pk"):
        state, winner, loser = (
            judges[comparison.judge_id],
            finalists[comparison.winner_id],
            finalists[comparison.loser_id],
        )
        (state.alpha, state.beta, winner.mu, loser.mu, winner.sigma_sq, loser.sigma_sq) = (
            crowd_bt.update(
                state.alpha, state.beta, winner.mu, winner.sigma_sq, loser.mu, loser.sigma_sq
            )
        )
    Finalist.objects.bulk_update(finalists.values(), ["mu", "sigma_sq"])
    FinalsJudge.objects.bulk_update(judges.values(), ["alpha", "beta"])


def standings(hackathon):
    """Finalists best first (by mu), with their uncertainty."""
    return list(_finalists(hackathon).order_by("-mu", "pk"))


__all__ = ["Submission", "judge_state", "replay", "standings", "start_finals", "undo", "vote"]

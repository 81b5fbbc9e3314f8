"""People's Choice: one vote per verified member per hackathon, replaceable until voting closes,
every cast and change recorded for staff; counts hidden from everyone until the close."""

import logging

from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from events.models import Submission, Vote, VoteAudit
from portal.services import ActionRefused, require

from . import permissions

logger = logging.getLogger(__name__)


@transaction.atomic
def cast(user, submission, ip_address=None) -> Vote:
    """Vote for ``submission``; a second vote in the same hackathon replaces the first."""
    submission = Submission.objects.select_related("hackathon", "team").get(pk=submission.pk)
    require(permissions.can_vote(user, submission))
    hackathon = submission.hackathon
    # get_or_create: a double-clicked first vote meets the unique constraint and finds the row.
    vote, created = Vote.objects.select_for_update().get_or_create(
        hackathon=hackathon, user=user, defaults={"submission": submission}
    )
    previous = None if created else vote.submission
    if not created and vote.submission_id != submission.pk:
        vote.submission = submission
        vote.save(update_fields=["submission", "updated_at"])
    VoteAudit.objects.create(
        hackathon=hackathon,
        user=user,
        submission=submission,
        previous=previous,
        ip_address=ip_address,
    )
    logger.info("People's Choice vote by user %s in hackathon %s", user.pk, hackathon.pk)
    return vote


@transaction.atomic
def withdraw(user, hackathon) -> None:
    require(permissions.voting_open(hackathon))
    Vote.objects.filter(hackathon=hackathon, user=user).delete()


def tallies(hackathon):
    """[(submission, votes)] most votes first, or ActionRefused before voting closes."""
    if not permissions.tallies_visible(hackathon):
        raise ActionRefused(_("The People's Choice counts are hidden until voting closes."))
    counts = dict(
        Vote.objects.filter(hackathon=hackathon)
        .values_list("submission")
        .annotate(n=Count("pk"))
        .values_list("submission", "n")
    )
    submissions = Submission.objects.public().filter(hackathon=hackathon).select_related("team")
    return sorted(
        ((s, counts.get(s.pk, 0)) for s in submissions), key=lambda pair: (-pair[1], pair[0].title)
    )

"""Every write about hackathon teams: atomic, permission-checked, logged, notifications on commit.

One team per person per hackathon is held by the database (a unique constraint on the
membership's hackathon and user); the size limit is checked with the team row locked.
"""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.models import Submission, Team, TeamInvitation, TeamJoinRequest, TeamMembership
from partners.permissions import role_in
from portal.admission import services as admission
from portal.links import link
from portal.notifications.services import notify
from portal.services import ActionRefused, require
from portal.text import plain_text

from . import permissions

logger = logging.getLogger(__name__)


def _text(value, limit):
    return plain_text(value, limit, single_line=True)


def team_url(team):
    return link("events:team", team.pk)


def _check_track_and_organisation(user, hackathon, track, organisation):
    if track is not None and track.page_id != hackathon.pk:
        raise ActionRefused(_("Choose one of this hackathon's tracks."))
    if organisation is not None and role_in(user, organisation) is None:
        raise ActionRefused(_("You can only link an organisation you are a member of."))


def _add_member(team, user, role="member"):
    """With the team locked: add ``user`` unless full or already in a team of this hackathon."""
    if team.memberships.count() >= team.hackathon.max_team_size:
        raise ActionRefused(
            _("This team is full (at most %(max)s people).") % {"max": team.hackathon.max_team_size}
        )
    try:
        with transaction.atomic():
            return TeamMembership.objects.create(
                team=team, hackathon_id=team.hackathon_id, user=user, role=role
            )
    except IntegrityError as error:
        raise ActionRefused(_("You are already in a team for this hackathon.")) from error


def _locked(team):
    return Team.objects.select_for_update().select_related("hackathon").get(pk=team.pk)


@transaction.atomic
def create_team(
    user,
    hackathon,
    *,
    name,
    track=None,
    looking_for_members=False,
    skills_wanted="",
    organisation=None,
) -> Team:
    hackathon = hackathon.canonical()
    require(permissions.can_create_team(user, hackathon))
    name = _text(name, 120)
    if not name:
        raise ActionRefused(_("Give your team a name."))
    _check_track_and_organisation(user, hackathon, track, organisation)
    if Team.objects.filter(hackathon=hackathon, name__iexact=name).exists():
        raise ActionRefused(_("Another team already has this name."))
    team = Team.objects.create(
        hackathon=hackathon,
        name=name,
        track=track,
        looking_for_members=looking_for_members,
        skills_wanted=_text(skills_wanted, 300),
        organisation=organisation,
    )
    _add_member(team, user, role="leader")
    Submission.objects.create(hackathon=hackathon, team=team)
    logger.info("Hackathon team %s created by user %s", team.pk, user.pk)
    return team


@transaction.atomic
def update_team(user, team, *, name, track, looking_for_members, skills_wanted, organisation):
    team = _locked(team)
    require(permissions.can_manage_team(user, team))
    _check_track_and_organisation(user, team.hackathon, track, organisation)
    name = _text(name, 120)
    if not name:
        raise ActionRefused(_("Give your team a name."))
    if (
        Team.objects.filter(hackathon=team.hackathon, name__iexact=name)
        .exclude(pk=team.pk)
        .exists()
    ):
        raise ActionRefused(_("Another team already has this name."))
    team.name, team.track, team.organisation = name, track, organisation
    team.looking_for_members = looking_for_members
    team.skills_wanted = _text(skills_wanted, 300)
    team.save()
    return team


@transaction.atomic
def invite(user, team, email) -> TeamInvitation:
    return admission.invite(user, _locked(team), email=email)


def send_invitation(invitation):
    """In-app (and e-mail) to someone with an account; an e-mail with the link to anyone else."""
    from portal.models import User

    team = invitation.team
    invitee = User.objects.filter(email__iexact=invitation.email).first()
    address = link("events:accept_invitation", invitation.token)
    title = gettext_lazy("You are invited to join a hackathon team")
    body = f"{team} · {team.hackathon.title}"
    if invitee is not None:
        notify([invitee], title=title, body=body, url=address, kind="events.team_invitation")
    else:
        from django.core.mail import EmailMessage

        from portal.notifications.email import enqueue_email

        enqueue_email(
            EmailMessage(
                str(title), f"{body}\n{settings.SITE_URL}{address}", None, [invitation.email]
            ),
            key=f"team-invitation:{invitation.pk}",
        )
    logger.info("Team %s invited an address (invitation %s)", team.pk, invitation.pk)


def accept_invitation(user, invitation) -> TeamMembership:
    return admission.accept(user, invitation)


def revoke_invitation(user, invitation) -> TeamInvitation:
    return admission.revoke(user, invitation)


@transaction.atomic
def join_by_link(user, team) -> TeamMembership:
    """Anyone holding the team's join link joins at once (the leader shared it on purpose)."""
    team = _locked(team)
    require(permissions.can_join(user, team))
    return _add_member(team, user)


@transaction.atomic
def request_to_join(user, team, message="") -> TeamJoinRequest:
    return admission.request_to_join(user, _locked(team), plain_text(message, 1000))


def decide_join_request(user, join_request, approve) -> TeamJoinRequest:
    return admission.decide(user, join_request, approve=approve)


def withdraw_join_request(user, join_request) -> TeamJoinRequest:
    return admission.withdraw(user, join_request)


@transaction.atomic
def transfer_leadership(user, team, new_leader) -> None:
    team = _locked(team)
    require(permissions.can_manage_team(user, team))
    target = team.memberships.filter(user=new_leader).first()
    if target is None:
        raise ActionRefused(_("The new leader must be a member of the team."))
    team.memberships.filter(role="leader").update(role="member")
    target.role = "leader"
    target.save(update_fields=["role"])
    logger.info("Team %s: leadership passed to user %s", team.pk, new_leader.pk)


@transaction.atomic
def leave(user, team) -> None:
    """A member leaves; a leader leaving passes the lead to the longest-standing member, and
    the last one out dissolves the team (its draft goes with it)."""
    team = _locked(team)
    require(permissions.can_leave(user, team))
    membership = team.memberships.get(user=user)
    membership.delete()
    rest = list(team.memberships.order_by("joined_at", "pk"))
    if not rest:
        team.delete()
        return
    if membership.role == "leader":
        rest[0].role = "leader"
        rest[0].save(update_fields=["role"])


@transaction.atomic
def remove_member(user, team, member) -> None:
    team = _locked(team)
    require(permissions.can_manage_team(user, team))
    if member.pk == user.pk:
        raise ActionRefused(_("Leaders leave through “Leave the team”."))
    team.memberships.filter(user=member).delete()

"""Hackathon teams: members (one team per person per hackathon), invitations by e-mail or join
link, and join requests the leader approves (through portal.admission: the team's side of it is
events/hackathons/admission.py). Writes go through events/hackathons/teams.py."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from events.hackathons.admission import TeamAdmission
from portal.admission.models import AdmissionInvitation, AdmissionRequest


def new_token():
    return secrets.token_urlsafe(24)


class Team(TeamAdmission, models.Model):
    hackathon = models.ForeignKey(
        "events.HackathonPage",
        verbose_name=_("hackathon"),
        on_delete=models.CASCADE,
        related_name="teams",
    )
    name = models.CharField(_("name"), max_length=120)
    track = models.ForeignKey(
        "events.Track",
        verbose_name=_("track"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="teams",
    )
    looking_for_members = models.BooleanField(_("looking for members"), default=False)
    skills_wanted = models.CharField(_("skills wanted"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("start-up organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hackathon_teams",
    )
    join_token = models.CharField(
        _("join link code"), max_length=64, unique=True, default=new_token
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["hackathon", "name"], name="unique_team_name"),
        ]

    def __str__(self):
        return self.name

    def leader(self):
        membership = self.memberships.filter(role=TeamRole.LEADER).select_related("user").first()
        return membership.user if membership else None


class TeamRole(models.TextChoices):
    LEADER = "leader", _("Leader")
    MEMBER = "member", _("Member")


class TeamMembership(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    # Repeated from the team so the database can hold "one team per person per hackathon".
    hackathon = models.ForeignKey(
        "events.HackathonPage", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="hackathon_memberships",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=TeamRole.choices, default=TeamRole.MEMBER
    )
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["hackathon", "user"], name="one_team_per_person_per_hackathon"
            ),
            models.UniqueConstraint(
                fields=["team"], condition=Q(role="leader"), name="one_leader_per_team"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.team}"


class TeamInvitation(AdmissionInvitation):
    group_field = "team"

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="invitations")
    token = models.CharField(max_length=64, unique=True, default=new_token)

    class Meta:
        verbose_name = _("team invitation")
        verbose_name_plural = _("team invitations")
        ordering = ["-created_at", "-pk"]

    def wrong_address_message(self):
        return gettext("This invitation was sent to another e-mail address.")


class TeamJoinRequest(AdmissionRequest):
    group_field = "team"

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_join_requests"
    )
    message = models.TextField(_("message"), blank=True, max_length=1000)

    class Meta:
        verbose_name = _("request to join a team")
        verbose_name_plural = _("requests to join a team")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "user"],
                condition=Q(state="pending"),
                name="one_pending_team_request",
            ),
        ]

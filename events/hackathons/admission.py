"""How a hackathon team takes part in the portal's one admission mechanism (docs/admission.md).

The leader admits people while teams may change. Everyone admitted passes the hackathon's rules
as when joining by link: a verified e-mail address, eligibility (``competitors``), the team's
size limit (checked with the team row locked) and one team per person per hackathon.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.admission.notices import NoticeText
from portal.links import link

from . import permissions


class TeamAdmission:
    """The admission protocol, mixed into ``Team``."""

    admission_notices = {
        "request": NoticeText(
            gettext_lazy("Someone asks to join your team"), "events.team_join_request"
        ),
        "approve": NoticeText(
            gettext_lazy("Your request to join a team was approved"), "events.team_join_decided"
        ),
        "decline": NoticeText(
            gettext_lazy("Your request to join a team was declined"), "events.team_join_decided"
        ),
    }

    def admission_name(self):
        return self.name

    def admission_admins(self):
        leader = self.leader()
        return [leader] if leader else []

    def admission_admin_url(self):
        return link("events:team", self.pk)

    def admission_member_url(self):
        return link("events:team", self.pk)

    def admission_may_admit(self, user):
        return permissions.can_manage_team(user, self)

    def admission_may_request(self, user):
        allowed, reason = permissions.can_join(user, self)
        if not allowed:
            return allowed, reason
        if not self.looking_for_members:
            return False, _("This team is not looking for members.")
        if self.join_requests.filter(user=user, state="pending").exists():
            return False, _("You have already asked to join this team.")
        return True, ""

    def admission_may_invite(self, user, email):
        allowed, reason = permissions.can_manage_team(user, self)
        if allowed and self.invitations.filter(email__iexact=email, state="pending").exists():
            return False, _("%(email)s is already invited.") % {"email": email}
        return allowed, reason

    def admission_may_accept(self, user):
        return permissions.can_join(user, self)

    def admission_admit(self, person, role):
        """With the team row locked: the hackathon's rules for ``person``, then the place."""
        from portal.services import require

        from .teams import _add_member, _locked

        team = _locked(self)
        require(permissions.can_join(person, team))
        return _add_member(team, person, role)

    def admission_send_invitation(self, invitation):
        from .teams import send_invitation

        send_invitation(invitation)

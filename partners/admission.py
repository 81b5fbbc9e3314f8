"""How an organisation takes part in the portal's one admission mechanism (docs/admission.md).

Owners admit people: they answer requests to join and send invitations, which carry a role.
A request is approved as a plain member; an invitation is accepted with the role it names.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partners import permissions
from portal.admission.notices import NoticeText
from portal.links import link


class OrganisationAdmission:
    """The admission protocol, mixed into ``Organisation``."""

    admission_notices = {
        "request": NoticeText(
            gettext_lazy("Someone asked to join your organisation"), "partners.join_requested"
        ),
        "approve": NoticeText(
            gettext_lazy("Your request to join was approved"), "partners.join_decided"
        ),
        "decline": NoticeText(
            gettext_lazy("Your request to join was declined"), "partners.join_decided"
        ),
    }

    def admission_name(self):
        return self.name

    def admission_admins(self):
        return [m.user for m in self.memberships.filter(role="owner").select_related("user")]

    def admission_admin_url(self):
        return link("partners:members", self.slug)

    def admission_member_url(self):
        return ""

    def admission_may_admit(self, user):
        return permissions.can_manage_members(user, self)

    def admission_may_request(self, user):
        allowed, reason = permissions.can_request_to_join(user, self)
        if allowed and self.join_requests.filter(user=user, state="pending").exists():
            return False, _("You already asked to join; an owner will answer.")
        return allowed, reason

    def admission_may_invite(self, user, email):
        allowed, reason = permissions.can_manage_members(user, self)
        if allowed and self.memberships.filter(user__email__iexact=email).exists():
            return False, _("%(email)s is already a member.") % {"email": email}
        return allowed, reason

    def admission_may_accept(self, user):
        if permissions.role_in(user, self):
            return False, _("You are already a member.")
        return True, ""

    def admission_admit(self, person, role):
        """The person becomes a member with ``role`` (someone who is one already keeps theirs)."""
        from partners.models import Membership

        membership, _created = Membership.objects.get_or_create(
            organisation=self, user=person, defaults={"role": role}
        )
        return membership

    def admission_send_invitation(self, invitation):
        from partners.services import send_invitation_email

        send_invitation_email(invitation)

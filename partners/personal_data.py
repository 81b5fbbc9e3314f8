"""What partners holds about a member: its part of the personal-data export (portal.personal_data)
and of an account deletion (portal.privacy.erasure)."""

from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail import hooks

from partners.models import Invitation, JoinRequest, Membership, MembershipRole, Proposal
from portal.admission.services import forget
from portal.personal_data import HOOK, iso
from portal.privacy.erasure import BLOCKERS_HOOK, ERASURE_HOOK


@hooks.register(HOOK)
def personal_data(user):
    memberships = Membership.objects.filter(user=user).select_related("organisation")
    proposals = (
        Proposal.objects.filter(Q(created_by=user) | Q(co_authors=user))
        .distinct()
        .select_related("organisation")
        .order_by("pk")
    )
    return {
        "memberships": [
            {
                "organisation": m.organisation.name,
                "role": m.role,
                "joined": iso(m.created_at),
            }
            for m in memberships
        ],
        "proposals": [
            {
                "title": p.title,
                "organisation": p.organisation.name,
                "state": p.state,
                "role": "author" if p.created_by_id == user.pk else "co-author",
            }
            for p in proposals
        ],
    }


@hooks.register(BLOCKERS_HOOK)
def deletion_blockers(user):
    """The last owner of an organisation that has other members hands it over first."""
    blockers = []
    owned = Membership.objects.filter(user=user, role=MembershipRole.OWNER).select_related(
        "organisation"
    )
    for membership in owned:
        organisation = membership.organisation
        others = organisation.memberships.exclude(user=user)
        if others.exists() and not others.filter(role=MembershipRole.OWNER).exists():
            blockers.append(
                _(
                    "You are the only owner of %(organisation)s. Make another member an owner "
                    "first (My organisations → %(organisation)s), then delete your account."
                )
                % {"organisation": organisation.name}
            )
    return blockers


@hooks.register(ERASURE_HOOK)
def erase(user):
    """Memberships and requests go; proposals stay with their organisation."""
    Membership.objects.filter(user=user).delete()
    forget(JoinRequest.objects.filter(user=user))
    forget(Invitation.objects.filter(email__iexact=user.email, accepted_at__isnull=True))

"""What partners holds about a member, for the personal-data export (portal.personal_data)."""

from django.db.models import Q
from wagtail import hooks

from partners.models import Membership, Proposal
from portal.personal_data import HOOK, iso


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

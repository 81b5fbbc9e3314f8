"""The member dashboard's links and to-dos, contributed by each app without the core importing it.

Every app registers a ``portal_dashboard_links`` Wagtail hook: ``hook(request)`` returns an
iterable of ``DashboardLink`` (or nothing) for the signed-in member. The dashboard shows them
sorted by ``order`` (then label); apps leave gaps between their numbers so another app can slot in.

What waits for the member (a draft to finish, changes asked for, an invitation, a review, a
decision) comes from the ``portal_dashboard_waiting`` hook the same way: ``hook(request)`` returns
``WaitingItem``s, each a link to the one thing to do, with what kind of to-do it is. Each hook
answers in a query or two and at most ``WAITING_LIMIT`` items.
"""

from dataclasses import dataclass

from wagtail import hooks

HOOK = "portal_dashboard_links"
WAITING_HOOK = "portal_dashboard_waiting"
WAITING_LIMIT = 10


@dataclass(frozen=True)
class DashboardLink:
    order: int
    label: str
    url: str


@dataclass(frozen=True)
class WaitingItem:
    order: int
    kind: str  # what to do, e.g. "Draft", "Changes requested", "Invitation"
    label: str  # the thing it is about, e.g. the proposal's title
    url: str


def waiting_items(request):
    items = [
        item
        for hook in hooks.get_hooks(WAITING_HOOK)
        for item in (hook(request) or ())
        if item is not None
    ]
    return sorted(items, key=lambda item: (item.order, str(item.kind), str(item.label)))


def dashboard_links(request):
    links = [
        link for hook in hooks.get_hooks(HOOK) for link in (hook(request) or ()) if link is not None
    ]
    return sorted(links, key=lambda link: (link.order, str(link.label)))


@hooks.register(HOOK)
def review_links(request):
    """The link to /me/reviews/ only for people who have something to review."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    if request.user.review_assignments.exists():
        yield DashboardLink(50, _("My reviews"), reverse("portal:my_reviews"))


@hooks.register(WAITING_HOOK)
def reviews_waiting(request):
    """Assignments the reviewer has not submitted yet (never one with a conflict of interest)."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from portal.models import ReviewAssignment
    from portal.reviews.permissions import can_see_assignment

    assignments = (
        ReviewAssignment.objects.for_reviewer(request.user)
        .filter(review__submitted_at__isnull=True)
        .select_related("review")
        .prefetch_related("item")
        .order_by("created_at", "pk")[:WAITING_LIMIT]
    )
    for assignment in assignments:
        if assignment.item is not None and can_see_assignment(request.user, assignment)[0]:
            yield WaitingItem(
                50,
                _("Review"),
                str(assignment.item),
                reverse("portal:review", args=[assignment.pk]),
            )

"""The member dashboard's links, contributed by each app without the core importing it.

Every app registers a ``portal_dashboard_links`` Wagtail hook: ``hook(request)`` returns an
iterable of ``DashboardLink`` (or nothing) for the signed-in member. The dashboard shows them
sorted by ``order`` (then label); apps leave gaps between their numbers so another app can slot in.
"""

from dataclasses import dataclass

from wagtail import hooks

HOOK = "portal_dashboard_links"


@dataclass(frozen=True)
class DashboardLink:
    order: int
    label: str
    url: str


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

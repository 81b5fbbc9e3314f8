"""What members may report in partners (portal/reports/registry.py): organisation profiles."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from partners.models import AgencyIndexPage, Organisation, PartnerIndexPage
from portal.i18n import localised
from portal.reports.registry import ReportableKind, register


def _authors(organisation: Organisation):
    """Its owners and editors: they write the profile."""
    memberships = organisation.memberships.filter(role__in=("owner", "editor"))
    return [membership.user for membership in memberships.select_related("user")]


def _url(organisation: Organisation):
    if not organisation.is_public:
        return ""
    directory_model = AgencyIndexPage if organisation.is_agency else PartnerIndexPage
    directory = directory_model.objects.live().filter(locale=Locale.get_active()).first()
    return directory.profile_url(organisation) if directory is not None else ""


register(
    ReportableKind(
        slug="organisation",
        model="partners.Organisation",
        label=_("Organisation profile"),
        authors=_authors,
        url=_url,
        title=lambda organisation: localised(organisation, "name"),
    )
)

"""What members may follow in partners: sandbox challenges, calls and organisations."""

from django.utils.translation import gettext_lazy as _

from partners.models import AgencyIndexPage, Call, Organisation, PartnerIndexPage
from portal.follows.registry import Followable, page_kind, register
from portal.i18n import localised

register(page_kind("challenges", "partners.ChallengePage", _("Sandbox challenges"), 10))


register(
    Followable(
        kind="calls",
        model="partners.Call",
        label=_("Calls for proposals"),
        order=20,
        public=lambda: Call.objects.public(),
        url=lambda call: call.get_absolute_url(),
    )
)


def _organisation_url(organisation):
    from wagtail.models import Locale

    index_model = AgencyIndexPage if organisation.kind == "agency" else PartnerIndexPage
    locale = Locale.get_active()
    index = (
        index_model.objects.live().filter(locale=locale).first()
        or index_model.objects.live().first()
    )
    return index.profile_url(organisation) if index is not None else ""


register(
    Followable(
        kind="organisations",
        model="partners.Organisation",
        label=_("Organisations"),
        order=60,
        public=lambda: Organisation.objects.verified(),
        url=_organisation_url,
        title=lambda organisation: localised(organisation, "name"),
    )
)

"""The partners app's public datasets (see ``portal.datasets``): organisations, agencies and
sandbox challenges. Only verified organisations and live, public challenge pages; never a
member, an e-mail or anything from a membership."""

from django.db.models import Case, CharField, Max, Value, When
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from partners.models import (
    AgencyIndexPage,
    ChallengePage,
    Organisation,
    OrganisationKind,
    PartnerIndexPage,
)
from portal.datasets import (
    Dataset,
    Field,
    by,
    index_url,
    live_pages,
    names,
    page_fields,
    page_filters,
    page_path,
    record_path,
    register,
    url_field,
    with_base,
)


def plain(html):
    """Rich text as one line of plain text."""
    return " ".join(strip_tags(html or "").split())


def _organisations(index_model, **filters):
    def rows():
        queryset = (
            Organisation.objects.verified()
            .filter(**filters)
            .prefetch_related("pillars", "sdgs", "sectors")
            .order_by("pk")
        )
        base, agencies = index_url(index_model), index_url(AgencyIndexPage)
        if index_model is AgencyIndexPage or not agencies:
            return with_base(queryset, base)
        # An agency's one profile is in the agency directory (partners/models/pages.py).
        return queryset.annotate(
            open_data_base=Case(
                When(kind=OrganisationKind.AGENCY, then=Value(agencies)),
                default=Value(base),
                output_field=CharField(),
            )
        )

    return rows


def _updated(**filters):
    return lambda: (
        Organisation.objects.verified().filter(**filters).aggregate(m=Max("updated_at"))["m"]
    )


def _organisation_fields(meaning):
    return (
        Field(
            "id",
            "integer",
            _("Identifier"),
            _("The organisation's stable number."),
            get=lambda o: o.pk,
        ),
        Field("slug", "string", _("Slug"), _("The organisation's name in its web address.")),
        Field("name", "string", _("Name"), _("The organisation's name.")),
        Field("short_name", "string", _("Short name"), _("Its abbreviation, if it has one.")),
        Field(
            "kind",
            "string",
            _("Kind"),
            _(
                "agency, company, startup, ngo, university, international, sister_city, "
                "startup_support or media."
            ),
        ),
        Field(
            "description",
            "string",
            _("Description"),
            _("What it does, as plain text."),
            get=lambda o: plain(o.description),
        ),
        Field("website", "string", _("Website"), _("Its own website.")),
        Field("city", "string", _("City"), _("The city it is based in.")),
        Field("country", "string", _("Country"), _("The country it is based in.")),
        Field("founding_year", "year", _("Founding year"), _("The year it was founded.")),
        Field(
            "pillars",
            "array",
            _("Pillars"),
            _("The smart-city pillars it works on."),
            get=names("pillars"),
        ),
        Field(
            "sdgs",
            "array",
            _("SDGs"),
            _("The Sustainable Development Goals it works on."),
            get=names("sdgs"),
        ),
        Field("sectors", "array", _("Sectors"), _("Its sectors, as tags."), get=names("sectors")),
        url_field(meaning),
    )


ORGANISATION_FILTERS = {"kind": by("kind"), "city": by("city"), "pillar": by("pillars__slug")}

ORGANISATIONS = register(
    Dataset(
        slug="organisations",
        title=_("Partner organisations"),
        description=_(
            "Every verified organisation of the network: companies, start-ups, NGOs, "
            "universities, international partners and government agencies, with their public "
            "profile only."
        ),
        rows=_organisations(PartnerIndexPage),
        updated=_updated(),
        keywords=("organisations", "partners"),
        fields=_organisation_fields(_("The organisation's public profile.")),
        record_url=record_path,
        filters=ORGANISATION_FILTERS,
    )
)

AGENCIES = register(
    Dataset(
        slug="agencies",
        title=_("Government agencies"),
        description=_("The city's government agencies (OPD) in the network, verified."),
        rows=_organisations(AgencyIndexPage, kind="agency"),
        updated=_updated(kind="agency"),
        keywords=("agencies", "government", "OPD"),
        fields=_organisation_fields(_("The agency's public profile.")),
        record_url=record_path,
        filters=ORGANISATION_FILTERS,
    )
)


def _challenges():
    return (
        live_pages(ChallengePage).select_related("owner_agency").prefetch_related("pillars", "sdgs")
    )


CHALLENGES = register(
    Dataset(
        slug="challenges",
        title=_("Sandbox challenges"),
        description=_(
            "The problems government agencies put to the network to solve in the sandbox, "
            "one row per language version."
        ),
        rows=_challenges,
        updated=lambda: live_pages(ChallengePage).aggregate(m=Max("last_published_at"))["m"],
        keywords=("challenges", "sandbox"),
        record_url=page_path,
        filters=page_filters(
            pillar=by("pillars__slug"), agency=by("owner_agency__slug"), status=by("status")
        ),
        fields=(
            *page_fields(),
            Field(
                "summary", "string", _("Summary"), _("The challenge in brief."), translatable=True
            ),
            Field(
                "problem_statement",
                "string",
                _("Problem statement"),
                _("The problem to solve, as plain text."),
                get=lambda c: plain(c.problem_statement),
                translatable=True,
            ),
            Field(
                "expected_outcomes",
                "string",
                _("Expected outcomes"),
                _("What a solution should achieve, as plain text."),
                get=lambda c: plain(c.expected_outcomes),
                translatable=True,
            ),
            Field(
                "owner_agency",
                "string",
                _("Agency"),
                _("The agency that poses it."),
                get=lambda c: c.owner_agency.name if c.owner_agency else "",
            ),
            Field("status", "string", _("Status"), _("open, in_sandbox, solved or closed.")),
            Field("response_deadline", "datetime", _("Deadline"), _("The last moment to respond.")),
            Field(
                "pillars",
                "array",
                _("Pillars"),
                _("The smart-city pillars it serves."),
                get=names("pillars"),
            ),
            Field(
                "sdgs",
                "array",
                _("SDGs"),
                _("The Sustainable Development Goals it serves."),
                get=names("sdgs"),
            ),
        ),
    )
)

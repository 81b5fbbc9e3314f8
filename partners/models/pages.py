"""Public directories: /partners/ (every verified organisation) and /agencies/ (agencies only).

Each is a Wagtail page, so editors write its introduction in both languages and it sits in the
menu; profiles are served as sub-routes (/partners/<slug>/), from the same verified-only queryset.
The partner directory lists agencies too, but an agency has one profile, in the agency directory:
its cards link there and its old /partners/<slug>/ address redirects there.
"""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.search import index

from portal.reports.hidden import check_visible, visible
from portal.sites import absolute
from portal.taxonomy import localised_names

from .organisations import Organisation, OrganisationKind

# The rendition of a logo on a directory card (templates/partners/directory_page.html).
LOGO_CARD_SPEC = "fill-96x96"

PAGE_SIZE = 24
MAX_QUERY_LENGTH = 200


class DirectoryPage(RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    max_count_per_parent = 1
    # Not `template`: Wagtail gives every page subclass its own default for that attribute.
    directory_template = "partners/directory_page.html"
    profile_template = "partners/organisation_page.html"
    kinds = None  # None: every kind; otherwise the kinds this directory lists

    class Meta:
        abstract = True

    def organisations(self):
        queryset = Organisation.objects.verified()
        if self.kinds is not None:
            queryset = queryset.filter(kind__in=self.kinds)
        return queryset

    def profiled_here(self):
        """The organisations whose profile is this directory's own."""
        return self.organisations()

    def get_sitemap_urls(self, request=None):
        """The directory and every verified organisation's profile in it."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for slug, updated in (
            visible(self.profiled_here()).order_by("slug").values_list("slug", "updated_at")
        ):
            urls.append({"location": f"{base}{slug}/", "lastmod": updated})
        return urls

    def filtered(self, request):
        """Apply the visitor's search and filters; return (queryset, cleaned filter values)."""
        queryset = self.organisations()
        filters = {
            "q": request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH],
            "kind": request.GET.get("kind", ""),
            "pillar": request.GET.get("pillar", ""),
            "sdg": request.GET.get("sdg", ""),
            "city": request.GET.get("city", "").strip()[:100],
        }
        if filters["kind"] in OrganisationKind.values and self.kinds is None:
            queryset = queryset.filter(kind=filters["kind"])
        if filters["pillar"]:
            queryset = queryset.filter(pillars__slug=filters["pillar"])
        if filters["sdg"].isdigit():
            queryset = queryset.filter(sdgs__number=int(filters["sdg"]))
        if filters["city"]:
            queryset = queryset.filter(city__iexact=filters["city"])
        for word in filters["q"].split():
            queryset = queryset.filter(
                Q(name__icontains=word) | Q(short_name__icontains=word) | Q(city__icontains=word)
            )
        return queryset.distinct().order_by("name"), filters

    @path("")
    def directory(self, request):
        queryset, filters = self.filtered(request)
        # Logos and their card rendition in two queries, whatever the number of organisations.
        logos = get_image_model().objects.prefetch_renditions(LOGO_CARD_SPEC)
        queryset = visible(queryset).prefetch_related(Prefetch("logo", queryset=logos), "pillars")
        page_obj = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
        page_obj.object_list = list(page_obj.object_list)
        for organisation in page_obj.object_list:
            organisation.profile_href = self.profile_url(organisation)
        taxonomy = localised_names(request)
        context = self.get_context(request)
        context.update(
            {
                "pillar_names": taxonomy["pillar_names"],
                "page_obj": page_obj,
                "organisations": page_obj.object_list,
                "filters": filters,
                "kinds": OrganisationKind.choices if self.kinds is None else [],
                "pillars": taxonomy["pillars"],
                "sdgs": taxonomy["sdgs"],
                "cities": self.organisations()
                .exclude(city="")
                .order_by("city")
                .values_list("city", flat=True)
                .distinct(),
            }
        )
        return render(request, self.directory_template, context)

    @re_path(r"^(?P<slug>[-\w]+)/$", name="organisation")
    def organisation(self, request, slug):
        organisation = (
            self.organisations()
            .select_related("logo")
            .prefetch_related("pillars", "sdgs", "sectors")
            .filter(slug=slug)
            .first()
        )
        if organisation is None:
            raise Http404  # unknown, unverified and other-directory organisations alike
        check_visible(request.user, organisation)  # hidden after a report: 404 to the public
        address = self.profile_url(organisation)
        if not address.startswith(self.url):  # an agency: its profile is in /agencies/
            return redirect(address, permanent=True)
        locale = Locale.get_active()
        context = self.get_context(request)
        context["organisation"] = organisation
        context["challenges"] = self.challenges_posed(organisation, locale)
        context["proposals_answered"] = self.proposals_answered(organisation)
        taxonomy = localised_names(request)
        context["pillar_names"] = taxonomy["pillar_names"]
        context["sdg_names"] = taxonomy["sdg_names"]
        # Sections other apps add to a profile (programs: the agency's pilots), as safe HTML.
        context["extra_sections"] = [
            html
            for hook in hooks.get_hooks("partners_organisation_sections")
            if (html := hook(request, organisation))
        ]
        logo = organisation.logo.get_rendition("fill-128x128").url if organisation.logo else ""
        context["structured_data"] = organisation.structured_data(
            absolute(request.path), absolute(logo)
        )
        context["meta_title"] = organisation.name
        context["meta_description"] = organisation.description
        return render(request, self.profile_template, context)

    def challenges_posed(self, organisation, locale):
        """The agency's published challenges in the visitor's language (one query)."""
        from .challenges import ChallengePage

        if not organisation.is_agency:
            return []
        return list(
            ChallengePage.objects.live()
            .public()
            .filter(owner_agency=organisation, locale=locale)
            .order_by("-first_published_at", "-pk")
        )

    def proposals_answered(self, organisation):
        """Accepted proposals that name this agency as a target (one query); public once accepted."""
        from .proposals import Proposal

        if not organisation.is_agency:
            return []
        return list(
            Proposal.objects.filter(target_agencies=organisation, state="accepted")
            .select_related("organisation")
            .order_by("title")
        )

    def profile_url(self, organisation):
        return self.url + self.reverse_subpage("organisation", kwargs={"slug": organisation.slug})


class PartnerIndexPage(DirectoryPage):
    """/partners/: every verified organisation of the network."""

    class Meta:
        verbose_name = _("partner directory")

    def agency_directory(self):
        """The agency directory of this directory's language (looked up once per instance)."""
        if not hasattr(self, "_agency_directory"):
            self._agency_directory = (
                AgencyIndexPage.objects.live().filter(locale_id=self.locale_id).first()
            )
        return self._agency_directory

    def profiled_here(self):
        if self.agency_directory() is None:
            return self.organisations()
        return self.organisations().exclude(kind=OrganisationKind.AGENCY)

    def profile_url(self, organisation):
        agencies = self.agency_directory() if organisation.is_agency else None
        return agencies.profile_url(organisation) if agencies else super().profile_url(organisation)


class AgencyIndexPage(DirectoryPage):
    """/agencies/: the city's government agencies (OPD)."""

    kinds = [OrganisationKind.AGENCY]

    class Meta:
        verbose_name = _("agency directory")

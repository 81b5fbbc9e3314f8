"""Policy recommendations: what the programmes advise the city, and how the city answers.

/policy/ is a PolicyIndexPage (search, filters, pagination and a feed at /policy/feed/) listing
PolicyRecommendationPage children. Publishing goes through the Wagtail workflow "Policy
publication"; until then a recommendation is invisible to visitors everywhere.
"""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef, Q, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from partners.models import Organisation, OrganisationKind
from portal.blocks import BodyBlock
from portal.i18n import localised
from portal.taxonomy import localised_names

from .responses import AWAITING, GovernmentResponse, ResponseState

PAGE_SIZE = 12
MAX_QUERY_LENGTH = 200
AWAITING_FILTER = "awaiting"
PUBLISHER = "Jakarta Development Collaboration Network"


def response_filter_choices():
    return [(AWAITING_FILTER, _("Awaiting response")), *ResponseState.choices]


class PolicyIndexPage(RoutablePageMixin, Page):
    """/policy/: live recommendations of the visitor's language; a feed of the newest."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["programs.PolicyRecommendationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("policy recommendation index")

    def recommendations(self):
        return PolicyRecommendationPage.objects.child_of(self).live().public()

    def filtered(self, request):
        """Apply the visitor's search and filters; return (queryset, cleaned filter values)."""
        queryset = self.recommendations()
        get = request.GET
        filters = {
            "q": get.get("q", "").strip()[:MAX_QUERY_LENGTH],
            "pillar": get.get("pillar", "")[:80],
            "sdg": get.get("sdg", "")[:3],
            "programme": get.get("programme", "")[:255],
            "agency": get.get("agency", "")[:220],
            "response": get.get("response", "")[:30],
            "year": get.get("year", "")[:4],
        }
        if filters["pillar"]:
            queryset = queryset.filter(pillars__slug=filters["pillar"])
        if filters["sdg"].isdigit():
            queryset = queryset.filter(sdgs__number=int(filters["sdg"]))
        if filters["programme"]:
            queryset = queryset.filter(programme__slug=filters["programme"])
        if filters["agency"]:
            queryset = queryset.filter(target_agencies__slug=filters["agency"])
        if filters["year"].isdigit():
            queryset = queryset.filter(date__year=int(filters["year"]))
        # Responses hang off the source-language page: match on the translation key.
        responses = GovernmentResponse.objects.filter(
            recommendation__translation_key=OuterRef("translation_key")
        )
        if filters["response"] == AWAITING_FILTER:
            queryset = queryset.filter(Exists(responses.filter(state__in=AWAITING)))
        elif filters["response"] in ResponseState.values:
            queryset = queryset.filter(Exists(responses.filter(state=filters["response"])))
        for word in filters["q"].split():
            queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word))
        return queryset.distinct(), filters

    @path("")
    def index_route(self, request):
        queryset, filters = self.filtered(request)
        queryset = (
            queryset.select_related("programme")
            .prefetch_related("pillars", "target_agencies")
            .order_by("-date", "-pk")
        )
        page_obj = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
        taxonomy = localised_names(request)
        live = self.recommendations()
        context = {
            "page_obj": page_obj,
            "recommendations": page_obj.object_list,
            "filters": filters,
            "pillars": taxonomy["pillars"],
            "pillar_names": taxonomy["pillar_names"],
            "sdgs": taxonomy["sdgs"],
            "programmes": Page.objects.filter(pk__in=live.values("programme")).order_by("title"),
            "agencies": Organisation.objects.filter(pk__in=live.values("target_agencies")).order_by(
                "name"
            ),
            "responses": response_filter_choices(),
            "years": sorted({d.year for d in live.dates("date", "year")}, reverse=True),
        }
        return self.render(request, context_overrides=context)

    @path("feed/")
    def feed_route(self, request):
        from programs.feeds import RecommendationFeed

        return RecommendationFeed(self)(request)

    def get_template(self, request, *args, **kwargs):
        return "programs/policy_index_page.html"


class PolicyRecommendationPage(Page):
    summary = models.CharField(
        _("summary"), max_length=400, help_text=_("Two or three sentences shown on the list.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("full text"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    programme = models.ForeignKey(
        "programs.ProgrammePage",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendation_links",
    )
    date = models.DateField(_("date"), db_index=True)
    authors = models.CharField(
        _("authors"), max_length=300, blank=True, help_text=_("As they appear in the citation.")
    )
    pillars = ParentalManyToManyField("portal.Pillar", verbose_name=_("pillars"), blank=True)
    sdgs = ParentalManyToManyField(
        "portal.SustainableDevelopmentGoal", verbose_name=_("SDGs"), blank=True
    )
    target_agencies = ParentalManyToManyField(
        "partners.Organisation",
        verbose_name=_("target agencies"),
        blank=True,
        related_name="policy_recommendations",
        limit_choices_to={"kind": OrganisationKind.AGENCY},
        help_text=_("Each agency is asked for a response when the recommendation is published."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("programme"), FieldPanel("date"), FieldPanel("authors")],
            heading=_("Origin"),
        ),
        FieldPanel("body"),
        FieldPanel("document"),
        MultiFieldPanel(
            [FieldPanel("target_agencies"), FieldPanel("pillars"), FieldPanel("sdgs")],
            heading=_("Agencies and themes"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("authors"),
        index.FilterField("date"),
    ]
    parent_page_types = ["programs.PolicyIndexPage"]
    subpage_types = []
    template = "programs/policy_recommendation_page.html"

    class Meta:
        verbose_name = _("policy recommendation")
        verbose_name_plural = _("policy recommendations")

    @staticmethod
    def index_for(locale):
        return PolicyIndexPage.objects.live().filter(locale=locale).first()

    def responses(self):
        """The government responses, one per target agency (kept on the source page)."""
        return (
            GovernmentResponse.objects.filter(recommendation__translation_key=self.translation_key)
            .select_related("agency")
            .order_by("agency__name")
        )

    def citation(self):
        """The suggested citation: authors (or the network), year, title, publisher, address."""
        authors = self.authors or PUBLISHER
        return f"{authors} ({self.date.year}). {self.title}. {PUBLISHER}. {self.full_url or ''}"

    def related(self, limit=3):
        """Live recommendations of the same language sharing the programme or a pillar."""
        pillar_keys = [p.translation_key for p in self.pillars.all()]  # prefetched by the page
        condition = Q(pillars__translation_key__in=pillar_keys)
        if self.programme_id:
            condition |= Q(programme_id=self.programme_id)
        return (
            PolicyRecommendationPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(condition)
            .exclude(translation_key=self.translation_key)
            .distinct()
            .order_by("-date", "-pk")[:limit]
        )

    def structured_data(self):
        """schema.org data for the page (rendered by portal_tags' ``json_ld``)."""
        data = {
            "@context": "https://schema.org",
            "@type": "Report",
            "headline": self.title,
            "name": self.title,
            "abstract": self.summary,
            "datePublished": self.date.isoformat(),
            "inLanguage": self.locale.language_code,
            "url": self.full_url,
            "publisher": {"@type": "Organization", "name": PUBLISHER},
            "author": {"@type": "Organization", "name": self.authors or PUBLISHER},
        }
        if self.programme_id:
            data["isPartOf"] = {"@type": "CreativeWork", "name": self.programme.title}
        return data

    def get_context(self, request, *args, **kwargs):
        from partners.models import AgencyIndexPage
        from portal.models import TimelineEntry

        context = super().get_context(request, *args, **kwargs)
        # The template reads each of these two or three times: one query each, not one per read.
        prefetch_related_objects([self], "pillars", "sdgs", "target_agencies")
        taxonomy = localised_names(request)
        agencies_page = AgencyIndexPage.objects.live().filter(locale=self.locale).first()
        responses = list(self.responses())
        for response in responses:
            public = agencies_page is not None and response.agency.is_public
            response.agency_url = agencies_page.profile_url(response.agency) if public else ""
        entries = list(
            TimelineEntry.objects.filter(
                content_type__app_label="programs",
                content_type__model="governmentresponse",
                object_id__in=[str(r.pk) for r in responses],
            )
            .visible_to(None)
            .select_related("actor")
            .order_by("created_at", "pk")
        )
        names = {str(r.pk): localised(r.agency, "name") for r in responses}
        by_pk = {str(r.pk): r for r in responses}
        for entry in entries:
            entry.to_label = f"{names[entry.object_id]}: {ResponseState(entry.to_state).label}"
            response = by_pk[entry.object_id]
            if entry.comment and entry.comment == response.response_text:
                # The current answer, as shown above it: in the reader's language.
                entry.comment = localised(response, "response_text")
            entry.actor = None  # public entries name the agency, not the civil servant
        context.update(
            {
                "responses": responses,
                "timeline": entries,
                "related": list(self.related().prefetch_related("pillars")),
                "pillar_names": taxonomy["pillar_names"],
                "sdg_names": taxonomy["sdg_names"],
                "policy_index": self.get_parent(),
            }
        )
        return context

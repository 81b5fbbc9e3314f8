"""Sandbox challenges: concrete city problems an agency (OPD) poses to the network.

/challenges/ is a ChallengeIndexPage listing its ChallengePage children. Liaisons draft challenges
from the member area (partners/challenges.py); program managers publish them through the
"Challenge moderation" Wagtail workflow. Calls for proposals may answer a challenge later.
"""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.images import image_alt_field, image_field, image_panel, with_images
from portal.taxonomy import localised_names

from .organisations import Organisation, OrganisationKind

PAGE_SIZE = 12
MAX_QUERY_LENGTH = 200
# Challenges are plain prose written by staff and liaisons: no headings, images or embeds.
CHALLENGE_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class ChallengeStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_SANDBOX = "in_sandbox", _("In sandbox")
    SOLVED = "solved", _("Solved")
    CLOSED = "closed", _("Closed")


class SandboxSessionBlock(blocks.StructBlock):
    """A meeting where the agency and partners work on the challenge (events link here later)."""

    title = blocks.CharBlock(label=_("Title"), max_length=160)
    start = blocks.DateTimeBlock(label=_("Starts"))
    place = blocks.CharBlock(label=_("Place"), max_length=200, required=False)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "date"
        label = _("Sandbox session")


class ChallengeIndexPage(Page):
    """/challenges/: the published challenges of the visitor's language, filtered and paginated."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["partners.ChallengePage"]
    max_count_per_parent = 1
    template = "partners/challenge_index_page.html"

    class Meta:
        verbose_name = _("challenge index")

    def challenges(self):
        # child_of(self) keeps the active locale: each language tree has its own index.
        return ChallengePage.objects.child_of(self).live().public()

    def filtered(self, request):
        """Apply the visitor's search and filters; return (queryset, cleaned filter values)."""
        queryset = self.challenges()
        filters = {
            "q": request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH],
            "status": request.GET.get("status", ""),
            "pillar": request.GET.get("pillar", "")[:80],
            "agency": request.GET.get("agency", "")[:220],
        }
        if filters["status"] in ChallengeStatus.values:
            queryset = queryset.filter(status=filters["status"])
        if filters["pillar"]:
            # Slugs are the same in every locale, whichever row the page links to.
            queryset = queryset.filter(pillars__slug=filters["pillar"])
        if filters["agency"]:
            queryset = queryset.filter(owner_agency__slug=filters["agency"])
        for word in filters["q"].split():
            queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word))
        return queryset.distinct(), filters

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        queryset, filters = self.filtered(request)
        queryset = (
            with_images(queryset.select_related("owner_agency"))
            .prefetch_related("pillars")
            .order_by("-first_published_at", "-pk")
        )
        page_obj = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
        taxonomy = localised_names(request)
        context.update(
            {
                "page_obj": page_obj,
                "challenges": page_obj.object_list,
                "filters": filters,
                "statuses": ChallengeStatus.choices,
                "pillars": taxonomy["pillars"],
                "pillar_names": taxonomy["pillar_names"],
                "agencies": Organisation.objects.filter(
                    pk__in=self.challenges().values("owner_agency")
                ).order_by("name"),
            }
        )
        return context


class ChallengePage(Page):
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown on the list.")
    )
    image = image_field()
    image_alt = image_alt_field()
    problem_statement = RichTextField(_("problem statement"), features=CHALLENGE_TEXT_FEATURES)
    context = RichTextField(_("context"), features=CHALLENGE_TEXT_FEATURES, blank=True)
    data_available = RichTextField(
        _("data available"), features=CHALLENGE_TEXT_FEATURES, blank=True
    )
    expected_outcomes = RichTextField(
        _("expected outcomes"), features=CHALLENGE_TEXT_FEATURES, blank=True
    )
    owner_agency = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="challenges",
        limit_choices_to={"kind": OrganisationKind.AGENCY},
    )
    pillars = ParentalManyToManyField("portal.Pillar", verbose_name=_("pillars"), blank=True)
    sdgs = ParentalManyToManyField(
        "portal.SustainableDevelopmentGoal", verbose_name=_("SDGs"), blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ChallengeStatus.choices,
        default=ChallengeStatus.OPEN,
        db_index=True,
    )
    response_deadline = models.DateTimeField(
        _("response deadline"),
        null=True,
        blank=True,
        help_text=_("Jakarta time (WIB, UTC+7)."),
    )
    sandbox_sessions = StreamField(
        [("session", SandboxSessionBlock())], blank=True, verbose_name=_("sandbox sessions")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        image_panel(),
        MultiFieldPanel(
            [
                FieldPanel("owner_agency"),
                FieldPanel("status"),
                FieldPanel("response_deadline"),
            ],
            heading=_("Agency and status"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("problem_statement"),
                FieldPanel("context"),
                FieldPanel("data_available"),
                FieldPanel("expected_outcomes"),
            ],
            heading=_("The challenge"),
        ),
        MultiFieldPanel(
            [FieldPanel("pillars"), FieldPanel("sdgs")],
            heading=_("Themes"),
        ),
        FieldPanel("sandbox_sessions"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("problem_statement"),
        index.SearchField("context"),
        index.SearchField("expected_outcomes"),
        index.SearchField("data_available"),
        index.FilterField("status"),
        index.FilterField("owner_agency"),
    ]
    parent_page_types = ["partners.ChallengeIndexPage"]
    subpage_types = []
    template = "partners/challenge_page.html"

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")

    def open_calls(self):
        """Published calls answering this challenge that are open now.

        Calls point at one language's page, so match on the translation key: the Indonesian
        page shows the calls of its English source.
        """
        from .calls import Call

        return list(
            Call.objects.open_now()
            .filter(challenge__translation_key=self.translation_key)
            .order_by("closes_at")
        )

    def accepted_responses(self):
        """Accepted proposals answering this challenge: public once accepted."""
        from .proposals import Proposal

        return list(
            Proposal.objects.filter(
                call__challenge__translation_key=self.translation_key, state="accepted"
            )
            .select_related("organisation")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        from .pages import AgencyIndexPage

        context = super().get_context(request, *args, **kwargs)
        agencies = AgencyIndexPage.objects.live().filter(locale=self.locale).first()
        # Only verified organisations have a public profile; anything else would link to a 404.
        public = agencies is not None and self.owner_agency.is_public
        context["agency_url"] = agencies.profile_url(self.owner_agency) if public else ""
        taxonomy = localised_names(request)
        context["pillar_names"] = taxonomy["pillar_names"]
        context["sdg_names"] = taxonomy["sdg_names"]
        context["open_calls"] = self.open_calls()
        context["accepted_responses"] = self.accepted_responses()
        return context

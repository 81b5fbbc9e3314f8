"""Programmes: the sister-city and partnership programmes of the network.

/programs/ is a ProgrammeIndexPage listing its ProgrammePage children, filtered by pillar, partner
city and status. A programme's status (running / completed) comes from its period; its key figures
are counted from the records linked to it, never typed in.
"""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from events.models import EventPage
from portal.blocks import BodyBlock
from portal.images import image_alt_field, image_field, image_panel, with_images
from portal.taxonomy import localised_names

PAGE_SIZE = 12


class ProgrammeStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")


class ContactBlock(blocks.StructBlock):
    """A person of the programme team the public may contact."""

    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role"), max_length=120, required=False)
    organisation = blocks.CharBlock(label=_("Organisation"), max_length=200, required=False)
    email = blocks.EmailBlock(label=_("E-mail address"), required=False)

    class Meta:
        icon = "user"
        label = _("Contact")


class ProgrammeIndexPage(Page):
    """/programs/: the programmes of the visitor's language, filtered and paginated."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["programs.ProgrammePage"]
    max_count_per_parent = 1
    template = "programs/programme_index_page.html"

    class Meta:
        verbose_name = _("programme index")

    def programmes(self):
        return ProgrammePage.objects.child_of(self).live().public()

    def filtered(self, request):
        """Apply the visitor's filters; return (queryset, cleaned filter values)."""
        queryset = self.programmes()
        filters = {
            "pillar": request.GET.get("pillar", "")[:80],
            "city": request.GET.get("city", "").strip()[:100],
            "status": request.GET.get("status", ""),
        }
        if filters["pillar"]:
            queryset = queryset.filter(pillars__slug=filters["pillar"])
        if filters["city"]:
            queryset = queryset.filter(cities__name__iexact=filters["city"])
        today = timezone.localdate()
        if filters["status"] == ProgrammeStatus.COMPLETED:
            queryset = queryset.filter(end_date__lt=today)
        elif filters["status"] == ProgrammeStatus.RUNNING:
            queryset = queryset.exclude(end_date__lt=today)
        return queryset.distinct(), filters

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        queryset, filters = self.filtered(request)
        queryset = (
            with_images(queryset)
            .prefetch_related("pillars", "cities")
            .order_by("-start_date", "-pk")
        )
        page_obj = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
        taxonomy = localised_names(request)
        context.update(
            {
                "page_obj": page_obj,
                "programmes": page_obj.object_list,
                "filters": filters,
                "statuses": ProgrammeStatus.choices,
                "pillars": taxonomy["pillars"],
                "pillar_names": taxonomy["pillar_names"],
                "cities": sorted(
                    set(
                        ProgrammeCity.objects.filter(page__in=self.programmes()).values_list(
                            "name", flat=True
                        )
                    )
                ),
            }
        )
        return context


class ProgrammePage(Page):
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown on the list.")
    )
    image = image_field()
    image_alt = image_alt_field()
    objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("Objective"), max_length=300))],
        blank=True,
        verbose_name=_("objectives"),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty while it has no end date.")
    )
    funders = ParentalManyToManyField(
        "partners.Organisation", verbose_name=_("funders"), blank=True, related_name="+"
    )
    partner_organisations = ParentalManyToManyField(
        "partners.Organisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="+",
    )
    pillars = ParentalManyToManyField("portal.Pillar", verbose_name=_("pillars"), blank=True)
    sdgs = ParentalManyToManyField(
        "portal.SustainableDevelopmentGoal", verbose_name=_("SDGs"), blank=True
    )
    team_contacts = StreamField(
        [("contact", ContactBlock())], blank=True, verbose_name=_("team contacts")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        image_panel(),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [FieldPanel("start_date"), FieldPanel("end_date"), InlinePanel("cities")],
            heading=_("Period and cities"),
        ),
        MultiFieldPanel(
            [FieldPanel("funders"), FieldPanel("partner_organisations")],
            heading=_("Funders and partners"),
        ),
        MultiFieldPanel([FieldPanel("pillars"), FieldPanel("sdgs")], heading=_("Themes")),
        FieldPanel("team_contacts"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("objectives"),
        index.SearchField("body"),
    ]
    parent_page_types = ["programs.ProgrammeIndexPage"]
    subpage_types = []
    template = "programs/programme_page.html"

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    @property
    def status(self):
        if self.end_date and self.end_date < timezone.localdate():
            return ProgrammeStatus.COMPLETED
        return ProgrammeStatus.RUNNING

    def get_status_display(self):
        return ProgrammeStatus(self.status).label

    def recommendations(self):
        """Live recommendations of this programme in this page's language.

        Every language tree holds each recommendation (translated or as an alias), whichever
        language's programme page its link points at; match on the programme's translation key.
        """
        from .policy import PolicyRecommendationPage

        return (
            PolicyRecommendationPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, programme__translation_key=self.translation_key)
        )

    KEY_FIGURES = (
        "participants",
        "events",
        "speakers",
        "recommendations",
        "organisations",
        "pilots",
        "adopted",
        "cohorts",
        "startups",
        "ssos",
    )

    def key_figures(self):
        """(label, number) pairs from the impact figures (programs/impact/figures.py), each
        counted from records; a figure without records is left out rather than shown as a
        typed-in number."""
        from programs.impact.figures import figures

        return [
            (figure.label, figure.total)
            for figure in figures(programme=self, keys=self.KEY_FIGURES, detail=False)
            if figure.total
        ]

    def published_pilots(self):
        """Published pilots of this programme (linked to any language's programme page)."""
        from .pilots import Pilot

        return Pilot.objects.published().filter(programme__translation_key=self.translation_key)

    def pilot_funnel(self):
        if not hasattr(self, "_pilot_funnel"):
            from programs.pilots.funnel import funnel

            self._pilot_funnel = funnel(self.published_pilots())
        return self._pilot_funnel

    def events(self):
        """Live events of this programme, in any language tree (figures count each once)."""
        return EventPage.objects.live().filter(programme__translation_key=self.translation_key)

    def get_context(self, request, *args, **kwargs):
        from partners.models import PartnerIndexPage

        from .policy import PolicyRecommendationPage

        context = super().get_context(request, *args, **kwargs)
        directory = PartnerIndexPage.objects.live().filter(locale=self.locale).first()
        directory = directory or PartnerIndexPage.objects.live().first()

        def linked(organisations):
            return [
                (o, directory.profile_url(o) if directory and o.is_public else "")
                for o in organisations
            ]

        context.update(
            {
                "funders": linked(self.funders.all()),
                "partners": linked(self.partner_organisations.all()),
                "key_figures": self.key_figures(),
                "upcoming_events": self.events()
                .filter(locale=self.locale, start__gte=timezone.now())
                .order_by("start")[:4],
                "past_events": self.events()
                .filter(locale=self.locale, start__lt=timezone.now())
                .order_by("-start")[:4],
                "latest_recommendations": self.recommendations()
                .order_by("-date", "-pk")
                .prefetch_related("pillars")[:6],
                "pillar_names": localised_names(request)["pillar_names"],
                "sdg_names": localised_names(request)["sdg_names"],
                "policy_index": PolicyRecommendationPage.index_for(self.locale),
                "pilot_funnel": self.pilot_funnel(),
                "pilot_index": _pilot_index(self.locale),
            }
        )
        return context


def _pilot_index(locale):
    from .pilot_pages import PilotIndexPage

    return PilotIndexPage.for_locale(locale)


class ProgrammeCity(Orderable):
    """A partner city of the programme (Jakarta, Berlin, Bangkok…)."""

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="cities")
    name = models.CharField(_("city"), max_length=100)

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner city")
        verbose_name_plural = _("partner cities")

    def __str__(self):
        return self.name

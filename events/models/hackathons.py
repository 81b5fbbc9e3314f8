"""Hackathon pages: /hackathons/ lists HackathonPage children; each has a timeline, tracks with
prizes, rules, FAQ, judges and mentors, and sub-pages (teams, gallery, projects).

Like events, teams and submissions belong to the page of the default language (English); the
Indonesian page (an alias or translation) finds them through ``canonical()``. Every timeline
datetime is stored aware; forms and screens show it in Asia/Jakarta, and every deadline is
checked on the server against ``timezone.now()`` (events/hackathons/rules.py).
"""

from itertools import pairwise

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from portal.images import image_alt_field, image_field, image_panel, with_images

PAST_PER_PAGE = 12  # past hackathons per page of the index


class FaqBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=300)
    answer = blocks.TextBlock(label=_("answer"))

    class Meta:
        icon = "help"
        label = _("Question and answer")


class HackathonIndexPage(Page):
    """/hackathons/: upcoming and running hackathons first, then past ones."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["events.HackathonPage"]
    max_count_per_parent = 1
    template = "events/hackathons/hackathon_index_page.html"

    class Meta:
        verbose_name = _("hackathon index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        pages = with_images(HackathonPage.objects.child_of(self).live().public())
        context["upcoming"] = list(pages.filter(results_at__gte=now).order_by("hacking_starts_at"))
        past = pages.filter(results_at__lt=now).order_by("-hacking_starts_at", "pk")
        context["page_obj"] = Paginator(past, PAST_PER_PAGE).get_page(request.GET.get("page"))
        context["past"] = context["page_obj"].object_list
        context["now"] = now
        return context


class Competitors(models.TextChoices):
    """Who may compete (be in a team); anyone may still mentor or judge when invited."""

    EVERYONE = "everyone", _("Everyone with a verified account")
    NOT_GOVERNMENT = (
        "not_government",
        _("Everyone except government employees (they may mentor but not compete)"),
    )


class HackathonPage(RoutablePageMixin, Page):
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown on the list.")
    )
    image = image_field()
    image_alt = image_alt_field()
    description = RichTextField(_("description"), blank=True)
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    registration_opens_at = models.DateTimeField(_("registration opens"))
    registration_closes_at = models.DateTimeField(
        _("registration closes"), help_text=_("Teams form and change until then (Jakarta time).")
    )
    hacking_starts_at = models.DateTimeField(_("hacking starts"))
    submission_deadline = models.DateTimeField(
        _("submission deadline"), help_text=_("Submissions are locked after it (Jakarta time).")
    )
    judging_ends_at = models.DateTimeField(_("judging ends"))
    voting_closes_at = models.DateTimeField(
        _("People's Choice voting closes"),
        help_text=_("Voting opens at the submission deadline; tallies are shown after this."),
    )
    results_at = models.DateTimeField(_("results announced"))
    min_team_size = models.PositiveSmallIntegerField(_("smallest team"), default=2)
    max_team_size = models.PositiveSmallIntegerField(_("largest team"), default=5)
    competitors = models.CharField(
        _("who may compete"),
        max_length=20,
        choices=Competitors.choices,
        default=Competitors.EVERYONE,
        help_text=_(
            "Enforced when a team is formed or joined. Government employees are the members of "
            "a government agency or sister-city government organisation on the portal."
        ),
    )
    eligibility = RichTextField(_("eligibility"), blank=True)
    rules = RichTextField(_("rules"), blank=True)
    faq = StreamField([("faq", FaqBlock())], blank=True, verbose_name=_("FAQ"))
    rubric = models.ForeignKey(
        "portal.Rubric",
        verbose_name=_("judging rubric"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    judges_per_submission = models.PositiveSmallIntegerField(_("judges per submission"), default=3)
    finals_enabled = models.BooleanField(
        _("finals by pairwise comparison"),
        default=False,
        help_text=_("Judges compare finalists two at a time (Crowd-BT, as in Gavel)."),
    )
    peoples_choice = models.BooleanField(_("People's Choice vote"), default=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        image_panel(),
        FieldPanel("description"),
        FieldPanel("venue_name"),
        MultiFieldPanel(
            [
                FieldPanel("registration_opens_at"),
                FieldPanel("registration_closes_at"),
                FieldPanel("hacking_starts_at"),
                FieldPanel("submission_deadline"),
                FieldPanel("judging_ends_at"),
                FieldPanel("voting_closes_at"),
                FieldPanel("results_at"),
            ],
            heading=_("Timeline (Jakarta time)"),
        ),
        MultiFieldPanel(
            [FieldPanel("min_team_size"), FieldPanel("max_team_size")], heading=_("Teams")
        ),
        InlinePanel("tracks", label=_("Tracks"), min_num=1),
        FieldPanel("competitors"),
        FieldPanel("eligibility"),
        FieldPanel("rules"),
        FieldPanel("faq"),
        InlinePanel("people", label=_("Judges and mentors")),
        MultiFieldPanel(
            [
                FieldPanel("rubric"),
                FieldPanel("judges_per_submission"),
                FieldPanel("finals_enabled"),
                FieldPanel("peoples_choice"),
            ],
            heading=_("Judging"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("eligibility"),
        index.SearchField("competitors"),
    ]
    parent_page_types = ["events.HackathonIndexPage"]
    subpage_types = []
    template = "events/hackathons/hackathon_page.html"

    class Meta:
        verbose_name = _("hackathon")
        verbose_name_plural = _("hackathons")

    def clean(self):
        super().clean()
        order = [
            "registration_opens_at",
            "registration_closes_at",
            "submission_deadline",
            "judging_ends_at",
            "results_at",
        ]
        values = [getattr(self, name) for name in order]
        if None not in values and any(a > b for a, b in pairwise(values)):
            raise ValidationError(
                _(
                    "The timeline must run in order: registration, submission deadline, judging, "
                    "results."
                )
            )
        if self.min_team_size and self.max_team_size and self.min_team_size > self.max_team_size:
            raise ValidationError({"max_team_size": _("The largest team is below the smallest.")})

    def canonical(self):
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return (
            HackathonPage.objects.filter(
                translation_key=self.translation_key, locale=default
            ).first()
            or self
        )

    # --- Phases, all on the server clock ------------------------------------------------
    def phase(self, now=None):
        now = now or timezone.now()
        if now < self.registration_opens_at:
            return "upcoming"
        if now < self.hacking_starts_at:
            return "registration"
        if now < self.submission_deadline:
            return "hacking"
        if now < self.judging_ends_at:
            return "judging"
        if now < self.results_at:
            return "deliberation"
        return "results"

    def timeline(self):
        return [
            (_("Registration opens"), self.registration_opens_at),
            (_("Registration closes"), self.registration_closes_at),
            (_("Hacking starts"), self.hacking_starts_at),
            (_("Submission deadline"), self.submission_deadline),
            (_("People's Choice voting closes"), self.voting_closes_at),
            (_("Judging ends"), self.judging_ends_at),
            (_("Results"), self.results_at),
        ]

    def judge_users(self):
        people = self.canonical().people.filter(role=PersonRole.JUDGE).exclude(user=None)
        return [person.user for person in people.select_related("user")]

    def structured_data(self):
        """schema.org Event for the hackathon: from the start of hacking to the results."""
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "startDate": timezone.localtime(self.hacking_starts_at).isoformat(),
            "endDate": timezone.localtime(self.results_at).isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "inLanguage": self.locale.language_code,
            "url": self.full_url,
            "organizer": {
                "@type": "Organization",
                "name": settings.WAGTAIL_SITE_NAME,
                "url": settings.SITE_URL,
            },
            "location": {
                "@type": "Place",
                "name": self.venue_name or "Jakarta",
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": "Jakarta",
                    "addressCountry": "ID",
                },
            },
        }
        return data

    # --- Sub-pages ------------------------------------------------------------------------
    @path("")
    def detail(self, request):
        from events.hackathons.views import hackathon_page

        return hackathon_page(self, request)

    # Route methods are suffixed: ``teams`` and ``submissions`` are the related managers.
    @path("teams/", name="teams")
    def teams_route(self, request):
        from events.hackathons.views import teams_looking

        return teams_looking(self, request)

    @path("gallery/", name="gallery")
    def gallery_route(self, request):
        from events.hackathons.views import gallery

        return gallery(self, request)

    @path("projects/<id:pk>/", name="project")
    def project_route(self, request, pk):
        from events.hackathons.views import project

        return project(self, request, pk)

    def get_sitemap_urls(self, request=None):
        """The hackathon, its teams and gallery, and every project the gallery shows."""
        from events.models import Submission
        from portal.reports.hidden import visible

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        lastmod = urls[0]["lastmod"]
        for name in ("teams", "gallery"):
            urls.append({"location": f"{base}{self.reverse_subpage(name)}", "lastmod": lastmod})
        projects = visible(Submission.objects.public().filter(hackathon=self.canonical()))
        for pk, updated in projects.order_by("pk").values_list("pk", "updated_at"):
            path = self.reverse_subpage("project", kwargs={"pk": pk})
            urls.append({"location": f"{base}{path}", "lastmod": updated})
        return urls

    def sub_url(self, name, **kwargs):
        return self.url + self.reverse_subpage(name, kwargs=kwargs or None)


class Track(Orderable):
    page = ParentalKey(HackathonPage, on_delete=models.CASCADE, related_name="tracks")
    name = models.CharField(_("name"), max_length=200)
    name_id = models.CharField(_("name (Bahasa Indonesia)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_id = models.TextField(_("description (Bahasa Indonesia)"), blank=True)
    challenge = models.ForeignKey(
        "partners.ChallengePage",
        verbose_name=_("sandbox challenge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sponsor = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("sponsor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a track not tied to a challenge."),
    )
    prize = models.CharField(_("prize"), max_length=300, blank=True)

    panels = [
        FieldPanel(name)
        for name in ("name", "name_id", "description", "description_id", "challenge", "sponsor")
    ] + [FieldPanel("prize")]

    class Meta(Orderable.Meta):
        verbose_name = _("track")
        verbose_name_plural = _("tracks")

    def __str__(self):
        return self.name

    @property
    def agency(self):
        return self.challenge.owner_agency if self.challenge_id else None


class PersonRole(models.TextChoices):
    JUDGE = "judge", _("Judge")
    MENTOR = "mentor", _("Mentor")


class HackathonPerson(Orderable):
    """A judge or mentor shown on the page; a judge with an account judges submissions."""

    page = ParentalKey(HackathonPage, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(_("role"), max_length=10, choices=PersonRole.choices)
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    title_id = models.CharField(_("title (Bahasa Indonesia)"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Judges need an account to be assigned submissions."),
    )

    panels = [
        FieldPanel(name) for name in ("role", "name", "title", "title_id", "organisation", "user")
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("judge or mentor")
        verbose_name_plural = _("judges and mentors")

    def __str__(self):
        return self.name

"""Event pages: /events/ lists its EventPage children; speakers and the feed are sub-routes.

Registrations always belong to the event page of the default language (English); the
Indonesian page, an alias or translation of it, finds them through ``canonical()``.
"""

from datetime import timedelta

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Count, F, Q, Value, When
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from events.blocks import AGENDA_BLOCKS, MATERIAL_BLOCKS, QUESTION_BLOCKS
from events.workflows import RegistrationState
from portal.models import Pillar

PAGE_SIZE = 12
MAX_QUERY_LENGTH = 200
FUTURE_CITY_HUB = "Future City Hub"


class EventType(models.TextChoices):
    POLICY_DIALOGUE = "policy_dialogue", _("Policy dialogue")
    PEER_EXCHANGE = "peer_exchange", _("Peer-to-peer exchange")
    CONFERENCE = "conference", _("Conference")
    ONLINE_CLASS = "online_class", _("Online class")
    WORKSHOP = "workshop", _("Workshop or training")
    SANDBOX = "sandbox", _("Sandbox session")
    TALK = "talk", _("Talk")
    READING_GROUP = "reading_group", _("Reading group")
    DEMO_DAY = "demo_day", _("Demo day")


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class EventLanguage(models.TextChoices):
    INDONESIAN = "id", _("Bahasa Indonesia")
    ENGLISH = "en", _("English")
    BOTH = "both", _("Bahasa Indonesia and English")


class EventIndexPage(RoutablePageMixin, Page):
    """/events/: upcoming events first, then past ones; filters, archive, speakers, feed."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    listing_template = "events/event_index_page.html"

    class Meta:
        verbose_name = _("event index")

    def events(self):
        # child_of(self) keeps the active locale: each language tree has its own index.
        return EventPage.objects.child_of(self).live().public()

    def filtered(self, request, year=None):
        """Apply the visitor's search and filters; return (queryset, cleaned filter values)."""
        queryset = self.events()
        get = request.GET
        filters = {
            "q": get.get("q", "").strip()[:MAX_QUERY_LENGTH],
            "type": get.get("type", ""),
            "programme": get.get("programme", "")[:12],
            "pillar": get.get("pillar", "")[:80],
            "month": get.get("month", "")[:7],
            "mode": get.get("mode", ""),
            "language": get.get("language", ""),
        }
        if year is not None:
            queryset = queryset.filter(start__year=year)
        if filters["type"] in EventType.values:
            queryset = queryset.filter(event_type=filters["type"])
        if filters["programme"].isdigit():
            queryset = queryset.filter(programme_id=int(filters["programme"]))
        if filters["pillar"]:
            queryset = queryset.filter(pillars__slug=filters["pillar"])
        month = filters["month"].split("-")
        if len(month) == 2 and all(part.isdigit() for part in month) and 1 <= int(month[1]) <= 12:
            queryset = queryset.filter(start__year=int(month[0]), start__month=int(month[1]))
        else:
            filters["month"] = ""
        if filters["mode"] == "online":  # "online" includes hybrid events: both can be joined
            queryset = queryset.filter(attendance_mode__in=["online", "hybrid"])
        elif filters["mode"] == "in_person":
            queryset = queryset.filter(attendance_mode__in=["in_person", "hybrid"])
        if filters["language"] in EventLanguage.values:
            queryset = queryset.filter(language__in=[filters["language"], "both"])
        for word in filters["q"].split():
            queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word))
        return queryset.distinct(), filters

    @staticmethod
    def in_listing_order(queryset):
        """Upcoming (not yet ended) soonest first, then past ones most recent first."""
        now = timezone.now()
        return queryset.annotate(
            past_flag=Case(When(end__lt=now, then=Value(1)), default=Value(0)),
            upcoming_start=Case(When(end__gte=now, then=F("start"))),
            past_start=Case(When(end__lt=now, then=F("start"))),
        ).order_by(
            "past_flag",
            F("upcoming_start").asc(nulls_last=True),
            F("past_start").desc(nulls_last=True),
            "pk",
        )

    def listing(self, request, year=None):
        queryset, filters = self.filtered(request, year)
        queryset = self.in_listing_order(queryset).prefetch_related("pillars")
        page_obj = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
        pillars = list(Pillar.objects.filter(locale=Locale.get_active()))
        context = self.get_context(request)
        context.update(
            {
                "page_obj": page_obj,
                "events": page_obj.object_list,
                "now": timezone.now(),
                "filters": filters,
                "year": year,
                "years": [d.year for d in self.events().dates("start", "year", order="DESC")],
                "types": EventType.choices,
                "modes": [("in_person", _("In person")), ("online", _("Online"))],
                "languages": EventLanguage.choices,
                "pillars": pillars,
                "pillar_names": {p.translation_key: p.name for p in pillars},
                "programmes": Page.objects.filter(
                    pk__in=self.events().exclude(programme=None).values("programme")
                ).order_by("title"),
                "structured_data": [event.structured_data(request) for event in page_obj],
            }
        )
        return render(request, self.listing_template, context)

    @path("")
    def index_route(self, request):
        return self.listing(request)

    @path("archive/<id:year>/", name="archive")
    def archive(self, request, year):
        if not 1990 <= year <= 2100:
            raise Http404
        return self.listing(request, year)

    def get_sitemap_urls(self, request=None):
        """The listing, its archive years, the speakers and every speaker's page."""
        from events.models import Speaker

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        lastmod = urls[0]["lastmod"]
        for day in self.events().dates("start", "year", order="DESC"):
            path = self.reverse_subpage("archive", kwargs={"year": day.year})
            urls.append({"location": f"{base}{path}", "lastmod": lastmod})
        urls.append({"location": f"{base}{self.reverse_subpage('speakers')}", "lastmod": lastmod})
        for slug, created in Speaker.objects.order_by("slug").values_list("slug", "created_at"):
            path = self.reverse_subpage("speaker", kwargs={"slug": slug})
            urls.append({"location": f"{base}{path}", "lastmod": created})
        return urls

    FEED_DAYS_BACK = 90
    FEED_LIMIT = 500

    def feed_events(self):
        """The public calendar: live events of this tree that ended at most 90 days ago, the
        first 500 by start. Calendar apps keep what they already fetched, so older events need
        not be sent again; the cap keeps the file (and its time) flat as the archive grows."""
        since = timezone.now() - timedelta(days=self.FEED_DAYS_BACK)
        events = self.events().filter(end__gte=since).select_related("locale").order_by("start")
        return events[: self.FEED_LIMIT]

    @path("speakers/", name="speakers")
    def speakers(self, request):
        from events.models import Speaker

        q = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
        speakers = Speaker.objects.select_related("organisation", "photo").order_by("name")
        for word in q.split():
            speakers = speakers.filter(
                Q(name__icontains=word)
                | Q(organisation_name__icontains=word)
                | Q(organisation__name__icontains=word)
            )
        page_obj = Paginator(speakers, 48).get_page(request.GET.get("page"))
        context = self.get_context(request)
        context.update({"page_obj": page_obj, "speakers": page_obj.object_list, "q": q})
        return render(request, "events/speaker_list.html", context)

    @re_path(r"^speakers/(?P<slug>[-\w]+)/$", name="speaker")
    def speaker(self, request, slug):
        from events.models import Speaker

        speaker = Speaker.objects.select_related("organisation", "photo").filter(slug=slug).first()
        if speaker is None:
            raise Http404
        events = self.in_listing_order(self.events().filter(speakers=speaker))
        page_obj = Paginator(events.prefetch_related("pillars"), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        pillars = Pillar.objects.filter(locale=Locale.get_active())
        context = self.get_context(request)
        context.update(
            {
                "speaker": speaker,
                "page_obj": page_obj,
                "events": page_obj.object_list,
                "now": timezone.now(),
                "pillar_names": {p.translation_key: p.name for p in pillars},
            }
        )
        return render(request, "events/speaker_page.html", context)

    def speaker_url(self, speaker):
        return self.url + self.reverse_subpage("speaker", kwargs={"slug": speaker.slug})


class EventPage(RoutablePageMixin, Page):
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown on the list.")
    )
    event_type = models.CharField(
        _("type"), max_length=30, choices=EventType.choices, db_index=True
    )
    start = models.DateTimeField(_("starts"), db_index=True, help_text=_("Jakarta time (WIB)."))
    end = models.DateTimeField(_("ends"), db_index=True, help_text=_("Jakarta time (WIB)."))
    attendance_mode = models.CharField(
        _("where"), max_length=20, choices=AttendanceMode.choices, default=AttendanceMode.IN_PERSON
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True, default=FUTURE_CITY_HUB)
    venue_address = models.CharField(_("address"), max_length=300, blank=True)
    map_url = models.URLField(_("map link"), blank=True)
    join_url = models.URLField(
        _("online join link"),
        blank=True,
        help_text=_("Shown only to confirmed participants; never public."),
    )
    language = models.CharField(
        _("language"), max_length=4, choices=EventLanguage.choices, default=EventLanguage.BOTH
    )
    programme = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pillars = ParentalManyToManyField("portal.Pillar", verbose_name=_("pillars"), blank=True)
    organisers = ParentalManyToManyField(
        "partners.Organisation", verbose_name=_("organisers"), blank=True, related_name="+"
    )
    partner_organisations = ParentalManyToManyField(
        "partners.Organisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="+",
    )
    speakers = ParentalManyToManyField(
        "events.Speaker", verbose_name=_("speakers"), blank=True, related_name="events"
    )
    description = RichTextField(_("description"), blank=True)
    agenda = StreamField(AGENDA_BLOCKS, blank=True, verbose_name=_("agenda"))
    takes_registrations = models.BooleanField(_("takes registrations"), default=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: when it starts.")
    )
    registration_closed = models.BooleanField(
        _("registration closed"), default=False, help_text=_("Close registration early.")
    )
    registration_questions = StreamField(
        QUESTION_BLOCKS, blank=True, verbose_name=_("registration questions")
    )
    recording_url = models.URLField(_("recording"), blank=True)
    materials = StreamField(MATERIAL_BLOCKS, blank=True, verbose_name=_("materials"))
    recorded_attendance = models.PositiveIntegerField(
        _("recorded attendance"),
        null=True,
        blank=True,
        help_text=_(
            "For events held before the portal: how many took part. Counts instead of "
            "check-ins in the figures."
        ),
    )
    follow_up_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("event_type"),
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("language"),
            ],
            heading=_("What and when"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("map_url"),
                FieldPanel("join_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("programme"),
                FieldPanel("pillars"),
                FieldPanel("organisers"),
                FieldPanel("partner_organisations"),
                FieldPanel("speakers"),
            ],
            heading=_("Programme and people"),
        ),
        FieldPanel("description"),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [
                FieldPanel("takes_registrations"),
                FieldPanel("capacity"),
                FieldPanel("registration_opens_at"),
                FieldPanel("registration_closes_at"),
                FieldPanel("registration_closed"),
                FieldPanel("registration_questions"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("recording_url"),
                FieldPanel("materials"),
                FieldPanel("recorded_attendance"),
            ],
            heading=_("After the event"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.SearchField("agenda"),
        index.FilterField("event_type"),
        index.FilterField("start"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    page_template = "events/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    # --- Registrations (always on the default-language page) ------------------------------
    def canonical(self):
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return (
            EventPage.objects.filter(translation_key=self.translation_key, locale=default).first()
            or self
        )

    def registration_counts(self):
        """Confirmed (incl. attended), waitlisted and attended, in one query."""
        return self.registrations.aggregate(
            confirmed=Count("pk", filter=Q(state__in=["confirmed", "attended"])),
            waitlisted=Count("pk", filter=Q(state=RegistrationState.WAITLISTED)),
            attended=Count("pk", filter=Q(state=RegistrationState.ATTENDED)),
        )

    def seats_left(self):
        if self.capacity is None:
            return 10**9
        taken = self.registrations.filter(state__in=["confirmed", "attended"]).count()
        return max(self.capacity - taken, 0)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_online(self):
        return self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.HYBRID)

    @property
    def has_place(self):
        return self.attendance_mode in (AttendanceMode.IN_PERSON, AttendanceMode.HYBRID)

    def structured_data(self, request=None):
        from events.calendars import structured_data

        return structured_data(self, request)

    @path("")
    def detail(self, request):
        from events.views import event_context

        context = self.get_context(request)
        context.update(event_context(self, request))
        return render(request, self.page_template, context)

"""The event page: what, when and where, the programme and people, registration, and what
follows the event. /events/ (``event_index.py``) lists these pages.

Registrations always belong to the event page of the default language (English); the
Indonesian page, an alias or translation of it, finds them through ``canonical()``.
"""

from django.db import models
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from events.blocks import AGENDA_BLOCKS, MATERIAL_BLOCKS, QUESTION_BLOCKS
from events.workflows import RegistrationState
from portal.images import image_alt_field, image_field, image_panel

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


class EventPage(RoutablePageMixin, Page):
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown on the list.")
    )
    image = image_field()
    image_alt = image_alt_field()
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
        image_panel(),
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

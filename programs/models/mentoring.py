"""Mentoring during a cohort: mentors, the office-hour slots they open, the bookings start-ups make
and the feedback after each session (programs/mentoring/ holds the rules and screens).

A slot belongs to one mentor and one cohort and seats ``capacity`` start-ups; a booking is one
cohort member (a start-up) in one slot. Capacity and "no start-up in two sessions at once" are
checked by the booking service under a row lock on the slot, and a partial unique constraint keeps
one active booking per start-up and slot even if two requests race.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Language names in their own language, as a reader looking for one recognises it.
LANGUAGES = [("en", "English"), ("id", "Bahasa Indonesia")]
_SPEAKS = {"en": "speaks_english", "id": "speaks_indonesian"}


class Mentor(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="mentor_profile",
    )
    name = models.CharField(_("name"), max_length=150)
    affiliation = models.CharField(_("affiliation"), max_length=200, blank=True)
    bio = models.TextField(_("biography"), max_length=2000, blank=True)
    bio_id = models.TextField(_("biography (Bahasa Indonesia)"), max_length=2000, blank=True)
    expertise = models.CharField(
        _("expertise"),
        max_length=300,
        blank=True,
        help_text=_("Comma-separated, e.g. fundraising, public procurement, IoT."),
    )
    pillars = models.ManyToManyField("portal.Pillar", verbose_name=_("pillars"), blank=True)
    speaks_english = models.BooleanField(_("speaks English"), default=True)
    speaks_indonesian = models.BooleanField(_("speaks Bahasa Indonesia"), default=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def expertise_list(self):
        return [word.strip() for word in self.expertise.split(",") if word.strip()]

    def languages(self):
        return [label for code, label in LANGUAGES if getattr(self, _SPEAKS[code])]


class OfficeHourSlot(models.Model):
    mentor = models.ForeignKey(
        Mentor, verbose_name=_("mentor"), on_delete=models.CASCADE, related_name="slots"
    )
    cohort = models.ForeignKey(
        "programs.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="office_hours",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveSmallIntegerField(
        _("start-ups per session"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    location = models.CharField(
        _("where"), max_length=200, blank=True, help_text=_("A room at the hub or an online link.")
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)

    class Meta:
        verbose_name = _("office-hour slot")
        verbose_name_plural = _("office-hour slots")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["cohort", "starts_at"])]

    def __str__(self):
        return f"{self.mentor} · {self.starts_at:%Y-%m-%d %H:%M}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session ends after it starts.")})
        if self.mentor_id and self.starts_at and self.ends_at:
            overlapping = OfficeHourSlot.objects.filter(
                mentor_id=self.mentor_id,
                cancelled=False,
                starts_at__lt=self.ends_at,
                ends_at__gt=self.starts_at,
            ).exclude(pk=self.pk)
            if overlapping.exists():
                raise ValidationError(_("This mentor already holds a session at that time."))


class BookingState(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")


class OfficeHourBooking(models.Model):
    slot = models.ForeignKey(
        OfficeHourSlot, verbose_name=_("session"), on_delete=models.CASCADE, related_name="bookings"
    )
    member = models.ForeignKey(
        "programs.CohortMember",
        verbose_name=_("start-up"),
        on_delete=models.CASCADE,
        related_name="office_hour_bookings",
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    need = models.TextField(_("what you want to discuss"), max_length=1000, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=BookingState.choices, default=BookingState.BOOKED
    )
    created_at = models.DateTimeField(_("booked"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("office-hour booking")
        verbose_name_plural = _("office-hour bookings")
        ordering = ["slot__starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "member"],
                condition=Q(state="booked"),
                name="one_active_booking_per_startup_and_slot",
            )
        ]

    def __str__(self):
        return f"{self.member.organisation} · {self.slot}"


class SessionFeedback(models.Model):
    """After a session: private to the start-up, the mentor and program managers."""

    booking = models.ForeignKey(
        OfficeHourBooking,
        verbose_name=_("booking"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_mentor = models.BooleanField(_("from the mentor"), default=False)
    rating = models.PositiveSmallIntegerField(
        _("how useful was it (1 to 5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        verbose_name = _("session feedback")
        verbose_name_plural = _("session feedback")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["booking", "from_mentor"], name="one_feedback_per_side_and_session"
            )
        ]

    def __str__(self):
        return f"{self.booking} · {self.rating}/5"

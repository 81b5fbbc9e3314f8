"""A member's place at an event: confirmed or waitlisted (with a position), then attended.

States move only through the workflow engine (events/workflows.py); services.register decides
confirmed or waitlisted with the event row locked, so capacity is never exceeded.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.workflows import RegistrationPipeline, RegistrationState

SEATED = (RegistrationState.CONFIRMED, RegistrationState.ATTENDED)


def new_code():
    """An unguessable check-in code (128 bits), safe in a URL and a QR code."""
    return secrets.token_urlsafe(16)


class RegistrationQuerySet(models.QuerySet):
    def seated(self):
        return self.filter(state__in=SEATED)

    def waitlisted(self):
        return self.filter(state=RegistrationState.WAITLISTED).order_by("position", "pk")

    def active(self):
        return self.exclude(state=RegistrationState.CANCELLED)


class Registration(models.Model):
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=RegistrationPipeline.choices(), db_index=True
    )
    position = models.PositiveIntegerField(
        _("waitlist position"), null=True, blank=True, help_text=_("1 is next in line.")
    )
    code = models.CharField(_("check-in code"), max_length=40, unique=True, default=new_code)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attended_at = models.DateTimeField(_("attended at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    follow_up_sent_at = models.DateTimeField(_("follow-up sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()
    workflow = RegistrationPipeline

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One active registration per member and event; cancelled ones stay as history.
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~Q(state="cancelled"),
                name="one_active_registration_per_member",
            ),
        ]
        indexes = [models.Index(fields=["event", "state", "position"])]

    def __str__(self):
        return f"{self.user} · {self.event}"

    def public_pages(self):
        """Pages whose public view a change to this registration alters (seats left)."""
        return [self.event]

    @property
    def is_confirmed(self):
        return self.state in SEATED

    @property
    def answer_list(self):
        """(question, answer) pairs in the order the event asks them; answers to questions the
        event no longer asks follow, by question. (PostgreSQL keeps JSON keys in its own order,
        so the stored order says nothing.)"""
        answers = dict(self.answers or {})
        asked = [block.value["question"] for block in self.event.registration_questions]
        ordered = [q for q in asked if q in answers] + sorted(q for q in answers if q not in asked)
        return [(question, answers[question]) for question in ordered]

    @property
    def answers_text(self):
        """The answers as one readable line ("Question: answer; …"), for exports."""
        return "; ".join(f"{question}: {answer}" for question, answer in self.answer_list)

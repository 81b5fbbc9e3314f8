"""A member's report of public member-written content, and its moderation state.

The content is any registered reportable kind (``portal.reports.registry``), linked generically so
no other app's model gets a field. A report in the state "hidden" is what hides its content:
``portal.reports.hidden`` asks for those rows, so nothing else has to be kept in step.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .workflows import ReportPipeline, ReportState

MAX_DETAILS = 1000


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    OFFENSIVE = "offensive", _("Offensive or abusive")
    PERSONAL_DATA = "personal_data", _("Personal data of someone")
    MISLEADING = "misleading", _("Misleading or false")
    OTHER = "other", _("Something else")


class ReportQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)

    def open(self):
        return self.filter(state=ReportState.OPEN)


class Report(models.Model):
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of content"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("content number"))
    content = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("kind"), max_length=40)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="content_reports",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    details = models.TextField(_("details"), max_length=MAX_DETAILS, blank=True)
    # What the content was called when reported: the queue stays readable if it goes away.
    content_title = models.CharField(_("content"), max_length=300, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=ReportPipeline.choices(), default=ReportState.OPEN
    )
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    workflow = ReportPipeline
    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "state"])]
        constraints = [
            # One open report per member per item: a second one is refused, not stored.
            models.UniqueConstraint(
                fields=["reporter", "content_type", "object_id"],
                condition=models.Q(state="open"),
                name="one_open_report_per_member_and_item",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.content_title}"

    def get_kind_display(self):
        from .registry import get

        kind = get(self.kind)
        return kind.label if kind else self.kind

    def public_urls(self):
        """The content's public address (portal/cache.py purges it when hidden or restored)."""
        from portal.sites import absolute

        from .registry import get

        kind, content = get(self.kind), self.content
        if kind is None or content is None:
            return []
        return [absolute(url) for url in kind.urls(content)]

"""The timeline: what happened to an item, and who may read each entry."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    PARTICIPANTS = "participants", _("Participants")
    STAFF = "staff", _("Staff only")


class TimelineQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )

    def visible_to(self, user, *, is_participant=False):
        """Entries this reader may see: program managers see all, participants public and their
        own."""
        from portal.permissions import is_program_manager

        if is_program_manager(user):
            return self
        if is_participant:
            return self.exclude(visibility=Visibility.STAFF)
        return self.filter(visibility=Visibility.PUBLIC)


class TimelineEntry(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    subject = GenericForeignKey("content_type", "object_id")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=60)
    from_state = models.CharField(_("from"), max_length=40, blank=True)
    to_state = models.CharField(_("to"), max_length=40, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    attachment = models.FileField(_("attachment"), upload_to="timeline/%Y/%m/", blank=True)
    visibility = models.CharField(
        _("visible to"), max_length=20, choices=Visibility.choices, default=Visibility.PARTICIPANTS
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    objects = TimelineQuerySet.as_manager()

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self):
        return f"{self.action}: {self.from_state} → {self.to_state}"

    # Human labels from the item's own pipeline (``Model.workflow``), so no screen shows the
    # stored values ("in_review"). The content type comes from Django's cache: no query.
    def _pipeline(self):
        model = ContentType.objects.get_for_id(self.content_type_id).model_class()
        return getattr(model, "workflow", None)

    def _state_label(self, value):
        pipeline = self._pipeline() if value else None
        return pipeline.state_label(value) if pipeline is not None else value

    @property
    def from_state_label(self):
        return self._state_label(self.from_state)

    @property
    def to_state_label(self):
        return self._state_label(self.to_state)

    @property
    def action_label(self):
        pipeline = self._pipeline()
        for transition in getattr(pipeline, "transitions", ()):
            if transition.name == self.action:
                return transition.label
        return self.action

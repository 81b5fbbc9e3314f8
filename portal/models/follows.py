"""Following items: who follows what, how they want to hear about it, and what happened.

The mechanism is in ``portal/follows/`` (docs/follows.md). A followed item is any registered
kind (a pilot, a challenge page, an organisation, …), pointed at generically.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("E-mail me at once")
    DAILY = "daily", _("A daily digest e-mail")
    WEEKLY = "weekly", _("A weekly digest e-mail")
    IN_APP = "in_app", _("Only on my dashboard")


DEFAULT_DELIVERY = Delivery.WEEKLY  # always in-app too; see docs/follows.md
DIGESTS = (Delivery.DAILY, Delivery.WEEKLY)


class Follow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("kind"), max_length=40)
    created_at = models.DateTimeField(_("followed since"), auto_now_add=True)
    latest_news = models.ForeignKey(
        "portal.ItemNews", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="follow_once_per_item"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.user_id} → {self.kind} {self.object_id}"


class FollowPreference(models.Model):
    """How one member hears about one kind; no row means ``DEFAULT_DELIVERY``."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follow_preferences"
    )
    kind = models.CharField(_("kind"), max_length=40)
    delivery = models.CharField(_("how you hear about it"), max_length=12, choices=Delivery.choices)

    class Meta:
        verbose_name = _("follow preference")
        verbose_name_plural = _("follow preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="follow_preference_per_kind")
        ]

    def __str__(self):
        return f"{self.user_id} {self.kind}: {self.delivery}"


class ItemNews(models.Model):
    """Something that happened publicly to a followed item: a public step or a publication.

    Stored as facts (the new state), not as text, so each reader sees it in their language.
    """

    class Verb(models.TextChoices):
        MOVED = "moved", _("moved")
        PUBLISHED = "published", _("published")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("kind"), max_length=40)
    verb = models.CharField(max_length=12, choices=Verb.choices)
    pipeline = models.CharField(max_length=60, blank=True)
    state = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("news of a followed item")
        verbose_name_plural = _("news of followed items")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.verb} {self.state}"


class DigestSent(models.Model):
    """One digest e-mail of one member for one period: unique, so it goes out once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests_sent"
    )
    period = models.CharField(max_length=12, choices=[(d.value, d.label) for d in DIGESTS])
    starts_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "period", "starts_on"], name="one_digest_per_period"
            )
        ]

    def __str__(self):
        return f"{self.user_id} {self.period} {self.starts_on}"


class DigestEntry(models.Model):
    """News waiting for a member's next digest; ``digest`` is set once it went out."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_entries"
    )
    news = models.ForeignKey(ItemNews, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=12, choices=[(d.value, d.label) for d in DIGESTS])
    digest = models.ForeignKey(
        DigestSent, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries"
    )

    class Meta:
        verbose_name = _("digest entry")
        verbose_name_plural = _("digest entries")
        constraints = [models.UniqueConstraint(fields=["user", "news"], name="digest_entry_once")]
        indexes = [models.Index(fields=["period", "digest"])]

    def __str__(self):
        return f"{self.user_id} {self.period}: {self.news_id}"

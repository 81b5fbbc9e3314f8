"""API keys: a client that sends one gets the higher rate limit (docs/api.md).

Only the SHA-256 digest of a key is stored (keys are 256 random bits, so a fast digest is
enough: there is nothing to guess); the key itself is shown once, when it is created. The first
characters (``prefix``) are kept to tell keys apart in the admin.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

KEY_PREFIX = "jkt_"


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiKeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def for_key(self, key: str):
        """The active key matching ``key``, or None."""
        if not key or len(key) > 200:
            return None
        return self.active().filter(hashed_key=digest(key)).first()


class ApiKey(models.Model):
    name = models.CharField(
        _("name"), max_length=120, help_text=_("Who uses the key and what for.")
    )
    prefix = models.CharField(_("prefix"), max_length=12, editable=False)
    hashed_key = models.CharField(_("hashed key"), max_length=64, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="api_keys",
        help_text=_("The person responsible for the key (optional)."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("An inactive key is refused.")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def issue(self) -> str:
        """Give the key a fresh secret; returns it (the only time it can be read)."""
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        self.prefix = key[:10]
        self.hashed_key = digest(key)
        return key

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Reports of member-written content and what moderation hides (docs/moderation.md)."""

    name = "portal.reports"
    label = "reports"
    verbose_name = _("Reports")

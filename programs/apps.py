from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    """Programmes, accelerator cohorts, policy recommendations, pilots and impact."""

    name = "programs"
    verbose_name = _("Programmes")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    """Programmes, accelerator cohorts, policy recommendations, pilots and impact."""

    name = "programs"
    verbose_name = _("Programmes")

    def ready(self):
        from wagtail.signals import page_published

        from programs.models import PolicyRecommendationPage

        page_published.connect(
            _recommendation_published,
            sender=PolicyRecommendationPage,
            dispatch_uid="programs.request_responses",
        )


def _recommendation_published(sender, instance, **kwargs):
    """A published recommendation asks each target agency for a response."""
    from programs.services import request_responses

    request_responses(instance)

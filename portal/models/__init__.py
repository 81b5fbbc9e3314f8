"""Core models. Each module holds one concept; import from here."""

from .pages import HomePage, StandardPage
from .site_settings import SiteSettings, SocialLink
from .taxonomy import Pillar, SustainableDevelopmentGoal
from .users import User

__all__ = [
    "HomePage",
    "Pillar",
    "SiteSettings",
    "SocialLink",
    "StandardPage",
    "SustainableDevelopmentGoal",
    "User",
]

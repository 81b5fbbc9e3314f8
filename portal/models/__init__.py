"""Core models. Each module holds one concept; import from here."""

from .follows import DigestEntry, DigestSent, Follow, FollowPreference, ItemNews
from .notifications import Notification
from .outbox import OutgoingEmail
from .pages import HomePage, StandardPage
from .reviews import (
    Criterion,
    CriterionScore,
    Recommendation,
    Review,
    ReviewAssignment,
    Rubric,
)
from .site_settings import SiteSettings, SocialLink
from .taxonomy import Pillar, SustainableDevelopmentGoal
from .timeline import TimelineEntry, Visibility
from .users import User

__all__ = [
    "Criterion",
    "CriterionScore",
    "DigestEntry",
    "DigestSent",
    "Follow",
    "FollowPreference",
    "HomePage",
    "ItemNews",
    "Notification",
    "OutgoingEmail",
    "Pillar",
    "Recommendation",
    "Review",
    "ReviewAssignment",
    "Rubric",
    "SiteSettings",
    "SocialLink",
    "StandardPage",
    "SustainableDevelopmentGoal",
    "TimelineEntry",
    "User",
    "Visibility",
]

"""Who is a program manager: the one definition every permission rule, screen and notice uses.

A program manager is an active member of the "Program managers" group (the group the data
migrations grant the admin permissions and the moderation tasks to); active superusers count as
program managers too. ``is_staff`` alone is not enough: it opens the admin door, not the powers.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

PROGRAM_MANAGERS = "Program managers"

_CACHE = "_portal_is_program_manager"


def is_program_manager(user) -> bool:
    """One query per user object at most (the answer is kept on it for the request)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, _CACHE, None)
    if cached is None:
        cached = user.groups.filter(name=PROGRAM_MANAGERS).exists()
        setattr(user, _CACHE, cached)
    return cached


def program_managers():
    """The users ``is_program_manager`` answers yes for: the recipients of program-manager notices."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name=PROGRAM_MANAGERS))
        .distinct()
    )

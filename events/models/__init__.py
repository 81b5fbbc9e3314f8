from .pages import (
    AttendanceMode,
    EventIndexPage,
    EventLanguage,
    EventPage,
    EventType,
)
from .registrations import Registration, RegistrationState
from .speakers import Speaker

__all__ = [
    "AttendanceMode",
    "EventIndexPage",
    "EventLanguage",
    "EventPage",
    "EventType",
    "Registration",
    "RegistrationState",
    "Speaker",
]

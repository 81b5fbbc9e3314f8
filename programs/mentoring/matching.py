"""Mentor suggestions for a start-up: shared pillars count twice, each of the mentor's areas of
expertise named in what the start-up does or asked about counts once. Two queries for any number
of mentors (mentors with their pillars prefetched)."""

import re

from django.db.models import Prefetch

from portal.models import Pillar
from programs.models import Mentor


def _words(text):
    return set(re.findall(r"\w+", (text or "").lower()))


def suggest_mentors(member, needs="", limit=3):
    """[(mentor, score, reasons)] best first; mentors with nothing in common are left out."""
    organisation = member.organisation
    wanted_pillars = set(organisation.pillars.values_list("pk", flat=True))
    text = _words(f"{organisation.description} {needs}")
    mentors = Mentor.objects.filter(active=True).prefetch_related(
        Prefetch("pillars", queryset=Pillar.objects.order_by("pk"))
    )
    suggestions = []
    for mentor in mentors:
        shared = [p for p in mentor.pillars.all() if p.pk in wanted_pillars]
        topics = [t for t in mentor.expertise_list() if _words(t) and _words(t) <= text]
        score = 2 * len(shared) + len(topics)
        if score:
            suggestions.append((mentor, score, [str(p) for p in shared] + topics))
    suggestions.sort(key=lambda item: (-item[1], item[0].name))
    return suggestions[:limit]

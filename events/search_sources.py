"""What events adds to the site search (portal/search/sources.py): events, hackathons, speakers
and the hackathon projects the gallery shows. Registered in wagtail_hooks.py."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import EventIndexPage, EventPage, HackathonPage, Speaker, Submission
from portal.search.highlight import plain
from portal.search.sources import SearchSource, page_urls, pillar_slugs


def _speaker_urls(speakers, locale):
    index = EventIndexPage.objects.live().filter(locale=locale).first()
    if index is None:
        return {}
    return {speaker.pk: index.speaker_url(speaker) for speaker in speakers}


def _speaker_text(speaker):
    return " ".join(
        part
        for part in (speaker.display_title, speaker.affiliation, plain(speaker.display_bio))
        if part
    )


def _public_projects():
    return (
        Submission.objects.public()
        .filter(hackathon__live=True)
        .select_related("hackathon", "team")
        .exclude(title="")
    )


def _project_urls(projects, locale):
    """Each project on its hackathon's page in the visitor's language (one query: the live
    hackathons of that language, a handful a year)."""
    hackathons = {
        page.translation_key: page for page in HackathonPage.objects.live().filter(locale=locale)
    }
    urls = {}
    for project in projects:
        page = hackathons.get(project.hackathon.translation_key)
        if page is not None:
            urls[project.pk] = page.sub_url("project", pk=project.pk)
    return urls


def _project_text(project):
    # The team first: a project found by its team's name shows that name marked.
    parts = (project.team.name, project.tagline, project.description, project.technologies)
    return " · ".join(part for part in parts if part)


def _event_year(event):
    return timezone.localtime(event.start).year


def search_sources():
    return [
        SearchSource(
            slug="events",
            label=_("Event"),
            label_plural=_("Events"),
            public=lambda: EventPage.objects.live().public().prefetch_related("pillars"),
            urls=page_urls,
            text=lambda page: " ".join((page.summary, plain(page.description))),
            pillars=pillar_slugs,
            year=_event_year,
            is_page=True,
            page_models=(EventPage,),
            order=30,
        ),
        SearchSource(
            slug="hackathons",
            label=_("Hackathon"),
            label_plural=_("Hackathons"),
            public=lambda: HackathonPage.objects.live().public(),
            urls=page_urls,
            text=lambda page: " ".join((page.summary, plain(page.description))),
            year=lambda page: timezone.localtime(page.hacking_starts_at).year,
            is_page=True,
            page_models=(HackathonPage,),
            order=35,
        ),
        SearchSource(
            slug="speakers",
            label=_("Speaker"),
            label_plural=_("Speakers and experts"),
            public=lambda: Speaker.objects.select_related("organisation"),
            urls=_speaker_urls,
            text=_speaker_text,
            order=50,
        ),
        SearchSource(
            slug="projects",
            label=_("Hackathon project"),
            label_plural=_("Hackathon projects"),
            public=_public_projects,
            urls=_project_urls,
            text=_project_text,
            year=lambda project: project.submitted_at.year if project.submitted_at else None,
            order=55,
        ),
    ]

"""The events app's public datasets (see ``portal.datasets``): events, speakers and hackathon
results. Only live, public event pages; only hackathon projects the public gallery shows, with
their published awards; never a registration, a team member or a vote."""

from django.db.models import Max, Prefetch
from django.utils.translation import gettext_lazy as _

from events.models import Award, EventIndexPage, EventPage, HackathonPage, Speaker, Submission
from portal.datasets import (
    Dataset,
    Field,
    by,
    by_year,
    index_url,
    live_pages,
    names,
    page_fields,
    page_filters,
    page_path,
    record_path,
    register,
    url_field,
    with_base,
)


def _events():
    return (
        live_pages(EventPage)
        .select_related("programme")
        .prefetch_related("pillars", "organisers", "speakers")
    )


EVENTS = register(
    Dataset(
        slug="events",
        title=_("Events"),
        description=_(
            "Every published event of the network: workshops, policy dialogues, hackathons "
            "and conferences, one row per language version."
        ),
        rows=_events,
        updated=lambda: live_pages(EventPage).aggregate(m=Max("last_published_at"))["m"],
        keywords=("events", "workshops"),
        record_url=page_path,
        filters=page_filters(
            pillar=by("pillars__slug"), year=by_year("start"), type=by("event_type")
        ),
        fields=(
            *page_fields(),
            Field("summary", "string", _("Summary"), _("The event in brief."), translatable=True),
            Field("event_type", "string", _("Type"), _("The kind of event.")),
            Field("start", "datetime", _("Starts"), _("When it starts.")),
            Field("end", "datetime", _("Ends"), _("When it ends.")),
            Field(
                "attendance_mode",
                "string",
                _("Attendance"),
                _("in_person, online or hybrid."),
            ),
            Field("venue_name", "string", _("Venue"), _("Where it takes place.")),
            Field(
                "event_language",
                "string",
                _("Spoken language"),
                _("The language spoken: id, en or both."),
                get=lambda e: e.language,
            ),
            Field(
                "programme",
                "string",
                _("Programme"),
                _("The programme it belongs to."),
                get=lambda e: e.programme.title if e.programme else "",
            ),
            Field(
                "pillars",
                "array",
                _("Pillars"),
                _("The smart-city pillars it serves."),
                get=names("pillars"),
            ),
            Field(
                "organisers",
                "array",
                _("Organisers"),
                _("The organisations that run it."),
                get=names("organisers"),
            ),
            Field(
                "speakers",
                "array",
                _("Speakers"),
                _("The speakers and experts on the programme."),
                get=names("speakers"),
            ),
        ),
    )
)


def _speakers():
    queryset = Speaker.objects.select_related("organisation").order_by("pk")
    return with_base(queryset, index_url(EventIndexPage) + "speakers/")


def _speaker_organisation(speaker):
    if speaker.organisation is not None:
        return speaker.organisation.name
    return speaker.organisation_name


SPEAKERS = register(
    Dataset(
        slug="speakers",
        title=_("Speakers and experts"),
        description=_(
            "The speakers and experts of the network's events, as their public page shows them."
        ),
        rows=_speakers,
        updated=lambda: Speaker.objects.aggregate(m=Max("created_at"))["m"],
        keywords=("speakers", "experts"),
        record_url=record_path,
        fields=(
            Field(
                "id",
                "integer",
                _("Identifier"),
                _("The speaker's stable number."),
                get=lambda s: s.pk,
            ),
            Field("slug", "string", _("Slug"), _("The speaker's name in the web address.")),
            Field("name", "string", _("Name"), _("The speaker's name.")),
            Field(
                "title_en",
                "string",
                _("Title (English)"),
                _("Their role, in English."),
                get=lambda s: s.title,
                translatable=True,
            ),
            Field(
                "title_id",
                "string",
                _("Title (Indonesian)"),
                _("Their role, in Bahasa Indonesia."),
                translatable=True,
            ),
            Field(
                "organisation",
                "string",
                _("Organisation"),
                _("Where they work."),
                get=_speaker_organisation,
            ),
            Field(
                "bio_en",
                "string",
                _("Biography (English)"),
                _("A short biography in English."),
                get=lambda s: s.bio,
                translatable=True,
            ),
            Field(
                "bio_id",
                "string",
                _("Biography (Indonesian)"),
                _("A short biography in Bahasa Indonesia."),
                translatable=True,
            ),
            url_field(_("The speaker's public page.")),
        ),
    )
)


def _results():
    awards = Award.objects.filter(published_at__isnull=False).order_by("pk")
    return (
        Submission.objects.public()
        .filter(hackathon__in=HackathonPage.objects.live().public())
        .select_related("hackathon", "team", "team__track")
        .prefetch_related(Prefetch("awards", queryset=awards, to_attr="published_awards"))
        .order_by("pk")
    )


def _project_path(submission):
    hackathon = submission.hackathon
    return (hackathon.url or "") + hackathon.reverse_subpage(
        "project", kwargs={"pk": submission.pk}
    )


def _project_url(submission):
    from portal.sites import absolute

    return absolute(_project_path(submission))


RESULTS = register(
    Dataset(
        slug="hackathon-results",
        title=_("Hackathon results"),
        description=_(
            "The projects hackathon teams submitted and the public gallery shows, with the "
            "awards they won."
        ),
        rows=_results,
        updated=lambda: Submission.objects.public().aggregate(m=Max("updated_at"))["m"],
        keywords=("hackathons", "projects", "awards"),
        record_url=_project_path,
        filters={"hackathon": by("hackathon__slug"), "stage": by("state")},
        fields=(
            Field(
                "id",
                "integer",
                _("Identifier"),
                _("The project's stable number."),
                get=lambda s: s.pk,
            ),
            Field(
                "hackathon",
                "string",
                _("Hackathon"),
                _("The hackathon it was made at."),
                get=lambda s: s.hackathon.title,
            ),
            Field("team", "string", _("Team"), _("The team's name."), get=lambda s: s.team.name),
            Field(
                "track",
                "string",
                _("Track"),
                _("The track it competed in."),
                get=lambda s: s.team.track.name if s.team.track else "",
            ),
            Field("title", "string", _("Title"), _("The project's name.")),
            Field("tagline", "string", _("Tagline"), _("The project in one line.")),
            Field("description", "string", _("Description"), _("What it does.")),
            Field("technologies", "string", _("Technologies"), _("What it is built with.")),
            Field("repository_url", "string", _("Repository"), _("Its source code.")),
            Field("demo_url", "string", _("Demo"), _("Where to try it.")),
            Field("licence", "string", _("Licence"), _("The licence of its code.")),
            Field(
                "stage",
                "string",
                _("Stage"),
                _("How far it went in the judging."),
                get=lambda s: s.state,
            ),
            Field("submitted_at", "datetime", _("Submitted"), _("When the team submitted it.")),
            Field(
                "awards",
                "array",
                _("Awards"),
                _("The awards it won, once published."),
                get=lambda s: [award.title for award in s.published_awards],
            ),
            Field(
                "url", "string", _("Web address"), _("The project's public page."), get=_project_url
            ),
        ),
    )
)

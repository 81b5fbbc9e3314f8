"""/events/: the listing of EventPage children (upcoming first, then past), its filters, the
archive by year, the speakers and their pages as sub-routes, and the calendar feed's events."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

from portal.images import with_images
from portal.taxonomy import localised_names

from .pages import EventLanguage, EventPage, EventType

PAGE_SIZE = 12
MAX_QUERY_LENGTH = 200


class EventIndexPage(RoutablePageMixin, Page):
    """/events/: upcoming events first, then past ones; filters, archive, speakers, feed."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    listing_template = "events/event_index_page.html"

    class Meta:
        verbose_name = _("event index")

    def events(self):
        # child_of(self) keeps the active locale: each language tree has its own index.
        return EventPage.objects.child_of(self).live().public()

    def filtered(self, request, year=None):
        """Apply the visitor's search and filters; return (queryset, cleaned filter values)."""
        queryset = self.events()
        get = request.GET
        filters = {
            "q": get.get("q", "").strip()[:MAX_QUERY_LENGTH],
            "type": get.get("type", ""),
            "programme": get.get("programme", "")[:12],
            "pillar": get.get("pillar", "")[:80],
            "month": get.get("month", "")[:7],
            "mode": get.get("mode", ""),
            "language": get.get("language", ""),
        }
        if year is not None:
            queryset = queryset.filter(start__year=year)
        if filters["type"] in EventType.values:
            queryset = queryset.filter(event_type=filters["type"])
        if filters["programme"].isdigit():
            queryset = queryset.filter(programme_id=int(filters["programme"]))
        if filters["pillar"]:
            queryset = queryset.filter(pillars__slug=filters["pillar"])
        month = filters["month"].split("-")
        if len(month) == 2 and all(part.isdigit() for part in month) and 1 <= int(month[1]) <= 12:
            queryset = queryset.filter(start__year=int(month[0]), start__month=int(month[1]))
        else:
            filters["month"] = ""
        if filters["mode"] == "online":  # "online" includes hybrid events: both can be joined
            queryset = queryset.filter(attendance_mode__in=["online", "hybrid"])
        elif filters["mode"] == "in_person":
            queryset = queryset.filter(attendance_mode__in=["in_person", "hybrid"])
        if filters["language"] in EventLanguage.values:
            queryset = queryset.filter(language__in=[filters["language"], "both"])
        for word in filters["q"].split():
            queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word))
        return queryset.distinct(), filters

    @staticmethod
    def in_listing_order(queryset):
        """Upcoming (not yet ended) soonest first, then past ones most recent first."""
        now = timezone.now()
        return queryset.annotate(
            past_flag=Case(When(end__lt=now, then=Value(1)), default=Value(0)),
            upcoming_start=Case(When(end__gte=now, then=F("start"))),
            past_start=Case(When(end__lt=now, then=F("start"))),
        ).order_by(
            "past_flag",
            F("upcoming_start").asc(nulls_last=True),
            F("past_start").desc(nulls_last=True),
            "pk",
        )

    def listing(self, request, year=None):
        queryset, filters = self.filtered(request, year)
        queryset = with_images(self.in_listing_order(queryset)).prefetch_related("pillars")
        page_obj = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
        taxonomy = localised_names(request)
        context = self.get_context(request)
        context.update(
            {
                "page_obj": page_obj,
                "events": page_obj.object_list,
                "now": timezone.now(),
                "filters": filters,
                "year": year,
                "years": [d.year for d in self.events().dates("start", "year", order="DESC")],
                "types": EventType.choices,
                "modes": [("in_person", _("In person")), ("online", _("Online"))],
                "languages": EventLanguage.choices,
                "pillars": taxonomy["pillars"],
                "pillar_names": taxonomy["pillar_names"],
                "programmes": Page.objects.filter(
                    pk__in=self.events().exclude(programme=None).values("programme")
                ).order_by("title"),
                "structured_data": [event.structured_data(request) for event in page_obj],
            }
        )
        return render(request, self.listing_template, context)

    @path("")
    def index_route(self, request):
        return self.listing(request)

    @path("archive/<id:year>/", name="archive")
    def archive(self, request, year):
        if not 1990 <= year <= 2100:
            raise Http404
        return self.listing(request, year)

    def get_sitemap_urls(self, request=None):
        """The listing, its archive years, the speakers and every speaker's page."""
        from events.models import Speaker

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        lastmod = urls[0]["lastmod"]
        for day in self.events().dates("start", "year", order="DESC"):
            path = self.reverse_subpage("archive", kwargs={"year": day.year})
            urls.append({"location": f"{base}{path}", "lastmod": lastmod})
        urls.append({"location": f"{base}{self.reverse_subpage('speakers')}", "lastmod": lastmod})
        for slug, created in Speaker.objects.order_by("slug").values_list("slug", "created_at"):
            path = self.reverse_subpage("speaker", kwargs={"slug": slug})
            urls.append({"location": f"{base}{path}", "lastmod": created})
        return urls

    FEED_DAYS_BACK = 30
    FEED_LIMIT = 60

    def feed_events(self):
        """The public calendar: live events of this tree that ended at most 30 days ago, the
        first 60 by start. Calendar apps poll the feed every few hours and keep what they
        fetched, so an event further ahead arrives as earlier ones end; a fixed number keeps the
        file's size and time the same however many events the portal holds (the events list and
        each event's own .ics carry the rest)."""
        since = timezone.now() - timedelta(days=self.FEED_DAYS_BACK)
        events = self.events().filter(end__gte=since).select_related("locale").order_by("start")
        return events[: self.FEED_LIMIT]

    @path("speakers/", name="speakers")
    def speakers(self, request):
        from events.models import Speaker

        q = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
        speakers = Speaker.objects.select_related("organisation", "photo").order_by("name")
        for word in q.split():
            speakers = speakers.filter(
                Q(name__icontains=word)
                | Q(organisation_name__icontains=word)
                | Q(organisation__name__icontains=word)
            )
        page_obj = Paginator(speakers, 48).get_page(request.GET.get("page"))
        context = self.get_context(request)
        context.update({"page_obj": page_obj, "speakers": page_obj.object_list, "q": q})
        return render(request, "events/speaker_list.html", context)

    @re_path(r"^speakers/(?P<slug>[-\w]+)/$", name="speaker")
    def speaker(self, request, slug):
        from events.models import Speaker

        speaker = Speaker.objects.select_related("organisation", "photo").filter(slug=slug).first()
        if speaker is None:
            raise Http404
        events = self.in_listing_order(self.events().filter(speakers=speaker))
        page_obj = Paginator(with_images(events).prefetch_related("pillars"), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        context = self.get_context(request)
        context.update(
            {
                "speaker": speaker,
                "page_obj": page_obj,
                "events": page_obj.object_list,
                "now": timezone.now(),
                "pillar_names": localised_names(request)["pillar_names"],
            }
        )
        return render(request, "events/speaker_page.html", context)

    def speaker_url(self, speaker):
        return self.url + self.reverse_subpage("speaker", kwargs={"slug": speaker.slug})

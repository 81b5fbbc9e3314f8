"""The public side of cohorts: /accelerator/ (current and past cohorts) and a cohort's page.

Everything starts from ``Cohort.objects.public()``: an unpublished cohort is a 404. A cohort's
members are named only once they were accepted (a cohort member record); applications never.
"""

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import render
from wagtail.models import Locale

from partners.models import ChallengePage, PartnerIndexPage
from portal.taxonomy import localised_names
from programs.models import Cohort, CohortMember, ProgrammePage

from . import outcomes

PAGE_SIZE = 12


def _listed(queryset):
    return queryset.select_related("programme").prefetch_related("pillars")


def index(page, request):
    current = list(_listed(Cohort.objects.current()).order_by("opens_at", "pk")[:PAGE_SIZE])
    past = _listed(Cohort.objects.past()).order_by("-ends_on", "-pk")
    page_obj = Paginator(past, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = dict(
        CohortMember.objects.filter(cohort__in=[*current, *page_obj.object_list])
        .values_list("cohort")
        .annotate(count=Count("pk"))
    )
    for cohort in [*current, *page_obj.object_list]:
        cohort.member_count = counts.get(cohort.pk, 0)
    context = page.get_context(request)
    context.update(
        {
            "current": current,
            "page_obj": page_obj,
            "past": page_obj.object_list,
            "pillar_names": localised_names(request)["pillar_names"],
        }
    )
    return render(request, "programs/cohorts/index.html", context)


def detail(page, request, slug):
    cohort = (
        Cohort.objects.public()
        .select_related("programme", "demo_day_event")
        .prefetch_related("pillars")
        .filter(slug=slug)
        .first()
    )
    if cohort is None:
        raise Http404
    locale = Locale.get_active()
    members = list(
        CohortMember.objects.filter(cohort=cohort)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    directory = PartnerIndexPage.objects.live().filter(locale=locale).first()
    context = page.get_context(request)
    context.update(
        {
            "cohort": cohort,
            "members": [
                (m.organisation, _profile(directory, m.organisation), m.pk) for m in members
            ],
            # Accelerator start-ups present at the demo day; agencies register interest in them.
            "demo_day": cohort.kind == "accelerator" and bool(cohort.demo_day_on),
            "outcome_totals": outcomes.cohort_totals(cohort),
            # Linked to English pages; shown in the visitor's language tree.
            "challenges": ChallengePage.objects.live()
            .filter(locale=locale, translation_key__in=cohort.challenges.values("translation_key"))
            .order_by("title"),
            "programme": _programme_in(cohort.programme, locale),
            "pillar_names": localised_names(request)["pillar_names"],
        }
    )
    return render(request, "programs/cohorts/detail.html", context)


def _profile(directory, organisation):
    return directory.profile_url(organisation) if directory and organisation.is_public else ""


def _programme_in(programme, locale):
    if programme is None:
        return None
    return (
        ProgrammePage.objects.live()
        .filter(translation_key=programme.translation_key, locale=locale)
        .first()
        or programme
    )

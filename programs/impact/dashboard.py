"""What the impact dashboard shows: its sections resolved into figures, charts and links.

The figures come from ``programs.impact.figures`` only, computed once per programme filter used
on the page (a fixed number of queries however many records). Charts are drawn on the server as
inline SVG (``templates/programs/impact/_chart.html``) from the geometry computed here.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from events.models import EventIndexPage, HackathonIndexPage
from partners.models import ChallengeIndexPage, PartnerIndexPage
from programs.impact.figures import figures
from programs.impact.labels import BREAKDOWNS
from programs.models import AcceleratorIndexPage, PilotIndexPage, PolicyIndexPage

DATASET_SLUG = "impact-figures"
CHART_ROWS = 15  # the chart draws the biggest rows; the table lists them all
CHART_WIDTH, LABEL_WIDTH, BAR_WIDTH, ROW_HEIGHT = 640, 230, 330, 28

# Where the records behind each figure are listed: (index page type, sub-path, query).
RECORDS = {
    "participants": (EventIndexPage, "", ""),
    "events": (EventIndexPage, "", ""),
    "speakers": (EventIndexPage, "speakers/", ""),
    "startups": (AcceleratorIndexPage, "", ""),
    "ssos": (AcceleratorIndexPage, "", ""),
    "cohorts": (AcceleratorIndexPage, "", ""),
    "recommendations": (PolicyIndexPage, "", ""),
    "responses": (PolicyIndexPage, "", ""),
    "pilots": (PilotIndexPage, "", ""),
    "adopted": (PilotIndexPage, "", "status=adopted"),
    "organisations": (PartnerIndexPage, "", ""),
    "challenges": (ChallengeIndexPage, "", ""),
    "challenges_solved": (ChallengeIndexPage, "", "status=solved"),
    "hackathon_entries": (HackathonIndexPage, "", ""),
}
# Breakdown rows that a list can filter by: (figure, breakdown) -> query parameter.
ROW_FILTERS = {
    ("events", "pillar"): "pillar",
    ("events", "type"): "type",
    ("recommendations", "pillar"): "pillar",
    ("pilots", "pillar"): "pillar",
    ("organisations", "kind"): "kind",
    ("organisations", "city"): "city",
    ("challenges", "status"): "status",
    ("challenges", "pillar"): "pillar",
}
ROW_HEADERS = {"year": _("Year"), "pillar": _("Pillar"), "sdg": _("SDG"), "agency": _("Agency")}


def _indexes(locale):
    """{page class: live index page of this language} in one query."""
    pages = Page.objects.live().filter(locale=locale).type(*{r[0] for r in RECORDS.values()})
    return {page.specific_class: page for page in pages.select_related("content_type")}


def _programme_query(model, programme):
    """The list filter that narrows an index to one programme's records, when it has one."""
    if programme is None:
        return ""
    if model is EventIndexPage:
        default = programme.get_translations(inclusive=True).filter(
            locale__language_code=settings.LANGUAGE_CODE
        )
        pk = default.values_list("pk", flat=True).first() or programme.pk
        return f"programme={pk}"
    if model in (PolicyIndexPage, PilotIndexPage):
        return f"programme={programme.slug}"
    return ""


def _address(indexes, request, key, programme, extra=""):
    model, sub_path, query = RECORDS[key]
    page = indexes.get(model)
    if page is None:
        return ""
    parts = [q for q in (query, _programme_query(model, programme), extra) if q]
    url = page.get_url(request) + sub_path
    return url + ("?" + "&".join(parts) if parts else "")


def _row_link(indexes, request, key, programme, row_filter, slug):
    if not row_filter:
        return ""
    return _address(indexes, request, key, programme, urlencode({row_filter: slug}))


def chart(figure, breakdown):
    """Rows and bar geometry for one breakdown of ``figure`` (the year series when it has none)."""
    name = breakdown if figure.series(breakdown) else "year"
    rows = figure.series(name)
    top = max((value for _label, value, _slug in rows), default=0)
    bars = []
    for number, (label, value, _slug) in enumerate(rows[:CHART_ROWS]):
        width = round(BAR_WIDTH * value / top) if top else 0
        short = label if len(label) <= 32 else label[:31] + "…"
        y = number * ROW_HEIGHT
        width = max(width, 1)
        bars.append(
            {
                "label": short,
                "value": value,
                "y": y + 4,
                "text_y": y + 19,
                "width": width,
                "value_x": LABEL_WIDTH + width + 6,
            }
        )
    return {
        "name": name,
        "title": BREAKDOWNS[name],
        "header": ROW_HEADERS.get(name, BREAKDOWNS[name]),
        "rows": rows,
        "bars": bars,
        "height": max(len(bars), 1) * ROW_HEIGHT + 4,
        "width": CHART_WIDTH,
        "label_x": LABEL_WIDTH - 8,
        "bar_x": LABEL_WIDTH,
        "truncated": len(rows) > CHART_ROWS,
        "description": "; ".join(f"{label}: {value}" for label, value, _slug in rows),
    }


def build(page, request):
    """The dashboard's sections, each with its figures, for ``page`` in its language."""
    wanted = {}  # programme pk (or None) -> (programme, {keys})
    for block in page.sections:
        if block.block_type == "text":
            continue
        programme = block.value["programme"]
        programme = programme.specific if programme else None
        keys = block.value["figures"] if block.block_type == "headline" else [block.value["figure"]]
        entry = wanted.setdefault(programme.pk if programme else None, (programme, set()))
        entry[1].update(keys)
    computed = {
        pk: {f.key: f for f in figures(programme, keys=list(keys))}
        for pk, (programme, keys) in wanted.items()
    }
    indexes = _indexes(page.locale)
    sections = []
    for number, block in enumerate(page.sections, 1):
        if block.block_type == "text":
            sections.append({"type": "text", "value": block.value})
            continue
        programme = block.value["programme"]
        programme = programme.specific if programme else None
        found = computed[programme.pk if programme else None]
        if block.block_type == "headline":
            items = [found[k] for k in block.value["figures"] if k in found]
            sections.append(
                {
                    "type": "headline",
                    "heading": block.value["heading"],
                    "programme": programme,
                    "id": f"impact-{number}",
                    "items": [(f, _address(indexes, request, f.key, programme)) for f in items],
                }
            )
            continue
        figure = found.get(block.value["figure"])
        if figure is None:
            continue
        drawn = chart(figure, block.value["breakdown"])
        row_filter = ROW_FILTERS.get((figure.key, drawn["name"]))
        rows = [
            (label, value, _row_link(indexes, request, figure.key, programme, row_filter, slug))
            for label, value, slug in drawn["rows"]
        ]
        sections.append(
            {
                "type": "figure",
                "figure": figure,
                "chart": drawn,
                "rows": rows,
                "programme": programme,
                "id": f"impact-{number}",
                "records_url": _address(indexes, request, figure.key, programme),
            }
        )
    return {"sections": sections, "dataset_url": dataset_url(request)}


def dataset_url(request):
    """The dataset's page on /open-data/, or "" while the portal serves no such page (a dead
    link would be worse than none)."""
    address = f"/{get_language()}/open-data/{DATASET_SLUG}/"
    try:
        match = resolve(address)
    except Resolver404:
        return ""
    if match.url_name != "wagtail_serve":
        return address  # a Django view serves it
    site = Site.find_for_request(request)
    if site is None:
        return ""
    path = match.kwargs.get("path", match.args[0] if match.args else "")
    try:
        site.root_page.localized.specific.route(request, [p for p in path.split("/") if p])
    except Http404:
        return ""
    return address

"""Demo data for programmes: /programs/ and /policy/ in both languages, the Smart Change
programme and a second one, 40 published recommendations and their government responses.

Runs after partners' seed (agencies and the demo liaison exist). Idempotent: existing pages (by
slug) are left as they are, and responses move only when first created.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.models import Locale

from events.models import EventPage
from partners.models import Organisation
from portal.demo import ADMIN_EMAIL, index_page
from portal.i18n import synchronise_page_trees
from portal.models import HomePage, Pillar, SustainableDevelopmentGoal, User

from . import services
from .demo_id import ANSWERS as ANSWERS_ID
from .demo_policy import BODY, SECOND, SMART_CHANGE
from .models import (
    GovernmentResponse,
    PolicyIndexPage,
    PolicyRecommendationPage,
    ProgrammeCity,
    ProgrammeIndexPage,
    ProgrammePage,
)

JAKARTA = ZoneInfo("Asia/Jakarta")
LIAISON_AGENCY = "Department of Water Resources"
INDEXES = [
    (
        ProgrammeIndexPage,
        "programs",
        ("Programmes", "Program"),
        (
            "The sister-city and partnership programmes of the network, what they set out to do and what "
            "they produced.",
            "Program kota kembar dan kemitraan jaringan ini, tujuannya, dan hasil yang dicapainya.",
        ),
    ),
    (
        PolicyIndexPage,
        "policy",
        ("Policy recommendations", "Rekomendasi kebijakan"),
        (
            "What the programmes recommend to the city, and how each agency responded.",
            "Rekomendasi program kepada pemerintah kota, dan tanggapan setiap perangkat daerah.",
        ),
    ),
]

PROGRAMMES = [
    {
        "slug": "smart-change",
        "title": "Smart Change – Strengthening Urban Governance, Prosperity and Innovation in "
        "Jakarta",
        "summary": "The Jakarta–Berlin sister-city partnership for digitalisation, smart city, "
        "good governance and entrepreneurship, funded by the European Union, with Bangkok.",
        "start": date(2019, 2, 1),
        "end": date(2023, 12, 31),
        "cities": ["Jakarta", "Berlin", "Bangkok"],
        "funders": ["European Union"],
        "partners": [
            "Berlin Senate",
            "Bangkok Metropolitan Administration",
            "Deutsche Gesellschaft für Internationale Zusammenarbeit",
        ],
        "pillars": ["smart-governance", "smart-economy", "smart-people"],
        "sdgs": [8, 9, 11, 16, 17],
        "objectives": [
            "Strengthen urban governance through digitalisation and open data",
            "Build an innovation ecosystem for start-ups and the organisations that support them",
            "Turn sister-city exchanges into policy the city adopts",
            "Share results with Southeast Asian cities through trilateral activities with Bangkok",
        ],
        "body": [
            "Funded by the European Union's Partnership for Sustainable Cities programme and "
            "supported by German Development Cooperation through the Experts Fund for municipal "
            "Partnerships worldwide, Smart Change brought Jakarta and its sister city Berlin "
            "together from 2019 to 2023. Berlin seconded an integrated expert to Jakarta from "
            "February 2019; Bangkok joined for trilateral Southeast Asian activities.",
            "Outputs: the Multi-stakeholder and Policy Dialogue Series, peer-to-peer exchanges, "
            "annual online conferences, the Future City Hub, the Future City Accelerator, the "
            "Future City Online Learning Classes, a training programme for start-up support "
            "organisations, a Smart City policy blueprint and a policy blueprint for "
            "entrepreneurship and innovation.",
            "In September 2023 the two cities signed a Joint Declaration on Innovation and "
            "Technology at the Future City Hub.",
        ],
        "recommendations": SMART_CHANGE,
    },
    {
        "slug": "digital-government-peer-exchange",
        "title": "Digital Government Peer Exchange",
        "summary": "A smaller exchange with the WeGO network on digital public services, data "
        "standards and cybersecurity for city agencies.",
        "start": date(2024, 3, 1),
        "end": date(2026, 12, 31),
        "cities": ["Jakarta", "Seoul"],
        "funders": [],
        "partners": [
            "World e-Governments Organization of Cities and Local Governments",
            "ASEAN Smart Cities Network",
        ],
        "pillars": ["smart-governance", "smart-environment"],
        "sdgs": [9, 16, 17],
        "objectives": [
            "Agree common standards for the city's digital services",
            "Learn from peer cities how to measure the uptake of digital services",
        ],
        "body": [
            "Peer cities compare how they run digital public services and agree on a few "
            "practical standards Jakarta's agencies can adopt."
        ],
        "recommendations": SECOND,
    },
]

# The state each demo response reaches, cycling; the liaison's agency keeps several pending.
STATE_STEPS = {
    "pending": [],
    "under_consideration": ["consider"],
    "accepted": ["consider", "accept"],
    "partially_accepted": ["consider", "accept_partially"],
    "rejected": ["consider", "reject"],
    "implemented": ["consider", "accept", "implement"],
}
CYCLE = [
    "implemented",
    "accepted",
    "partially_accepted",
    "pending",
    "rejected",
    "under_consideration",
    "implemented",
    "accepted",
    "pending",
]
ANSWERS = {
    "accept": "The agency accepts the recommendation and includes it in next year's work plan.",
    "accept_partially": "The agency accepts the first part; the rest needs a budget decision.",
    "reject": "The agency will not follow this recommendation: an existing programme covers it.",
    "implement": "Implemented city-wide after a pilot in one district.",
}


def pdf_bytes(title):
    """A small one-page PDF with the title, so the download is a real PDF."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 56 780 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def _indexes(home, target):
    pages = {
        model: index_page(home, target, model, slug=slug, title=titles, intro=intros)
        for model, slug, titles, intros in INDEXES
    }
    services.ensure_policy_moderation(pages[PolicyIndexPage])
    services.ensure_policy_moderation(pages[ProgrammeIndexPage], workflow=False)
    return pages[ProgrammeIndexPage], pages[PolicyIndexPage]


def _taxonomy(page, locale, pillars, sdgs):
    page.pillars.set(Pillar.objects.filter(locale=locale, slug__in=pillars))
    page.sdgs.set(SustainableDevelopmentGoal.objects.filter(locale=locale, number__in=sdgs))


def _programme(index, spec):
    page = ProgrammePage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if page is not None:
        return page
    page = ProgrammePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        start_date=spec["start"],
        end_date=spec["end"],
        objectives=[("objective", text) for text in spec["objectives"]],
        body=[("rich_text", "".join(f"<p>{p}</p>" for p in spec["body"]))],
        team_contacts=[
            (
                "contact",
                {
                    "name": "Rina Wijaya",
                    "role": "Programme coordinator",
                    "organisation": "JDCN secretariat",
                    "email": "programmes@example.org",
                },
            )
        ],
    )
    _taxonomy(page, index.locale, spec["pillars"], spec["sdgs"])
    page.funders.set(Organisation.objects.filter(name__in=spec["funders"]))
    page.partner_organisations.set(Organisation.objects.filter(name__in=spec["partners"]))
    page.cities = [ProgrammeCity(name=name) for name in spec["cities"]]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def _dates(spec, count):
    if spec["slug"] == "smart-change":
        return [date(2020, 3, 2) + timedelta(days=40 * n) for n in range(count)]
    today = timezone.localdate()
    older = [date(2024, 6, 3) + timedelta(days=90 * n) for n in range(count - 4)]
    return older + [today - timedelta(days=days) for days in (40, 30, 20, 10)]


def _recommendation(index, programme, row, when):
    title, pillars, sdgs, agencies = row
    slug = slugify(title)[:80]
    page = PolicyRecommendationPage.objects.child_of(index).filter(slug=slug).first()
    if page is not None:
        return page, False
    document = Document(title=title)
    document.file.save(f"{slug}.pdf", ContentFile(pdf_bytes(title)), save=False)
    document.save()
    page = PolicyRecommendationPage(
        title=title,
        slug=slug,
        date=when,
        programme=programme,
        document=document,
        summary=f"{title}: what the agencies should change, why, and how to test it first.",
        body=[("rich_text", "".join(f"<p>{p.format(title=title)}</p>" for p in BODY))],
        authors=f"{programme.title.split(' –')[0]} programme team",
    )
    _taxonomy(page, index.locale, pillars, sdgs)
    page.target_agencies.set(Organisation.objects.filter(name__in=agencies))
    index.add_child(instance=page)
    page.save_revision().publish()  # page_published asks each agency for a response
    return page, True


def _respond(page, number, manager):
    """Move each new response to its demo state through the workflow engine."""
    asked = datetime.combine(page.date, time(9, 0), tzinfo=JAKARTA)
    responses = GovernmentResponse.objects.filter(recommendation=page).select_related("agency")
    responses.update(requested_at=asked)
    for offset, response in enumerate(responses.order_by("agency__name")):
        state = CYCLE[(number + offset) % len(CYCLE)]
        if response.agency.name == LIAISON_AGENCY and number % 2 == 0:
            state = "pending"  # something for the demo liaison to answer
        for step in STATE_STEPS[state]:
            days = 200 if step == "implement" else 45
            when = min(page.date + timedelta(days=days), timezone.localdate())
            services.take_step(
                manager,
                response,
                step,
                text=ANSWERS.get(step, ""),
                date=when,
                reference=f"{number + 1:03d}/{page.date.year}" if step in ANSWERS else "",
            )
        answered = [step for step in STATE_STEPS[state] if step in ANSWERS]
        if answered:
            GovernmentResponse.objects.filter(pk=response.pk).update(
                response_text_id=ANSWERS_ID[answered[-1]]
            )


def _link_events(programme, spec):
    """Events held within the programme's period belong to it (Smart Change: every event then;
    the peer exchange: its dialogues and exchanges). Rows of both language trees are updated
    alike, without new revisions: demo data only."""
    start = datetime.combine(spec["start"], time.min, tzinfo=JAKARTA)
    end = datetime.combine(spec["end"], time.max, tzinfo=JAKARTA)
    events = EventPage.objects.filter(start__range=(start, end), programme__isnull=True)
    if spec["slug"] != "smart-change":
        events = events.filter(event_type__in=["peer_exchange", "policy_dialogue"])
    events.update(programme=programme)


def seed(stdout):
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    target = Locale.objects.get(language_code="id")
    manager = User.objects.get(email=ADMIN_EMAIL)
    programme_index, policy_index = _indexes(home, target)
    synchronise_page_trees()
    number = 0
    for spec in PROGRAMMES:
        programme = _programme(programme_index, spec)
        _link_events(programme, spec)
        rows = spec["recommendations"]
        for row, when in zip(rows, _dates(spec, len(rows)), strict=True):
            page, created = _recommendation(policy_index, programme, row, when)
            if created:
                _respond(page, number, manager)
            number += 1
    from programs.pilots import demo as pilots_demo

    pilots_demo.seed(stdout, home, target)
    from programs.cohorts import demo as cohorts_demo

    cohorts_demo.seed(stdout, home, target, programme_index)
    from programs.mentoring import demo as mentoring_demo

    mentoring_demo.seed(stdout, home)
    from programs.impact import demo as impact_demo

    impact_demo.seed(stdout, home, target)
    synchronise_page_trees()  # the Indonesian tree gets the new pages as aliases
    from programs.demo_id import translate_programmes, translate_recommendations

    translate_programmes(programme_index, target)
    translate_recommendations(policy_index, target)
    responses = GovernmentResponse.objects
    stdout.write(
        f"Programmes: {ProgrammePage.objects.filter(locale=home.locale).count()} programmes, "
        f"{PolicyRecommendationPage.objects.filter(locale=home.locale).live().count()} "
        f"recommendations, {responses.count()} government responses "
        f"({responses.awaiting().count()} awaiting, {responses.overdue().count()} overdue)."
    )

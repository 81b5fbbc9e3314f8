"""Demo /impact/: the dashboard in both languages, arranged as an editor would (headline
figures of the network and of Smart Change, then one chart per figure)."""

from programs.models import ImpactPage, ProgrammePage

TITLE = ("Impact", "Dampak")
INTRO = (
    "What the network has done since 2020, counted from its own records: events and their "
    "participants, the start-ups and support organisations it trained, the policy it "
    "recommended and how the agencies answered, and the pilots the city adopted.",
    "Apa yang telah dilakukan jaringan ini sejak 2020, dihitung dari catatannya sendiri: acara "
    "dan pesertanya, start-up dan organisasi pendukung yang dilatih, rekomendasi kebijakan dan "
    "tanggapan perangkat daerah, serta proyek percontohan yang diadopsi kota.",
)
HEADINGS = {
    "The network in numbers": "Jaringan dalam angka",
    "Smart Change in numbers": "Smart Change dalam angka",
}
HEADLINE = ["participants", "events", "speakers", "startups", "ssos", "recommendations", "pilots"]
# The accelerator batches belong to their own programme page, so Smart Change shows no start-ups.
PROGRAMME_HEADLINE = ["participants", "events", "speakers", "ssos", "recommendations", "pilots"]
CHARTS = [
    ("participants", "year"),
    ("events", "type"),
    ("speakers", "year"),
    ("startups", "year"),
    ("ssos", "pillar"),
    ("recommendations", "pillar"),
    ("responses", "state"),
    ("pilots", "stage"),
    ("adopted", "agency"),
    ("organisations", "kind"),
    ("challenges", "status"),
    ("hackathon_entries", "year"),
]


def seed(stdout, home, target):
    from portal.demo import index_page

    smart_change = ProgrammePage.objects.filter(locale=home.locale, slug="smart-change").first()
    sections = [
        ("headline", {"heading": "The network in numbers", "figures": HEADLINE, "programme": None}),
        (
            "headline",
            {
                "heading": "Smart Change in numbers",
                "figures": PROGRAMME_HEADLINE,
                "programme": smart_change,
            },
        ),
        *[
            ("figure", {"figure": key, "breakdown": breakdown, "programme": None})
            for key, breakdown in CHARTS
        ],
    ]
    # The sections are the new page's only: an editor's arrangement is never overwritten.
    index_page(
        home,
        target,
        ImpactPage,
        slug="impact",
        title=TITLE,
        intro=INTRO,
        strings=HEADINGS,
        sections=sections,
    )
    stdout.write("Impact: /impact/ in both languages.")

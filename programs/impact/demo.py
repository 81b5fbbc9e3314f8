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
    from portal.demo import translate_page

    page = ImpactPage.objects.filter(locale=home.locale).first()
    if page is None:
        smart_change = ProgrammePage.objects.filter(locale=home.locale, slug="smart-change").first()
        sections = [
            (
                "headline",
                {"heading": "The network in numbers", "figures": HEADLINE, "programme": None},
            ),
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
        page = ImpactPage(
            title=TITLE[0], slug="impact", intro=INTRO[0], sections=sections, show_in_menus=True
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    translate_page(page, target, {TITLE[0]: TITLE[1], INTRO[0]: INTRO[1], **HEADINGS})
    stdout.write("Impact: /impact/ in both languages.")

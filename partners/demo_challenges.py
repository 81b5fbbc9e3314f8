"""Demo sandbox challenges: /challenges/ in both languages and a dozen problems Jakarta names.

Called by partners.demo.seed once the agencies exist. Idempotent: an existing challenge (by slug)
is left as it is, so running the seed twice changes nothing.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from partners.challenges import ensure_challenge_moderation
from partners.models import ChallengeIndexPage, ChallengePage, ChallengeStatus, Organisation
from portal.demo import index_page
from portal.models import Pillar, SustainableDevelopmentGoal

JAKARTA = ZoneInfo("Asia/Jakarta")
INDEX = {
    "title": ("Challenges", "Tantangan"),
    "intro": (
        "Concrete problems the city's agencies pose to partners in the Sandbox: read them, take "
        "part in the sessions and answer the calls that follow.",
        "Masalah nyata yang diajukan perangkat daerah kepada mitra di Sandbox: baca, ikuti sesinya, "
        "dan jawab panggilan yang menyusul.",
    ),
}

# (slug, title, agency, status, days to deadline or None, pillars, SDGs, summary,
#  problem statement, context, data available, expected outcomes, sandbox session or None)
CHALLENGES = [
    (
        "flood-early-warning",
        "Earlier flood warnings from river sensors and floodgates",
        "Department of Water Resources",
        ChallengeStatus.IN_SANDBOX,
        30,
        ["smart-environment"],
        [11, 13],
        "Residents along the rivers need warnings hours, not minutes, before the water arrives.",
        "Water-level sensors on the rivers and the floodgate readings are watched by operators, but "
        "warnings reach neighbourhoods late and unevenly.",
        "Floods recur every rainy season; warnings today travel by radio, messaging groups and the "
        "neighbourhood heads.",
        "Real-time river water levels and floodgate status (Katulampa, Depok, Manggarai and others), "
        "historical flood maps.",
        "A tested way to turn sensor readings into targeted, early alerts that residents trust.",
        ("Sandbox session: flood early warning", 10, "Future City Hub"),
    ),
    (
        "air-quality-ispu",
        "Making air quality (ISPU) data lead to action",
        "Department of Environment",
        ChallengeStatus.OPEN,
        45,
        ["smart-environment", "smart-mobility"],
        [3, 11, 13],
        "Link the air quality index with vehicle emission tests to cut the worst pollution days.",
        "The air quality index (ISPU) is published daily, yet residents rarely change plans and the "
        "vehicle emission test programme reaches too few vehicles.",
        "Vehicle emissions are a major source of pollution; emission tests are mandatory for some "
        "vehicles.",
        "ISPU readings from the monitoring stations, emission test results.",
        "More vehicles tested, and clear advice residents act on during bad-air days.",
        None,
    ),
    (
        "food-prices-markets",
        "Food commodity prices and where to buy",
        "Department of Food, Marine and Agricultural Security",
        ChallengeStatus.OPEN,
        20,
        ["smart-economy"],
        [2, 12],
        "Help households and traders compare staple food prices across the city's markets.",
        "Commodity prices are collected daily but are hard to find and compare by market location.",
        "Price spikes of rice, chilli and shallots hit low-income households first.",
        "Daily commodity prices per market, market locations.",
        "A simple service showing prices and nearby markets, used by households and traders.",
        None,
    ),
    (
        "floodgate-waste",
        "Stopping waste from blocking the floodgates",
        "Department of Environment",
        ChallengeStatus.IN_SANDBOX,
        15,
        ["smart-environment"],
        [6, 11, 12],
        "Waste that piles up at floodgates slows the water and worsens floods.",
        "Crews clear the floodgates by hand; nobody knows early where waste is building up.",
        "Household waste enters the rivers upstream; clearing it takes crews and heavy equipment.",
        "Floodgate camera images, clearing logs.",
        "Early detection of blockages and fewer tonnes of waste reaching the gates.",
        ("Site visit: Manggarai floodgate", 5, "Manggarai floodgate"),
    ),
    (
        "odd-even-enforcement",
        "Fairer enforcement of the odd-even plate rule",
        "Department of Transportation",
        ChallengeStatus.CLOSED,
        -20,
        ["smart-mobility"],
        [11],
        "Enforce the odd-even licence plate rule consistently without more officers on the road.",
        "Odd-even plate restrictions are checked by officers at a few points; compliance drops "
        "elsewhere.",
        "The rule limits private cars by plate number on given days on main roads.",
        "Traffic counts, enforcement records, camera locations.",
        "Consistent, transparent enforcement with fewer officers on the road.",
        None,
    ),
    (
        "street-lighting",
        "Knowing which of 90,000 street lights are out",
        "Department of Highways",
        ChallengeStatus.SOLVED,
        -60,
        ["smart-environment", "smart-living"],
        [7, 11],
        "Detect failing LED street lights before residents report them.",
        "Over 90,000 LED street lights are repaired after complaints; dark streets stay dark for days.",
        "The city replaced most street lights with LEDs; maintenance is planned by district.",
        "Light inventory and locations, maintenance records, complaints.",
        "Failures found within a day and repaired faster.",
        None,
    ),
    (
        "public-wifi-awareness",
        "Letting residents know free public Wi-Fi exists",
        "Department of Communication, Informatics and Statistics",
        ChallengeStatus.OPEN,
        60,
        ["smart-people", "smart-governance"],
        [9, 10],
        "69% of surveyed residents did not know the city's public Wi-Fi existed.",
        "Public Wi-Fi hotspots are under-used: most residents surveyed had never heard of them.",
        "Hotspots were installed in neighbourhoods to narrow the digital divide.",
        "Hotspot locations and daily usage.",
        "Higher awareness and use of public Wi-Fi, especially by those without home internet.",
        None,
    ),
    (
        "msme-cashless",
        "Bringing micro and small businesses online and cashless",
        "Department of Cooperatives, SMEs and Trade",
        ChallengeStatus.OPEN,
        40,
        ["smart-economy"],
        [8, 9],
        "Help micro and small enterprises sell online and accept cashless payments.",
        "Many MSMEs still sell offline and take cash only, missing customers and credit.",
        "The city runs MSME coaching programmes; QR payments are spreading.",
        "Registered MSMEs by district and sector, programme participation.",
        "More MSMEs selling online and accepting cashless payments a year on.",
        None,
    ),
    (
        "violence-reporting",
        "Safe reporting of violence against women and children",
        "Department of Empowerment, Child Protection and Population Control",
        ChallengeStatus.IN_SANDBOX,
        None,
        ["smart-living"],
        [5, 16],
        "Make it safe and simple for victims and witnesses to report violence and get help.",
        "Victims of violence against women and children often do not report: they fear exposure and "
        "do not know where to go.",
        "Integrated service centres exist; reports reach them through several channels.",
        "Anonymised case statistics, service centre locations.",
        "More reports reaching help quickly, with victims' privacy protected.",
        ("Sandbox session: safe reporting channels", 20, "Future City Hub"),
    ),
    (
        "elderly-disability-services",
        "Services that reach the elderly and people with disabilities",
        "Department of Social Affairs",
        ChallengeStatus.OPEN,
        90,
        ["smart-living"],
        [3, 10],
        "Make sure older residents and people with disabilities get the services they are entitled to.",
        "Older residents and people with disabilities miss services because information and "
        "registration are not accessible to them.",
        "Several programmes offer support, each with its own registration.",
        "Beneficiary registers (anonymised), service locations.",
        "Accessible information and registration, and more eligible residents reached.",
        None,
    ),
    (
        "urban-farming-iot",
        "Urban farming with IoT",
        "Department of Food, Marine and Agricultural Security",
        ChallengeStatus.OPEN,
        25,
        ["smart-environment", "smart-living"],
        [2, 11],
        "Help neighbourhood urban farms grow more with sensors and shared know-how.",
        "Neighbourhood urban farms lose harvests to watering and pest problems found too late.",
        "Urban farming groups operate on rooftops and vacant plots across the city.",
        "Locations of urban farms, harvest records.",
        "Higher and steadier harvests from farms using affordable sensors.",
        None,
    ),
    (
        "complaint-resolution",
        "Resolving public complaints in days, not weeks",
        "Department of Communication, Informatics and Statistics",
        ChallengeStatus.SOLVED,
        -90,
        ["smart-governance"],
        [16],
        "Complaints must be resolved within 30 days by regulation; the aim was about 5 days.",
        "Complaints from residents took weeks to be routed to the right agency and resolved.",
        "Complaints arrive through the city's channels and are routed to agencies.",
        "Complaint records with timestamps and agencies.",
        "Resolution time down from the 30 days regulated to about 5 days.",
        None,
    ),
]


def _deadline(days):
    if days is None:
        return None
    day = (timezone.now() + timedelta(days=days)).astimezone(JAKARTA).date()
    return datetime.combine(day, time(17, 0), tzinfo=JAKARTA)


def _index(home, target):
    index = index_page(home, target, ChallengeIndexPage, slug="challenges", **INDEX)
    ensure_challenge_moderation(index)
    return index


def seed_challenges(home, target):
    index = _index(home, target)
    en = home.locale
    for row in CHALLENGES:
        slug, title, agency, status, days, pillars, sdgs, summary, *texts, session = row
        if ChallengePage.objects.child_of(index).filter(slug=slug).exists():
            continue
        page = ChallengePage(
            title=title,
            slug=slug,
            summary=summary,
            owner_agency=Organisation.objects.get(name=agency),
            status=status,
            response_deadline=_deadline(days),
            **{
                name: f"<p>{text}</p>"
                for name, text in zip(
                    ("problem_statement", "context", "data_available", "expected_outcomes"),
                    texts,
                    strict=True,
                )
            },
        )
        if session:
            name, in_days, place = session
            page.sandbox_sessions = [
                (
                    "session",
                    {
                        "title": name,
                        "start": _deadline(in_days) - timedelta(hours=8),
                        "place": place,
                        "description": "Agency staff, partners and residents work on the "
                        "problem together.",
                    },
                )
            ]
        page.pillars.set(Pillar.objects.filter(locale=en, slug__in=pillars))
        page.sdgs.set(SustainableDevelopmentGoal.objects.filter(locale=en, number__in=sdgs))
        index.add_child(instance=page)
        page.save_revision().publish()
    return ChallengePage.objects.child_of(index).live().count()

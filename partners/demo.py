"""Demo data for partners: the directories, Jakarta's 37 agencies and the named partners."""

from allauth.account.models import EmailAddress
from wagtail.models import Locale

from partners.demo_challenges import seed_challenges
from partners.demo_id import name_organisations, translate_challenges
from partners.models import (
    AgencyIndexPage,
    ChallengeIndexPage,
    Membership,
    Organisation,
    OrganisationKind,
    PartnerIndexPage,
    VerificationState,
)
from partners.proposals import demo as proposals_demo
from portal.demo import index_page
from portal.demo_accounts import set_demo_password, shown_password
from portal.i18n import synchronise_page_trees
from portal.models import HomePage, Pillar, SustainableDevelopmentGoal, User

MEMBER_EMAIL = "member@example.org"
MEMBER_PASSWORD = "portal-demo-member"  # noqa: S105 - printed by `make run`, demo only
LIAISON_EMAIL = "liaison@example.org"
LIAISON_AGENCY = "Department of Water Resources"

# The 37 provincial agencies (OPD) as the city lists them.
AGENCIES = [
    "Bureau of Legal Affairs",
    "Bureau of Education and Mental Spiritual",
    "Secretariat of the Jakarta Capital City Council",
    "Inspectorate",
    "Board of Regional Development Planning",
    "Board of Local Finance Management",
    "Board of Personnel Administration",
    "Board of Nation Unity and Politics",
    "Board of Human Resource Development",
    "Board of Local Government Owned Enterprise",
    "Board of Procurement of Goods and Services",
    "Board of Regional Disaster Management",
    "Board of Regional Asset Management",
    "Board of Local Revenue",
    "Department of Communication, Informatics and Statistics",
    "Department of Youth and Sports",
    "Department of Health",
    "Department of Education",
    "Department of Social Affairs",
    "Department of Environment",
    "Department of City Parks and City Forests",
    "Department of Human Settlements, Spatial Planning and Land",
    "Department of Public Housing and Residential Areas",
    "Department of Highways",
    "Department of Water Resources",
    "Department of Manpower, Transmigration and Energy",
    "Department of Transportation",
    "Department of Tourism and Creative Economy",
    "Department of Food, Marine and Agricultural Security",
    "Department of Cooperatives, SMEs and Trade",
    "Department of Fire and Disaster Handling",
    "Department of Population and Civil Registration",
    "Department of Libraries and Archives",
    "Department of Empowerment, Child Protection and Population Control",
    "Department of One Stop Services and Investment",
    "Department of Culture",
    "Civil Service Police Unit",
]

# Words in an agency's name that tell which pillar its work belongs to.
PILLAR_KEYWORDS = {
    "smart-governance": [
        "Legal",
        "Inspectorate",
        "Planning",
        "Finance",
        "Personnel",
        "Procurement",
        "Asset",
        "Revenue",
        "Communication",
        "Population",
        "One Stop",
        "Council",
        "Politics",
        "Police",
    ],
    "smart-economy": ["Enterprise", "Tourism", "Cooperatives", "Investment", "Manpower", "Food"],
    "smart-mobility": ["Transportation", "Highways"],
    "smart-environment": ["Environment", "Parks", "Water", "Disaster"],
    "smart-people": ["Education", "Youth", "Human Resource", "Libraries", "Culture", "Mental"],
    "smart-living": ["Health", "Social", "Housing", "Settlements", "Empowerment", "Fire"],
}

# (name, short name, kind, city, country, website, pillar slugs, SDG numbers, description)
PARTNERS = [
    (
        "Deutsche Gesellschaft für Internationale Zusammenarbeit",
        "GIZ",
        OrganisationKind.INTERNATIONAL,
        "Jakarta",
        "Indonesia",
        "https://www.giz.de/",
        ["smart-governance"],
        [11, 17],
        "German development cooperation agency working with the city.",
    ),
    (
        "British Embassy Jakarta",
        "",
        OrganisationKind.INTERNATIONAL,
        "Jakarta",
        "Indonesia",
        "",
        ["smart-governance"],
        [17],
        "Diplomatic partner of the network's smart-city dialogues.",
    ),
    (
        "World e-Governments Organization of Cities and Local Governments",
        "WeGO",
        OrganisationKind.INTERNATIONAL,
        "Seoul",
        "South Korea",
        "https://we-gov.org/",
        ["smart-governance"],
        [11, 16],
        "Association of cities working on digital government.",
    ),
    (
        "ASEAN Smart Cities Network",
        "ASCN",
        OrganisationKind.INTERNATIONAL,
        "Jakarta",
        "Indonesia",
        "",
        ["smart-governance", "smart-economy"],
        [11],
        "Collaborative platform of ASEAN cities.",
    ),
    (
        "European Union",
        "EU",
        OrganisationKind.INTERNATIONAL,
        "Brussels",
        "Belgium",
        "",
        ["smart-governance"],
        [17],
        "Funder of the Smart Change programme through the Partnership for Sustainable Cities.",
    ),
    (
        "Berlin Senate",
        "",
        OrganisationKind.SISTER_CITY,
        "Berlin",
        "Germany",
        "",
        ["smart-governance", "smart-economy"],
        [11, 17],
        "Jakarta's sister city for almost 30 years.",
    ),
    (
        "Bangkok Metropolitan Administration",
        "BMA",
        OrganisationKind.SISTER_CITY,
        "Bangkok",
        "Thailand",
        "",
        ["smart-governance"],
        [11],
        "Partner in trilateral Southeast Asian activities.",
    ),
    (
        "8 Villages Indonesia",
        "",
        OrganisationKind.STARTUP,
        "Jakarta",
        "Indonesia",
        "",
        ["smart-economy", "smart-living"],
        [2, 12],
        "Vegetable supply chain through the JAKI app.",
    ),
    (
        "PT Braga Teknologi Nusantara",
        "Braga Technologies",
        OrganisationKind.STARTUP,
        "Jakarta",
        "Indonesia",
        "",
        ["smart-living"],
        [11],
        "Location-based alert system.",
    ),
    (
        "PT Jelajah Data Semesta",
        "",
        OrganisationKind.STARTUP,
        "Jakarta",
        "Indonesia",
        "",
        ["smart-governance"],
        [9],
        "Integration of the ID-Q application.",
    ),
    (
        "PT Generasi Muda Indonesia Utama",
        "Doogether",
        OrganisationKind.STARTUP,
        "Jakarta",
        "Indonesia",
        "",
        ["smart-people", "smart-living"],
        [3],
        "Fitness and sports booking platform.",
    ),
    (
        "Qlue",
        "",
        OrganisationKind.COMPANY,
        "Jakarta",
        "Indonesia",
        "",
        ["smart-governance"],
        [11, 16],
        "Citizen reporting technology partner.",
    ),
    (
        "Nodeflux",
        "",
        OrganisationKind.COMPANY,
        "Jakarta",
        "Indonesia",
        "",
        ["smart-mobility"],
        [9, 11],
        "AI video analytics.",
    ),
    (
        "Visionaire",
        "",
        OrganisationKind.COMPANY,
        "Jakarta",
        "Indonesia",
        "",
        ["smart-mobility"],
        [9],
        "AI video analytics.",
    ),
]

# Requests to join the network that a program manager has not decided yet.
PENDING = [
    ("Kampung Digital Collective", OrganisationKind.NGO, "Jakarta"),
    ("Ciliwung River Watch", OrganisationKind.NGO, "Jakarta"),
]

DIRECTORIES = [
    (
        PartnerIndexPage,
        "partners",
        ("Partners", "Mitra"),
        (
            "Organisations that work with the city: companies, start-ups, communities, universities and "
            "international partners.",
            "Organisasi yang bekerja bersama kota: perusahaan, perusahaan rintisan, komunitas, universitas, "
            "dan mitra internasional.",
        ),
    ),
    (
        AgencyIndexPage,
        "agencies",
        ("Agencies", "Perangkat daerah"),
        (
            "The provincial agencies (OPD) of Jakarta that pose challenges, host pilots and adopt services.",
            "Perangkat daerah (OPD) Provinsi DKI Jakarta yang mengajukan tantangan, menjadi tuan rumah "
            "proyek percontohan, dan mengadopsi layanan.",
        ),
    ),
]


def _directories(home, target):
    for model, slug, titles, intros in DIRECTORIES:
        index_page(home, target, model, slug=slug, title=titles, intro=intros)


def _upsert(name, **fields):
    pillars = fields.pop("pillars", [])
    sdgs = fields.pop("sdgs", [])
    organisation, _ = Organisation.objects.update_or_create(name=name, defaults=fields)
    en = Locale.objects.get(language_code="en")
    organisation.pillars.set(Pillar.objects.filter(locale=en, slug__in=pillars))
    organisation.sdgs.set(SustainableDevelopmentGoal.objects.filter(locale=en, number__in=sdgs))
    return organisation


def _agency_pillars(name):
    return [slug for slug, words in PILLAR_KEYWORDS.items() if any(w in name for w in words)]


def _demo_liaison():
    """A liaison of one agency, to try drafting a challenge (same password as the member)."""
    liaison, created = User.objects.get_or_create(
        email=LIAISON_EMAIL, defaults={"name": "Budi Santoso (demo liaison)"}
    )
    set_demo_password(liaison, MEMBER_PASSWORD, created=created)
    EmailAddress.objects.update_or_create(
        user=liaison, email=LIAISON_EMAIL, defaults={"verified": True, "primary": True}
    )
    Membership.objects.get_or_create(
        organisation=Organisation.objects.get(name=LIAISON_AGENCY),
        user=liaison,
        defaults={"role": "liaison"},
    )


def _demo_member():
    """A member who owns a start-up (verified) and a community group (waiting for verification)."""
    member, created = User.objects.get_or_create(
        email=MEMBER_EMAIL, defaults={"name": "Dewi Lestari (demo)"}
    )
    set_demo_password(member, MEMBER_PASSWORD, created=created)
    EmailAddress.objects.update_or_create(
        user=member, email=MEMBER_EMAIL, defaults={"verified": True, "primary": True}
    )
    for name in ("8 Villages Indonesia", "Kampung Digital Collective"):
        Membership.objects.get_or_create(
            organisation=Organisation.objects.get(name=name),
            user=member,
            defaults={"role": "owner"},
        )


def seed(stdout):
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    target = Locale.objects.get(language_code="id")
    _directories(home, target)
    synchronise_page_trees()
    for name in AGENCIES:
        _upsert(
            name,
            kind=OrganisationKind.AGENCY,
            city="Jakarta",
            country="Indonesia",
            verification_state=VerificationState.VERIFIED,
            pillars=_agency_pillars(name),
            sdgs=[11, 16],
            description=f"<p>A provincial agency of DKI Jakarta: the {name}.</p>",
        )
    for name, short, kind, city, country, website, pillars, sdgs, description in PARTNERS:
        _upsert(
            name,
            short_name=short,
            kind=kind,
            city=city,
            country=country,
            website=website,
            pillars=pillars,
            sdgs=sdgs,
            description=f"<p>{description}</p>",
            verification_state=VerificationState.VERIFIED,
        )
    for name, kind, city in PENDING:
        _upsert(name, kind=kind, city=city, country="Indonesia")
    name_organisations()
    challenges = seed_challenges(home, target)
    synchronise_page_trees()  # the Indonesian tree gets the new challenges as aliases
    translate_challenges(ChallengeIndexPage.objects.get(locale=home.locale), target)
    _demo_member()
    _demo_liaison()
    proposals_demo.seed(stdout)
    stdout.write(
        f"Partners: {Organisation.objects.agencies().count()} agencies, "
        f"{Organisation.objects.verified().count()} verified organisations, "
        f"{challenges} challenges.\n"
        f"Member: {MEMBER_EMAIL} / {shown_password(MEMBER_EMAIL, MEMBER_PASSWORD)}\n"
        f"Agency liaison: {LIAISON_EMAIL} / {shown_password(LIAISON_EMAIL, MEMBER_PASSWORD)}"
    )

"""Demo data for the core: locales, the page tree in both languages, site settings, an admin.

``manage.py seed_demo`` calls ``seed(stdout)`` here first, then the same function in each feature
app's ``demo`` module (partners, events, programs) when it exists. Every step is idempotent:
running it twice changes nothing.
"""

from django.conf import settings
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource

from portal.demo_accounts import set_demo_password
from portal.i18n import synchronise_page_trees
from portal.models import HomePage, SiteSettings, SocialLink, StandardPage, User
from portal.permissions import PROGRAM_MANAGERS
from portal.sites import site_address, sync_default_site

ADMIN_EMAIL = "admin@example.org"
ADMIN_PASSWORD = "portal-demo-admin"  # noqa: S105 - printed by `make run`, demo only

HOME = {
    "title": ("Home", "Beranda"),
    "hero_heading": (
        "Co-creating Jakarta's future, in the open",
        "Bersama mencipta masa depan Jakarta, secara terbuka",
    ),
    "hero_text": (
        "The Jakarta Development Collaboration Network brings agencies, partners, start-ups and "
        "citizens together to turn good ideas into public services.",
        "Jaringan Kolaborasi Pembangunan Jakarta mempertemukan perangkat daerah, mitra, perusahaan "
        "rintisan, dan warga untuk mengubah gagasan baik menjadi layanan publik.",
    ),
    "hero_link_text": ("How to take part", "Cara berpartisipasi"),
}

# The network at work on the home page: live showcases (portal/showcases.py), with how many items.
HOME_SHOWCASES = [
    ("headline_figures", 6),
    ("upcoming_events", 3),
    ("open_challenges", 3),
    ("open_calls", 3),
    ("open_hackathons", 2),
    ("open_cohorts", 2),
    ("latest_recommendations", 3),
    ("adopted_pilots", 3),
]

# slug: (in menu, {field: (English, Indonesian)}, [(English paragraph, Indonesian paragraph)])
STANDARD_PAGES = {
    "about": (
        True,
        {
            "title": ("About the network", "Tentang jaringan"),
            "intro": (
                "JDCN is Jakarta's network of local and international development partners.",
                "JDCN adalah jaringan mitra pembangunan lokal dan internasional Jakarta.",
            ),
        },
        [
            (
                "The Jakarta Development Collaboration Network (JDCN) was set up under Governor "
                "Regulation 24/2020 to formulate and realise city development solutions through a "
                "sustainable collaboration model.",
                "Jaringan Kolaborasi Pembangunan Jakarta (JDCN) dibentuk berdasarkan Peraturan "
                "Gubernur 24/2020 untuk merumuskan dan mewujudkan solusi pembangunan kota melalui "
                "model kolaborasi yang berkelanjutan.",
            ),
            (
                "Partners work with the city through two co-creation mechanisms: the Sandbox, where "
                "agencies meet stakeholders to solve a concrete city problem, and the Future City "
                "Hackathon, where start-ups build products that solve Jakarta's problems.",
                "Mitra bekerja bersama kota melalui dua mekanisme ko-kreasi: Sandbox, tempat perangkat "
                "daerah bertemu para pemangku kepentingan untuk menyelesaikan masalah kota yang nyata, "
                "dan Future City Hackathon, tempat perusahaan rintisan membangun produk yang "
                "menyelesaikan masalah Jakarta.",
            ),
        ],
    ),
    "future-city-hub": (
        True,
        {
            "title": ("Future City Hub", "Future City Hub"),
            "intro": (
                "A physical innovation hub in central Jakarta, close to the provincial government.",
                "Pusat inovasi fisik di Jakarta Pusat, dekat dengan pemerintah provinsi.",
            ),
        },
        [
            (
                "The Future City Hub is the meeting place for government, academia, communities, "
                "industry and media. Policy dialogues, sandbox sessions and demo days take place here.",
                "Future City Hub adalah tempat bertemunya pemerintah, akademisi, komunitas, industri, "
                "dan media. Dialog kebijakan, sesi sandbox, dan demo day berlangsung di sini.",
            ),
        ],
    ),
    "take-part": (
        True,
        {
            "title": ("How to take part", "Cara berpartisipasi"),
            "intro": (
                "Sign up, join your organisation, and follow the work of the network.",
                "Daftar, bergabung dengan organisasi Anda, dan ikuti kerja jaringan.",
            ),
        },
        [
            (
                "Create an account with your e-mail address and confirm it. Members can register for "
                "events, join hackathon teams and follow pilots. Organisations can submit proposals "
                "and apply to accelerator cohorts.",
                "Buat akun dengan alamat e-mail Anda lalu konfirmasikan. Anggota dapat mendaftar "
                "acara, bergabung dengan tim hackathon, dan mengikuti proyek percontohan. Organisasi "
                "dapat mengajukan proposal dan mendaftar ke kelompok akselerator.",
            ),
        ],
    ),
    "privacy": (
        False,
        {
            "title": ("Privacy", "Privasi"),
            "intro": (
                "What the portal keeps about you, for how long, and how to get it or delete it.",
                "Apa yang disimpan portal tentang Anda, berapa lama, dan cara mengunduh atau "
                "menghapusnya.",
            ),
        },
        [
            (
                "The portal keeps what you give it to take part: your name and e-mail address, your "
                "organisation memberships, event registrations, hackathon teams, votes, proposals and "
                "applications, and the notifications it sends you. It follows Indonesia's Personal "
                "Data Protection Law (UU 27/2022).",
                "Portal menyimpan data yang Anda berikan untuk berpartisipasi: nama dan alamat e-mail, "
                "keanggotaan organisasi, pendaftaran acara, tim hackathon, suara, proposal dan "
                "lamaran, serta notifikasi yang dikirimkan kepada Anda. Portal mengikuti Undang-Undang "
                "Pelindungan Data Pribadi (UU 27/2022).",
            ),
            (
                "Signed in, open My dashboard to download everything the portal holds about you as a "
                "JSON file, or to delete your account. Deleting erases your name, e-mail addresses, "
                "password, notifications and memberships; public records you took part in stay, "
                "attributed to your organisation. Program managers do the same on request.",
                "Setelah masuk, buka Dasbor saya untuk mengunduh semua data Anda yang disimpan portal "
                "dalam berkas JSON, atau untuk menghapus akun Anda. Penghapusan menghilangkan nama, "
                "alamat e-mail, kata sandi, notifikasi, dan keanggotaan Anda; catatan publik yang Anda "
                "ikuti tetap ada atas nama organisasi Anda. Pengelola program melakukan hal yang sama "
                "atas permintaan.",
            ),
            (
                "The IP address recorded with a People's Choice vote is dropped after 30 days, "
                "notifications after a year, and sent e-mails after 30 days.",
                "Alamat IP yang dicatat bersama suara Pilihan Publik dihapus setelah 30 hari, "
                "notifikasi setelah satu tahun, dan e-mail terkirim setelah 30 hari.",
            ),
        ],
    ),
}

SITE_SETTINGS = {
    "organisation_name": "Jakarta Development Collaboration Network",
    "contact_email": "hello@example.org",
    "address": "Future City Hub\nJakarta Pusat, DKI Jakarta\nIndonesia",
    "footer_text": "An open portal for the city's development collaboration network.",
    "footer_text_id": "Portal terbuka untuk jaringan kolaborasi pembangunan kota.",
}


def _paragraphs(pairs, index):
    return [("rich_text", f"<p>{pair[index]}</p>") for pair in pairs]


def _locales():
    en, _ = Locale.objects.get_or_create(language_code="en")
    id_, _ = Locale.objects.get_or_create(language_code="id")
    return en, id_


def _synchronise(en, id_):
    """Keep the Indonesian tree in step with the English one from now on.

    Switched on after the demo pages are translated: wagtail-localize synchronises in an
    on-commit callback, and one that runs after pages were added in the same transaction
    saves a stale parent (wrong child count), which hides the children from routing.
    """
    LocaleSynchronization.objects.get_or_create(locale=id_, defaults={"sync_from": en})
    synchronise_page_trees()


def _home(en):
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=en, depth=2).first()
    if home is None:
        # Wagtail's migrations create a "Welcome" placeholder (and a Site pointing at it).
        Page.objects.filter(
            depth=2, content_type__model="page", content_type__app_label="wagtailcore"
        ).delete()
        home = HomePage(
            title=HOME["title"][0],
            slug="home",
            locale=en,
            hero_heading=HOME["hero_heading"][0],
            hero_text=HOME["hero_text"][0],
            hero_link_text=HOME["hero_link_text"][0],
            body=[
                ("showcase", {"heading": "", "showcase": name, "count": count})
                for name, count in HOME_SHOWCASES
            ],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_address()
        site = Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True
        )
    sync_default_site()
    if site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    if site.site_name != settings.WAGTAIL_SITE_NAME:
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
    return home


def _standard_pages(home):
    pages = []
    for slug, (in_menu, fields, body) in STANDARD_PAGES.items():
        page = StandardPage.objects.filter(locale=home.locale, slug=slug).first()
        if page is None:
            page = StandardPage(
                slug=slug,
                locale=home.locale,
                show_in_menus=in_menu,
                title=fields["title"][0],
                intro=fields["intro"][0],
                body=_paragraphs(body, 0),
            )
            home.add_child(instance=page)
            page.save_revision().publish()
        pages.append((page, fields, body))
    if home.hero_link_page_id is None:
        home.hero_link_page = StandardPage.objects.get(locale=home.locale, slug="take-part")
        home.save_revision().publish()
    return pages


def translate_page(page, target, strings):
    """Translate ``page`` into ``target`` through wagtail-localize, as an editor would.

    ``strings`` maps each English source string to its Indonesian text. The translation is
    stored as wagtail-localize string translations, so editors can refine it in the admin.
    """
    existing = page.get_translations().filter(locale=target, alias_of__isnull=True).first()
    if existing is not None and existing.has_unpublished_changes is False and existing.live:
        return  # already translated on an earlier run
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=target, defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        text = strings.get(entry.msgid)
        if text:
            entry.msgstr = text
    translation.import_po(po)
    # Publish here rather than with save_target(publish=True), which publishes in an on-commit
    # callback holding a copy of the page from before its children were added; run late (as in
    # a test transaction) it would save that stale copy's child count over the real one.
    translation.save_target(publish=False)
    page.get_translation(target).get_latest_revision().publish()


def index_page(home, target, model, *, slug, title, intro, strings=None, **fields):
    """The ``model`` page under ``home`` (an app's index, such as /events/), in both languages.

    Created and published in the menu when missing (``fields`` go to the new page only), then
    translated into ``target``: ``title`` and ``intro`` are (English, Indonesian) pairs and
    ``strings`` maps any further English source string to its Indonesian text. Call it before
    adding children: the synchronised alias becomes a translation they land under.
    """
    page = model.objects.filter(locale=home.locale).first()
    if page is None:
        page = model(title=title[0], slug=slug, intro=intro[0], show_in_menus=True, **fields)
        home.add_child(instance=page)
        page.save_revision().publish()
    translate_page(page, target, {title[0]: title[1], intro[0]: intro[1], **(strings or {})})
    return page


def _translate_pages(pages, target):
    for page, fields, body in pages:
        strings = dict(fields.values())
        strings.update(dict(body))
        translate_page(page, target, strings)


def _site_settings(site):
    site_settings = SiteSettings.for_site(site)
    for field, value in SITE_SETTINGS.items():
        setattr(site_settings, field, value)
    site_settings.save()
    if not site_settings.social_links.exists():
        for label in ("Instagram", "YouTube", "LinkedIn"):
            SocialLink.objects.create(
                settings=site_settings, label=label, url=f"https://www.{label.lower()}.com/"
            )


def _admin():
    user, created = User.objects.get_or_create(
        email=ADMIN_EMAIL,
        defaults={"name": "Portal Administrator", "is_staff": True, "is_superuser": True},
    )
    set_demo_password(user, ADMIN_PASSWORD, created=created)
    from django.contrib.auth.models import Group

    # The demo's program manager (a superuser counts as one anyway; the group shows it).
    user.groups.add(*Group.objects.filter(name=PROGRAM_MANAGERS))
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=ADMIN_EMAIL, defaults={"verified": True, "primary": True}
    )
    return user


def seed(stdout):
    # Not one transaction: wagtail-localize synchronises trees in on-commit callbacks, and
    # those must see each step's pages as committed. Every step is idempotent instead.
    en, id_ = _locales()
    home = _home(en)
    # Translate the home page before adding children: wagtail-localize turns the synchronised
    # alias into a translation, and children added afterwards land under it cleanly.
    translate_page(home, id_, dict(HOME.values()))
    pages = _standard_pages(home)
    _translate_pages(pages, id_)
    _synchronise(en, id_)
    _site_settings(Site.objects.get(is_default_site=True))
    _admin()
    stdout.write(
        f"Core: {Page.objects.live().count()} live pages in {Locale.objects.count()} languages."
    )

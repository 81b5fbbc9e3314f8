"""Demo pictures, drawn on this machine with Pillow (nothing is downloaded): one per demo
programme, hackathon and challenge, one per type of event, and logos for the organisations that
programmes list as funders and partners (about 40 images in all).

Each picture is a gradient in the colour of the page's first pillar with a few shapes placed by
its title and a caption naming the kind of page in both languages and the page's title (events:
one picture per event type). Images
are stored as Wagtail images titled with an English description; each page gets a description in
its own language (``image_alt``). Seeding again finds the images by title and draws nothing, and
a page that already has an image (an editor's choice) keeps it.

Models are named by string: the core does not import the apps above it (``docs`` layout rule).
"""

import functools
import hashlib
import io
import textwrap

from django.apps import apps
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Locale, Revision

SIZE = (1200, 675)
LOGO_SIZE = (256, 256)
QUALITY = 80

# (dark, light) per smart-city pillar slug; other pages take a colour from their title.
PILLAR_COLOURS = {
    "smart-governance": ("#1d3f72", "#5b8fd6"),
    "smart-economy": ("#7a4a00", "#e0a030"),
    "smart-living": ("#7a1f3d", "#e0708f"),
    "smart-mobility": ("#004d4d", "#2fb3a8"),
    "smart-people": ("#4b2a7a", "#a07fe0"),
    "smart-environment": ("#1f5a1f", "#7cc46a"),
}
FALLBACK_COLOURS = list(PILLAR_COLOURS.values())

# Organisations that get a demo logo: the funders and partners of programmes (a dozen in the
# demo); agencies and start-ups keep the directory's plain cards, as most real ones would.
LOGO_KINDS = ("international", "sister_city", "company", "ngo")

# (model, English kind, Indonesian kind) of the pages that get a picture.
PAGE_KINDS = [
    ("programs.ProgrammePage", "Programme", "Program"),
    ("events.EventPage", "Event", "Acara"),
    ("events.HackathonPage", "Hackathon", "Hackathon"),
    ("partners.ChallengePage", "Sandbox challenge", "Tantangan sandbox"),
]


def _seed_of(text):
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def _rgb(hex_colour):
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _gradient(size, dark, light):
    from PIL import Image

    mask = Image.linear_gradient("L").rotate(-60, expand=True).resize(size)
    return Image.composite(Image.new("RGB", size, light), Image.new("RGB", size, dark), mask)


# The font Pillow bundles has no typographic dashes or quotes: draw their ASCII look-alikes.
ASCII_PUNCTUATION = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"'})


def draw_picture(title, caption, colours):
    """JPEG bytes of a 1200x675 illustration: gradient, shapes placed by ``title``, captions."""
    from PIL import ImageDraw, ImageFont

    dark, light = (_rgb(colour) for colour in colours)
    picture = _gradient(SIZE, dark, light)
    draw = ImageDraw.Draw(picture, "RGBA")
    seed = _seed_of(title)
    for shape in range(5):
        x = (seed >> (shape * 7)) % SIZE[0]
        y = (seed >> (shape * 5 + 3)) % SIZE[1]
        radius = 60 + (seed >> (shape * 3)) % 180
        box = (x - radius, y - radius, x + radius, y + radius)
        if shape % 2:
            draw.ellipse(box, fill=(255, 255, 255, 46))
        else:
            draw.rounded_rectangle(box, radius=24, fill=(*dark, 90))
    draw.rectangle((0, SIZE[1] - 230, SIZE[0], SIZE[1]), fill=(0, 0, 0, 120))
    small = ImageFont.load_default(size=34)
    large = ImageFont.load_default(size=54)
    draw.text(
        (60, SIZE[1] - 205), caption.upper().translate(ASCII_PUNCTUATION), font=small, fill="white"
    )
    lines = textwrap.wrap(title.translate(ASCII_PUNCTUATION), width=36)[:2]
    for number, line in enumerate(lines):
        draw.text((60, SIZE[1] - 150 + number * 64), line, font=large, fill="white")
    return _jpeg(picture)


def draw_logo(name, colours):
    """JPEG bytes of a 256x256 logo: the organisation's initials on its colour."""
    from PIL import Image, ImageDraw, ImageFont

    dark, light = (_rgb(colour) for colour in colours)
    logo = Image.new("RGB", LOGO_SIZE, dark)
    draw = ImageDraw.Draw(logo)
    draw.ellipse((16, 16, 240, 240), fill=light)
    initials = "".join(word[0] for word in name.split() if word[:1].isalnum())[:3].upper()
    font = ImageFont.load_default(size=88)
    draw.text((128, 128), initials or "?", font=font, fill=dark, anchor="mm")
    return _jpeg(logo)


def _jpeg(picture):
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=QUALITY, optimize=True)
    return buffer.getvalue()


def _image(title, filename, draw):
    """The image titled ``title``, drawn and stored only when it does not exist yet."""
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing, False
    content = draw()
    image = model(title=title, file=ImageFile(io.BytesIO(content), name=filename))
    image.save()
    return image, True


def _colours(page, fallback_key):
    slugs = [pillar.slug for pillar in page.pillars.all()] if hasattr(page, "pillars") else []
    for slug in slugs:
        if slug in PILLAR_COLOURS:
            return PILLAR_COLOURS[slug]
    return FALLBACK_COLOURS[_seed_of(fallback_key) % len(FALLBACK_COLOURS)]


def _store_on_revision(pages):
    """Put each page's image in its latest revision too, so the admin's editor (which starts
    from that revision) shows it and publishing keeps it."""
    revisions = Revision.objects.filter(pk__in=[page.latest_revision_id for page in pages])
    by_pk = {page.latest_revision_id: page for page in pages}
    changed = []
    for revision in revisions:
        page = by_pk[revision.pk]
        revision.content = {**revision.content, "image": page.image_id, "image_alt": page.image_alt}
        changed.append(revision)
    Revision.objects.bulk_update(changed, ["content"])


def _attach(model, english, image, alts):
    """Give every language's copy of ``english`` the image, each with its own description."""
    pages = list(
        model.objects.filter(translation_key=english.translation_key, image__isnull=True)
        .select_related("locale")
        .only("pk", "image", "image_alt", "locale", "latest_revision_id")
    )
    for page in pages:
        page.image = image
        page.image_alt = alts.get(page.locale.language_code, alts["en"])
    model.objects.bulk_update(pages, ["image", "image_alt"])
    _store_on_revision(pages)
    return len(pages)


def _indonesian_titles(model, english_pages):
    keys = [page.translation_key for page in english_pages]
    rows = model.objects.filter(translation_key__in=keys, locale__language_code="id")
    return dict(rows.values_list("translation_key", "title"))


def _subject(page, kind_en, kind_id, title_id):
    """(English image title, text drawn, caption, {language: description}) of ``page``'s
    picture. Events share one picture per type (90 demo events, nine types): seeding stays quick
    and the list still shows a different picture for each kind of event."""
    if hasattr(page, "event_type"):
        from django.utils import translation

        name_en = page.get_event_type_display()
        with translation.override("id"):
            name_id = str(page.get_event_type_display())
        return (
            f"Illustration – {name_en} ({kind_en.lower()})",
            name_en,
            f"{kind_en} · {kind_id}",
            {"id": f"Ilustrasi – {name_id} ({kind_id.lower()})"},
        )
    title = f"Illustration – {kind_en}: {page.title}"
    alts = {"id": f"Ilustrasi – {kind_id}: {title_id}"}
    return title, page.title, f"{kind_en} · {kind_id}", alts


@transaction.atomic
def seed_page_images(stdout):
    english = Locale.objects.get(language_code="en")
    drawn = attached = 0
    for label, kind_en, kind_id in PAGE_KINDS:
        model = apps.get_model(label)
        pages = list(model.objects.filter(locale=english).order_by("pk"))
        titles_id = _indonesian_titles(model, pages)
        for page in pages:
            title, text, caption, alts = _subject(
                page, kind_en, kind_id, titles_id.get(page.translation_key, page.title)
            )
            image, new = _image(
                title[:255],
                f"demo-{slugify(title)[:80]}.jpg",
                functools.partial(draw_picture, text, caption, _colours(page, text)),
            )
            drawn += new
            attached += _attach(model, page, image, {"en": title, **alts})
    stdout.write(f"Demo images: {drawn} drawn, {attached} pages given one.\n")


@transaction.atomic
def seed_logos(stdout):
    organisation_model = apps.get_model("partners.Organisation")
    drawn = 0
    organisations = organisation_model.objects.filter(kind__in=LOGO_KINDS, logo__isnull=True)
    for organisation in organisations.order_by("pk"):
        colours = FALLBACK_COLOURS[_seed_of(organisation.name) % len(FALLBACK_COLOURS)]
        logo, new = _image(
            f"Logo of {organisation.name}"[:255],
            f"logo-{organisation.slug}.jpg",
            functools.partial(draw_logo, organisation.name, colours),
        )
        drawn += new
        # An UPDATE, not save(): the organisation's other fields and its admission stay as they are.
        organisation_model.objects.filter(pk=organisation.pk).update(logo=logo)
    stdout.write(f"Demo logos: {drawn} drawn.\n")


def seed(stdout):
    seed_page_images(stdout)
    seed_logos(stdout)

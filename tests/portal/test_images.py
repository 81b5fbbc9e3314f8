"""Page images: the picture component, heroes and cards, og:image, list query counts, and the
demo pictures drawn by ``portal/demo_images.py``."""

import io
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.template import Context, Template
from wagtail.images import get_image_model

from portal import demo_images
from tests.conftest import XSS_PAYLOADS, assert_harmless, page_queries
from tests.events.conftest import event_index, hackathon_index, make_event, make_hackathon
from tests.partners.conftest import challenge_index, directories, make_challenge
from tests.programs.conftest import indexes, make_programme

pytestmark = pytest.mark.django_db

# Fixtures of the apps' conftest modules, used here too.
__all__ = ["challenge_index", "directories", "event_index", "hackathon_index", "indexes"]


@pytest.fixture(autouse=True)
def _no_rendition_cache(settings):
    """Wagtail keeps renditions it found in a cache; without it every rendition a page shows is
    read from the database, so the list tests below prove the prefetch, not the cache."""
    settings.CACHES = {
        **settings.CACHES,
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html, name):
    parser = _Tags()
    parser.feed(html)
    return [attrs for tag, attrs in parser.tags if tag == name]


def pictures(html):
    """The <img> of page pictures (not the site logo in the header)."""
    return [img for img in tags(html, "img") if img["src"].startswith(settings.MEDIA_URL)]


def make_image(title="Flood gates at Manggarai", size=(1200, 675)):
    content = demo_images.draw_picture("Test picture", "Test", ("#1d3f72", "#5b8fd6"))
    if size != demo_images.SIZE:
        from PIL import Image

        picture = Image.open(io.BytesIO(content)).resize(size)
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG")
        content = buffer.getvalue()
    image = get_image_model()(title=title, file=ImageFile(io.BytesIO(content), name="test.jpg"))
    image.save()
    return image


def render(source, **context):
    return Template("{% load image_tags %}" + source).render(Context(context))


def widths(srcset):
    return [int(width) for width in re.findall(r" (\d+)w", srcset)]


def test_a_card_picture_is_lazy_webp_with_a_fallback_and_its_size():
    image = make_image()
    html = render("{% picture image %}", image=image)
    (source,) = tags(html, "source")
    (img,) = tags(html, "img")
    assert source["type"] == "image/webp"
    assert widths(source["srcset"]) == [400, 800]
    urls = [candidate.split()[0] for candidate in source["srcset"].split(", ")]
    assert all(url.endswith(".webp") for url in urls), urls
    assert source["sizes"]
    assert img["src"].endswith(".jpg")
    assert (img["width"], img["height"]) == ("800", "450")
    assert img["alt"] == "Flood gates at Manggarai"
    assert img["loading"] == "lazy"
    assert img["decoding"] == "async"


def test_a_hero_loads_eagerly_in_three_widths():
    image = make_image()
    html = render('{% picture image kind="hero" lazy=False alt="The gates" %}', image=image)
    (source,) = tags(html, "source")
    (img,) = tags(html, "img")
    assert widths(source["srcset"]) == [640, 960, 1200]
    assert (img["width"], img["height"]) == ("1200", "675")
    assert img["alt"] == "The gates"
    assert "loading" not in img
    assert img["fetchpriority"] == "high"


def test_a_decorative_picture_has_an_empty_alt_and_a_small_image_is_not_upscaled():
    image = make_image(size=(600, 338))
    html = render("{% picture image decorative=True %}", image=image)
    (source,) = tags(html, "source")
    (img,) = tags(html, "img")
    assert img["alt"] == ""
    # Wagtail does not enlarge: the srcset names the widths the files really have.
    assert widths(source["srcset"]) == [400, 600]
    assert int(img["width"]) == 600


def test_no_image_draws_nothing():
    assert render("{% picture image %}", image=None).strip() == ""


def test_hostile_image_titles_are_escaped_in_alt():
    image = make_image()
    for payload in XSS_PAYLOADS:
        image.title = payload[:255]
        html = render("{% picture image %}", image=image)
        assert_harmless(html)
        (img,) = tags(html, "img")
        assert img["alt"] == payload[:255]


def test_a_programme_with_an_image_shows_a_hero_and_an_absolute_og_image(client, indexes):
    programme_index, _ = indexes
    pictured = make_programme(programme_index, title="With a picture", image=make_image())
    plain = make_programme(programme_index, title="Without a picture")

    html = client.get(pictured.url).content.decode()
    (img,) = pictures(html)
    assert "loading" not in img and img["alt"] == "Flood gates at Manggarai"
    (og,) = [meta for meta in tags(html, "meta") if meta.get("property") == "og:image"]
    assert og["content"].startswith(settings.SITE_URL + settings.MEDIA_URL)
    assert ".fill-1200x630" in og["content"]

    html = client.get(plain.url).content.decode()
    assert tags(html, "picture") == []
    assert not [meta for meta in tags(html, "meta") if meta.get("property") == "og:image"]

    html = client.get(programme_index.url).content.decode()
    (card,) = pictures(html)
    assert card["alt"] == "" and card["loading"] == "lazy"


def test_the_page_description_of_the_image_is_its_alt_text(client, indexes):
    programme_index, _ = indexes
    page = make_programme(programme_index, image=make_image(), image_alt="Sluice gates at dusk")
    (img,) = pictures(client.get(page.url).content.decode())
    assert img["alt"] == "Sluice gates at dusk"


def _grows(client, url, make, count):
    """The queries of ``url`` with one pictured page, then with ``count`` more."""
    make(0)
    few = page_queries(client, url)
    for number in range(1, count + 1):
        make(number)
    many = page_queries(client, url)
    html = client.get(url).content.decode()
    return few, many, len(tags(html, "picture"))


def test_the_programme_list_does_not_grow_with_pictured_programmes(client, indexes):
    programme_index, _ = indexes

    def make(number):
        make_programme(programme_index, title=f"Programme {number}", image=make_image())

    few, many, pictures = _grows(client, programme_index.url, make, 9)
    assert pictures == 10
    assert many == few


def test_the_event_list_does_not_grow_with_pictured_events(client, event_index):
    def make(number):
        make_event(event_index, title=f"Event {number}", days=number + 1, image=make_image())

    few, many, pictures = _grows(client, event_index.url, make, 9)
    assert pictures == 10
    assert many == few


def test_the_hackathon_list_does_not_grow_with_pictured_hackathons(client, hackathon_index):
    def make(number):
        make_hackathon(hackathon_index, title=f"Hackathon {number}", image=make_image())

    few, many, pictures = _grows(client, hackathon_index.url, make, 9)
    assert pictures == 10
    assert many == few


def test_the_challenge_list_does_not_grow_with_pictured_challenges(client, challenge_index):
    from tests.factories import OrganisationFactory

    agency = OrganisationFactory(kind="agency")

    def make(number):
        make_challenge(
            challenge_index, title=f"Challenge {number}", agency=agency, image=make_image()
        )

    few, many, pictures = _grows(client, challenge_index.url, make, 9)
    assert pictures == 10
    assert many == few


def test_demo_images_are_drawn_once_and_attached_in_both_languages(indexes, event_index):
    from programs.models import ProgrammePage

    programme_index, _ = indexes
    programme = make_programme(programme_index, title="Smart Change")
    event = make_event(event_index, title="Flood data clinic", event_type="workshop")
    already = make_programme(programme_index, title="Chosen by an editor", image=make_image())

    out = io.StringIO()
    demo_images.seed(out)
    images = get_image_model().objects.count()
    demo_images.seed(out)
    assert get_image_model().objects.count() == images
    assert "0 drawn" in out.getvalue().splitlines()[-1]

    copies = ProgrammePage.objects.filter(translation_key=programme.translation_key)
    by_language = {page.locale.language_code: page for page in copies.select_related("locale")}
    assert set(by_language) == {"en", "id"}
    assert by_language["en"].image_id == by_language["id"].image_id is not None
    assert by_language["en"].image_alt == "Illustration – Programme: Smart Change"
    assert by_language["id"].image_alt.startswith("Ilustrasi – Program: ")
    # The admin's editor starts from the latest revision: it holds the picture too.
    assert by_language["en"].latest_revision.content["image"] == by_language["en"].image_id
    from events.models import EventPage

    event_alts = dict(
        EventPage.objects.filter(translation_key=event.translation_key).values_list(
            "locale__language_code", "image_alt"
        )
    )
    assert event_alts == {
        "en": "Illustration – Workshop or training (event)",
        "id": "Ilustrasi – Lokakarya atau pelatihan (acara)",
    }
    already.refresh_from_db()
    assert already.image.title == "Flood gates at Manggarai"
    image = by_language["en"].image
    assert (image.width, image.height) == demo_images.SIZE
    assert image.file.name.endswith(".jpg")


def test_demo_logos_go_to_organisations_without_one(db):
    from tests.factories import OrganisationFactory

    funder = OrganisationFactory(name="Deutsche Gesellschaft", kind="international")
    agency = OrganisationFactory(name="Department of Water Resources", kind="agency")
    demo_images.seed_logos(io.StringIO())
    funder.refresh_from_db()
    agency.refresh_from_db()
    assert funder.logo.title == "Logo of Deutsche Gesellschaft"
    assert agency.logo is None
    organisation = funder
    assert (organisation.logo.width, organisation.logo.height) == demo_images.LOGO_SIZE


def test_editors_choose_the_image_and_its_description_in_the_admin(client, indexes):
    from tests.factories import SuperuserFactory

    programme_index, _ = indexes
    page = make_programme(programme_index, image=make_image())
    client.force_login(SuperuserFactory())
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    names = {attrs.get("name") for attrs in tags(html, "input")}
    assert {"image", "image_alt"} <= names


def test_the_partner_directory_does_not_grow_with_logos(client, directories):
    from tests.factories import OrganisationFactory

    def make(number):
        OrganisationFactory(name=f"Partner {number}", kind="ngo", logo=make_image())

    few, many, _ = _grows(client, "/en/partners/", make, 9)
    html = client.get("/en/partners/").content.decode()
    assert len(pictures(html)) == 10
    assert many == few

"""Every block of the shared library renders on a page, accessibly."""

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image

from portal.blocks import CallToActionBlock, LinkBlock
from portal.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=demo"


def _image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), "#0b4f6c").save(buffer, "PNG")
    return Image.objects.create(
        title="Floodgate", file=ImageFile(ContentFile(buffer.getvalue()), name="floodgate.png")
    )


def _page_with_every_block(home):
    document = Document.objects.create(
        title="Policy blueprint", file=ContentFile(b"%PDF-1.4 demo", name="blueprint.pdf")
    )
    # Cached oEmbed answer: tests never reach the network.
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        max_width=None,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/demo" title="Demo"></iframe>',
        title="Demo",
        width=640,
        height=360,
    )
    body = [
        {"type": "rich_text", "value": "<p>Rich paragraph.</p>"},
        {
            "type": "image",
            "value": {"image": _image().pk, "alt_text": "A floodgate", "caption": "Gate 7"},
        },
        {"type": "quote", "value": {"quote": "Data first.", "attribution": "An agency head"}},
        {
            "type": "call_to_action",
            "value": {
                "heading": "Join a sandbox",
                "text": "Bring your idea.",
                "link": {"page": home.pk, "url": "", "text": "Take part"},
            },
        },
        {"type": "embed", "value": {"embed": VIDEO_URL, "title": "Hackathon highlights"}},
        {
            "type": "table",
            "value": {
                "caption": "Participants per year",
                "table": {
                    "data": [["Year", "People"], ["2022", "4200"]],
                    "first_row_is_table_header": True,
                },
            },
        },
        {
            "type": "document_link",
            "value": {"document": document.pk, "label": "Read the blueprint"},
        },
    ]
    page = StandardPage(title="Every block", slug="every-block", body=json.dumps(body))
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_every_block_renders(client, demo_site):
    home = HomePage.objects.get(locale__language_code="en")
    page = _page_with_every_block(home)
    html = client.get(page.url).content.decode()
    assert "Rich paragraph." in html
    assert 'alt="A floodgate"' in html and "<figcaption>Gate 7</figcaption>" in html
    assert "<blockquote><p>Data first.</p></blockquote>" in html
    assert 'href="/en/">Take part</a>' in html
    assert "youtube-nocookie.com/embed/demo" in html and "Hackathon highlights" in html
    assert "Participants per year" in html and "4200" in html
    assert "Read the blueprint" in html and "(PDF" in html


def test_link_needs_exactly_one_target():
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"page": None, "url": "", "text": "Go"}))
    assert "either a page or an external URL" in str(error.value.block_errors["url"])
    value = CallToActionBlock().to_python(
        {
            "heading": "H",
            "text": "",
            "link": {"page": None, "url": "https://example.org", "text": "Go"},
        }
    )
    assert value["link"]["url"] == "https://example.org"

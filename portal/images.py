"""Page images: one field declaration for every page type that shows a picture, the rendition
sizes the site uses, and the queryset helper that loads a list's images without N+1 queries.

Renditions are cropped to 16:9 (the demo images' and most photos' shape) so cards line up; the
Open Graph image is 1200x630, what link previews expect. ``templates/components/picture.html``
(tag ``picture`` in ``portal/templatetags/image_tags.py``) draws them.
"""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model

# Widths (px) of each use; the height follows from the 16:9 crop.
WIDTHS = {"card": (400, 800), "hero": (640, 960, 1200)}
# The fallback <img> (browsers without WebP) gets one size of each use.
FALLBACK_WIDTH = {"card": 800, "hero": 1200}
OG_SPEC = "fill-1200x630"


def _fill(width):
    return f"fill-{width}x{width * 9 // 16}"


def webp_specs(kind):
    return [f"{_fill(width)}|format-webp" for width in WIDTHS[kind]]


def fallback_spec(kind):
    return _fill(FALLBACK_WIDTH[kind])


def specs(kind):
    """Every rendition filter a use of ``kind`` ("card" or "hero") asks for."""
    return [*webp_specs(kind), fallback_spec(kind)]


def image_field():
    """The optional picture of a page (its hero, its card on lists, its link preview)."""
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the page, on its card in lists and in link previews."),
    )


def image_alt_field():
    """What the picture shows, in the page's language (a translated field, unlike the image)."""
    return models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty to use the "
            "image's title."
        ),
    )


def image_panel():
    return MultiFieldPanel(
        [FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image"), classname="collapsed"
    )


def with_images(queryset, kind="card"):
    """``queryset`` of pages with their image and that image's renditions for ``kind`` loaded in
    two queries, whatever the number of pages (renditions not yet generated are made on first
    use)."""
    images = get_image_model().objects.prefetch_renditions(*specs(kind))
    return queryset.prefetch_related(Prefetch("image", queryset=images))


def image_alt(page):
    """The alternative text of ``page``'s picture: its own description, else the image title."""
    return (getattr(page, "image_alt", "") or "").strip() or page.image.title


def og_image_url(page):
    """The path of ``page``'s 1200x630 link-preview rendition, or "" without an image."""
    image = getattr(page, "image", None)
    if image is None or not hasattr(image, "get_rendition"):
        return ""
    return image.get_rendition(OG_SPEC).url

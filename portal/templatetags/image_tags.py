"""``{% picture image kind="card" sizes="…" lazy=True alt=None decorative=False %}``: a responsive
``<picture>`` (WebP sources, the original format as fallback) with the width and height of the
image, so the page does not shift while it loads. See ``portal/images.py``."""

from django import template

from portal import images

register = template.Library()

DEFAULT_SIZES = {
    "card": "(min-width: 48em) 22rem, 100vw",
    "hero": "(min-width: 50em) 48rem, 100vw",
}


@register.inclusion_tag("components/picture.html")
def picture(image, kind="card", sizes=None, lazy=True, alt=None, decorative=False, css_class=""):
    """``alt``: the text alternative (default the image's title); ``decorative``: the picture
    repeats what is next to it (a card's title), so ``alt=""``. ``lazy`` is for anything below
    the fold; the page hero loads eagerly."""
    if not image:
        return {"image": None}
    renditions = image.get_renditions(*images.specs(kind))
    webp = sorted(
        {renditions[spec].width: renditions[spec] for spec in images.webp_specs(kind)}.values(),
        key=lambda rendition: rendition.width,
    )
    fallback = renditions[images.fallback_spec(kind)]
    if decorative:
        alt = ""
    elif not alt:
        alt = image.title
    return {
        "image": image,
        "srcset": ", ".join(f"{rendition.url} {rendition.width}w" for rendition in webp),
        "sizes": sizes or DEFAULT_SIZES[kind],
        "fallback": fallback,
        "alt": alt,
        "lazy": lazy,
        "css_class": css_class,
    }


@register.simple_tag
def image_alt(page):
    return images.image_alt(page)

"""The shared StreamField block library every page type draws from."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


def showcase_choices():
    # Imported late: the apps' showcases are discovered once the app registry is ready.
    from portal.showcases import choices

    return choices()


RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe the image for people who cannot see it. Leave empty if decorative."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = _("Quote")


class LinkBlock(blocks.StructBlock):
    """A link to a page of the portal or to an external address."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External URL"), required=False)
    text = blocks.CharBlock(label=_("Link text"), max_length=80)

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks.struct_block import StructBlockValidationError

        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose either a page or an external URL."))}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action.html"
        label = _("Call to action")


class EmbedWithTitleBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Video or media URL"))
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=120,
        help_text=_("Names the embedded media for screen readers."),
    )

    class Meta:
        icon = "media"
        template = "blocks/embed.html"
        label = _("Embed")


class TableWithCaptionBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Caption"), max_length=200)
    table = TableBlock(label=_("Table"), table_options={"contextMenu": True})

    class Meta:
        icon = "table"
        template = "blocks/table.html"
        label = _("Table")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(label=_("Link text"), required=False, max_length=120)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link.html"
        label = _("Document link")


class BodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Rich text"))
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedWithTitleBlock()
    table = TableWithCaptionBlock()
    document_link = DocumentLinkBlock()


class ShowcaseBlock(blocks.StructBlock):
    """Records at work, read at render time: upcoming events, open calls, adopted pilots… (the
    showcases apps declare in their ``showcases.py``, portal/showcases.py)."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Leave empty to use the showcase's own name."),
    )
    showcase = blocks.ChoiceBlock(choices=showcase_choices, label=_("What to show"))
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=12)

    class Meta:
        icon = "list-ul"
        template = "blocks/showcase.html"
        label = _("Live showcase")

    def get_context(self, value, parent_context=None):
        from portal.showcases import get

        context = super().get_context(value, parent_context)
        showcase = get(value["showcase"])
        request = (parent_context or {}).get("request")
        context["showcase"] = showcase
        context["items"] = showcase.items(request, value["count"]) if showcase else []
        context["more"] = showcase.more(request) if showcase and showcase.more else None
        context["heading"] = value["heading"] or (showcase.label if showcase else "")
        return context


class HomeBlock(BodyBlock):
    """The home page's blocks: the body's, and the live showcases editors arrange."""

    showcase = ShowcaseBlock()

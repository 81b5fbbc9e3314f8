"""StreamField blocks for event pages: the agenda, registration questions and materials."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Time"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)
    speakers = blocks.CharBlock(label=_("Speakers"), required=False, max_length=300)

    class Meta:
        icon = "time"
        label = _("Agenda item")


class QuestionBlock(blocks.StructBlock):
    """A question asked when registering; answers are plain text, escaped when shown."""

    question = blocks.CharBlock(label=_("Question"), max_length=200)
    help_text = blocks.CharBlock(label=_("Hint"), required=False, max_length=300)
    required = blocks.BooleanBlock(label=_("Required"), required=False)
    choices = blocks.TextBlock(
        label=_("Choices"),
        required=False,
        help_text=_("One per line. Leave empty for a free-text answer."),
    )

    class Meta:
        icon = "help"
        label = _("Question")


class MaterialLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Link")


class MaterialDocumentBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)
    document = DocumentChooserBlock(label=_("Document"))

    class Meta:
        icon = "doc-full"
        label = _("Document")


AGENDA_BLOCKS = [("item", AgendaItemBlock())]
QUESTION_BLOCKS = [("question", QuestionBlock())]
MATERIAL_BLOCKS = [("link", MaterialLinkBlock()), ("document", MaterialDocumentBlock())]

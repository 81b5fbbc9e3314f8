"""The sections an editor arranges on the impact dashboard (``ImpactPage.sections``)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from programs.impact.labels import BREAKDOWNS, LABELS


def _figure_choices():
    return list(LABELS.items())


def _breakdown_choices():
    return list(BREAKDOWNS.items())


class ProgrammeFilter(blocks.PageChooserBlock):
    def __init__(self, **kwargs):
        super().__init__(
            page_type="programs.ProgrammePage",
            required=False,
            label=_("Programme"),
            help_text=_("Leave empty for the whole network."),
            **kwargs,
        )


class FigureChartBlock(blocks.StructBlock):
    """One figure as a chart, its numbers as a table, and links to its records and data."""

    figure = blocks.ChoiceBlock(choices=_figure_choices, label=_("Figure"))
    breakdown = blocks.ChoiceBlock(
        choices=_breakdown_choices,
        default="year",
        label=_("Chart"),
        help_text=_("A figure without such a breakdown is shown by year."),
    )
    programme = ProgrammeFilter()

    class Meta:
        icon = "table"
        label = _("Figure with chart")


class HeadlineFiguresBlock(blocks.StructBlock):
    """A row of totals, in the order the editor chooses."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    figures = blocks.ListBlock(
        blocks.ChoiceBlock(choices=_figure_choices, label=_("Figure")), label=_("Figures")
    )
    programme = ProgrammeFilter()

    class Meta:
        icon = "list-ul"
        label = _("Headline figures")


SECTION_BLOCKS = [
    ("headline", HeadlineFiguresBlock()),
    ("figure", FigureChartBlock()),
    (
        "text",
        blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"], label=_("Text")),
    ),
]

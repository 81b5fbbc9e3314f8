"""The filter dropdown every public index uses: keeps the visitor's choice, escapes names."""

from types import SimpleNamespace

from django.template import Context, Template

from tests.conftest import XSS_PAYLOADS, assert_harmless


def _render(source, **context):
    return Template("{% load portal_tags %}" + source).render(Context(context))


def test_the_current_choice_stays_selected_whatever_the_option_kind():
    choices = _render(
        '{% filter_select "status" "Stage" "All stages" options "adopted" %}',
        options=[("proposed", "Proposed"), ("adopted", "Adopted")],
    )
    assert '<label for="filter-status">Stage</label>' in choices
    assert '<option value="adopted" selected>Adopted</option>' in choices
    assert '<option value="proposed">Proposed</option>' in choices
    assert '<option value="">All stages</option>' in choices

    years = _render(
        '{% filter_select "year" "Year" "All years" years current value=None %}',
        years=[2024, 2023],
        current="2023",
    )
    assert '<option value="2023" selected>2023</option>' in years

    goals = [SimpleNamespace(number=6, name="Clean water"), SimpleNamespace(number=11, name="x")]
    sdg = _render(
        '{% filter_select "sdg" "Goal" "All goals" goals 11 value="number" %}', goals=goals
    )
    assert '<option value="11" selected>x</option>' in sdg and 'value="6">Clean water' in sdg


def test_option_names_are_escaped():
    agencies = [SimpleNamespace(slug=f"a{n}", name=p) for n, p in enumerate(XSS_PAYLOADS)]
    html = _render('{% filter_select "agency" "Agency" "All" agencies "" %}', agencies=agencies)
    assert_harmless(html.split("<select", 1)[1], allowed_tags=())
    assert html.count("<option") == len(XSS_PAYLOADS) + 1

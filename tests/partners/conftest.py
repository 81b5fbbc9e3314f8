import io

import pytest
from wagtail.models import Locale

from partners import demo as partners_demo
from portal.i18n import synchronise_page_trees
from portal.models import HomePage


@pytest.fixture
def directories(demo_site):
    """/partners/ and /agencies/ in both languages, with no organisations yet."""
    home = HomePage.objects.get(locale__language_code="en")
    partners_demo._directories(home, Locale.objects.get(language_code="id"))
    synchronise_page_trees()
    return demo_site


@pytest.fixture
def demo_partners(directories):
    partners_demo.seed(io.StringIO())


@pytest.fixture
def challenge_index(directories):
    """/challenges/ in both languages, under moderation, with no challenges yet."""
    from partners.challenges import ensure_challenge_moderation
    from partners.demo_challenges import _index

    home = HomePage.objects.get(locale__language_code="en")
    index = _index(home, Locale.objects.get(language_code="id"))
    synchronise_page_trees()
    ensure_challenge_moderation(index)
    return index


def make_challenge(index, *, title="Flood sensors", agency=None, live=True, pillars=(), **fields):
    """A published (or draft) challenge under ``index``; the Indonesian alias follows."""
    from wagtail_localize.synctree import create_aliases_for_new_page

    from partners.models import ChallengePage
    from tests.factories import OrganisationFactory

    agency = agency or OrganisationFactory(kind="agency")
    page = ChallengePage(
        title=title,
        summary=fields.pop("summary", f"Summary of {title}"),
        problem_statement=fields.pop("problem_statement", "<p>The problem.</p>"),
        owner_agency=agency,
        live=live,
        **fields,
    )
    page.pillars.set(pillars)
    index.add_child(instance=page)
    create_aliases_for_new_page(page)  # as the admin does; publishing makes them live
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


from tests.partners.cast import cast  # noqa: E402, F401 - the proposal tests' cast of people

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

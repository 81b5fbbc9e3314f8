"""Fixtures for cohort tests: /accelerator/ in both languages and a cast around an open cohort."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from partners.models import Membership
from portal.i18n import synchronise_page_trees
from portal.models import HomePage
from programs.cohorts import demo as cohorts_demo
from programs.models import Cohort
from tests.factories import (
    OrganisationFactory,
    ProgramManagerFactory,
    RubricFactory,
    UserFactory,
)


@pytest.fixture
def accelerator_index(demo_site):
    home = HomePage.objects.get(locale__language_code="en")
    page = cohorts_demo._index(home, Locale.objects.get(language_code="id"))
    synchronise_page_trees()
    return page


def make_cohort(title="Future City Accelerator, batch 9", *, open_now=True, past=False, **fields):
    now = timezone.now()
    today = timezone.localdate()
    if past:
        dates = {
            "opens_at": now - timedelta(days=400),
            "closes_at": now - timedelta(days=350),
            "starts_on": today - timedelta(days=300),
            "ends_on": today - timedelta(days=180),
        }
    elif open_now:
        dates = {
            "opens_at": now - timedelta(days=1),
            "closes_at": now + timedelta(days=10),
            "starts_on": today + timedelta(days=30),
            "ends_on": today + timedelta(days=150),
        }
    else:  # applications closed, selection under way
        dates = {
            "opens_at": now - timedelta(days=30),
            "closes_at": now - timedelta(hours=1),
            "starts_on": today + timedelta(days=30),
            "ends_on": today + timedelta(days=150),
        }
    values = {
        "title": title,
        "summary": f"About {title}",
        "published": True,
        "capacity": 2,
        **dates,
        **fields,
    }
    return Cohort.objects.create(**values)


@dataclass
class CohortWorld:
    cohort: object
    startup: object
    owner: object
    editor: object
    plain_member: object
    outsider: object
    reviewer: object
    manager: object
    rubric: object


@pytest.fixture
def cohort_world(db):
    rubric = RubricFactory(criteria=[("Overall", 1)])
    rubric.criteria.update(min_score=0, max_score=10)
    cohort = make_cohort(rubric=rubric)
    startup = OrganisationFactory(name="Kali Bersih Labs", kind="startup")
    owner, editor, plain = UserFactory(), UserFactory(), UserFactory()
    for user, role in ((owner, "owner"), (editor, "editor"), (plain, "member")):
        Membership.objects.create(organisation=startup, user=user, role=role)
    return CohortWorld(
        cohort=cohort,
        startup=startup,
        owner=owner,
        editor=editor,
        plain_member=plain,
        outsider=UserFactory(),
        reviewer=UserFactory(),
        manager=ProgramManagerFactory(),
        rubric=rubric,
    )


def complete(application):
    """Fill what submitting needs (the cohort's required questions included)."""
    application.pitch = "We map blocked floodgates from residents' photos."
    application.problem = "Floodgates clog with waste and nobody knows where."
    application.solution = "A reporting app with the Department of Water Resources."
    application.team = "Three engineers and a designer."
    application.answers = {b.value["question"]: "Prototype" for b in application.cohort.questions}
    application.save()
    return application

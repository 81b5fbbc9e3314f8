"""The demo seed's cohorts: the Future City Accelerator (three past batches, one open), the SSO
training, 84 start-ups supported and 24 SSOs trained as records; the demo member can apply."""

import io

import pytest
from django.urls import reverse

from partners.models import Organisation
from portal.models import User
from programs import demo
from programs.cohorts import services
from programs.models import Cohort, CohortMember

pytestmark = pytest.mark.django_db


def test_the_demo_builds_the_accelerator_and_its_figures(client, demo_programs):
    accelerator = Cohort.objects.filter(kind="accelerator").order_by("batch")
    assert [c.batch for c in accelerator] == [1, 2, 3, 4]
    assert [c.status for c in accelerator] == ["completed", "completed", "completed", "open"]
    assert Cohort.objects.filter(kind="sso_training").count() == 1
    assert CohortMember.objects.filter(cohort__kind="accelerator").count() == 84
    assert CohortMember.objects.filter(cohort__kind="sso_training").count() == 24
    assert accelerator.first().programme.title == "Future City Accelerator"
    counts = (Cohort.objects.count(), CohortMember.objects.count(), Organisation.objects.count())
    demo.seed(io.StringIO())
    assert (
        Cohort.objects.count(),
        CohortMember.objects.count(),
        Organisation.objects.count(),
    ) == counts
    for language in ("en", "id"):
        assert client.get(f"/{language}/accelerator/").status_code == 200
        for cohort in Cohort.objects.all():
            assert client.get(f"/{language}/accelerator/{cohort.slug}/").status_code == 200
    # The demo member can apply to the open batch for their start-up.
    member = User.objects.get(email="member@example.org")
    batch = Cohort.objects.get(kind="accelerator", batch=4)
    client.force_login(member)
    page = client.get(reverse("programs:cohort_apply", args=[batch.slug])).content.decode()
    assert "8 Villages Indonesia" in page
    application = services.start_application(
        member, batch, Organisation.objects.get(name="8 Villages Indonesia")
    )
    assert application.state == "draft"

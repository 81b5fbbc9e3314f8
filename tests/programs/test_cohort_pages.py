"""/accelerator/ lists current and past cohorts in both languages; a cohort's public page shows
its dates, eligibility and accepted members; nothing unpublished shows; the cost is flat."""

import pytest

from programs.models import AcceleratorIndexPage, CohortMember
from tests.conftest import XSS_PAYLOADS, assert_harmless, page_queries
from tests.factories import OrganisationFactory
from tests.programs.cohorts import make_cohort

pytestmark = pytest.mark.django_db


def test_the_index_lists_current_and_past_cohorts_in_both_languages(client, accelerator_index):
    make_cohort("Batch open now", title_id="Angkatan yang dibuka")
    make_cohort("Batch long ago", past=True)
    make_cohort("Batch not published", published=False)
    english = client.get("/en/accelerator/")
    assert english.status_code == 200
    html = english.content.decode()
    current, past = html.split('id="past-heading"')
    assert "Batch open now" in current and "Batch long ago" in past
    assert "Batch not published" not in html
    indonesian = client.get("/id/accelerator/").content.decode()
    assert "Angkatan yang dibuka" in indonesian and "Akselerator" in indonesian
    assert AcceleratorIndexPage.objects.filter(locale__language_code="id").exists()


def test_a_cohort_page_shows_dates_eligibility_and_members(client, accelerator_index):
    cohort = make_cohort(
        kind="sso_training", theme="Running incubators", theme_id="Menjalankan inkubator"
    )
    member = OrganisationFactory(name="Kota Hub Incubator", kind="startup_support")
    CohortMember.objects.create(cohort=cohort, organisation=member)
    response = client.get(accelerator_index.cohort_url(cohort))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kota Hub Incubator" in html and "Running incubators" in html
    assert "Start-up support organisation" in html  # who may apply, by default for training
    assert "Apply for this cohort" in html
    indonesian = client.get(f"/id/accelerator/{cohort.slug}/")
    assert indonesian.status_code == 200
    assert "Menjalankan inkubator" in indonesian.content.decode()
    assert "Menjalankan" not in html


def test_unpublished_and_unknown_cohorts_are_404(client, accelerator_index):
    hidden = make_cohort(published=False)
    assert client.get(f"/en/accelerator/{hidden.slug}/").status_code == 404
    assert client.get("/en/accelerator/no-such-cohort/").status_code == 404
    sitemap = client.get("/sitemap.xml").content.decode()
    assert hidden.slug not in sitemap


def test_hostile_text_is_harmless_on_cohort_pages(client, accelerator_index):
    payload = XSS_PAYLOADS[0]
    cohort = make_cohort(
        payload[:200], summary=payload[:300], description=payload, theme=payload[:200]
    )
    CohortMember.objects.create(cohort=cohort, organisation=OrganisationFactory(name=payload[:200]))
    for address in ("/en/accelerator/", accelerator_index.cohort_url(cohort)):
        html = client.get(address).content.decode()
        assert_harmless(html.split("<main", 1)[-1].split("</main>", 1)[0])


def _grow(count, start):
    cohorts = []
    for number in range(start, start + count):
        cohort = make_cohort(f"Batch {number}", past=number % 2 == 0)
        for member in range(3):
            CohortMember.objects.create(
                cohort=cohort, organisation=OrganisationFactory(name=f"Org {number}-{member}")
            )
        cohorts.append(cohort)
    return cohorts


def test_index_and_cohort_pages_cost_the_same_with_ten_times_the_data(client, accelerator_index):
    first = _grow(2, 0)[0]
    addresses = ["/en/accelerator/", "/id/accelerator/", accelerator_index.cohort_url(first)]
    few = [len(page_queries(client, address)) for address in addresses]
    _grow(20, 2)
    for member in range(27):
        CohortMember.objects.create(
            cohort=first, organisation=OrganisationFactory(name=f"Extra {member}")
        )
    assert [len(page_queries(client, address)) for address in addresses] == few


def test_programme_key_figures_count_cohorts_start_ups_and_ssos(client, indexes):
    from django.utils import translation

    from tests.programs.conftest import make_programme

    programme = make_programme(indexes[0], title="Future City Accelerator")
    batch = make_cohort("Batch 1", past=True, programme=programme)
    training = make_cohort("SSO training", past=True, programme=programme, kind="sso_training")
    make_cohort("Hidden batch", programme=programme, published=False)
    startups = [OrganisationFactory(name=f"Start-up {n}") for n in range(3)]
    for organisation in startups:
        CohortMember.objects.create(cohort=batch, organisation=organisation)
    CohortMember.objects.create(
        cohort=training, organisation=OrganisationFactory(kind="startup_support")
    )
    with translation.override("en"):
        figures = {str(label): number for label, number in programme.key_figures()}
    assert figures["cohorts"] == 2
    assert figures["start-ups supported"] == 3
    assert figures["start-up support organisations trained"] == 1
    assert "start-ups supported" in client.get(programme.url).content.decode()

"""The rows migrations create (root page, locales, taxonomy, program managers), put back.

A transactional test ends by emptying every table; the next one (a browser test, a concurrency
test, a command run with real commits) needs what the migrations had created.
"""


def put_back_migrated_rows():
    from wagtail.models import Collection, Locale, Page

    from portal.models import Pillar, SustainableDevelopmentGoal
    from portal.taxonomy import load_taxonomy

    load_taxonomy(Locale, Pillar, SustainableDevelopmentGoal)  # creates both locales too
    if not Page.objects.exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    if not Collection.objects.exists():  # documents (policy PDFs) need the root collection
        Collection.add_root(name="Root")
    _restore_program_managers()


# (app label, codename) of the group's permissions as the migrations left them, taken once
# per test session before any test can empty the database (tests/conftest.py).
_MIGRATED_GRANTS: set[tuple[str, str]] = set()


def remember_program_managers():
    """Record what the migrations granted the "Program managers" group. A snapshot rather than
    a second list: a new migration's grants come back with no edit here."""
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Program managers")
    _MIGRATED_GRANTS.update(group.permissions.values_list("content_type__app_label", "codename"))


def _restore_program_managers():
    """The "Program managers" group with the permissions its data migrations granted."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    assert _MIGRATED_GRANTS, "remember_program_managers() runs when the test database is set up"
    group, created = Group.objects.get_or_create(name="Program managers")
    if not created:
        return
    wanted = Q(pk__in=[])
    for app_label, codename in _MIGRATED_GRANTS:
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    group.permissions.add(*Permission.objects.filter(wanted))

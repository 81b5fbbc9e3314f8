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


def _restore_program_managers():
    """The "Program managers" group with the permissions its data migrations grant."""
    import importlib

    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    group, created = Group.objects.get_or_create(name="Program managers")
    if not created:
        return
    proposals = importlib.import_module("partners.migrations.0007_program_managers_proposals")
    reviews = importlib.import_module("portal.migrations.0006_review_permissions")
    events = importlib.import_module("events.migrations.0002_moderation_permissions_schedule")
    pilots = importlib.import_module("programs.migrations.0004_pilot_reminders_permissions")
    cohorts = importlib.import_module("programs.migrations.0006_cohort_permissions")
    mentoring = importlib.import_module("programs.migrations.0007_mentoring")
    milestones = importlib.import_module("programs.migrations.0010_milestones")
    demo_day = importlib.import_module("programs.migrations.0011_demo_day_outcomes")
    reports = importlib.import_module("portal.reports.migrations.0002_program_manager_permissions")
    group.permissions.add(
        *Permission.objects.filter(
            Q(content_type__app_label="wagtailadmin", codename="access_admin")
            | Q(
                content_type__app_label="partners",
                content_type__model__in=["organisation", "membership"],
            )
            | Q(
                content_type__app_label="partners",
                codename__in=[
                    f"{a}_{m}" for m, actions in proposals.GRANTS.items() for a in actions
                ],
            )
            | Q(
                content_type__app_label="portal",
                codename__in=[f"{a}_{m}" for m in reviews.MODELS for a in reviews.ACTIONS],
            )
            | Q(
                content_type__app_label="events",
                codename__in=[f"{a}_{m}" for m, actions in events.GRANTS.items() for a in actions],
            )
            | Q(
                content_type__app_label="programs",
                codename__in=[f"{a}_{m}" for m, actions in pilots.GRANTS.items() for a in actions],
            )
            | Q(
                content_type__app_label="programs",
                codename__in=[
                    f"{a}_{m}"
                    for grants in (
                        cohorts.GRANTS,
                        mentoring.GRANTS,
                        milestones.GRANTS,
                        demo_day.GRANTS,
                    )
                    for m, actions in grants.items()
                    for a in actions
                ],
            )
            | Q(
                content_type__app_label="reports",
                codename__in=[f"{a}_{m}" for m, actions in reports.GRANTS.items() for a in actions],
            )
        )
    )

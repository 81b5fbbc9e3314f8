"""One definition of "program manager": the "Program managers" group (superusers included,
active users only), asked by every rule, screen and notice, so who may act is who is told."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.contenttypes.models import ContentType

from partners import services
from partners.permissions import can_moderate_organisations
from portal.models import Notification, TimelineEntry
from portal.models.timeline import Visibility
from portal.permissions import is_program_manager, program_managers
from portal.reviews.permissions import can_manage_reviews
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _in_group(**fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name="Program managers"))
    return user


def test_the_group_makes_a_program_manager_and_is_staff_alone_does_not():
    member_of_group = _in_group()
    superuser = UserFactory(is_staff=True, is_superuser=True)
    staff_only = UserFactory(is_staff=True)
    inactive = _in_group(is_active=False)
    inactive_superuser = UserFactory(is_superuser=True, is_active=False)
    assert is_program_manager(member_of_group)
    assert is_program_manager(superuser)
    assert not is_program_manager(staff_only)
    assert not is_program_manager(inactive)
    assert not is_program_manager(inactive_superuser)
    assert not is_program_manager(AnonymousUser())
    assert not is_program_manager(None)
    assert set(program_managers()) == {member_of_group, superuser}


def test_who_may_moderate_is_who_is_told(member):
    manager, staff_only, superuser = (
        _in_group(),
        UserFactory(is_staff=True),
        UserFactory(is_staff=True, is_superuser=True),
    )
    organisation = services.request_organisation(member, name="Kota Hijau", kind="ngo")
    told = set(
        Notification.objects.filter(kind="partners.organisation_requested").values_list(
            "recipient", flat=True
        )
    )
    may_act = {
        user.pk
        for user in (member, manager, staff_only, superuser)
        if can_moderate_organisations(user, organisation)[0]
    }
    assert told == may_act == {manager.pk, superuser.pk}
    assert can_manage_reviews(manager)[0] and not can_manage_reviews(staff_only)[0]


def test_staff_only_timeline_entries_are_for_program_managers(member):
    entry = TimelineEntry.objects.create(
        content_type=ContentType.objects.get_for_model(member),
        object_id=str(member.pk),
        action="note",
        visibility=Visibility.STAFF,
    )
    assert entry in TimelineEntry.objects.visible_to(_in_group())
    assert entry not in TimelineEntry.objects.visible_to(UserFactory(is_staff=True))


@pytest.mark.django_db
def test_the_test_baseline_restores_what_the_migrations_grant_program_managers():
    """Browser and concurrency tests empty the database and put the group back; a permission
    missing there shows as "no permission" in a journey."""
    from tests.baseline import _restore_program_managers

    def granted():
        group = Group.objects.get(name="Program managers")
        return set(group.permissions.values_list("content_type__app_label", "codename"))

    migrated = granted()
    assert ("programs", "change_cohortmilestone") in migrated
    Group.objects.filter(name="Program managers").delete()
    _restore_program_managers()
    assert granted() == migrated

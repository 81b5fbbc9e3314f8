"""The workflow engine, proved on the test-only application pipeline."""

import threading

import pytest
from django.db import connection
from wagtail.models import ModelLogEntry

from portal.models import Notification, TimelineEntry
from portal.workflow import TransitionError, apply_transition, available_actions, diagram
from tests.conftest import assert_max_queries
from tests.factories import StaffFactory, UserFactory
from tests.workflow_app.models import Application, ApplicationPipeline

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicant():
    return UserFactory()


@pytest.fixture
def manager():
    return StaffFactory()


@pytest.fixture
def application(applicant):
    return Application.objects.create(title="Flood sensors", owner=applicant)


def test_a_legal_step_changes_state_and_leaves_a_trail(application, applicant):
    entry = apply_transition(application, "submit", applicant)
    application.refresh_from_db()
    assert application.state == "submitted"
    assert (entry.from_state, entry.to_state, entry.actor) == ("draft", "submitted", applicant)
    assert list(TimelineEntry.objects.for_object(application)) == [entry]
    log = ModelLogEntry.objects.get(action="portal.workflow.transition")
    assert log.user == applicant
    assert log.data["transition"] == "submit" and log.data["to"] == "submitted"
    assert log.object_id == str(application.pk)


def test_a_step_from_the_wrong_state_is_refused_clearly(application, manager):
    with pytest.raises(TransitionError, match="You cannot “Accept” while the item is “Draft”"):
        apply_transition(application, "accept", manager)
    application.refresh_from_db()
    assert application.state == "draft"
    assert not TimelineEntry.objects.exists()


def test_a_step_the_user_may_not_take_is_refused_with_the_reason(application, applicant):
    apply_transition(application, "submit", applicant)
    with pytest.raises(TransitionError, match=r"Only program managers may do this\."):
        apply_transition(application, "start_review", applicant)
    stranger = UserFactory()
    with pytest.raises(TransitionError, match="Only the applicant"):
        apply_transition(application, "withdraw", stranger)


def test_a_required_comment_must_be_given(application, applicant, manager):
    apply_transition(application, "submit", applicant)
    apply_transition(application, "start_review", manager)
    with pytest.raises(TransitionError, match="Please write a message"):
        apply_transition(application, "request_changes", manager, comment="   ")
    entry = apply_transition(application, "request_changes", manager, comment="Add a budget.")
    assert entry.comment == "Add a budget."


def test_a_move_on_a_state_nobody_saw_is_refused(application, applicant, manager):
    apply_transition(application, "submit", applicant)
    # The manager's screen still shows "draft"; someone else moved it meanwhile.
    with pytest.raises(TransitionError, match="changed by someone else"):
        apply_transition(application, "start_review", manager, expected_state="draft")
    apply_transition(application, "start_review", manager, expected_state="submitted")


def test_unknown_steps_are_refused(application, applicant):
    with pytest.raises(TransitionError, match="is not a step"):
        apply_transition(application, "teleport", applicant)


def test_available_actions_depend_on_who_asks(application, applicant, manager):
    assert [a.name for a in available_actions(application, applicant)] == ["submit", "withdraw"]
    assert [a.name for a in available_actions(application, manager)] == []
    assert available_actions(application, UserFactory()) == []
    refused = available_actions(application, manager, include_refused=True)
    assert {a.name: a.reason for a in refused}["submit"] == "Only the applicant may do this."
    apply_transition(application, "submit", applicant)
    assert [a.name for a in available_actions(application, manager)] == ["start_review"]


def test_timeline_visibility_follows_the_reader(application, applicant, manager):
    apply_transition(application, "submit", applicant)  # participants
    apply_transition(application, "start_review", manager)  # staff only
    apply_transition(application, "accept", manager)  # public
    timeline = TimelineEntry.objects.for_object(application)
    assert [e.action for e in timeline.visible_to(manager)] == ["submit", "start_review", "accept"]
    assert [e.action for e in timeline.visible_to(applicant, is_participant=True)] == [
        "submit",
        "accept",
    ]
    assert [e.action for e in timeline.visible_to(None)] == ["accept"]


def test_notifications_are_created_in_the_step_and_mailed_after_commit(
    application, applicant, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks() as callbacks:
        apply_transition(application, "submit", applicant)
        assert Notification.objects.filter(recipient=applicant).count() == 1
        assert mailoutbox == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()
    assert [m.to for m in mailoutbox] == [[applicant.email]]


def test_a_refused_step_sends_nothing(application, manager, mailoutbox):
    with pytest.raises(TransitionError):
        apply_transition(application, "accept", manager)
    assert not Notification.objects.exists()
    assert mailoutbox == []


def test_pipelines_declare_valid_states_and_draw_themselves():
    text = diagram(ApplicationPipeline)
    assert text.startswith("stateDiagram-v2")
    assert "[*] --> draft" in text
    assert "in_review --> changes_requested: request_changes" in text
    from portal.workflow import Pipeline, Transition

    with pytest.raises(TypeError, match="unknown states"):

        class Broken(Pipeline):
            name = "broken"
            states = ApplicationPipeline.states
            transitions = [Transition("x", "X", ("draft",), "nowhere", lambda u, o: (True, ""))]


def test_a_step_costs_a_bounded_number_of_queries(application, applicant):
    with assert_max_queries(16):
        apply_transition(application, "submit", applicant)


@pytest.mark.django_db(transaction=True)
def test_concurrent_conflicting_steps_let_exactly_one_win():
    """Two program managers decide at once: one wins, the other is told, nothing is lost."""
    applicant, manager = UserFactory(), StaffFactory()
    application = Application.objects.create(title="Race", owner=applicant)
    apply_transition(application, "submit", applicant)
    apply_transition(application, "start_review", manager)
    barrier = threading.Barrier(2)
    outcomes = []

    # Each manager's screen loaded the application before either clicked.
    screens = {name: Application.objects.get(pk=application.pk) for name in ("accept", "decline")}

    def decide(name):
        try:
            barrier.wait()
            apply_transition(screens[name], name, manager, expected_state="in_review")
            outcomes.append(name)
        except TransitionError as error:
            outcomes.append(f"refused: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(name,)) for name in ("accept", "decline")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [o for o in outcomes if not o.startswith("refused")]
    assert len(outcomes) == 2, outcomes  # the loser was told, not crashed
    assert len(winners) == 1, outcomes
    application.refresh_from_db()
    assert application.state == {"accept": "accepted", "decline": "declined"}[winners[0]]
    assert (
        TimelineEntry.objects.for_object(application).filter(to_state=application.state).count()
        == 1
    )

"""One small declarative state machine for every business pipeline of the portal.

A pipeline declares its states and transitions in one table. ``apply_transition`` is the only
way a state changes: it locks the row, refuses illegal, unauthorised, incomplete or concurrent
moves with a clear message, saves the new state, writes an audit-log entry and a timeline entry
(with its visibility), and creates notifications whose e-mails go out after the commit.
Screens ask ``available_actions`` what a user may do; docs draw the table with ``diagram``.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import OperationalError, models, transaction
from django.dispatch import Signal
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.models import TimelineEntry, Visibility
from portal.services import ActionRefused

logger = logging.getLogger(__name__)

LOG_ACTION = "portal.workflow.transition"

# (user, obj) -> (allowed, reason). The reason is shown to the user when not allowed.
Rule = Callable[[object, models.Model], tuple[bool, str]]


@dataclass(frozen=True)
class Notice:
    """A notification a transition sends: to whom, and what it says."""

    recipients: Iterable
    title: str
    body: str = ""
    url: str = ""
    # The notification's kind; empty: "<pipeline name>.<transition name>".
    kind: str = ""


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    source: tuple[str, ...]
    target: str
    allowed: Rule
    requires_comment: bool = False
    requires_date: bool = False
    requires_attachment: bool = False
    visibility: str = Visibility.PARTICIPANTS
    # (obj, entry) -> notices to send; None sends nothing.
    notify: Callable[[models.Model, TimelineEntry], Iterable[Notice]] | None = None


class TransitionError(ActionRefused):
    """A move the engine refused; ``str(error)`` is the message for the user."""


class TransitionBusy(TransitionError):
    """SQLite refused the write because another one holds the database: worth retrying."""


@dataclass
class Action:
    """A transition as one user sees it now: allowed, or not and why."""

    transition: Transition
    allowed: bool
    reason: str = ""

    @property
    def name(self):
        return self.transition.name

    @property
    def label(self):
        return self.transition.label


REGISTRY: dict[str, type["Pipeline"]] = {}

# Sent after every transition the engine applied (``obj``, ``transition``, ``entry``): public
# state may have changed, so the public cache listens (portal/cache.py).
transition_applied = Signal()


class Pipeline:
    """Subclass with ``name``, ``states`` (a TextChoices class), ``transitions`` and ``field``."""

    name: str = ""
    field: str = "state"
    states: type[models.TextChoices]
    transitions: list[Transition] = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if not cls.name:
            raise TypeError(f"{cls.__name__} needs a name")
        values = set(cls.states.values)
        names = [t.name for t in cls.transitions]
        if len(names) != len(set(names)):
            raise TypeError(f"{cls.name}: transition names must be unique")
        for transition in cls.transitions:
            unknown = {*transition.source, transition.target} - values
            if unknown:
                raise TypeError(f"{cls.name}.{transition.name}: unknown states {unknown}")
        REGISTRY[cls.name] = cls

    @classmethod
    def choices(cls):
        return cls.states.choices

    @classmethod
    def get(cls, name):
        for transition in cls.transitions:
            if transition.name == name:
                return transition
        raise TransitionError(_("“%(name)s” is not a step of this process.") % {"name": name})

    @classmethod
    def state_label(cls, value):
        return dict(cls.states.choices).get(value, value)


def pipeline_for(obj):
    pipeline = getattr(type(obj), "workflow", None)
    if pipeline is None:
        raise TypeError(f"{type(obj).__name__} has no `workflow` pipeline")
    return pipeline


def _check(transition, current, user, obj, comment, date, attachment, pipeline):
    """Raise TransitionError with the first reason this move may not happen."""
    if current not in transition.source:
        raise TransitionError(
            _("You cannot “%(action)s” while the item is “%(state)s”.")
            % {"action": transition.label, "state": pipeline.state_label(current)}
        )
    allowed, reason = transition.allowed(user, obj)
    if not allowed:
        raise TransitionError(reason or _("You may not do this."))
    if transition.requires_comment and not (comment or "").strip():
        raise TransitionError(_("Please write a message explaining this step."))
    if transition.requires_date and date is None:
        raise TransitionError(_("Please give the date for this step."))
    if transition.requires_attachment and not attachment:
        raise TransitionError(_("Please attach the document this step needs."))


def apply_transition(
    obj, name, user, *, comment="", date=None, attachment=None, expected_state=None
):
    """Move ``obj`` through the transition ``name`` on behalf of ``user``; return the entry.

    ``expected_state`` is the state the user saw when they chose the action: if someone else
    moved the item meanwhile, the move is refused instead of applied to a state nobody saw.
    """
    pipeline = pipeline_for(obj)
    transition = pipeline.get(name)
    # Imported here: notifications build on the models, the engine on notifications.
    from portal.notifications.services import notify

    try:
        entry, current = _apply(
            obj, pipeline, transition, user, comment, date, attachment, expected_state, notify
        )
    except OperationalError as error:
        # SQLite cannot queue writers the way PostgreSQL's row lock does: it refuses at once.
        if "locked" not in str(error):
            raise
        raise TransitionBusy(
            _("Someone else is changing this item right now. Please try again.")
        ) from error
    setattr(obj, pipeline.field, transition.target)
    transition_applied.send(type(obj), obj=obj, transition=transition, entry=entry)
    logger.info("%s %s: %s -> %s by %s", pipeline.name, obj.pk, current, transition.target, user)
    return entry


def _apply(obj, pipeline, transition, user, comment, date, attachment, expected_state, notify):
    with transaction.atomic():
        locked = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
        current = getattr(locked, pipeline.field)
        if expected_state is not None and current != expected_state:
            raise TransitionError(
                _(
                    "This item was changed by someone else while you were looking at it: it is "
                    "now “%(state)s”. Please review it again."
                )
                % {"state": pipeline.state_label(current)}
            )
        _check(transition, current, user, locked, comment, date, attachment, pipeline)
        setattr(locked, pipeline.field, transition.target)
        update_fields = [pipeline.field]
        if any(f.name == "updated_at" for f in locked._meta.concrete_fields):
            update_fields.append("updated_at")
        locked.save(update_fields=update_fields)
        entry = TimelineEntry.objects.create(
            subject=locked,
            actor=user if getattr(user, "is_authenticated", False) else None,
            action=transition.name,
            from_state=current,
            to_state=transition.target,
            comment=(comment or "").strip(),
            date=date,
            attachment=attachment or "",
            visibility=transition.visibility,
        )
        log(
            instance=locked,
            action=LOG_ACTION,
            user=user if getattr(user, "is_authenticated", False) else None,
            data={
                "pipeline": pipeline.name,
                "transition": transition.name,
                "from": current,
                "to": transition.target,
                "comment": entry.comment,
            },
        )
        for notice in transition.notify(locked, entry) if transition.notify else ():
            notify(
                notice.recipients,
                title=notice.title,
                body=notice.body,
                url=notice.url,
                kind=notice.kind or f"{pipeline.name}.{transition.name}",
            )
    return entry, current


def available_actions(obj, user, *, include_refused=False):
    """The transitions open from ``obj``'s state, for ``user``; refused ones carry the reason."""
    pipeline = pipeline_for(obj)
    current = getattr(obj, pipeline.field)
    actions = []
    for transition in pipeline.transitions:
        if current not in transition.source:
            continue
        allowed, reason = transition.allowed(user, obj)
        if allowed or include_refused:
            actions.append(Action(transition, allowed, "" if allowed else reason))
    return actions


def diagram(pipeline):
    """The pipeline as a Mermaid state diagram, for docs and the admin."""
    lines = ["stateDiagram-v2"]
    # A step that keeps the state (a record on the timeline) does not make it a later state.
    targets = {t.target for t in pipeline.transitions if t.target not in t.source}
    for value in pipeline.states.values:
        if value not in targets:
            lines.append(f"    [*] --> {value}")
    for transition in pipeline.transitions:
        for source in transition.source:
            lines.append(f"    {source} --> {transition.target}: {transition.name}")
    return "\n".join(lines)

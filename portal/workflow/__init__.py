"""The portal's one workflow engine (see docs/workflow.md)."""

from .engine import (
    REGISTRY,
    Action,
    Notice,
    Pipeline,
    Transition,
    TransitionBusy,
    TransitionError,
    apply_transition,
    available_actions,
    diagram,
)

__all__ = [
    "REGISTRY",
    "Action",
    "Notice",
    "Pipeline",
    "Transition",
    "TransitionBusy",
    "TransitionError",
    "apply_transition",
    "available_actions",
    "diagram",
]

"""Every write about pilots: atomic, permission-checked, audit-logged, notified.

Stage changes go through the workflow engine (``take_step`` for the pilot, ``decide_for_agency``
and ``record_adoption`` for an agency's own decision, ``milestone_step`` for a milestone). Edits
of public fields write an audit-log entry naming the fields, so "who changed what the public
reads, and when" is always answered. One module per use case; import from here.
"""

from .agencies import decide_for_agency, invite_agency, involve_agency, record_adoption
from .common import clean_text
from .milestones import add_milestone, milestone_step
from .pilots import (
    carried_over,
    carried_over_from_submission,
    create_pilot,
    propose_pilot,
    set_published,
    take_step,
    unique_slug,
    update_pilot,
)
from .records import add_document, add_indicator, add_note, measure_indicator

__all__ = [
    "add_document",
    "add_indicator",
    "add_milestone",
    "add_note",
    "carried_over",
    "carried_over_from_submission",
    "clean_text",
    "create_pilot",
    "decide_for_agency",
    "invite_agency",
    "involve_agency",
    "measure_indicator",
    "milestone_step",
    "propose_pilot",
    "record_adoption",
    "set_published",
    "take_step",
    "unique_slug",
    "update_pilot",
]

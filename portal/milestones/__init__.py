"""Milestones: one mechanism for every piece of work a team promises by a date and proves with
evidence (pilot milestones, cohort start-ups' milestones). See docs/workflow.md and
docs/pilots.md / docs/accelerator.md.

- ``models.Milestone``: the abstract base (title in both languages, due date, state, evidence
  text and an optional private evidence file, completion and review), with the protocol each
  concrete model answers (who owns it, who may see it, where its screens are).
- ``workflows.MilestonePipeline``: the one pipeline, on the workflow engine.
- ``permissions``: who may take each step, with the reason.
- ``services.take_step``: the one write for a step (evidence saved with it, file checked).
- ``jobs.remind_overdue``: the daily reminder for overdue milestones.
"""

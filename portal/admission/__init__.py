"""One admission mechanism: requests to join a group and invitations into it (docs/admission.md).

A group (an organisation, a hackathon team; next: cohorts, mentors) takes part through a small
protocol on its model (who may admit, what admitting does, its name and addresses); its request
and invitation models subclass the abstract bases in ``models``; every move goes through the
workflow engine (``workflows``), and writes through ``services``.
"""

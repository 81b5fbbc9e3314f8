"""Members' data rights (Indonesia's Personal Data Protection Law, UU 27/2022).

- ``portal.personal_data``: the JSON export of everything the portal holds about a member.
- ``erasure``: deleting an account: personal data erased, public records kept and attributed to
  their organisation; apps say what blocks a deletion and what to erase through two hooks.
- ``retention``: the daily job that drops what the portal no longer needs (voters' IP addresses,
  old notifications; finished job payloads are ``portal.notifications.jobs.clean_up``'s part).
"""

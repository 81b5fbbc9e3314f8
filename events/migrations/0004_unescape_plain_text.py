"""Plain-text fields were stored through the HTML sanitiser, which entity-encoded them
(``Tim &amp; Co``). They are stored as typed now; this puts existing rows back.

Every value in these fields went through the sanitiser exactly once, so one ``html.unescape``
gives back what the member typed. Only rows holding an entity are touched; the reverse
migration does nothing (the typed text is the right value either way).
"""

import html

from django.db import migrations

FIELDS = {
    "Team": ("name", "skills_wanted"),
    "TeamJoinRequest": ("message",),
    "Submission": ("title", "tagline", "problem", "description", "technologies"),
}


def _unescape(value):
    return html.unescape(value) if isinstance(value, str) and "&" in value else value


def unescape_rows(apps, schema_editor):
    for model_name, fields in FIELDS.items():
        model = apps.get_model("events", model_name)
        for row in model.objects.only("pk", *fields).iterator():
            changed = {f: _unescape(getattr(row, f)) for f in fields}
            changed = {f: v for f, v in changed.items() if v != getattr(row, f)}
            if changed:
                model.objects.filter(pk=row.pk).update(**changed)
    registration = apps.get_model("events", "Registration")
    for row in registration.objects.exclude(answers={}).only("pk", "answers").iterator():
        answers = {k: _unescape(v) for k, v in (row.answers or {}).items()}
        if answers != row.answers:
            registration.objects.filter(pk=row.pk).update(answers=answers)


class Migration(migrations.Migration):
    dependencies = [("events", "0003_hackathons")]

    operations = [migrations.RunPython(unescape_rows, migrations.RunPython.noop)]

from django.db import migrations

from portal.migration_support import grant

# Program managers run calls fully; proposals belong to their organisations, so managers read
# and export them (decisions go through the workflow engine, not the edit form).
GRANTS = {
    "call": ("add", "change", "delete", "view"),
    "proposal": ("view",),
    "proposalattachment": ("view",),
}


def forwards(apps, schema_editor):
    grant(apps, "partners", GRANTS)


class Migration(migrations.Migration):
    dependencies = [("partners", "0006_calls_proposals")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

from django.db import migrations

from portal.migration_support import grant


def forwards(apps, schema_editor):
    grant(apps, "partners", {"membership": None})


class Migration(migrations.Migration):
    dependencies = [("partners", "0003_memberships"), ("partners", "0002_program_managers_group")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

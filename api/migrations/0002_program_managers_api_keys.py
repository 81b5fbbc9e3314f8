from django.db import migrations

from portal.migration_support import grant


def forwards(apps, schema_editor):
    grant(apps, "api", {"apikey": None})


class Migration(migrations.Migration):
    dependencies = [("api", "0001_initial"), ("partners", "0002_program_managers_group")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

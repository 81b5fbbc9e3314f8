"""Program managers' permissions on cohort records (applications move only through the engine)."""

from django.db import migrations

from portal.migration_support import grant

GROUP = "Program managers"
GRANTS = {
    "cohort": ("add", "change", "view"),
    "cohortapplication": ("view",),
    "cohortmember": ("add", "change", "delete", "view"),
    "reviewerconflict": ("add", "change", "delete", "view"),
}


def forwards(apps, schema_editor):
    grant(apps, "programs", GRANTS, GROUP)


class Migration(migrations.Migration):
    dependencies = [("programs", "0005_cohorts")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

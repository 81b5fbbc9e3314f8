"""Program managers' permissions on cohort records (applications move only through the engine)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Program managers"
GRANTS = {
    "cohort": ("add", "change", "view"),
    "cohortapplication": ("view",),
    "cohortmember": ("add", "change", "delete", "view"),
    "reviewerconflict": ("add", "change", "delete", "view"),
}


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group, _ = Group.objects.get_or_create(name=GROUP)
    for model, actions in GRANTS.items():
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="programs",
                content_type__model=model,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        )


class Migration(migrations.Migration):
    dependencies = [("programs", "0005_cohorts")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

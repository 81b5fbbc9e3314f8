from django.contrib.auth.management import create_permissions
from django.db import migrations

# Program managers run calls fully; proposals belong to their organisations, so managers read
# and export them (decisions go through the workflow engine, not the edit form).
GRANTS = {
    "call": ("add", "change", "delete", "view"),
    "proposal": ("view",),
    "proposalattachment": ("view",),
}


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group = apps.get_model("auth", "Group").objects.filter(name="Program managers").first()
    if group is None:
        return
    Permission = apps.get_model("auth", "Permission")
    for model, actions in GRANTS.items():
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="partners",
                content_type__model=model,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        )


class Migration(migrations.Migration):
    dependencies = [("partners", "0006_calls_proposals")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

"""Program managers moderate reports: grant them the view permission on reports (the admin
lists and exports them; steps go through the moderation screen, never through a form)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Program managers"
GRANTS = {"report": ("view",)}


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="reports",
            codename__in=[f"{a}_{m}" for m, actions in GRANTS.items() for a in actions],
        )
    )


def backwards(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        Permission = apps.get_model("auth", "Permission")
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="reports"))


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_reports"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

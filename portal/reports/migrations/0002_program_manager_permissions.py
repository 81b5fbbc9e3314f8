"""Program managers moderate reports: grant them the view permission on reports (the admin
lists and exports them; steps go through the moderation screen, never through a form)."""

from django.db import migrations

from portal.migration_support import grant

GROUP = "Program managers"
GRANTS = {"report": ("view",)}


def forwards(apps, schema_editor):
    grant(apps, "reports", GRANTS, GROUP)


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

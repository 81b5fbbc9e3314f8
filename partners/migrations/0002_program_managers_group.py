"""The "Program managers" group: Wagtail admin access plus managing organisations.

Later apps add their own permissions to this group in their migrations.
"""

from django.db import migrations

from portal.migration_support import add_permissions, grant

GROUP = "Program managers"


def forwards(apps, schema_editor):
    grant(apps, "wagtailadmin", {"admin": ("access",)}, GROUP)
    add_permissions(apps, "partners", {"organisation": None}, GROUP)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_initial"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

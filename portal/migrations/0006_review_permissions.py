"""Program managers assign reviewers and read reviews: grant them the review permissions.

The group is created by partners' migration 0002; the core must not depend on an app above it,
so this migration finds or creates the group by name (partners then adds its own permissions).
Rules about who may review what still live in portal/reviews/permissions.py.
"""

from django.db import migrations

from portal.migration_support import grant

GROUP = "Program managers"
MODELS = ("rubric", "criterion", "reviewassignment", "review")
ACTIONS = ("add", "change", "view")


def forwards(apps, schema_editor):
    grant(apps, "portal", {model: ACTIONS for model in MODELS}, GROUP)


def backwards(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        Permission = apps.get_model("auth", "Permission")
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="portal", content_type__model__in=MODELS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_reviews"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

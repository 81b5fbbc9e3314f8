"""Program managers assign reviewers and read reviews: grant them the review permissions.

The group is created by partners' migration 0002; the core must not depend on an app above it,
so this migration finds or creates the group by name (partners then adds its own permissions).
Rules about who may review what still live in portal/reviews/permissions.py.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Program managers"
MODELS = ("rubric", "criterion", "reviewassignment", "review")
ACTIONS = ("add", "change", "view")


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; create ours now to grant them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="portal",
            codename__in=[f"{action}_{model}" for model in MODELS for action in ACTIONS],
        )
    )


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

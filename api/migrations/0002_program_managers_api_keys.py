from django.contrib.auth.management import create_permissions
from django.db import migrations


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group = apps.get_model("auth", "Group").objects.filter(name="Program managers").first()
    if group is not None:
        Permission = apps.get_model("auth", "Permission")
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="api", content_type__model="apikey")
        )


class Migration(migrations.Migration):
    dependencies = [("api", "0001_initial"), ("partners", "0002_program_managers_group")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

from django.db import migrations


def forwards(apps, schema_editor):
    from portal.taxonomy import load_taxonomy

    load_taxonomy(
        apps.get_model("wagtailcore", "Locale"),
        apps.get_model("portal", "Pillar"),
        apps.get_model("portal", "SustainableDevelopmentGoal"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_pages_settings_taxonomy"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

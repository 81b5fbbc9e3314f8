from django.db import migrations


class Migration(migrations.Migration):
    """Demo day and outcomes, and page images, were built side by side."""

    dependencies = [
        ("programs", "0011_demo_day_outcomes"),
        ("programs", "0011_page_images"),
    ]

    operations = []

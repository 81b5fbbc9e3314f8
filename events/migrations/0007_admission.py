# Team invitations and requests to join move through portal.admission's pipelines: invitations
# gain a state (accepted where accepted_at is set, else pending), requests record who decided
# and may be withdrawn.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def set_invitation_states(apps, schema_editor):
    """Every existing invitation keeps its row: accepted where accepted_at is set, else pending."""
    TeamInvitation = apps.get_model("events", "TeamInvitation")
    TeamInvitation.objects.filter(accepted_at__isnull=False).update(state="accepted")
    TeamInvitation.objects.filter(accepted_at__isnull=True).update(state="pending")


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0006_indonesian_names"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="teaminvitation",
            name="state",
            field=models.CharField(
                choices=[
                    ("pending", "Waiting"),
                    ("accepted", "Accepted"),
                    ("declined", "Declined"),
                    ("revoked", "Revoked"),
                ],
                default="pending",
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="teamjoinrequest",
            name="decided_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="teamjoinrequest",
            name="state",
            field=models.CharField(
                choices=[
                    ("pending", "Waiting"),
                    ("approved", "Approved"),
                    ("declined", "Declined"),
                    ("withdrawn", "Withdrawn"),
                ],
                default="pending",
                max_length=20,
            ),
        ),
        migrations.RunPython(set_invitation_states, migrations.RunPython.noop, elidable=True),
    ]

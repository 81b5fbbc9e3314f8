# Invitations and requests to join move through portal.admission's pipelines: invitations gain
# a state (accepted where accepted_at is set, else pending), requests may be withdrawn.

from django.db import migrations, models


def set_invitation_states(apps, schema_editor):
    """Every existing invitation keeps its row: accepted where accepted_at is set, else pending."""
    Invitation = apps.get_model("partners", "Invitation")
    Invitation.objects.filter(accepted_at__isnull=False).update(state="accepted")
    Invitation.objects.filter(accepted_at__isnull=True).update(state="pending")


class Migration(migrations.Migration):

    dependencies = [
        ("partners", "0008_indonesian_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="invitation",
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
        migrations.AlterField(
            model_name="joinrequest",
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

"""Milestones on the workflow engine (portal.milestones): pilot milestones keep every row
(``status`` becomes ``state``; planned, in_progress, done and delayed are states of the
pipeline, anything else becomes planned), gain evidence and review; cohort start-ups get their
own milestones; program managers may plan and see them; and the daily overdue reminder job (a
django-q2 Schedule run by qcluster)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import portal.uploads
from portal.migration_support import grant, schedule, unschedule

GROUP = "Program managers"
SCHEDULE = "milestones: overdue reminders"
GRANTS = {
    "pilotmilestone": ("view",),
    "cohortmilestone": ("add", "change", "view"),
}
STATES = {"planned", "in_progress", "done", "delayed"}


def keep_states(apps, schema_editor):
    """Every pilot milestone keeps its row; a value the pipeline does not know is planned."""
    PilotMilestone = apps.get_model("programs", "PilotMilestone")
    PilotMilestone.objects.exclude(state__in=STATES).update(state="planned")


def grant_and_schedule(apps, schema_editor):
    grant(apps, "programs", GRANTS, GROUP)
    schedule(apps, SCHEDULE, "portal.milestones.jobs.remind_overdue", "D")


def remove_schedule(apps, schema_editor):
    unschedule(apps, SCHEDULE)


class Migration(migrations.Migration):

    dependencies = [
        ('programs', '0009_merge_impact_page_and_indonesian_names'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [
        # Today's status values (planned, in_progress, done, delayed) are states of the
        # milestone pipeline: the column is renamed and every row keeps its value.
        migrations.RenameField(
            model_name='pilotmilestone',
            old_name='status',
            new_name='state',
        ),
        migrations.AlterField(
            model_name='pilotmilestone',
            name='state',
            field=models.CharField(choices=[('planned', 'Planned'), ('in_progress', 'In progress'), ('submitted', 'Evidence submitted'), ('changes_requested', 'Changes requested'), ('done', 'Done'), ('delayed', 'Delayed')], db_index=True, default='planned', max_length=20, verbose_name='state'),
        ),
        migrations.AddField(
            model_name='pilotmilestone',
            name='created_at',
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name='created'),
        ),
        migrations.AddField(
            model_name='pilotmilestone',
            name='evidence',
            field=models.TextField(blank=True, max_length=5000, verbose_name='evidence'),
        ),
        migrations.AddField(
            model_name='pilotmilestone',
            name='evidence_file',
            field=models.FileField(blank=True, storage=portal.uploads.private_storage, upload_to='milestones/%Y/%m/', verbose_name='evidence file'),
        ),
        migrations.AddField(
            model_name='pilotmilestone',
            name='evidence_type',
            field=models.CharField(blank=True, max_length=100, verbose_name='evidence file type'),
        ),
        migrations.AddField(
            model_name='pilotmilestone',
            name='reminded_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='overdue reminder sent'),
        ),
        migrations.AddField(
            model_name='pilotmilestone',
            name='reviewed_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='reviewed'),
        ),
        migrations.AddField(
            model_name='pilotmilestone',
            name='reviewed_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewed by'),
        ),
        migrations.AddField(
            model_name='pilotmilestone',
            name='updated_at',
            field=models.DateTimeField(auto_now=True, verbose_name='updated'),
        ),
        migrations.AlterField(
            model_name='pilotmilestone',
            name='pilot',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='milestones', to='programs.pilot', verbose_name='pilot'),
        ),
        migrations.CreateModel(
            name='CohortMilestone',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='milestone')),
                ('title_id', models.CharField(blank=True, max_length=200, verbose_name='milestone (Bahasa Indonesia)')),
                ('due_on', models.DateField(verbose_name='due')),
                ('state', models.CharField(choices=[('planned', 'Planned'), ('in_progress', 'In progress'), ('submitted', 'Evidence submitted'), ('changes_requested', 'Changes requested'), ('done', 'Done'), ('delayed', 'Delayed')], db_index=True, default='planned', max_length=20, verbose_name='state')),
                ('evidence', models.TextField(blank=True, max_length=5000, verbose_name='evidence')),
                ('evidence_file', models.FileField(blank=True, storage=portal.uploads.private_storage, upload_to='milestones/%Y/%m/', verbose_name='evidence file')),
                ('evidence_type', models.CharField(blank=True, max_length=100, verbose_name='evidence file type')),
                ('completed_on', models.DateField(blank=True, null=True, verbose_name='completed on')),
                ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='reviewed')),
                ('reminded_at', models.DateTimeField(blank=True, null=True, verbose_name='overdue reminder sent')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('member', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='milestones', to='programs.cohortmember', verbose_name='start-up')),
                ('reviewed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewed by')),
            ],
            options={
                'verbose_name': 'start-up milestone',
                'verbose_name_plural': 'start-up milestones',
                'ordering': ['due_on', 'pk'],
                'abstract': False,
            },
        ),
        migrations.RunPython(keep_states, migrations.RunPython.noop),
        migrations.RunPython(grant_and_schedule, remove_schedule),
    ]

from django.apps import AppConfig


class WorkflowAppConfig(AppConfig):
    """A small application pipeline, installed only in tests, that proves the workflow engine."""

    name = "tests.workflow_app"
    label = "workflow_app"

"""The test pipeline's applications are followable, to prove that only public steps are news."""

from portal.follows.registry import Followable, register
from tests.workflow_app.models import Application

register(
    Followable(
        kind="test_applications",
        model="workflow_app.Application",
        label="Test applications",
        order=999,
        public=lambda: Application.objects.all(),
        url=lambda application: "/",
    )
)

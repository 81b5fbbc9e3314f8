"""Print every registered pipeline as a Mermaid state diagram (docs come from the same table)."""

from django.core.management.base import BaseCommand

from portal.workflow import REGISTRY, diagram


class Command(BaseCommand):
    help = "Print each workflow pipeline as a Mermaid state diagram."

    def handle(self, *args, **options):
        if not REGISTRY:
            self.stdout.write("No pipelines are registered.")
        for name, pipeline in sorted(REGISTRY.items()):
            self.stdout.write(f"## {name}\n\n```mermaid\n{diagram(pipeline)}\n```\n\n")

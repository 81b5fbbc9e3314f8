"""Base classes of every admin viewset of the portal.

- Exports are guarded against spreadsheet formulas (``portal.exports``).
- The search box searches the listed ``search_fields`` with the ORM: Wagtail's SQLite search
  backend cannot restrict a query to fields (every query failed with "no such column: name"),
  and staff expect a substring match in a listing anyway.
"""

from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.exports import FormulaGuardMixin


class GuardedIndexView(FormulaGuardMixin, IndexView):
    """The index view of every portal ``ModelViewSet`` (base class of custom index views)."""


class GuardedSnippetIndexView(FormulaGuardMixin, SnippetIndexView):
    """The index view of every portal ``SnippetViewSet``."""


class PortalModelViewSet(ModelViewSet):
    """``ModelViewSet`` whose exports are guarded; every admin viewset of the portal uses it."""

    index_view_class = GuardedIndexView
    search_backend_name = None


class PortalSnippetViewSet(SnippetViewSet):
    """``SnippetViewSet`` whose exports are guarded."""

    index_view_class = GuardedSnippetIndexView
    search_backend_name = None

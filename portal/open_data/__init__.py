"""The open-data catalogue: every dataset of ``portal.datasets`` as CSV, JSON and XLSX, one
Frictionless Data Package and a DCAT catalogue (docs/open-data.md)."""

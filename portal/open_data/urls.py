from django.urls import path, re_path

from portal.open_data import views

app_name = "open_data"

urlpatterns = [
    path("open-data/", views.catalogue, name="catalogue"),
    path("open-data/datapackage.json", views.datapackage_json, name="datapackage"),
    path("open-data/datapackage.zip", views.datapackage_zip, name="datapackage_zip"),
    path("open-data/catalog.jsonld", views.dcat, name="dcat"),
    re_path(r"^open-data/(?P<slug>[a-z0-9-]+)/$", views.dataset_page, name="dataset"),
    re_path(
        r"^open-data/(?P<slug>[a-z0-9-]+)\.(?P<fmt>csv|json|xlsx)$", views.download, name="download"
    ),
]

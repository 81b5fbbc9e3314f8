from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.follows import views as follow_views
from portal.privacy import views as privacy_views
from portal.sitemaps import MultilingualSitemap
from portal.views import me, reviews, search

app_patterns = (
    [
        path("me/", me.dashboard, name="me"),
        path("me/profile/", me.profile, name="profile"),
        path("me/data/", me.personal_data, name="personal_data"),
        path("me/delete/", privacy_views.delete_own_account, name="delete_account"),
        path("me/notifications/", me.notifications, name="notifications"),
        path("me/notifications/read/", me.notifications_read_all, name="notifications_read_all"),
        path("me/notifications/<id:pk>/read/", me.notification_read, name="notification_read"),
        path("me/follows/", follow_views.my_follows, name="follows"),
        path("me/follows/toggle/", follow_views.toggle, name="follow_toggle"),
        path(
            "follows/unsubscribe/<str:token>/", follow_views.unsubscribe, name="follows_unsubscribe"
        ),
        path("me/reviews/", reviews.my_reviews, name="my_reviews"),
        path("me/reviews/<id:pk>/", reviews.review, name="review"),
        path("search/", search.search, name="search"),
    ],
    "portal",
)

urlpatterns = [
    # The admin signs in through allauth (e-mail, verification, TOTP, rate limits).
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    # The public read API: not language-prefixed (each resource carries both languages).
    path("api/", include("api.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include(app_patterns)),
    path("", include("portal.reports.urls")),
    path("", include("portal.open_data.urls")),
    # Feature apps' own views, by string so the core never imports an app above it.
    path("", include("partners.urls")),
    path("", include("events.urls")),
    path("", include("programs.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

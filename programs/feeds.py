"""The feed of new policy recommendations: RSS 2.0, one per language tree (/<lang>/policy/feed/).

Only live, public recommendations of that language appear; drafts and pages in moderation never do.
"""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from portal.sites import absolute

FEED_SIZE = 20


class RecommendationFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code  # an attribute, not a method, for Django

    def title(self):
        return _("Policy recommendations")

    def link(self):
        return absolute(self.index.url)

    def feed_url(self):
        return absolute(self.index.url + self.index.reverse_subpage("feed_route"))

    def description(self):
        return self.index.intro or _("New policy recommendations of the network.")

    def items(self):
        return (
            self.index.recommendations()
            .select_related("programme")
            .order_by("-date", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute(item.url)

    def item_guid(self, item):
        return item.full_url

    def item_pubdate(self, item):
        """The recommendation's own date (midnight in Jakarta), not when the page went live."""
        return datetime.combine(item.date, time.min, tzinfo=timezone.get_default_timezone())

    def item_categories(self, item):
        return [item.programme.title] if item.programme_id else []

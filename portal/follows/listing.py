"""Followed items as the member sees them on /me/: title, link and latest news.

A constant number of queries: the follows (with their latest news), then one per kind.
"""

from collections import defaultdict
from dataclasses import dataclass

from . import registry


@dataclass(frozen=True)
class Row:
    follow: object
    kind_label: str
    title: str
    url: str
    news: str
    news_at: object


def followed_rows(follows):
    follows = list(follows)
    by_kind = defaultdict(set)
    for follow in follows:
        by_kind[follow.kind].add(follow.object_id)
    items = {}
    for kind, pks in by_kind.items():
        followable = registry.get(kind)
        if followable is not None:
            for item in followable.public().filter(pk__in=pks):
                items[(kind, item.pk)] = (followable, item)
    rows = []
    for follow in follows:
        found = items.get((follow.kind, follow.object_id))
        if found is None:
            continue  # no longer public: hidden until it is again
        followable, item = found
        news = follow.latest_news
        rows.append(
            Row(
                follow=follow,
                kind_label=str(followable.label),
                title=followable.title(item),
                url=followable.url(item) or "",
                news=followable.describe_news(item, news) if news else "",
                news_at=news.created_at if news else None,
            )
        )
    return rows

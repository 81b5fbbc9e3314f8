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
    items, shown = {}, {}
    for kind, pks in by_kind.items():
        followable = registry.get(kind)
        if followable is not None:
            public = list(followable.public().filter(pk__in=pks))
            items.update({(kind, item.pk): (followable, item) for item in public})
            shown.update({(kind, pk): value for pk, value in followable.present(public).items()})
    rows = []
    for follow in follows:
        found = items.get((follow.kind, follow.object_id))
        if found is None:
            continue  # no longer public: hidden until it is again
        followable, item = found
        news = follow.latest_news
        title, url = shown[(follow.kind, follow.object_id)]
        rows.append(
            Row(
                follow=follow,
                kind_label=str(followable.label),
                title=title,
                url=url,
                news=followable.describe_news(item, news, title) if news else "",
                news_at=news.created_at if news else None,
            )
        )
    return rows

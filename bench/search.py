"""Search as one reader meets it: one request at a time, page cache off (docs/performance.md).

Under the load rounds' 16 connections a search's latency is mostly queueing behind the others,
so its target (docs/search.md) is a p95 measured with a single connection.
"""

from bench import load

# Names, a phrase, the Indonesian stemmer, a type facet and every language.
SEARCHES = (
    "/en/search/?q=flood",
    "/id/search/?q=banjir",
    "/en/search/?q=Qlue",
    "/en/search/?q=PintarGo",
    "/en/search/?q=water+resources",
    "/en/search/?q=flood&type=pilots",
    "/id/search/?q=sampah&lang=all",
)
P95_MS = 150


def measure(ports, host, headers, *, seconds, rounds):
    """{scale: row} for ``ports`` ({scale: port of its uncached server}); each search is asked
    for ``seconds`` per round, after one warm-up request."""
    rows = {}
    for scale, port in ports.items():
        result = load.Result()
        for path in SEARCHES:
            load.fetch((host, port), load.request_bytes(host, path, headers))
        for _ in range(rounds):
            for path in SEARCHES:
                result.merge(
                    load.run(
                        (host, port),
                        host,
                        path,
                        seconds=seconds,
                        connections=1,
                        processes=1,
                        headers=headers,
                    )
                )
        rows[scale] = {
            "scale": scale,
            "requests": result.requests,
            "errors": result.errors,
            **{f"p{n}_ms": round(result.percentile(n / 100) * 1000, 1) for n in (50, 95, 99)},
        }
    return rows


def print_rows(rows):
    for row in rows.values():
        print(
            f"search, one reader, uncached [{row['scale']}]: {row['requests']} requests over "
            f"{len(SEARCHES)} queries, p50 {row['p50_ms']} ms, p95 {row['p95_ms']} ms, "
            f"p99 {row['p99_ms']} ms, errors {row['errors']}"
        )


def check(rows, scale="10x"):
    row = rows[scale]
    return (
        not row["errors"] and row["p95_ms"] < P95_MS,
        f"search p95 under {P95_MS} ms at {scale.replace('x', '×')} data, one reader, "
        f"uncached ({row['p95_ms']} ms)",
    )

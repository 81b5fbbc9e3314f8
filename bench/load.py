"""A small closed-loop HTTP load generator: N connections in flight for a fixed time.

Each worker thread sends a request, reads the whole response, records its latency and size, and
sends the next one (gunicorn's sync workers close each connection, so each request opens one).
Threads are spread over processes so the client is not bound by one interpreter lock; the
machine's cores are shared with the servers under test, which is why the benchmark compares
ratios measured in one run rather than absolute numbers.
"""

import multiprocessing
import socket
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Result:
    requests: int = 0
    errors: int = 0
    bytes: int = 0
    seconds: float = 0.0
    latencies: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)

    def merge(self, other):
        self.requests += other.requests
        self.errors += other.errors
        self.bytes += other.bytes
        self.seconds = max(self.seconds, other.seconds)
        self.latencies.extend(other.latencies)
        for status, count in other.statuses.items():
            self.statuses[status] = self.statuses.get(status, 0) + count

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, fraction):
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def request_bytes(host, path, headers=()):
    lines = [f"GET {path} HTTP/1.1", f"Host: {host}", "Connection: close", *headers, "", ""]
    return "\r\n".join(lines).encode()


def fetch(address, payload, timeout=30):
    """One request on a new connection: (status, body size in bytes)."""
    with socket.create_connection(address, timeout=timeout) as connection:
        connection.sendall(payload)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    response = b"".join(chunks)
    head = response.partition(b"\r\n\r\n")[0]
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return status, len(response)


def _thread(address, payload, deadline, result, lock):
    local = Result()
    while (started := time.perf_counter()) < deadline:
        try:
            status, size = fetch(address, payload)
        except OSError:
            status, size = 0, 0
        local.latencies.append(time.perf_counter() - started)
        local.requests += 1
        local.bytes += size
        local.statuses[status] = local.statuses.get(status, 0) + 1
        if status != 200:
            local.errors += 1
    with lock:
        result.merge(local)


def _process(address, payload, seconds, threads, queue):
    result, lock = Result(), threading.Lock()
    started = time.perf_counter()
    deadline = started + seconds
    workers = [
        threading.Thread(target=_thread, args=(address, payload, deadline, result, lock))
        for _ in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    result.seconds = time.perf_counter() - started
    queue.put(result)


def run(address, host, path, *, seconds=3.0, connections=16, processes=2, headers=()):
    """Load ``path`` with ``connections`` requests in flight for ``seconds``; one Result."""
    payload = request_bytes(host, path, headers)
    queue = multiprocessing.get_context("fork").Queue()
    per_process = max(1, connections // processes)
    children = [
        multiprocessing.get_context("fork").Process(
            target=_process, args=(address, payload, seconds, per_process, queue)
        )
        for _ in range(processes)
    ]
    for child in children:
        child.start()
    total = Result()
    for _ in children:
        total.merge(queue.get(timeout=seconds + 120))
    for child in children:
        child.join(timeout=10)
    return total

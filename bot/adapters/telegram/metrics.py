"""Operations endpoints: ``/healthz`` and ``/metrics`` (Prometheus text format).

Served on the webhook server's port in webhook mode, and in polling mode on a small server of
their own when ``TOEKOMSTPLAN_METRICS_PORT`` is set (see :func:`serve_operations`). Labels
hold only kinds (what sort of input a turn was), never a user, a chat or any text: a
crisis reply is a bare count.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from aiohttp import web
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector

from bot.adapters.telegram.database_calls import in_database
from bot.messages import InputKind
from bot.turns import Turns

PREFIX = "toekomstplan"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)


class Metrics:
    """What this process counts, in a registry of its own (tests run several bots in one
    process). The outbox and the turns retried are read when scraped."""

    def __init__(self, turns: Turns) -> None:
        self.turns = turns
        self.registry = CollectorRegistry(auto_describe=True)
        self.turns_total = Counter(f"{PREFIX}_turns", "Turns handled, by kind of input",
                                   ["kind"], registry=self.registry)
        self.turn_seconds = Histogram(f"{PREFIX}_turn_seconds",
                                      "From an update's turn starting to its reply being stored",
                                      buckets=LATENCY_BUCKETS, registry=self.registry)
        self.crisis_replies = Counter(f"{PREFIX}_crisis_replies",
                                      "Replies with the crisis help lines",
                                      registry=self.registry)
        self.errors = Counter(f"{PREFIX}_errors", "Updates whose handling failed",
                              registry=self.registry)
        self.updates_again = Counter(f"{PREFIX}_updates_sent_again",
                                     "Updates Telegram sent again after their turn was taken "
                                     "(skipped)", registry=self.registry)
        for kind in InputKind:
            self.turns_total.labels(kind.value)
        self.registry.register(_Stored(turns))
        ProcessCollector(registry=self.registry)  # CPU, memory, start time (tells processes apart)

    @contextmanager
    def turn(self, kind: InputKind) -> Iterator[None]:
        started = time.perf_counter()
        yield
        self.turn_seconds.observe(time.perf_counter() - started)
        self.turns_total.labels(kind.value).inc()

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


class _Stored(Collector):
    """Figures from the database and from :class:`Turns`, read at scrape time."""

    def __init__(self, turns: Turns) -> None:
        self.turns = turns

    def describe(self) -> Iterator[Metric]:
        """The names alone: registering must not reach the database (it may be away)."""
        yield from self._families(0, 0, 0.0)

    def collect(self) -> Iterator[Metric]:
        try:
            depth, age = self.turns.outbox_backlog()
        except Exception:  # the database is away: /healthz says so; no outbox figures now
            yield next(self._families(self.turns.retried, 0, 0.0))  # the count alone
            return
        yield from self._families(self.turns.retried, depth, age.total_seconds())

    @staticmethod
    def _families(retried: int, depth: int, age: float) -> Iterator[Metric]:
        yield CounterMetricFamily(f"{PREFIX}_turns_retried",
                                  "Turns run again after a deadlock or serialization failure",
                                  value=retried)
        yield GaugeMetricFamily(f"{PREFIX}_outbox_depth", "Outbox messages waiting",
                                value=depth)
        yield GaugeMetricFamily(f"{PREFIX}_outbox_oldest_age_seconds",
                                "How long the oldest waiting outbox message has waited",
                                value=age)


def add_routes(app: web.Application, metrics: Metrics) -> None:
    """``GET /healthz``: 200 while the database answers, else 503. ``GET /metrics``."""

    async def healthz(request: web.Request) -> web.Response:
        up = await in_database(metrics.turns, metrics.turns.database_reachable)
        return web.Response(status=200 if up else 503,
                            text="ok\n" if up else "database unreachable\n")

    async def scrape(request: web.Request) -> web.Response:
        body = await in_database(metrics.turns, metrics.exposition)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", scrape)


class OperationsServer:
    """``/healthz`` and ``/metrics`` on a port of their own (polling mode)."""

    def __init__(self, metrics: Metrics) -> None:
        app = web.Application()
        add_routes(app, metrics)
        self._runner = web.AppRunner(app, access_log=None)

    async def start(self, listen: str, port: int) -> None:
        await self._runner.setup()
        await web.TCPSite(self._runner, listen, port).start()

    async def stop(self) -> None:
        await self._runner.cleanup()

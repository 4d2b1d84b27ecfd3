"""Abuse limits of the ballot box service: sizes, timeouts and token-bucket rate limits.

The buckets live in the process: with N service instances behind a load
balancer a client gets up to N times the per-instance rate (docs/spec.md
37.4).  That is deliberate: a shared limiter would make PostgreSQL (or a
new component) a hot spot for every request, while the limits here only
have to keep one instance responsive under a flood; the database's own
rules (one ballot per credential) never depend on them.

Per credential: credentials are public (credentials.jsonl), so a bucket
charged for any ballot that merely *names* a credential would let anyone
lock a resident out.  The service charges a credential's bucket only for
ballots whose credential signature verifies, i.e. sent by someone who
holds the voting code (see ballot/service/app.py).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Final

from ballot.encrypted_ballot import MAX_BALLOT_BYTES

__all__ = ["ServiceLimits", "TokenBuckets"]

_SPOIL_OVERHEAD: Final = 256 * 1024
"""Room for the revealed values and nonces beside the ballot (about 80 bytes per project)."""


@dataclass(frozen=True, slots=True)
class ServiceLimits:
    """The limits one service instance enforces.

    Attributes:
        ip_rate: requests per second one client address may sustain (every endpoint).
        ip_burst: requests one client address may send at once.
        credential_rate: casts and spoils per second for one credential (signed ones only).
        credential_burst: casts and spoils at once for one credential.
        max_ballot_bytes: the largest cast body (docs/spec.md 26.4: 4 MiB).
        max_spoil_bytes: the largest spoil body (a ballot plus its values and nonces).
        body_timeout_s: seconds a client may take to send its body (slow senders are cut off).
        board_page_max: the most board entries one ``GET /v1/board`` returns.
        tracked_keys: the most addresses or credentials remembered per bucket set (least recent dropped).
    """

    ip_rate: float = 50.0
    ip_burst: float = 100.0
    credential_rate: float = 0.2
    credential_burst: float = 10.0
    max_ballot_bytes: int = MAX_BALLOT_BYTES
    max_spoil_bytes: int = MAX_BALLOT_BYTES + _SPOIL_OVERHEAD
    body_timeout_s: float = 20.0
    board_page_max: int = 1000
    tracked_keys: int = 100_000

    def __post_init__(self) -> None:
        if min(self.ip_rate, self.ip_burst, self.credential_rate, self.credential_burst, self.body_timeout_s) <= 0:
            raise ValueError("service limits: rates, bursts and timeouts must be positive")
        if self.board_page_max < 1 or self.tracked_keys < 1:
            raise ValueError("service limits: the page size and tracked keys must be at least 1")


class TokenBuckets:
    """One token bucket per key (client address, credential), bounded in memory.

    Not thread-safe on purpose: the service calls it only from its event
    loop, so no lock is needed and no request ever waits on one.

    Args:
        rate: tokens added per second.
        burst: bucket capacity (and the initial fill).
        max_keys: buckets kept; the least recently used are forgotten (a
            forgotten key starts full again, which errs towards letting people vote).
        clock: monotonic seconds (injected by tests).
    """

    def __init__(self, rate: float, burst: float, max_keys: int,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self.max_keys = max_keys
        self.clock = clock
        self._buckets: OrderedDict[Hashable, tuple[float, float]] = OrderedDict()

    def take(self, key: Hashable) -> float:
        """Take one token for ``key``.

        Returns:
            0.0 if the request may go ahead, else the seconds until a token is available.
        """
        now = self.clock()
        tokens, last = self._buckets.pop(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens >= 1.0:
            self._buckets[key] = (tokens - 1.0, now)
            wait = 0.0
        else:
            self._buckets[key] = (tokens, now)
            wait = (1.0 - tokens) / self.rate
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return wait

"""Worker processes that append to the audit log at the same moment (tests/ballot/test_audit.py)."""

from __future__ import annotations

from multiprocessing.synchronize import Barrier


def append_many(url: str, worker: int, count: int, go: Barrier) -> None:
    """Append ``count`` turnout entries from a fresh engine, after every worker is ready."""
    from ballot.audit import record_audit
    from ballot.storage import Store

    store = Store(url)
    go.wait(timeout=60)
    for n in range(count):
        record_audit(store, "polls-turnout", role="system", details={"ballots": n, "kiosks": f"worker-{worker}=1"})
    store.close()

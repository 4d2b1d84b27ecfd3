"""Per-district, per-project sums of ballot ciphertexts (spec sections 8.3 and 32).

Worker processes sum the ballots of their chunk (:func:`chunk_sums`); the
sequential pass adds the partial sums (:meth:`DistrictSums.merge`) and takes
back out (:meth:`DistrictSums.remove`) the rare ballot that passed section
26.5 on its own but is not counted (a second ballot of a credential, an
ineligible one, one after the ``close`` entry).  Group addition is
commutative, so the result does not depend on the number of processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tally.verify.group import IDENTITY, add, sub


@dataclass
class DistrictSums:
    """The running sum of one district: ``A_{d,j} = Σ selections_b[j]`` and the number of ballots."""

    ballots: int = 0
    alphas: list[bytes] = field(default_factory=list)
    betas: list[bytes] = field(default_factory=list)

    @classmethod
    def empty(cls, n: int) -> DistrictSums:
        """The sum of no ballots of a district with ``n`` projects: ``(O, O)`` each (section 32)."""
        return cls(0, [IDENTITY] * n, [IDENTITY] * n)

    def add_ballot(self, alphas: bytes, betas: bytes) -> None:
        """Add one ballot's selections (concatenated 32-byte ``α`` and ``β``)."""
        self._resize(len(alphas) // 32)
        for j in range(len(self.alphas)):
            self.alphas[j] = add(self.alphas[j], alphas[32 * j:32 * j + 32])
            self.betas[j] = add(self.betas[j], betas[32 * j:32 * j + 32])
        self.ballots += 1

    def remove(self, alphas: bytes, betas: bytes) -> None:
        """Take one ballot's selections back out."""
        self._resize(len(alphas) // 32)
        for j in range(len(self.alphas)):
            self.alphas[j] = sub(self.alphas[j], alphas[32 * j:32 * j + 32])
            self.betas[j] = sub(self.betas[j], betas[32 * j:32 * j + 32])
        self.ballots -= 1

    def merge(self, other: DistrictSums) -> None:
        """Add a partial sum (of the same district)."""
        if other.ballots == 0:
            return
        self._resize(len(other.alphas))
        self.alphas = [add(a, b) for a, b in zip(self.alphas, other.alphas, strict=True)]
        self.betas = [add(a, b) for a, b in zip(self.betas, other.betas, strict=True)]
        self.ballots += other.ballots

    def _resize(self, n: int) -> None:
        if not self.alphas and not self.ballots:
            self.alphas, self.betas = [IDENTITY] * n, [IDENTITY] * n
        if len(self.alphas) != n:
            raise ValueError("a ballot with another number of selections than its district")


Sums = dict[str, DistrictSums]
"""District id -> its sums."""


def merge_into(total: Sums, part: Sums) -> None:
    """Add the partial sums ``part`` into ``total``."""
    for district, sums in part.items():
        total.setdefault(district, DistrictSums()).merge(sums)

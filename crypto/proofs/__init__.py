"""Non-interactive zero-knowledge proofs (strong Fiat-Shamir), one module per proof type."""

from crypto.proofs._disjunctive import DisjunctiveProof
from crypto.proofs._fiat_shamir import ProofContext

__all__ = [
    "DisjunctiveProof",
    "ProofContext",
    "count",
    "decryption",
    "knapsack",
    "points",
    "schnorr",
    "selection",
]

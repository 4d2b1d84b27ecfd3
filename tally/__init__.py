"""pbvote tally: homomorphic tally, threshold decryption, PB outcome rules, verifier."""

__all__: list[str] = []

"""pbvote ballot: the election manifest, eligibility, ballots, ballot box and receipts."""

__all__: list[str] = []

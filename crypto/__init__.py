"""pbvote crypto: pure functions over bytes for verifiable ballots.

Imports only the standard library and PyNaCl.  ``__pbvote__`` lets the
applications check at start-up that ``crypto`` is this package and not an
unrelated PyPI distribution of the same name.
"""

__pbvote__ = True
__all__: list[str] = []

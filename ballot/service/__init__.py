"""The ballot box as a network service (``pbvote serve``) and the wire format its clients share.

``ballot.service.app`` needs the server stack (Starlette, uvicorn: the
``serve`` extra); ``ballot.service.wire`` and ``ballot.service.errors`` are
standard library only, so ``ballot.remote`` (kiosks, home desktops,
``pbvote cast --server``) imports them without the server stack.  This
``__init__`` therefore imports nothing.
"""

__all__: list[str] = []

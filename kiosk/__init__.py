"""pbvote kiosk: the PySide6 application (voter flow, officials' console, observer screen)."""

__all__: list[str] = []

"""PB outcome rules: pure functions from counts or profiles to funded projects."""

__all__: list[str] = []
